/**
 * The posture gate: a full-page overlay over the webmail when the device's facts are stale.
 * `block` covers the mailbox until a re-check passes (it has no dismiss, Escape does nothing, it
 * comes back if the page removes it); `warn` greets once a day and can be closed for today.
 * Text only, in a closed shadow root on <html> (outside <body>, which is made inert so neither
 * pointer nor keyboard reaches the webmail); focus stays inside the dialog.
 *
 * A block backdrop is opaque: the mail behind it is not to be read (or acted on) yet.
 *
 * It says plainly that device facts come from IT tooling: the browser cannot see Windows Update
 * or the anti-virus itself.
 */
import type { PostureCheck, PostureVerdict } from '../../shared/posture/types';
import { clear, h } from './dom';
import { FONT_STACK, PALETTE } from './palette';
import { createShadowHost, runSurfaceAction, shadowRootOf } from './shadow-host';
import { checkLabel, postureLimitText, postureValueText, t, type UiLang } from './texts';

export interface GateOptions {
  posture: PostureVerdict;
  mode: 'warn' | 'block';
  lang: UiLang;
  onRecheck(): void;
  onConsult(): void;
  onDismiss?(): void;
}

export interface GateHandle {
  readonly host: HTMLElement;
  update(next: Partial<GateOptions>): void;
  remove(): void;
}

export const GATE_TAG = 'kokoroe-gate';

/** The highest z-index browsers honour. */
const TOP_Z = '2147483647';

export function mountGate(doc: Document, options: GateOptions): GateHandle {
  const { host, root } = createShadowHost(doc, GATE_TAG, GATE_CSS);
  for (const [property, value] of [
    ['position', 'fixed'],
    ['inset', '0'],
    ['z-index', TOP_Z],
    ['margin', '0'],
    ['width', '100vw'],
    ['height', '100vh'],
  ] as const) {
    host.style.setProperty(property, value, 'important');
  }
  let current: GateOptions = { ...options };
  let removed = false;
  const inerted = new Map<Element, boolean>();

  const setInert = (): void => {
    // Everything in <html> but the gate becomes inert (usually just <head> and <body>).
    for (const el of Array.from(doc.documentElement.children)) {
      if (el === host || inerted.has(el)) continue;
      inerted.set(el, el.hasAttribute('inert'));
      el.setAttribute('inert', '');
    }
  };
  const restoreInert = (): void => {
    for (const [el, had] of inerted) if (!had) el.removeAttribute('inert');
    inerted.clear();
  };

  const focusables = (): HTMLElement[] =>
    Array.from(root.querySelectorAll<HTMLElement>('button, a[href]')).filter((el) => !el.hasAttribute('disabled'));

  const render = (): void => {
    const focusedAction = (root.activeElement as HTMLElement | null)?.dataset?.action;
    clear(root);
    if (!('adoptedStyleSheets' in root) || root.adoptedStyleSheets.length === 0) {
      root.appendChild(h(doc, 'style', { text: GATE_CSS }));
    }
    host.setAttribute('data-kokoroe-gate', current.mode);
    host.setAttribute('lang', current.lang);
    root.appendChild(renderDialog(doc, current));
    const target =
      (focusedAction && root.querySelector<HTMLElement>(`[data-action="${focusedAction}"]`)) ||
      root.querySelector<HTMLElement>('[data-action="recheck"]');
    target?.focus();
  };

  // Focus trap: Tab cycles within the dialog; focus that escapes is pulled back.
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (current.mode === 'warn') dismiss();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (items.length === 0) return;
    const active = root.activeElement as HTMLElement | null;
    const index = active ? items.indexOf(active) : -1;
    const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : index === items.length - 1 ? 0 : index + 1;
    event.preventDefault();
    items[next]?.focus();
  };
  const onFocusIn = (event: FocusEvent): void => {
    if (removed) return;
    if (event.target !== host && !host.contains(event.target as Node)) focusables()[0]?.focus();
  };
  const dismiss = (): void => {
    if (current.mode !== 'warn') return;
    runSurfaceAction(current.onDismiss, 'gate');
    handle.remove();
  };

  // The webmail re-renders its own tree; a block gate that disappears comes straight back.
  const observer = new (doc.defaultView?.MutationObserver ?? MutationObserver)(() => {
    if (removed) return;
    if (!host.isConnected) doc.documentElement.appendChild(host);
    setInert();
  });

  host.addEventListener('keydown', onKeydown as EventListener);
  doc.addEventListener('focusin', onFocusIn as EventListener, true);
  doc.documentElement.appendChild(host);
  setInert();
  render();
  observer.observe(doc.documentElement, { childList: true });

  const handle: GateHandle = {
    host,
    update(next) {
      if (removed) return;
      current = { ...current, ...next };
      render();
    },
    remove() {
      if (removed) return;
      removed = true;
      observer.disconnect();
      doc.removeEventListener('focusin', onFocusIn as EventListener, true);
      restoreInert();
      host.remove();
    },
  };

  function renderDialog(d: Document, o: GateOptions): HTMLElement {
    const failing = failingChecks(o.posture);
    const titleKey = o.mode === 'block' ? 'postureBlock' : o.posture?.status === 'unknown' ? 'gateUnknownTitle' : 'gateWarnTitle';
    const dialog = h(d, 'div', {
      class: `dialog ${o.mode}`,
      attrs: { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'gate-title', 'aria-describedby': 'gate-lead' },
    }, [
      h(d, 'p', { class: 'product', text: t('productName', o.lang) }),
      h(d, 'h1', { attrs: { id: 'gate-title' }, text: t(titleKey, o.lang) }),
      h(d, 'p', { class: 'lead', attrs: { id: 'gate-lead' }, text: t(failing.every((c) => c.status === 'unknown') ? 'gateUnknownLead' : 'gateLead', o.lang) }),
      // Only the list scrolls: the title and the buttons stay in view however many checks fail.
      h(d, 'div', { class: 'scroll', attrs: { tabindex: '-1' } }, [
        h(d, 'ul', { class: 'checks' }, failing.map((check) => renderCheck(d, check, o.lang))),
        h(d, 'p', { class: 'note', text: t('gateFactsNote', o.lang) }),
      ]),
      h(d, 'div', { class: 'actions' }, [
        h(d, 'button', {
          class: 'primary',
          attrs: { type: 'button', 'data-action': 'recheck' },
          text: t('gateRecheck', o.lang),
          on: { click: () => runSurfaceAction(o.onRecheck, 'gate') },
        }),
        h(d, 'button', {
          class: 'secondary',
          attrs: { type: 'button', 'data-action': 'consult' },
          text: t('consult', o.lang),
          on: { click: () => runSurfaceAction(o.onConsult, 'gate') },
        }),
        o.mode === 'warn'
          ? h(d, 'button', {
              class: 'tertiary',
              attrs: { type: 'button', 'data-action': 'dismiss' },
              text: t('gateDismiss', o.lang),
              on: { click: dismiss },
            })
          : null,
      ]),
    ]);
    return h(d, 'div', { class: `backdrop ${o.mode}` }, [dialog]);
  }

  return handle;
}

/** Checks that need the user's attention, in the order posture evaluation gave them. */
export function failingChecks(posture: PostureVerdict | undefined): PostureCheck[] {
  const checks = Array.isArray(posture?.checks) ? posture.checks : [];
  return checks.filter((check) => check && check.status !== 'ok');
}

function renderCheck(doc: Document, check: PostureCheck, lang: UiLang): HTMLElement {
  const remedy = check.remedy ? (lang === 'en' ? check.remedy.en : check.remedy.ja) || check.remedy.ja : '';
  const summary = check.summary ? (lang === 'en' ? check.summary.en : check.summary.ja) || check.summary.ja : '';
  const status = check.status === 'unknown' ? 'unknown' : 'statusFail';
  return h(doc, 'li', { class: `check ${String(check.status)}` }, [
    h(doc, 'h2', {}, [
      h(doc, 'span', { class: 'badge', text: t(status, lang) }),
      ' ',
      checkLabel(String(check.id), lang),
    ]),
    summary ? h(doc, 'p', { class: 'summary', text: summary }) : null,
    h(doc, 'dl', {}, [
      h(doc, 'dt', { text: t('gateValue', lang) }),
      h(doc, 'dd', { text: check.status === 'unknown' ? t('unknown', lang) : postureValueText(check.value, lang, check.ageHours) }),
      h(doc, 'dt', { text: t('gateLimit', lang) }),
      h(doc, 'dd', { text: postureLimitText(check.limit, lang) }),
      remedy ? h(doc, 'dt', { text: t('gateRemedy', lang) }) : null,
      remedy ? h(doc, 'dd', { class: 'remedy', text: remedy }) : null,
    ]),
  ]);
}

/** For tests and the runtime: the gate's closed root. */
export function gateRoot(handle: GateHandle): ShadowRoot | undefined {
  return shadowRootOf(handle.host);
}

const GATE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.backdrop { position: fixed; inset: 0; background: rgba(17, 24, 39, 0.72); display: flex; align-items: flex-start; justify-content: center; overflow: auto; padding: 5vh 16px; font-family: ${FONT_STACK}; }
.backdrop.block { background: #1f2937; }
.dialog { display: flex; flex-direction: column; max-height: 90vh; background: ${PALETTE.neutral.bg}; color: ${PALETTE.neutral.text}; max-width: 680px; width: 100%; border-radius: 8px; padding: 24px 28px; box-shadow: 0 8px 32px rgba(0,0,0,0.4); border-top: 8px solid ${PALETTE.caution.accent}; font-size: 15px; line-height: 1.7; }
.dialog.block { border-top-color: ${PALETTE.danger.accent}; }
.product { margin: 0; font-size: 13px; color: ${PALETTE.safe.text}; }
h1 { font-size: 20px; margin: 4px 0 8px; }
h2 { font-size: 16px; margin: 0 0 4px; }
.lead { margin: 0 0 12px; }
.scroll { flex: 1 1 auto; min-height: 0; overflow: auto; border-top: 1px solid #d1d5db; border-bottom: 1px solid #d1d5db; padding: 10px 2px 0; margin: 0 0 12px; }
.checks { list-style: none; margin: 0; padding: 0; }
.check { border: 1px solid #d1d5db; border-left: 6px solid ${PALETTE.caution.accent}; border-radius: 4px; padding: 10px 14px; margin: 0 0 10px; }
.dialog.block .check { border-left-color: ${PALETTE.danger.accent}; }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 3px; background: ${PALETTE.caution.accent}; color: ${PALETTE.caution.onAccent}; vertical-align: 2px; }
.dialog.block .badge { background: ${PALETTE.danger.accent}; color: ${PALETTE.danger.onAccent}; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; overflow-wrap: anywhere; }
.remedy { white-space: pre-wrap; }
.summary { margin: 0 0 4px; }
.note { font-size: 13px; color: ${PALETTE.safe.text}; margin: 12px 0; }
.actions { display: flex; gap: 10px; flex-wrap: wrap; }
button { font: inherit; min-height: 40px; padding: 6px 18px; border-radius: 4px; cursor: pointer; }
button.primary { background: ${PALETTE.neutral.accent}; color: ${PALETTE.neutral.onAccent}; border: 2px solid ${PALETTE.neutral.accent}; font-weight: 700; }
button.secondary { background: #ffffff; color: ${PALETTE.neutral.text}; border: 2px solid ${PALETTE.neutral.text}; }
button.tertiary { background: #ffffff; color: ${PALETTE.safe.text}; border: 1px solid ${PALETTE.safe.text}; }
button:focus-visible { outline: 3px solid ${PALETTE.focus}; outline-offset: 3px; }
`;
