/**
 * Brand claims in the display name from senders the brand table does not list. A brand runs more
 * service domains than any table holds, so an authenticated sender's claim is a caution unless
 * something corroborates the impersonation; then it stays a danger. Platforms that write on an
 * organisation's behalf and name themselves in the display name claim nothing.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailAnchor, MailSnapshot, Severity } from '../../../shared/model';

const policy = { ...DEFAULT_POLICY, orgDomains: ['hospital.example'] } as Policy;
const pass = (domain: string) => ({ name: 'Authentication-Results', value: `mx.hospital.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}` });
const fail = (domain: string) => ({ name: 'Authentication-Results', value: `mx.hospital.example; spf=fail smtp.mailfrom=${domain}; dkim=none; dmarc=fail (p=reject) header.from=${domain}` });
const a = (href: string, text: string): MailAnchor => ({ href, text, source: 'html' });

function notice(name: string, address: string, links: MailAnchor[], extra: Partial<MailSnapshot> = {}): MailSnapshot {
  const domain = address.slice(address.indexOf('@') + 1);
  return {
    host: 'eml',
    from: { name, address },
    subject: 'ご予約内容のお知らせ',
    html: '<p>ご利用ありがとうございます。ご予約内容をお知らせします。</p>',
    text: 'ご利用ありがとうございます。ご予約内容をお知らせします。',
    anchors: links,
    headers: [pass(domain)],
    ...extra,
  };
}

function brandSeverity(s: MailSnapshot): Severity | undefined {
  return scanMessage(s, policy).findings.find((f) => f.rule === 'sender-brand-mismatch')?.severity;
}

describe('authenticated sender, brand not corroborated: caution', () => {
  const rows: [string, MailSnapshot][] = [
    ['an airline campaign site of its own', notice('ANAマイレージクラブ', 'info@campaign.mileage-fan.example', [a('https://campaign.mileage-fan.example/detail', '詳細を見る')])],
    ['a card portal linking to the card brand and an app store', notice('オリコカード', 'news@card-members.example', [a('https://www.card-members.example/', '会員サイト'), a('https://www.orico.co.jp/', 'オリコ'), a('https://apps.apple.com/jp/app/x', 'App Store')])],
    ['a campaign notice whose links go through a mail service\'s click tracker', notice('JR東日本 キャンペーン', 'info@campaign-mail.example', [a('https://u123.ct.sendgrid.net/ls/click?upn=abc', '詳しくはこちら')])],
    ['a booking service on a .co.jp sister company', notice('JR西日本 予約サービス', 'noreply@yoyaku-service.co.jp', [a('https://www.yoyaku-service.co.jp/', 'ログイン'), a('https://www.group-travel.co.jp/', '旅行')])],
  ];
  for (const [name, s] of rows) {
    it(name, () => {
      expect(brandSeverity(s)).toBe('caution');
      expect(scanMessage(s, policy).level).toBe('caution');
    });
  }
});

describe('brand claim corroborated: danger', () => {
  const rows: [string, MailSnapshot][] = [
    ['links to an unrelated site', notice('三井住友カード', 'info@card-notice.example', [a('https://card-notice.example/', 'お知らせ'), a('https://verify-login.example.net/jp', 'ログイン')])],
    ['authentication fails', notice('三井住友カード', 'info@card-notice.example', [], { headers: [fail('card-notice.example')] })],
    ['no authentication at all', notice('三井住友カード', 'info@card-notice.example', [], { headers: [] })],
    ['abused top-level domain', notice('イオンカード', 'info@aeon-info.top', [a('https://aeon-info.top/', 'ログイン')])],
    ['random-looking domain', notice('ヤマト運輸', 'info@xkqwrtzvbnm.example', [])],
    ['free mail', notice('楽天カード', 'rakuten.card.center@gmail.com', [])],
    ['brand word inside the domain', notice('楽天カード', 'info@rakuten-card-secure.example', [])],
    ['a QR code to scan for sign-in, no link to the sender', notice('Microsoft 365', 'admin@mail.kogyo-trading.example', [], { subject: '多要素認証の再設定', text: '添付のQRコードをスマートフォンで読み取り、認証を再設定してください。', html: '<p>添付のQRコードをスマートフォンで読み取り、認証を再設定してください。</p>' })],
    ['replies go to a consumer mailbox', notice('三井住友カード', 'info@card-notice.example', [], { replyTo: [{ address: 'card.help.desk@outlook.jp' }] })],
  ];
  for (const [name, s] of rows) it(name, () => expect(brandSeverity(s)).toBe('danger'));
});

describe('official service domains are the brand', () => {
  const rows: [string, string][] = [
    ['スマートEX', 'info@smart-ex.jp'],
    ['エクスプレス予約', 'info@expy.jp'],
    ['ビューカード', 'info@viewcard.co.jp'],
    ['ビューカード', 'info@viewsnet.jp'],
  ];
  for (const [name, address] of rows) {
    it(`${name} from ${address}`, () => {
      const domain = address.slice(address.indexOf('@') + 1);
      expect(brandSeverity(notice(name, address, [a(`https://${domain}/`, 'ログイン')]))).toBeUndefined();
    });
  }
});

describe('platforms writing on an organisation\'s behalf', () => {
  const rows: [string, string][] = [
    ['日本看護協会 東京支部 (Peatix)', 'no-reply@peatix.com'],
    ['日本看護協会 東京支部 via Peatix', 'no-reply@peatix.com'],
    ['日本医師会 研修会 事務局 on connpass', 'no-reply@connpass.com'],
    ['日本看護協会 研修（Doorkeeper）', 'noreply@doorkeeper.jp'],
  ];
  for (const [name, address] of rows) {
    it(`${name} <${address}>`, () => {
      const domain = address.slice(address.indexOf('@') + 1);
      expect(brandSeverity(notice(name, address, [a(`https://${domain}/event/123`, 'イベント詳細')]))).toBeUndefined();
    });
  }

  it('a known platform without authentication results is believed unless a check failed', () => {
    expect(brandSeverity(notice('日本看護協会 東京支部 (Peatix)', 'no-reply@peatix.com', [], { headers: [] }))).toBeUndefined();
    expect(brandSeverity(notice('日本看護協会 東京支部 (Peatix)', 'no-reply@peatix.com', [], { headers: [fail('peatix.com')] }))).toBe('danger');
  });

  it('the same name without the platform in it is still a claim', () => {
    expect(brandSeverity(notice('日本看護協会 東京支部', 'no-reply@peatix.com', []))).toBe('caution');
  });

  it('a name after "via" that is not the sender domain does not excuse', () => {
    expect(brandSeverity(notice('三井住友カード via Peatix', 'info@card-notice.example', [a('https://evil.example.net/', 'ログイン')]))).toBe('danger');
  });
});
