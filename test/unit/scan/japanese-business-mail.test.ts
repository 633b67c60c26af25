/**
 * Ordinary Japanese business mail a hospital receives every day must stay quiet: the patterns
 * the rules look for (phone numbers, money, redirects, notices from brands, list posts) all occur
 * in it. Each case is written from what such mail looks like, with the phishing counterpart that
 * must still warn next to it where the two are close.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailSnapshot } from '../../../shared/model';

const policy = { ...DEFAULT_POLICY, orgDomains: ['hospital.example'], partnerDomains: ['midori-clinic.example'] } as Policy;
const passed = (domain: string) => ({ name: 'Authentication-Results', value: `mx.hospital.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}` });
const loud = (s: MailSnapshot) => scanMessage(s, policy).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}:${f.severity}`);

const QUIET: [string, MailSnapshot][] = [
  [
    'clinic director on an ISP mailbox mentions an Amazon purchase and asks for a call',
    {
      host: 'eml',
      from: { name: '東 健一', address: 'k-higashi@nifty.com' },
      subject: '備品の件',
      text: '先日Amazonで購入した血圧計（3,000円）の件で相談があります。お手すきの際にお電話ください。090-1234-5678',
      headers: [passed('nifty.com')],
    },
  ],
  [
    'job applicant from Gmail with a phone number and ご連絡ください',
    {
      host: 'eml',
      from: { name: '佐藤 美咲', address: 'misaki.sato.1998@gmail.com' },
      subject: '看護師募集への応募（佐藤美咲）',
      text: '貴院の看護師募集を拝見し、応募いたします。履歴書を添付しました。ご検討のほど、よろしくお願いいたします。\n面接日程などはこちらまでご連絡ください。\n携帯 090-8765-4321',
      attachments: [{ name: '履歴書_佐藤美咲.pdf', contentType: 'application/pdf' }],
      headers: [passed('gmail.com')],
    },
  ],
  [
    'utility bill notice from the brand with a customer-centre number and お心当たり',
    {
      host: 'eml',
      from: { name: '東京電力エナジーパートナー', address: 'info@kurashi.tepco.co.jp' },
      subject: '【くらしTEPCO web】ご請求金額確定のお知らせ',
      text: 'ご請求金額：10,842円（口座振替）\nお心当たりのない場合は、カスタマーセンター 0120-995-007 までお電話ください。',
      headers: [passed('kurashi.tepco.co.jp')],
    },
  ],
  [
    'colleague at the partner clinic pastes a Google search link',
    {
      host: 'eml',
      from: { name: '緑 花子', address: 'hanako@midori-clinic.example' },
      subject: '学会の案内',
      html: '<p>この案内です。</p>',
      anchors: [{ href: 'https://www.google.com/url?sa=t&url=https://www.jsim.or.jp/meeting/&usg=AOv', text: '学会のページ', source: 'html' }],
      headers: [passed('midori-clinic.example')],
    },
  ],
  [
    'society newsletter with its Reply-To at the secretariat and tracking links',
    {
      host: 'eml',
      from: { name: '日本医療情報学会', address: 'news@em.jami.jp' },
      replyTo: [{ address: 'office@jami.jp' }],
      subject: '学会ニュース 12月号',
      html: '<p>会員の皆様へ。第45回学術大会の演題募集を開始しました。締切は1月31日です。今年は「医療情報と地域連携」をテーマに、一般演題のほか若手セッションも設けます。詳しくは学会のページをご覧ください。</p>',
      anchors: [{ href: 'https://u123.ct.sendgrid.net/ls/click?upn=abc', text: '演題募集', source: 'html' }],
      headers: [passed('em.jami.jp'), { name: 'List-Unsubscribe', value: '<https://jami.jp/unsubscribe>' }],
    },
  ],
  [
    'study group secretariat on Gmail with a sign-up form',
    {
      host: 'eml',
      from: { name: '〇〇看護研究会 事務局', address: 'kango.kenkyukai.jimu@gmail.com' },
      subject: '研究会開催のご案内',
      text: '研究会を開催します。参加費 1,000円（当日受付）。お申し込みは下記フォームからお願いします。https://forms.gle/abcDEF123',
      headers: [passed('gmail.com')],
    },
  ],
  [
    'society event page on free hosting, no sign-in',
    {
      host: 'eml',
      from: { name: '地域連携研究会', address: 'office@renkei-kenkyukai.example.jp' },
      subject: '研究会のご案内',
      text: '第8回研究会を開催します。日時：1月20日 18時から。会場：市民会館。詳細は下記のページをご覧ください。\nhttps://renkei-2026.web.app/',
      headers: [passed('renkei-kenkyukai.example.jp')],
    },
  ],
  [
    'bank sign-in code notice in HTML only with very little text',
    {
      host: 'eml',
      from: { name: 'みずほ銀行', address: 'info@mizuhobank.co.jp' },
      subject: '【みずほ銀行】ワンタイムパスワードのお知らせ',
      html: '<p>ワンタイムパスワード：482913</p>',
      headers: [passed('mizuhobank.co.jp')],
    },
  ],
  [
    'shop newsletter in HTML only from its authenticated domain',
    {
      host: 'eml',
      from: { name: 'ヨドバシ・ドット・コム', address: 'mail@yodobashi.com' },
      subject: '年末セールのお知らせ',
      html: '<p>年末セールを開催中です。</p>',
      anchors: [{ href: 'https://www.yodobashi.com/sale/', text: 'セール会場へ', source: 'html' }],
      headers: [passed('yodobashi.com')],
    },
  ],
];

describe('ordinary Japanese business mail stays quiet', () => {
  it.each(QUIET)('%s', (_name, snapshot) => {
    expect(loud(snapshot)).toEqual([]);
    expect(scanMessage(snapshot, policy).level).toBe('safe');
  });
});

describe('the close phishing counterparts still warn', () => {
  it('a compromised vendor mailbox sends an invoice button to a free-hosted sign-in page', () => {
    const v = scanMessage(
      {
        host: 'eml',
        from: { name: '山田工務店 経理部', address: 'keiri@yamada-koumuten.example.co.jp' },
        subject: '請求書のご確認',
        html: '<p>今月分の請求書をお送りします。閲覧にはMicrosoftアカウントでのサインインが必要です。</p>',
        anchors: [{ href: 'https://invoice-view-2026.web.app/', text: '請求書を表示', source: 'html' }],
        headers: [passed('yamada-koumuten.example.co.jp')],
      },
      policy,
    );
    expect(v.findings.map((f) => `${f.rule}:${f.severity}`)).toContain('link-free-hosting:caution');
  });

  it('a fake Norton receipt from Gmail with an order number and a number to call', () => {
    const v = scanMessage(
      {
        host: 'eml',
        from: { name: 'Norton サポート', address: 'billing.norton.team@gmail.com' },
        subject: 'Norton 360 自動更新のお知らせ',
        text: 'Norton 360 の年間更新が完了しました。\n注文番号：NT-58249173\nご請求金額：39,800円\nお問い合わせ：📞 050-3188-4721',
        headers: [passed('gmail.com')],
      },
      policy,
    );
    expect(v.level).not.toBe('safe');
  });
});
