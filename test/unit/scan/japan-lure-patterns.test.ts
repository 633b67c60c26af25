/**
 * Lure patterns seen in Japan that carry no brand in the sender name: CEO fraud from consumer
 * mailboxes, brand warnings told only in the body, and archives shared through file-sharing
 * links by a free-mail "society office". Each must be at least a caution; the everyday
 * counterparts stay quiet.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailAnchor, MailSnapshot } from '../../../shared/model';

const policy = { ...DEFAULT_POLICY, orgDomains: ['hospital.example'], orgName: 'さくら総合病院' } as Policy;
const level = (s: MailSnapshot) => scanMessage(s, policy).level;
const mail = (name: string, address: string, subject: string, text: string, anchors?: MailAnchor[], html?: string): MailSnapshot => ({
  host: 'eml',
  from: { name, address },
  to: [{ address: 'staff@hospital.example' }],
  subject,
  text,
  ...(html ? { html } : {}),
  ...(anchors ? { anchors } : {}),
});

describe('CEO fraud: executive title and name on a consumer mailbox', () => {
  const rows: [string, MailSnapshot][] = [
    ['院長 asks for a LINE group and its QR code', mail('院長 山本 健一', 'yamamoto.kenichi.1962@outlook.jp', 'お願い', 'お疲れ様です。業務の連絡用にLINEで新しいグループを立ち上げてください。作成できたらQRコードをこのメールに返信で送ってください。')],
    ['理事長 asks for gift cards, codes by reply', mail('理事長 中村', 'nakamura.rijichou.office@gmail.com', '至急のお願い', '今、手が離せません。Appleギフトカードを10万円分購入して、カードのコードを写真に撮って返信してください。')],
    ['事務長 asks for electronic money and secrecy', mail('事務長 小林 誠', 'kobayashi.m.jimu@outlook.com', '確認', '取引先への支払いで電子マネーが必要です。この件は他の職員には内密にしてください。')],
    ['English CEO title on outlook.com asking for gift cards', mail('CEO Robert Clark', 'robert.clark.ceo@outlook.com', 'Quick task', 'I need you to buy some gift cards for a client today. Keep this confidential.')],
    ['副院長 (title after the name) asks for a ライン group and prepaid codes', mail('佐藤副院長', 'sato.fukuincho@icloud.com', '至急', 'ラインでグループを作ってください。その後プリペイドカードの番号を送ってもらいます。ほかの職員には言わないでください。')],
    ['代表取締役 asks staff to keep a LINE group secret', mail('代表取締役 佐々木 隆', 'sasaki.takashi.daihyo@gmail.com', '極秘', '明日の件で、LINEグループを作ってください。誰にも言わないでください。')],
  ];
  for (const [name, s] of rows) it(name, () => expect(level(s)).not.toBe('safe'));

  const clean: [string, MailSnapshot][] = [
    ['a retired director on Gmail writes a thank-you', mail('元院長 高橋 正', 'takahashi.tadashi@gmail.com', 'ご挨拶', '先日は送別会をありがとうございました。皆様のご健康をお祈りしております。')],
    ['a colleague (no title) on Gmail mentions gift vouchers as party prizes', mail('看護師 田中', 'tanaka.ns@gmail.com', '忘年会', '忘年会のビンゴの景品にギフト券を用意しました。')],
    ['a department head writes from the hospital domain', { ...mail('看護部長 森 由美', 'mori.yumi@hospital.example', '勉強会', '来週の勉強会の連絡はLINEグループでも流します。'), headers: [{ name: 'Authentication-Results', value: 'mx.hospital.example; spf=pass smtp.mailfrom=hospital.example; dkim=pass header.d=hospital.example; dmarc=pass header.from=hospital.example' }] }],
  ];
  for (const [name, s] of clean) it(`${name}: safe`, () => expect(level(s)).toBe('safe'));
});

describe('brand named only in the body, account threat, unrelated throw-away sender', () => {
  it('Amazon in body and alt text, 不正ログイン, random sender domain', () => {
    const s: MailSnapshot = {
      host: 'eml',
      from: { name: 'カスタマーサービス', address: 'service@mvkrtzqplw.example.com' },
      to: [{ address: 'staff@hospital.example' }],
      subject: 'ご利用のアカウントについて',
      html: '<p><img alt="Amazon" src="cid:logo"></p><p>お客様のAmazonアカウントで不正ログインが検出されました。アカウントの利用制限を行っています。</p><p><a href="https://mvkrtzqplw.example.com/jp">確認する</a></p>',
      anchors: [{ href: 'https://mvkrtzqplw.example.com/jp', text: '確認する', source: 'html' }],
    };
    expect(level(s)).not.toBe('safe');
    expect(scanMessage(s, policy).findings.map((f) => `${f.rule}:${f.severity}`)).toContain('body-brand-threat:caution');
  });

  it('三井住友カード in the body, アカウントの停止, button to an unrelated site', () => {
    const s = mail('会員サービス', 'notice@member-info.example.net', '重要なお知らせ', '三井住友カードをご利用のお客様へ。確認が取れない場合、アカウントの停止となります。', [{ href: 'https://secure-check.example.org/login', text: 'ログインする', source: 'html' }], '<p>三井住友カードをご利用のお客様へ。確認が取れない場合、アカウントの停止となります。</p>');
    expect(level(s)).not.toBe('safe');
  });

  it('a logo link whose alt text is the brand, 利用制限, pronounceable sender domain', () => {
    const s: MailSnapshot = {
      host: 'eml',
      from: { name: 'お客様窓口', address: 'info@sakura-member.example.net' },
      to: [{ address: 'staff@hospital.example' }],
      subject: 'ご利用制限のお知らせ',
      html: '<p><a href="https://sakura-member.example.net/r"><img alt="楽天カード" src="cid:logo"></a></p><p>楽天カードのご利用に不審な点があったため、利用制限をかけております。</p>',
      anchors: [{ href: 'https://sakura-member.example.net/r', text: '楽天カード', source: 'html' }],
    };
    expect(scanMessage(s, policy).findings.map((f) => `${f.rule}:${f.severity}`)).toContain('body-brand-threat:caution');
  });

  it('a security column from its own domain mentioning the same words stays quiet', () => {
    const s = mail('情報セキュリティ通信', 'news@security-column.example.co.jp', '今月の注意喚起', '楽天カードを装って不正ログインを警告するメールが増えています。リンクは開かず公式アプリで確認しましょう。');
    expect(level(s)).toBe('safe');
  });
});

describe('free-mail society office sharing an archive through a file-sharing link', () => {
  const rows: [string, MailSnapshot][] = [
    ['学会事務局, Google Drive, zip named in the body', mail('日本〇〇看護学会 事務局', 'kango.gakkai.jimukyoku@gmail.com', '第12回学術集会 抄録集', '抄録集（abstracts_2026.zip）を共有します。', [{ href: 'https://drive.google.com/file/d/1QwErTyUiOp/view?usp=sharing', text: 'ダウンロード', source: 'html' }], '<p>抄録集（abstracts_2026.zip）を共有します。</p>')],
    ['研究会 on Yahoo!, OneDrive link text names a .rar', mail('〇〇研究会', 'kenkyukai.office@yahoo.co.jp', '資料送付', '資料をお送りします。', [{ href: 'https://1drv.ms/u/s!AbCdEfG', text: '研修資料.rar', source: 'html' }], '<p>資料をお送りします。</p>')],
    ['協会 on Gmail, Box link, 「ZIPファイル」 without a name', mail('〇〇県看護協会 研修担当', 'kango.kensyu.tantou@gmail.com', '研修資料の送付', '研修資料をZIPファイルにまとめました。下記よりダウンロードしてください。', [{ href: 'https://app.box.com/s/abcdef123456', text: 'ダウンロード', source: 'html' }], '<p>研修資料をZIPファイルにまとめました。下記よりダウンロードしてください。</p>')],
    ['private person on Gmail sharing an .exe on Dropbox', mail('鈴木', 'suzuki.h1985@gmail.com', '見てください', 'ツールです', [{ href: 'https://www.dropbox.com/s/xyz/tool.exe?dl=1', text: 'tool.exe', source: 'html' }], '<p>ツールです</p>')],
  ];
  for (const [name, s] of rows) it(name, () => expect(level(s)).not.toBe('safe'));

  it('a friend sharing a photo archive is only noted', () => {
    const s = mail('佐藤 花子', 'hanako.sato@gmail.com', '旅行の写真', '写真をまとめました（photos.zip）。', [{ href: 'https://drive.google.com/file/d/1ZxCvBnM/view', text: 'Googleドライブ', source: 'html' }], '<p>写真をまとめました（photos.zip）。</p>');
    expect(scanMessage(s, policy).findings.find((f) => f.rule === 'link-shared-archive')?.severity).toBe('info');
  });

  it('a society office on its own domain is not this pattern', () => {
    const s = mail('日本〇〇学会 事務局', 'office@society.example.or.jp', '抄録集', '抄録集（abstracts.zip）を共有します。', [{ href: 'https://drive.google.com/file/d/1QwErTyUiOp/view', text: 'ダウンロード', source: 'html' }], '<p>抄録集（abstracts.zip）を共有します。</p>');
    expect(scanMessage(s, policy).findings.some((f) => f.rule === 'link-shared-archive')).toBe(false);
  });
});
