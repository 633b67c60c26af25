/**
 * scanMessage as hosts use it: verdict levels, policy (disabled rules, allowed and blocked
 * domains, alert mode), missing parts, unchecked rules, caps, and the combination step.
 */
import { describe, expect, it } from 'vitest';
import { scanMessage, COMBINATION } from '../../../shared/scan/scan-message';
import { LIMITS } from '../../../shared/scan/prepare';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailSnapshot } from '../../../shared/model';

function policy(p: Omit<Partial<Policy>, 'scan'> & { scan?: Partial<Policy['scan']> } = {}): Policy {
  return { ...DEFAULT_POLICY, ...p, scan: { ...DEFAULT_POLICY.scan, ...(p.scan ?? {}) } } as Policy;
}

const brandPhish: MailSnapshot = {
  host: 'eml',
  from: { name: '三井住友カード', address: 'info@vpass-secure.example.net' },
  subject: '【重要】ご利用確認のお願い',
  html: '<p>ご利用確認のため、下記よりログインしてください。</p>',
  anchors: [{ href: 'https://vpass-secure.example.net/login', text: 'ログイン', source: 'html' }],
};

const rules = (snapshot: MailSnapshot, p?: Policy) => scanMessage(snapshot, p).findings.map((f) => f.rule);

describe('scanMessage', () => {
  it('gives danger for a brand claimed by an unrelated domain', () => {
    const v = scanMessage(brandPhish);
    expect(v.level).toBe('danger');
    expect(v.findings.find((f) => f.rule === 'sender-brand-mismatch')?.params.brand).toBe('三井住友カード');
  });

  it('gives no findings and level safe for an ordinary internal message', () => {
    const v = scanMessage({ host: 'eml', from: { name: '総務課', address: 'soumu@sakura-hp.example.jp' }, subject: '会議室の変更', text: '明日の会議は第2会議室です。' });
    expect(v).toEqual({ level: 'safe', findings: [], unchecked: expect.any(Array) });
  });

  it('honours scan.disabledRules', () => {
    const p = policy({ scan: { disabledRules: ['sender-brand-mismatch'] } });
    expect(rules(brandPhish, p)).not.toContain('sender-brand-mismatch');
    expect(rules(brandPhish)).toContain('sender-brand-mismatch');
  });

  it('does not flag links to allowed domains, but still flags links elsewhere', () => {
    const snap: MailSnapshot = {
      host: 'eml',
      html: '<p>x</p>',
      anchors: [
        { href: 'http://203.0.113.5/portal', text: 'portal', source: 'html' },
        { href: 'http://198.51.100.7/other', text: 'other', source: 'html' },
      ],
    };
    const findings = scanMessage(snap, policy({ scan: { allowedDomains: ['203.0.113.5'] } })).findings.filter((f) => f.rule === 'link-ip-host');
    expect(findings.map((f) => f.target.index)).toEqual([1]);
  });

  it('does not flag a sender from an allowed domain unless authentication fails', () => {
    const p = policy({ scan: { allowedDomains: ['vpass-secure.example.net'] } });
    expect(rules(brandPhish, p)).not.toContain('sender-brand-mismatch');
    const forged: MailSnapshot = {
      ...brandPhish,
      headers: [{ name: 'Authentication-Results', value: 'mx.example.jp; spf=fail smtp.mailfrom=vpass-secure.example.net; dkim=none; dmarc=fail header.from=vpass-secure.example.net' }],
    };
    const r = rules(forged, p);
    expect(r).toContain('sender-brand-mismatch');
    expect(r).toContain('sender-auth-fail');
  });

  it('flags blocked link and sender domains as danger', () => {
    const p = policy({ scan: { blockedDomains: ['bad.example'] } });
    const v = scanMessage({ host: 'eml', from: { address: 'x@mail.bad.example' }, html: '<p>x</p>', anchors: [{ href: 'https://www.bad.example/', text: 'x', source: 'html' }] }, p);
    expect(v.level).toBe('danger');
    expect(v.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['link-blocked-domain', 'sender-blocked-domain']));
  });

  it('turns every caution into danger in alert mode', () => {
    const snap: MailSnapshot = {
      host: 'eml',
      text: '院内ポータルのメンテナンスが終わりました。新しい勤務表は下のリンクから確認できます。不明な点は情報システム課までお問い合わせください。',
      html: '<p>x</p>',
      anchors: [{ href: 'http://198.51.100.7/x', text: '勤務表', source: 'html' }],
    };
    expect(scanMessage(snap).level).toBe('caution');
    const v = scanMessage(snap, policy({ scan: { alertMode: true } }));
    expect(v.level).toBe('danger');
    expect(v.findings.some((f) => f.severity === 'caution')).toBe(false);
  });

  it('is never safe when the host could not read parts of the message', () => {
    const v = scanMessage({ host: 'gmail', from: { address: 'a@example.jp' }, text: 'hello', missing: ['attachments', 'links'] });
    expect(v.level).toBe('caution');
    const f = v.findings.find((x) => x.rule === 'message-incomplete');
    expect(f?.params.parts).toBe('attachments, links');
  });

  it('lists header-based rules as unchecked when there are no headers', () => {
    const v = scanMessage({ host: 'gmail', from: { address: 'a@example.jp' }, text: 'hello' });
    expect(v.unchecked).toContain('sender-auth-fail');
    const withHeaders = scanMessage({ host: 'eml', from: { address: 'a@example.jp' }, text: 'hello', headers: [{ name: 'From', value: 'a@example.jp' }] });
    expect(withHeaders.unchecked).not.toContain('sender-auth-fail');
  });

  it('keeps the link index on link findings so hosts can outline the link', () => {
    const v = scanMessage({
      host: 'eml',
      html: '<p>x</p>',
      anchors: [
        { href: 'https://www.example.jp/', text: 'ok', source: 'html' },
        { href: 'javascript:alert(1)', text: 'open', source: 'html' },
      ],
    });
    const f = v.findings.find((x) => x.rule === 'link-dangerous-scheme');
    expect(f?.target).toMatchObject({ kind: 'link', index: 1 });
  });

  it('reports the index of the anchor as the host gave it, even after skipped duplicates', () => {
    const v = scanMessage({
      host: 'gmail',
      html: '<p>x</p>',
      anchors: [
        { href: '#top', text: 'top', source: 'dom' },
        { href: 'https://www.example.jp/', text: 'ok', source: 'dom' },
        { href: 'https://www.example.jp/', text: 'ok', source: 'dom' },
        { href: 'javascript:alert(1)', text: 'open', source: 'dom' },
      ],
    });
    expect(v.findings.find((x) => x.rule === 'link-dangerous-scheme')?.target.index).toBe(3);
  });

  it('caps the links it analyses and says so', () => {
    const anchors = Array.from({ length: LIMITS.links + 50 }, (_, i) => ({ href: `https://site${i}.example.jp/`, text: `link ${i}`, source: 'html' as const }));
    const v = scanMessage({ host: 'eml', html: '<p>x</p>', anchors });
    expect(v.findings.find((f) => f.rule === 'scan-truncated')?.params.parts).toContain('links');
  });

  it('adds weak signs up into one explained finding', () => {
    // A prize story and a random subject code: each only noted, together a caution.
    const v = scanMessage({ host: 'eml', from: { address: 'news@offers.example.com' }, subject: 'Your gift card is waiting 8dSHbu0oHKXsxJE', text: 'Congratulations, you have won a gift card.' });
    const combined = v.findings.find((f) => f.rule === 'signals-combined');
    expect(combined?.severity).toBe('caution');
    expect(String(combined?.params.rules).split(',')).toEqual(expect.arrayContaining(['body-prize-lure', 'subject-random-token']));
    expect(COMBINATION.cautionScore).toBeGreaterThan(1);
  });

  it('does not add up weak signs in mail from the organisation itself', () => {
    const snap: MailSnapshot = { host: 'eml', from: { address: 'soumu@sakura-hp.example.jp' }, subject: '【至急】ギフト券の配布について 8dSHbu0oHKXsxJE', text: '本日中にギフト券を受け取ってください。' };
    expect(scanMessage(snap).findings.map((f) => f.rule)).toContain('signals-combined');
    const v = scanMessage(snap, policy({ orgDomains: ['sakura-hp.example.jp'] }));
    expect(v.findings.map((f) => f.rule)).not.toContain('signals-combined');
    expect(v.level).toBe('safe');
  });

  it('reports a failing rule as scan-error and keeps going', async () => {
    const { RULES } = await import('../../../shared/rules/registry');
    const rule = RULES.find((r) => r.id === 'body-urgency-lure')!;
    const original = rule.check;
    (rule as { check: typeof rule.check }).check = () => {
      throw new Error('boom');
    };
    try {
      const v = scanMessage(brandPhish);
      expect(v.findings.find((f) => f.rule === 'scan-error')?.params.check).toBe('body-urgency-lure');
      expect(v.findings.map((f) => f.rule)).toContain('sender-brand-mismatch');
    } finally {
      (rule as { check: typeof rule.check }).check = original;
    }
  });

  it('treats a missing or malformed policy as the default', () => {
    expect(scanMessage(brandPhish, undefined).level).toBe('danger');
    expect(scanMessage(brandPhish, null as unknown as Policy).level).toBe('danger');
  });
});
