/**
 * Money and secrecy stories: changed bank details, wire transfers, gift-card purchases,
 * inheritances and "business proposals". Business e-mail compromise and advance-fee fraud use no
 * link at all; the story is the signal. Only noted: real invoices mention bank details too —
 * except the advance-fee story (millions, next of kin, a business proposal) or the CEO-fraud
 * request (buy gift cards, set up a LINE group) sent from a consumer mailbox: no bank, lawyer,
 * company or director asks that from Gmail in good faith, and it is a caution.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isConsumerMailbox, messageFinding } from './support/helpers';
import { lureMatcher } from './support/lexicon';

/**
 * The parts of the theme no one writes from a consumer mailbox in good faith: advance-fee ("419")
 * stories, and CEO-fraud requests to buy gift cards or move the talk to a LINE group.
 */
const FROM_FREEMAIL_CAUTION = new Set([
  'dear beloved', 'my late husband', 'handle a project', 'loan offer',
  'personal or business loan', 'business proposal', 'business venture', 'donation code', 'investment opportunity', 'transfer the funds', 'next of kin',
  'million usd', 'million dollars', 'million euros', 'us$', 'compensation fund', 'unclaimed funds', 'atm card',
  'lineグループ', 'lineのグループ', 'グループを作成して', 'ギフトカードを購入', 'buy gift cards',
]);

/**
 * Executive titles CEO fraud signs with (「院長 山田太郎」, 「代表取締役 佐藤」, "CEO John Smith").
 * Checked on the NFKC lower-cased display name.
 */
const EXECUTIVE_TITLE = /(?:副?院長|病院長|副?理事長|事務長|看護部長|副?社長|代表取締役|取締役|専務|常務|会長|部長|局長|所長|学長|総長|\b(?:ceo|cfo|coo|president|chairman|managing director)\b)/;

/**
 * What the CEO-fraud wave asks of staff, worded many ways: a LINE group and its QR code, gift
 * cards or electronic money whose codes go back by reply, and secrecy. Bounded patterns over the
 * normalised text (no nested quantifiers).
 */
const CEO_FRAUD_REQUESTS: readonly [string, RegExp][] = [
  ['line-group', /(?:line|ライン).{0,12}(?:グループ|group)|グループ.{0,8}(?:作成|作って|作り|立ち上げ)|qr\s?(?:コード|code).{0,20}(?:送|返信|共有|添付|send|share)/],
  ['gift-card', /ギフトカード|ギフト券|ギフトコード|プリペイド(?:カード|式)|電子マネー|ウェブマネー|ビットキャッシュ|バニラ(?:visa|ギフト)|itunes\s?カード|apple\s?(?:gift|ギフト)|google\s?play\s?(?:ギフト|カード|card)|amazon\s?ギフト|webmoney|bitcash|gift\s?cards?|(?:カード|券)の?(?:番号|コード).{0,12}(?:送|返信|撮|写真)/],
  ['secrecy', /内密|極秘|他言無用|(?:他の|ほかの)(?:人|方|職員|スタッフ).{0,6}(?:言わ|話さ|伝えな|知らせな)|口外(?:しない|無用|せず)|誰にも(?:言わ|話さ|相談せ|知らせ)|内緒|秘密裏|keep (?:this|it) (?:confidential|between us|private)/],
];

/** The CEO-fraud pattern: an executive title and a name asking one of the requests; returns the words asked. */
export function ceoFraudRequest(name: string, text: string): string | undefined {
  const n = name.normalize('NFKC').toLowerCase();
  const title = EXECUTIVE_TITLE.exec(n)?.[0];
  if (!title) return undefined;
  // A personal name beside the title: at least two more letters or kanji (「院長」 alone is a role mailbox).
  const rest = n.replace(title, '').replace(/[\s\p{P}\p{S}\d]+/gu, '');
  if ([...rest].length < 2) return undefined;
  for (const [, re] of CEO_FRAUD_REQUESTS) {
    const m = re.exec(text);
    if (m) return m[0].slice(0, 40);
  }
  return undefined;
}

export const bodyBecRequest: Rule = {
  id: 'body-bec-request',
  scope: 'body',
  maxSeverity: 'caution',
  weight: 1,
  check(msg) {
    if (msg.from && isConsumerMailbox(msg.from) && !msg.isMailingList) {
      const request = ceoFraudRequest(msg.from.name, `${msg.subjectNorm}\n${msg.bodyNorm.slice(0, 10_000)}`);
      if (request) return [messageFinding(this.id, 'caution', 'body', request, { phrase: request, title: 1 })] as Finding[];
    }
    const phrase = msg.lures.subject.get('bec') ?? msg.lures.body.get('bec');
    if (!phrase) return [];
    if (isConsumerMailbox(msg.from) && !msg.isMailingList) {
      const fee = lureMatcher()
        .find(`${msg.subjectNorm}\n${msg.bodyNorm.slice(0, 10_000)}`, 400)
        .find((h) => h.tag === 'bec' && FROM_FREEMAIL_CAUTION.has(h.term));
      if (fee) return [messageFinding(this.id, 'caution', 'body', fee.term, { phrase: fee.term })] as Finding[];
    }
    return [messageFinding(this.id, 'info', 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'ja: 口座変更', snapshot: { subject: '振込口座変更のお願い', text: '今月より振込先が変更となりました。' } },
      { name: 'en: inheritance', snapshot: { subject: 'Business proposal', text: 'I have a business proposal regarding an inheritance of 10.5 million dollars.' } },
      {
        name: 'director impersonated from Gmail asks for a LINE group (caution)',
        snapshot: { from: { name: '山田 太郎', address: 'yamada.taro.rijichou@gmail.com' }, subject: 'お願い', text: 'お疲れ様です。至急、業務用のLINEグループを作成して、QRコードを送ってください。' },
      },
      {
        name: 'hospital director on outlook.jp asks for electronic money codes by reply (caution)',
        snapshot: { from: { name: '院長 田中 誠', address: 'tanaka.makoto.office@outlook.jp' }, subject: '至急', text: '会議中のため電話に出られません。取引先への贈答用に電子マネーを5万円分購入し、裏面の番号を撮影して返信してください。' },
      },
      {
        name: 'CEO on gmail.com wants a LINE group kept quiet (caution)',
        snapshot: { from: { name: '代表取締役 鈴木一郎', address: 'suzuki.ceo.office@gmail.com' }, subject: '確認', text: '新しい業務連絡用にLINEで連絡を取りたいので、グループを作ってQRコードを送ってください。この件は他の職員には内密にお願いします。' },
      },
      { name: 'advance-fee story from Gmail (caution)', snapshot: { from: { name: 'MR. MUSA', address: 'mr.musa1988@gmail.com' }, subject: 'GREETING TO YOU', text: 'DEAR FRIEND, I have a business proposal of US$18.5 million to transfer into your account.' } },
    ],
    clean: [
      { name: 'meeting', snapshot: { subject: '会議', text: '明日の会議は10時からです。' } },
      { name: 'a retired director on Gmail sends a thank-you note', snapshot: { from: { name: '元院長 高橋', address: 'takahashi.retired@gmail.com' }, subject: 'ご挨拶', text: '先日は送別会をありがとうございました。皆様のご健康をお祈りします。' } },
    ],
  },
};
