/**
 * Rule tables beyond each rule's own examples: the subtle cases, Japanese and English, written as
 * "flags" / "does not flag" rows. Each row is scanned with scanMessage exactly as hosts do.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailAnchor, MailAttachment, MailSnapshot, Severity } from '../../../shared/model';

const link = (href: string, text = 'こちら'): MailSnapshot => ({ host: 'eml', from: { address: 'info@sender-mail.example' }, html: '<p>x</p>', anchors: [{ href, text, source: 'html' } as MailAnchor] });
const attach = (name: string, extra: Partial<MailAttachment> = {}): MailSnapshot => ({ host: 'eml', from: { address: 'x@unknown.example.com' }, text: '添付します。', attachments: [{ name, ...extra }] });
const sender = (name: string, address: string, subject = 'お知らせ'): MailSnapshot => ({ host: 'eml', from: { name, address }, subject, text: 'ご確認ください。' });

type Row = [string, string, MailSnapshot, Severity?];

function severityOf(snapshot: MailSnapshot, rule: string, policy: Policy = DEFAULT_POLICY): Severity | undefined {
  const order: Severity[] = ['info', 'caution', 'danger'];
  let best: Severity | undefined;
  for (const f of scanMessage(snapshot, policy).findings) if (f.rule === rule && (!best || order.indexOf(f.severity) > order.indexOf(best))) best = f.severity;
  return best;
}

const FLAGS: Row[] = [
  // What the browser navigates to (SIGNALS.md table)
  ['link-userinfo', 'trusted name before @', link('https://accounts.google.com@evil.example/'), 'danger'],
  ['link-userinfo', 'fullwidth solidus then @', link('https://www.mhlw.go.jp／@evil.example/'), 'danger'],
  ['link-unparseable', 'fullwidth @ in the host', link('https://www.mhlw.go.jp＠evil.example/'), 'caution'],
  ['link-obfuscated-url', 'fullwidth host letters', link('https://ｅｖｉｌ．ｅｘａｍｐｌｅ/'), 'caution'],
  ['link-ip-host', 'hex IPv4 (203.0.113.16)', link('https://0xCB007110/'), 'caution'],
  ['link-ip-host', 'public IPv4 in an HTML link', link('http://203.0.113.10/login'), 'caution'],
  ['link-dangerous-scheme', 'javascript with a newline', link('  java\nscript:alert(1)'), 'danger'],
  ['link-text-mismatch', 'shown mhlw.go.jp, real evil.example', link('https://evil.example/x', 'https://www.mhlw.go.jp/'), 'danger'],
  ['link-text-mismatch', 'shown ordinary site, real other site', link('https://other-site.example.net/x', 'www.shop-site.example.org'), 'caution'],
  ['link-text-mismatch', 'newsletter linking to its own page about a shop (noted)', { ...link('http://www.sender-mail.example/walmart', 'walmart.com'), subject: 'Monthly report' }, 'info'],
  ['link-text-mismatch', 'own-domain link showing a brand the sender name claims', { ...link('https://www.sender-mail.example/login', 'https://www.amazon.co.jp/'), from: { name: 'Amazon.co.jp', address: 'info@sender-mail.example' } }, 'danger'],
  ['link-brand-mismatch', 'えきねっと login text to another domain', link('https://eki-net-login.example.com/', 'えきねっとにログイン'), 'danger'],
  ['link-credential-lure', 'English verify link with a suspended account story', { ...link('https://verify.example.net/', 'Verify now'), text: 'Your account has been suspended.' }, 'caution'],
  ['link-executable-download', 'scr behind link text', link('https://files.example.net/photo.scr', '写真を見る'), 'danger'],
  // Attachments
  ['attachment-double-extension', 'pdf then exe', attach('紹介状.pdf.exe'), 'danger'],
  ['attachment-bidi-control', 'right-to-left override', attach('invoice\u202Efdp.scr'), 'danger'],
  ['attachment-padded-name', 'spaces hiding .js', attach('検査結果.pdf                                    .js'), 'danger'],
  ['attachment-shortcut', '.lnk is danger', attach('資料.lnk'), 'danger'],
  ['attachment-shortcut', '.url is a caution', attach('link.url'), 'caution'],
  ['attachment-disk-image', 'iso', attach('invoice.iso'), 'danger'],
  ['attachment-macro-office', 'legacy .xls inside a zip', attach('doc.zip', { innerNames: ['請求書.xls'] }), 'caution'],
  ['attachment-encrypted-archive', 'encrypted zip from a stranger', attach('a.zip', { encrypted: true }), 'caution'],
  ['attachment-archive-from-stranger', '7z from a stranger', attach('inquiry.7z'), 'caution'],
  // Sender
  ['sender-brand-mismatch', 'イオンカード from a .cn domain', sender('イオンカード', 'info@aeon-card-info.example.cn'), 'danger'],
  ['sender-brand-mismatch', 'ヤマト運輸 from a random domain', sender('ヤマト運輸', 'delivery@kuroneko-notice.example.net'), 'danger'],
  ['sender-brand-mismatch', 'weak name with generic words', sender('Outlook Security Team', 'alert@mail-guard.example.net'), 'info'],
  ['body-brand-threat', 'brand account suspended, told from a consumer mailbox', { ...sender('Support Desk', 'wallet.help.team@gmail.com', 'Account notice'), text: 'Your Coinbase account has been temporarily suspended. Reply to restore access.' }, 'caution'],
  ['body-bec-request', 'widow story from a consumer mailbox', { ...sender('Mrs. Grace Miller', 'grace.miller1961@gmail.com', 'Greetings'), text: 'Dear beloved friend, my late husband left a fund and I need your help.' }, 'caution'],
  ['sender-brand-mismatch', 'a person "from" a weak brand name', sender('Katie from Ledger', 'device@campus-mail.example.ac.uk'), 'info'],
  ['sender-freemail-official', '病院 on Yahoo! mail', sender('〇〇病院 医事課', 'iji.byouin@yahoo.co.jp'), 'caution'],
  ['sender-freemail-official', 'study group 事務局 on Gmail, no money or sign-in (noted)', sender('看護研究会 事務局', 'kango.kenkyukai.jimu@gmail.com', '研究会開催のご案内'), 'info'],
  ['sender-freemail-official', 'society 事務局 on Yahoo! asking for unpaid fees', { ...sender('日本〇〇学会 事務局', 'gakkai.jimukyoku@yahoo.co.jp', '年会費未納のお知らせ'), text: '年会費が未納です。お支払いください。' }, 'caution'],
  ['sender-display-name-address', 'address of another domain in the name', sender('support@amazon.co.jp', 'x@mailer.example.ru'), 'danger'],
  ['subject-brand-mismatch', 'brand in the subject from Gmail', sender('Support', 'help.desk.jp@gmail.com', '【楽天カード】ご利用確認'), 'caution'],
  // Body
  ['body-enable-content', '編集を有効にする with a Word file', { ...attach('依頼書.doc'), text: '「編集を有効にする」を押してから「コンテンツの有効化」を押してください。' }, 'danger'],
  [
    'link-credential-lure',
    'ja: password expiry notice from outside with an update button',
    { ...link('https://pw-update.example.net/', 'パスワードを更新'), text: 'パスワードの有効期限が切れます。今すぐ更新してください。' },
    'caution',
  ],
  ['body-bec-request', 'director impersonated from Gmail asks for a LINE group', { ...sender('山田 太郎', 'yamada.rijichou@gmail.com', 'お願い'), text: '至急、LINEグループを作成してQRコードを送ってください。' }, 'caution'],
  ['body-bec-request', 'vendor from its own domain mentions a changed account (noted)', { ...sender('経理部', 'keiri@vendor.example.co.jp', '振込先変更のお知らせ'), text: '来月より振込先が変更となります。' }, 'info'],
  ['body-credential-request', 'Portuguese: confirm your data with a link', { ...link('https://banco-seguro.example.net/'), text: 'Confirme seus dados para evitar o bloqueio.' }, 'caution'],
];

const CLEAN: Row[] = [
  ['link-userinfo', 'backslash before @ keeps the real host', link('https://accounts.google.com\\@evil.example/')],
  ['link-ip-host', 'private IP', link('http://10.0.0.5/')],
  ['link-text-mismatch', 'Safe Links wrapper shown and real both to the same site', link('https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.mhlw.go.jp%2F&data=x', 'https://www.mhlw.go.jp/')],
  ['link-brand-mismatch', 'brand link to its own domain', link('https://www.eki-net.com/', 'えきねっと')],
  ['link-executable-download', 'pdf download', link('https://www.mhlw.go.jp/content/1.pdf', '資料')],
  ['attachment-double-extension', 'version numbers in a document name', attach('報告書.v2.1.pdf')],
  ['attachment-padded-name', 'ordinary spaces', attach('2026 年度 研修 資料.pdf')],
  ['sender-brand-mismatch', 'brand from its own domain', sender('楽天カード', 'info@mail.rakuten-card.co.jp')],
  ['sender-brand-mismatch', 'weak name inside a longer title', sender('Lockergnome Windows Daily', 'subscriptions@lockergnome.example.com')],
  ['sender-freemail-official', 'English topic word in a subject from Gmail', sender('Taro', 'taro.private@gmail.com', 'government policy discussion')],
  ['sender-display-name-address', 'newsletter named after its site', sender('Comics.com', 'news@mailer.unitedmedia.example.com')],
  ['body-callback-lure', 'vendor invoice with TEL in the signature and ご連絡ください', { host: 'eml', from: { address: 'rep@vendor.example.co.jp' }, subject: '11月分 ご請求書の送付', text: '請求書をお送りいたします。お支払いをお願いいたします。\nご不明な点がございましたら、私までご連絡ください。\nTEL 03-5802-0000  FAX 03-5802-0001' }],
  ['body-callback-lure', 'billing notice with a customer-centre number and no hint of an unwanted charge', { host: 'eml', from: { address: 'info@power.example.co.jp' }, subject: 'ご請求金額確定のお知らせ', text: 'ご利用料金 10,842円（口座振替）。お問い合わせはカスタマーセンター 0120-995-007 までお電話ください。' }],
  ['body-callback-lure', 'phone number in a signature of a billing mail with a link to the sender', { host: 'eml', from: { address: 'billing@vendor.example.co.jp' }, subject: '請求書送付', text: '請求書をお送りします。ご不明点はお電話ください。03-1234-5678', html: '<p>x</p>', anchors: [{ href: 'https://www.vendor.example.co.jp/bill', text: '請求書', source: 'html' }] }],
];

describe('rule tables: flags', () => {
  it.each(FLAGS)('%s flags %s', (rule, _name, snapshot, severity) => {
    const got = severityOf(snapshot, rule);
    expect(got, `${rule} should flag this`).toBeDefined();
    if (severity) expect(got).toBe(severity);
  });
});

describe('rule tables: does not flag', () => {
  it.each(CLEAN)('%s does not flag %s', (rule, _name, snapshot) => {
    expect(severityOf(snapshot, rule)).toBeUndefined();
  });
});
