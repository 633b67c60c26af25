// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Verdict } from '../../../../shared/model';
import { ruleTexts } from '../../../../shared/i18n';
import { bannerRoot, mountBanner, VISIBLE_REASONS, type BannerOptions } from '../../../../extension/ui/banner';

const HOSTILE = '<img src=x onerror=alert(1)>';

function finding(rule: string, severity: Finding['severity'], value: string, params: Finding['params'] = {}): Finding {
  return { rule, severity, target: { kind: 'link', value }, params };
}

function setup(verdict: Verdict, extra: Partial<BannerOptions> = {}) {
  document.body.textContent = '';
  const mail = document.createElement('div');
  const body = document.createElement('div');
  mail.appendChild(body);
  document.body.appendChild(mail);
  const onConsult = vi.fn();
  const onDetails = vi.fn();
  const handle = mountBanner(document, { parent: mail, before: body }, { verdict, lang: 'ja', onConsult, onDetails, ...extra });
  const root = bannerRoot(handle)!;
  return { handle, root, mail, body, onConsult, onDetails };
}

afterEach(() => {
  document.body.textContent = '';
});

describe('mountBanner', () => {
  it('puts the host before the message body with the verdict level on it', () => {
    const { handle, mail, body } = setup({ level: 'danger', findings: [finding('link-ip-host', 'danger', 'http://192.0.2.1/')], unchecked: [] });
    expect(handle.host.getAttribute('data-kokoroe-verdict')).toBe('danger');
    expect(handle.host.nextSibling).toBe(body);
    expect(handle.host.parentNode).toBe(mail);
    // Closed root: the page cannot reach in through host.shadowRoot.
    expect(handle.host.shadowRoot).toBeNull();
  });

  it('keeps hostile strings from the mail as text: no element is created from them', () => {
    const verdict: Verdict = {
      level: 'danger',
      findings: [
        finding('link-lookalike-domain', 'danger', HOSTILE, { domain: HOSTILE, brand: HOSTILE }),
        { rule: 'attachment-executable', severity: 'danger', target: { kind: 'attachment', value: `${HOSTILE}.exe` }, params: { name: HOSTILE } },
      ],
      unchecked: [HOSTILE],
    };
    const { root, handle } = setup(verdict, { consult: { status: 'answered', answer: HOSTILE, note: HOSTILE } });
    // Expand details so every target value is rendered too.
    root.querySelector<HTMLButtonElement>('[data-action="details"]')!.click();
    expect(root.querySelector('img')).toBeNull();
    expect(handle.host.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(HOSTILE);
  });

  it('shows the most severe reasons first, each sentence once, at most the visible count', () => {
    const findings: Finding[] = [
      finding('link-shortener', 'caution', 'https://bit.ly/a'),
      finding('link-shortener', 'caution', 'https://bit.ly/b'),
      finding('link-ip-host', 'danger', 'http://192.0.2.1/'),
      finding('link-userinfo', 'caution', 'https://a@b.example/'),
      finding('link-free-hosting', 'caution', 'https://x.web.app/'),
      finding('link-insecure-login', 'caution', 'http://login.example/'),
    ];
    const { root } = setup({ level: 'danger', findings, unchecked: [] });
    const items = [...root.querySelectorAll('.reasons li')].map((li) => li.textContent);
    expect(items).toHaveLength(VISIBLE_REASONS);
    expect(new Set(items).size).toBe(items.length);
    const all = [...root.querySelectorAll('.detail')];
    // Five distinct rules, the shortener sentence once with both destinations.
    expect(all).toHaveLength(5);
    expect(all[0]!.classList.contains('danger')).toBe(true);
    const shortener = all.find((li) => li.textContent!.includes('https://bit.ly/a'))!;
    expect(shortener.textContent).toContain('https://bit.ly/b');
    expect(root.querySelector('.more')?.textContent).toContain('2');
  });

  it('opens and closes details from the keyboard-reachable button and reports it', () => {
    const { root, onDetails } = setup({ level: 'caution', findings: [finding('link-shortener', 'caution', 'https://bit.ly/a')], unchecked: [] });
    const details = root.querySelector<HTMLButtonElement>('[data-action="details"]')!;
    expect(details.tagName).toBe('BUTTON');
    expect(details.getAttribute('type')).toBe('button');
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('.details')!.hidden).toBe(true);
    details.click();
    const after = root.querySelector<HTMLButtonElement>('[data-action="details"]')!;
    expect(after.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector<HTMLElement>('.details')!.hidden).toBe(false);
    expect(root.querySelector('.target-value')?.textContent).toBe('https://bit.ly/a');
    expect(onDetails).toHaveBeenCalledTimes(1);
  });

  it('has a labelled region, an alert title for danger, and buttons in a sensible tab order', () => {
    const { root, onConsult } = setup({ level: 'danger', findings: [finding('link-ip-host', 'danger', 'http://192.0.2.1/')], unchecked: [] });
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toContain('心得メールガード');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('危険なメールの可能性があります');
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['管理者に相談', '詳細']);
    for (const button of buttons) expect(button.tabIndex).toBeGreaterThanOrEqual(0);
    buttons[0]!.click();
    expect(onConsult).toHaveBeenCalledTimes(1);
  });

  it('shows a quiet grey mark when nothing was found, and never calls the message safe', () => {
    const { root, handle } = setup({ level: 'safe', findings: [], unchecked: [] });
    expect(handle.host.getAttribute('data-kokoroe-verdict')).toBe('safe');
    expect(root.textContent).toContain('気になる点は見つかりませんでした');
    expect(root.textContent).not.toContain('安全です');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('treats an unknown level as caution, never as nothing found', () => {
    const { handle } = setup({ level: 'weird' as never, findings: [], unchecked: [] });
    expect(handle.host.getAttribute('data-kokoroe-verdict')).toBe('caution');
  });

  it('shows the consult states: pending, then IT’s answer', () => {
    const { root, handle } = setup({ level: 'caution', findings: [finding('link-shortener', 'caution', 'https://bit.ly/a')], unchecked: [] });
    handle.update({ consult: { status: 'pending', reportId: 'r1' } });
    expect(root.textContent).toContain('管理者に相談中です。回答があるまでリンクと添付は開かないでください');
    handle.update({ consult: { status: 'answered', answer: '安全な連絡です。開いて大丈夫です。' } });
    expect(root.textContent).toContain('管理者からの回答');
    expect(root.textContent).toContain('安全な連絡です。開いて大丈夫です。');
  });

  it('updates the level in place and renders English', () => {
    const { root, handle } = setup({ level: 'safe', findings: [], unchecked: [] });
    handle.update({ lang: 'en', verdict: { level: 'danger', findings: [finding('link-ip-host', 'danger', 'http://192.0.2.1/')], unchecked: [] } });
    expect(handle.host.getAttribute('data-kokoroe-verdict')).toBe('danger');
    expect(handle.host.getAttribute('lang')).toBe('en');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('This message may be dangerous');
  });

  it('knows when the page removed it and can be put back with its state', () => {
    const { handle, mail, body, root } = setup({ level: 'caution', findings: [finding('link-shortener', 'caution', 'https://bit.ly/a')], unchecked: [] });
    root.querySelector<HTMLButtonElement>('[data-action="details"]')!.click();
    handle.host.remove();
    expect(handle.isAttached()).toBe(false);
    handle.reattach({ parent: mail, before: body });
    expect(handle.isAttached()).toBe(true);
    expect(handle.host.nextSibling).toBe(body);
    expect(root.querySelector('[data-action="details"]')!.getAttribute('aria-expanded')).toBe('true');
    handle.remove();
    expect(handle.isAttached()).toBe(false);
    handle.reattach({ parent: mail, before: body });
    expect(handle.host.isConnected).toBe(false);
  });

  it('names checks that could not run by their titles, not their ids', () => {
    const title = ruleTexts('ja')['sender-auth-fail']?.title;
    expect(title).toBeTruthy();
    const { root } = setup({ level: 'caution', findings: [finding('link-shortener', 'caution', 'https://bit.ly/a')], unchecked: ['sender-auth-fail', 'no-such-rule'] });
    const text = root.querySelector('.unchecked')!.textContent!;
    expect(text).toContain(title!);
    expect(text).not.toContain('sender-auth-fail');
    expect(text).toContain('no-such-rule');
  });

  it('survives a throwing callback', () => {
    const { root } = setup({ level: 'danger', findings: [finding('link-ip-host', 'danger', 'http://192.0.2.1/')], unchecked: [] }, {
      onConsult: () => {
        throw new Error('boom');
      },
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => root.querySelector<HTMLButtonElement>('[data-action="consult"]')!.click()).not.toThrow();
    spy.mockRestore();
  });
});
