/**
 * Who really sent the mail changes how weak signs count: a protected brand's own authenticated
 * domain, a service that writes on someone's behalf, a verified mailing list. Each case has the
 * look-alike counterpart that must still warn (same words, unauthenticated or forged sender).
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailSnapshot } from '../../../shared/model';

const policy = { ...DEFAULT_POLICY, orgDomains: ['hospital.example'] } as Policy;
const ar = (value: string) => ({ name: 'Authentication-Results', value: `mx.hospital.example; ${value}` });
const rules = (s: MailSnapshot) => scanMessage(s, policy).findings.map((f) => `${f.rule}:${f.severity}`);

/** A bank's transfer notice: 振込先 and 至急 are ordinary words there. */
const bankNotice = (from: string, auth: string): MailSnapshot => ({
  host: 'eml',
  from: { name: '三菱UFJ銀行', address: from },
  subject: '【三菱UFJ銀行】振込受付のお知らせ',
  text: '振込先：サクラ商事 振込金額：120,000円\nお心当たりのない場合は至急お問い合わせください。',
  headers: [ar(auth)],
});

describe('a protected brand writing from its own authenticated domain', () => {
  it('weak signs do not add up', () => {
    const v = scanMessage(bankNotice('info@mail.bk.mufg.jp', 'spf=pass smtp.mailfrom=mail.bk.mufg.jp; dkim=pass header.d=mail.bk.mufg.jp; dmarc=pass header.from=mail.bk.mufg.jp'), policy);
    expect(v.level, JSON.stringify(v.findings)).toBe('safe');
  });

  it('the same notice from the brand domain with DMARC failing still adds up', () => {
    const s = bankNotice('info@mail.bk.mufg.jp', 'spf=fail smtp.mailfrom=mail.bk.mufg.jp; dkim=none; dmarc=fail header.from=mail.bk.mufg.jp');
    expect(scanMessage(s, policy).level).not.toBe('safe');
  });

  it('a pass recorded by an unknown server does not count', () => {
    const s: MailSnapshot = { ...bankNotice('info@mail.bk.mufg.jp', ''), headers: [{ name: 'Authentication-Results', value: 'mx.elsewhere.example; dkim=pass header.d=mufg.jp; dmarc=pass header.from=mufg.jp' }] };
    expect(rules(s)).toContain('signals-combined:caution');
  });

  it('a consumer mailbox of a brand (user@gmail.com) is not the brand', () => {
    const s: MailSnapshot = {
      host: 'eml',
      from: { name: '国税庁', address: 'nta.notice@gmail.com' },
      subject: '【至急】未払い税金のお知らせ',
      text: '至急お支払いください。',
      headers: [ar('spf=pass smtp.mailfrom=gmail.com; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com')],
    };
    expect(scanMessage(s, policy).level).not.toBe('safe');
  });
});

describe('a carrier writing from its own notice subdomain', () => {
  const notice = (address: string): MailSnapshot => ({
    host: 'eml',
    from: { name: 'dアカウント', address },
    subject: '【dアカウント】パスワード変更のお知らせ',
    text: 'パスワードが変更されました。',
    headers: [ar(`spf=pass smtp.mailfrom=${address.split('@')[1]}; dkim=pass header.d=${address.split('@')[1]}`)],
  });
  it('mail.docomo.ne.jp is not free mail posing as docomo', () => {
    expect(rules(notice('d-account@mail.docomo.ne.jp')).filter((r) => r.startsWith('sender-freemail-official'))).toEqual([]);
  });
  it('an i.softbank.jp consumer mailbox is not SoftBank writing', () => {
    const s: MailSnapshot = {
      host: 'eml',
      from: { name: 'SoftBank', address: 'sb-info-2026@i.softbank.jp' },
      subject: '【重要】お支払い情報の更新',
      text: '至急お支払い情報を更新してください。',
      headers: [ar('spf=pass smtp.mailfrom=i.softbank.jp; dkim=pass header.d=i.softbank.jp')],
    };
    expect(rules(s)).toContain('sender-freemail-official:caution');
  });
  it('a docomo.ne.jp consumer mailbox claiming dアカウント is', () => {
    expect(rules(notice('d-account-info@docomo.ne.jp'))).toContain('sender-freemail-official:caution');
  });
});

describe('services that send on behalf of someone', () => {
  const zoom = (auth: string): MailSnapshot => ({
    host: 'eml',
    from: { name: '日本医療情報学会 事務局', address: 'no-reply@zoom.us' },
    replyTo: [{ address: 'jimukyoku@society.example.jp' }],
    subject: 'ウェビナー登録の確認',
    html: '<p>ご登録ありがとうございます。</p>',
    headers: [ar(auth)],
  });
  it('Reply-To the organiser weighs nothing when the service is authenticated', () => {
    const v = scanMessage(zoom('spf=pass smtp.mailfrom=mail.zoom.us; dkim=pass header.d=zoom.us; dmarc=pass header.from=zoom.us'), policy);
    expect(v.level, JSON.stringify(v.findings)).toBe('safe');
  });
  it('the same mail with a forged From still counts the Reply-To', () => {
    expect(rules(zoom('spf=fail smtp.mailfrom=zoom.us; dkim=none; dmarc=fail header.from=zoom.us'))).toContain('sender-reply-to-mismatch:info');
    expect(scanMessage(zoom('spf=fail smtp.mailfrom=zoom.us; dkim=none; dmarc=fail header.from=zoom.us'), policy).level).not.toBe('safe');
  });
});

describe('mailing lists', () => {
  const post = (listAuth: string, headers: { name: string; value: string }[]): MailSnapshot => ({
    host: 'eml',
    from: { name: '伊藤', address: 'k-ito@nifty.com' },
    replyTo: [{ address: 'users@ml.society.example.jp' }],
    subject: '[users:123] Re: バックアップの失敗',
    text: 'うちも同じでした。NAS (192.168.10.20) の設定をここにまとめています: bit.ly/3xAbCdE',
    headers: [ar(`${listAuth}; dkim=none; dmarc=fail header.from=nifty.com`), ...headers],
  });
  const listHeaders = [
    { name: 'List-Id', value: 'users <users.ml.society.example.jp>' },
    { name: 'List-Post', value: '<mailto:users@ml.society.example.jp>' },
    { name: 'Sender', value: 'users-bounces@ml.society.example.jp' },
  ];
  it('a list whose server passed SPF explains the DMARC failure', () => {
    const v = scanMessage(post('spf=pass smtp.mailfrom=ml.society.example.jp', listHeaders), policy);
    expect(v.level, JSON.stringify(v.findings)).toBe('safe');
  });
  it('a list post whose From domain asks for rejection is not excused', () => {
    const s: MailSnapshot = {
      host: 'eml',
      from: { name: 'Amazon.co.jp', address: 'account-update@amazon.co.jp' },
      subject: 'アカウントの確認',
      text: 'ご確認ください。',
      headers: [
        ar('spf=pass smtp.mailfrom=ml.bulk.example; dkim=none; dmarc=fail (p=QUARANTINE dis=QUARANTINE) header.from=amazon.co.jp action=quarantine'),
        { name: 'List-Id', value: '<news.ml.bulk.example>' },
      ],
    };
    expect(rules(s).some((r) => r.startsWith('sender-auth-fail:') && !r.endsWith(':info'))).toBe(true);
  });
  it('list headers written by an unauthenticated sender prove nothing', () => {
    const v = scanMessage(post('spf=fail smtp.mailfrom=bulk.example.net', listHeaders), policy);
    expect(v.level).not.toBe('safe');
  });
});
