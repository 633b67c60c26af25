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
  'business proposal', 'business venture', 'donation code', 'investment opportunity', 'transfer the funds', 'next of kin',
  'million usd', 'million dollars', 'million euros', 'us$', 'compensation fund', 'unclaimed funds', 'atm card',
  'lineグループ', 'lineのグループ', 'グループを作成して', 'ギフトカードを購入', 'buy gift cards',
]);

export const bodyBecRequest: Rule = {
  id: 'body-bec-request',
  scope: 'body',
  maxSeverity: 'caution',
  weight: 1,
  check(msg) {
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
      { name: 'advance-fee story from Gmail (caution)', snapshot: { from: { name: 'MR. MUSA', address: 'mr.musa1988@gmail.com' }, subject: 'GREETING TO YOU', text: 'DEAR FRIEND, I have a business proposal of US$18.5 million to transfer into your account.' } },
    ],
    clean: [{ name: 'meeting', snapshot: { subject: '会議', text: '明日の会議は10時からです。' } }],
  },
};
