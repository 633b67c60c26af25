// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostureVerdict } from '../../../../shared/posture/types';
import { gateRoot, mountGate } from '../../../../extension/ui/gate';

const HOSTILE = '<img src=x onerror=alert(1)>';

function stale(): PostureVerdict {
  return {
    status: 'block',
    mode: 'block',
    gate: 'block',
    checks: [
      {
        id: 'os-patch-age',
        status: 'block',
        value: '2026-08-01T00:00:00Z',
        limit: '35 days',
        ageHours: 24 * 117,
        summary: { ja: '最後の OS 更新は 117 日前です', en: 'Last OS update 117 days ago' },
        remedy: { ja: `Windows Update を実行してください。${HOSTILE}`, en: 'Run Windows Update.' },
      },
      {
        id: 'av-enabled',
        status: 'ok',
        value: 'true',
        limit: 'true',
        summary: { ja: '有効', en: 'On' },
        remedy: { ja: '', en: '' },
      },
    ],
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const el of [...document.documentElement.children]) if (el.tagName.toLowerCase() === 'kokoroe-gate') el.remove();
  document.body.removeAttribute('inert');
});

describe('mountGate', () => {
  it('covers the page: host on <html> with the mode, body inert, only failing checks shown as text', () => {
    const gate = mountGate(document, { posture: stale(), mode: 'block', lang: 'ja', onRecheck: vi.fn(), onConsult: vi.fn() });
    const root = gateRoot(gate)!;
    expect(gate.host.getAttribute('data-kokoroe-gate')).toBe('block');
    expect(gate.host.parentNode).toBe(document.documentElement);
    expect(gate.host.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(document.body.hasAttribute('inert')).toBe(true);
    const checks = root.querySelectorAll('.check');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.textContent).toContain('OS の更新');
    expect(checks[0]!.textContent).toContain('35 日以内');
    expect(checks[0]!.textContent).toContain('117 日前');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(HOSTILE);
    expect(root.textContent).toContain('情報システム担当のツール');
    expect(root.querySelector('[role="alertdialog"]')?.getAttribute('aria-modal')).toBe('true');
    gate.remove();
    expect(document.body.hasAttribute('inert')).toBe(false);
  });

  it('block has no dismiss: no button, Escape does nothing, and it comes back when removed', async () => {
    const onDismiss = vi.fn();
    const gate = mountGate(document, { posture: stale(), mode: 'block', lang: 'ja', onRecheck: vi.fn(), onConsult: vi.fn(), onDismiss });
    const root = gateRoot(gate)!;
    const labels = [...root.querySelectorAll('button')].map((b) => b.textContent);
    expect(labels).toEqual(['再確認', '管理者に相談']);
    expect(root.querySelector('[data-action="dismiss"]')).toBeNull();
    root.querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(gate.host.isConnected).toBe(true);
    expect(onDismiss).not.toHaveBeenCalled();
    gate.host.remove();
    await flush();
    expect(gate.host.isConnected).toBe(true);
    gate.remove();
    await flush();
    expect(gate.host.isConnected).toBe(false);
  });

  it('warn can be closed for today, which reports the dismissal', () => {
    const onDismiss = vi.fn();
    const gate = mountGate(document, { posture: { ...stale(), status: 'warn', gate: 'warn' }, mode: 'warn', lang: 'ja', onRecheck: vi.fn(), onConsult: vi.fn(), onDismiss });
    const root = gateRoot(gate)!;
    expect(gate.host.getAttribute('data-kokoroe-gate')).toBe('warn');
    const dismiss = root.querySelector<HTMLButtonElement>('[data-action="dismiss"]')!;
    expect(dismiss.textContent).toBe('今日は閉じる');
    dismiss.click();
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(gate.host.isConnected).toBe(false);
    expect(document.body.hasAttribute('inert')).toBe(false);
  });

  it('re-check and consult call back; Tab stays inside the dialog', () => {
    const onRecheck = vi.fn();
    const onConsult = vi.fn();
    const gate = mountGate(document, { posture: stale(), mode: 'block', lang: 'en', onRecheck, onConsult });
    const root = gateRoot(gate)!;
    const [recheck, consult] = [...root.querySelectorAll<HTMLButtonElement>('button')];
    expect(recheck!.textContent).toBe('Check again');
    recheck!.click();
    consult!.click();
    expect(onRecheck).toHaveBeenCalledTimes(1);
    expect(onConsult).toHaveBeenCalledTimes(1);
    consult!.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    consult!.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(recheck);
    gate.remove();
  });

  it('update switches the mode in place', () => {
    const gate = mountGate(document, { posture: stale(), mode: 'warn', lang: 'ja', onRecheck: vi.fn(), onConsult: vi.fn(), onDismiss: vi.fn() });
    gate.update({ mode: 'block' });
    expect(gate.host.getAttribute('data-kokoroe-gate')).toBe('block');
    expect(gateRoot(gate)!.querySelector('[data-action="dismiss"]')).toBeNull();
    gate.remove();
  });
});
