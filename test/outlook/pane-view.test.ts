// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Finding, MailSnapshot, Verdict } from '../../shared/model';
import { parsePolicy } from '../../shared/policy/parse-policy';
import { evaluatePosture } from '../../shared/posture/evaluate-posture';
import { consultChannel, originalOption } from '../../outlook-addin/taskpane/consult-view';
import { noticeLine, renderContacts, renderPosture, renderVerdict } from '../../outlook-addin/taskpane/pane-view';
import { paneLang } from '../../outlook-addin/taskpane/pane-texts';
import type { PaneCapabilities } from '../../outlook-addin/core/pane-host';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function finding(rule: string, severity: Finding['severity'], value: string): Finding {
  return { rule, severity, target: { kind: 'link', value }, params: { url: value, domain: value } };
}

describe('renderVerdict', () => {
  const snapshot: MailSnapshot = { host: 'outlook-addin', subject: HOSTILE, from: { name: HOSTILE, address: 'x@example.com' } };
  const verdict: Verdict = {
    level: 'danger',
    findings: [finding('link-ip-host', 'danger', `http://192.0.2.1/${HOSTILE}`), finding('sender-external', 'info', 'x@example.com'), finding('link-shortener', 'caution', 'https://bit.ly/x'), finding('link-userinfo', 'caution', 'https://a@b.example/'), finding('link-idn-homograph', 'caution', 'https://xn--80ak6aa92e.com/')],
    unchecked: ['sender-auth-fail'],
  };

  it('renders mail text as text only, with the level as a data attribute', () => {
    const onConsult = vi.fn();
    const node = renderVerdict(document, { snapshot, verdict, lang: 'ja', onConsult, onOpenedAlready: vi.fn() });
    expect(node.getAttribute('data-kokoroe-verdict')).toBe('danger');
    expect(node.querySelectorAll('img, script').length).toBe(0);
    expect(node.textContent).toContain(HOSTILE);
    expect(node.textContent).toContain('sender-auth-fail');
    node.querySelector<HTMLButtonElement>('#kokoroe-consult')!.click();
    expect(onConsult).toHaveBeenCalledTimes(1);
  });

  it('shows the most severe reasons first and folds the rest', () => {
    const node = renderVerdict(document, { snapshot, verdict, lang: 'ja', onConsult: vi.fn(), onOpenedAlready: vi.fn() });
    const shown = [...node.querySelectorAll('#kokoroe-findings > li')].map((li) => li.getAttribute('data-severity'));
    expect(shown).toEqual(['danger', 'caution', 'caution']);
    const folded = [...node.querySelectorAll('#kokoroe-findings-more > li')].map((li) => li.getAttribute('data-severity'));
    expect(folded.at(-1)).toBe('info');
    expect(shown.length + folded.length).toBe(5);
  });

  it('makes a one-line notice of at most 150 characters with the level and the main reason', () => {
    const long: Verdict = { ...verdict, findings: [finding('link-ip-host', 'danger', 'x'.repeat(500))] };
    for (const lang of ['ja', 'en'] as const) {
      const line = noticeLine(long, lang);
      expect(line.length).toBeLessThanOrEqual(150);
      expect(line).toContain(lang === 'ja' ? '危険' : 'Danger');
      expect(line).not.toContain('\n');
    }
  });
});

describe('renderPosture and renderContacts', () => {
  const policy = parsePolicy({
    adminContact: { name: '情報システム課', phone: '０３-１２３４-５６７８（内線）', hours: '平日' },
    posture: { mode: 'block', minOfficeBuild: '16.0.18000.20000' },
  }).policy;

  it('shows the failing Office build check open when posture blocks', () => {
    const posture = evaluatePosture({ officeBuild: '16.0.17000.10000' }, policy, new Date('2026-11-26T00:00:00Z'));
    const node = renderPosture(document, posture, 'ja');
    expect(posture.status).toBe('block');
    expect(node.getAttribute('data-kokoroe-posture')).toBe('block');
    const check = node.querySelector('[data-check="office-build"]');
    expect(check?.getAttribute('data-status')).toBe('block');
    expect(check?.textContent).toContain('16.0.17000.10000');
    expect(node.querySelector('details')).toBeNull();
  });

  it('folds the checks away when posture only warns', () => {
    const warn = parsePolicy({ posture: { mode: 'warn', minOfficeBuild: '16.0.18000.20000' } }).policy;
    const posture = evaluatePosture({ officeBuild: '16.0.17000.10000' }, warn, new Date('2026-11-26T00:00:00Z'));
    const node = renderPosture(document, posture, 'ja');
    expect(node.querySelector('details [data-check="office-build"]')).not.toBeNull();
  });

  it('puts the admin phone first as a tel: link with digits only', () => {
    const node = renderContacts(document, policy, 'ja');
    const first = node.querySelector('a');
    expect(first?.getAttribute('href')).toBe('tel:0312345678');
    expect(first?.textContent).toContain('０３-１２３４-５６７８');
  });

  it('falls back to the generic advice when policy names no contact', () => {
    const node = renderContacts(document, parsePolicy({}).policy, 'en');
    expect(node.querySelector('a.phone')).toBeNull();
    expect(node.textContent).toContain('Before opening it, ask your IT contact');
  });
});

describe('consult channel and original option', () => {
  const caps = (over: Partial<PaneCapabilities> = {}): PaneCapabilities => ({ headers: true, itemChanged: true, original: true, newMessageForm: true, insightAction: false, ...over });
  const endpoint = parsePolicy({ reportEndpoint: 'https://report.hospital.example.jp/api', reportMailbox: 'sec@hospital.example.jp' }).policy;
  const mailbox = parsePolicy({ reportMailbox: 'sec@hospital.example.jp' }).policy;
  const none = parsePolicy({}).policy;

  it.each([
    ['endpoint', endpoint, caps(), 'endpoint'],
    ['mailbox on 1.6+', mailbox, caps(), 'message-form'],
    ['mailbox before 1.6', mailbox, caps({ newMessageForm: false }), 'mailto'],
    ['nothing', none, caps(), 'phone'],
  ] as const)('%s → %s', (_, policy, capabilities, expected) => {
    expect(consultChannel(policy, capabilities)).toBe(expected);
  });

  it('offers the original only when policy says ask, and says so when the client cannot', () => {
    expect(originalOption(endpoint, 'endpoint', caps())).toBe('available');
    expect(originalOption(endpoint, 'endpoint', caps({ original: false }))).toBe('unavailable');
    expect(originalOption(mailbox, 'message-form', caps())).toBe('available');
    expect(originalOption(mailbox, 'mailto', caps())).toBe('hidden');
    const never = parsePolicy({ reportEndpoint: 'https://report.hospital.example.jp/api', reportOriginal: 'never' }).policy;
    expect(originalOption(never, 'endpoint', caps())).toBe('hidden');
  });

  it('speaks English only when Outlook is in English', () => {
    expect(paneLang('en-US')).toBe('en');
    expect(paneLang('ja-JP')).toBe('ja');
    expect(paneLang('fr-FR')).toBe('ja');
    expect(paneLang(undefined)).toBe('ja');
  });
});
