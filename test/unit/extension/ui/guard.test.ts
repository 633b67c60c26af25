// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installGuard, type GuardedTarget } from '../../../../extension/ui/guard';

/** happy-dom marks dispatched events untrusted, as browsers do; this stands in for a real user's event. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function page() {
  document.body.textContent = '';
  const link = document.createElement('a');
  link.href = 'https://evil.example/login';
  const inner = document.createElement('span');
  inner.textContent = 'ログイン';
  link.appendChild(inner);
  const plain = document.createElement('a');
  plain.href = 'https://ok.example/';
  plain.textContent = 'ok';
  document.body.append(link, plain);
  const target: GuardedTarget = { kind: 'link', href: link.href, text: 'ログイン', index: 0, findings: [] };
  const onGuarded = vi.fn();
  const pageHandler = vi.fn();
  document.addEventListener('click', pageHandler);
  link.addEventListener('click', pageHandler);
  const uninstall = installGuard(document, (el) => (el === link ? target : undefined), onGuarded);
  return { link, inner, plain, target, onGuarded, pageHandler, uninstall };
}

afterEach(() => {
  document.body.textContent = '';
});

describe('installGuard', () => {
  it('stops a trusted click on a flagged link (also on its children) before the page sees it', () => {
    const { inner, target, onGuarded, pageHandler, uninstall } = page();
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    inner.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onGuarded).toHaveBeenCalledWith(target);
    expect(pageHandler).not.toHaveBeenCalled();
    uninstall();
  });

  it('ignores untrusted (script-made) events entirely', () => {
    const { link, onGuarded, pageHandler, uninstall } = page();
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.isTrusted).toBeFalsy();
    expect(onGuarded).not.toHaveBeenCalled();
    expect(pageHandler).toHaveBeenCalled();
    const key = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    link.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(false);
    expect(onGuarded).not.toHaveBeenCalled();
    uninstall();
  });

  it('guards the middle click and Enter on the focused link, not the right click', () => {
    const { link, onGuarded, uninstall } = page();
    const middle = trusted(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    link.dispatchEvent(middle);
    expect(middle.defaultPrevented).toBe(true);
    const enter = trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    link.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(onGuarded).toHaveBeenCalledTimes(2);
    const right = trusted(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 }));
    link.dispatchEvent(right);
    expect(right.defaultPrevented).toBe(false);
    const menu = trusted(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 }));
    link.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(false);
    expect(onGuarded).toHaveBeenCalledTimes(2);
    uninstall();
  });

  it('blocks dragging a flagged link out without opening the warning', () => {
    const { link, onGuarded, uninstall } = page();
    const drag = trusted(new Event('dragstart', { bubbles: true, cancelable: true }));
    link.dispatchEvent(drag);
    expect(drag.defaultPrevented).toBe(true);
    expect(onGuarded).not.toHaveBeenCalled();
    uninstall();
  });

  it('leaves unflagged links alone and stops after uninstall', () => {
    const { link, plain, onGuarded, uninstall } = page();
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    plain.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    uninstall();
    const after = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    link.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    expect(onGuarded).not.toHaveBeenCalled();
  });

  it('still stops the click when the resolver or the handler throws', () => {
    document.body.textContent = '';
    const link = document.createElement('a');
    document.body.append(link);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const uninstall = installGuard(
      document,
      () => ({ kind: 'attachment', text: 'a.zip', index: 0, findings: [] }),
      () => {
        throw new Error('boom');
      },
    );
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(() => link.dispatchEvent(click)).not.toThrow();
    expect(click.defaultPrevented).toBe(true);
    uninstall();
    spy.mockRestore();
  });
});
