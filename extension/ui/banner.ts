/**
 * The banner above an open message: level, reasons in plain words, 「管理者に相談」 and 「詳細」,
 * and the consult state. It renders text only (textContent, never markup from a string) inside
 * a closed shadow root; its host carries `data-kokoroe-verdict` so tests and IT can see the level
 * without reaching into the root. It never says a message is safe: a clean result is a quiet grey
 * note that nothing was found.
 */
import type { Verdict, VerdictLevel } from '../../shared/model';
import { clear, h } from './dom';
import { checkTitle, findingLines, type FindingLine } from '../../shared/i18n/finding-lines';
import { FONT_STACK, PALETTE } from './palette';
import { createShadowHost, runSurfaceAction, shadowRootOf } from './shadow-host';
import { targetLabel } from './target-label';
import { t, type UiLang } from './texts';

export type ConsultState =
  | { status: 'none' }
  | { status: 'pending'; reportId: string }
  | { status: 'answered'; answer: string; note?: string };

export interface BannerOptions {
  verdict: Verdict;
  lang: UiLang;
  consult?: ConsultState;
  onConsult(): void;
  onDetails(): void;
}

export interface BannerHandle {
  readonly host: HTMLElement;
  update(next: Partial<BannerOptions>): void;
  /** True while the host is in the document (the webmail re-renders and may drop it). */
  isAttached(): boolean;
  /** Puts the same host (same state) back, e.g. after the webmail removed it. */
  reattach(place: { parent: Element; before: Node | null }): void;
  remove(): void;
}

/** Reasons shown before 「詳細」 is opened. */
export const VISIBLE_REASONS = 3;

export const BANNER_TAG = 'kokoroe-banner';

const LEVELS: readonly VerdictLevel[] = ['safe', 'caution', 'danger'];

export function mountBanner(
  doc: Document,
  place: { parent: Element; before: Node | null },
  options: BannerOptions,
): BannerHandle {
  const { host, root } = createShadowHost(doc, BANNER_TAG, BANNER_CSS);
  host.style.setProperty('margin', '0 0 8px 0', 'important');
  host.style.setProperty('max-width', '100%', 'important');
  let current: BannerOptions = { ...options };
  let expanded = false;
  let removed = false;

  const render = (): void => {
    const focusedAction = (root.activeElement as HTMLElement | null)?.dataset?.action;
    clear(root);
    // Styles live in adoptedStyleSheets or in a <style> child; keep the latter across renders.
    if (!('adoptedStyleSheets' in root) || root.adoptedStyleSheets.length === 0) {
      root.appendChild(h(doc, 'style', { text: BANNER_CSS }));
    }
    const level = normaliseLevel(current.verdict?.level);
    host.setAttribute('data-kokoroe-verdict', level);
    host.setAttribute('lang', current.lang);
    root.appendChild(level === 'safe' ? renderQuiet(doc, current) : renderWarning(doc, current, expanded, toggle));
    if (focusedAction) {
      root.querySelector<HTMLElement>(`[data-action="${focusedAction}"]`)?.focus();
    }
  };

  const toggle = (): void => {
    expanded = !expanded;
    render();
    runSurfaceAction(current.onDetails, 'banner');
  };

  render();
  place.parent.insertBefore(host, place.before && place.before.parentNode === place.parent ? place.before : null);

  return {
    host,
    update(next) {
      if (removed) return;
      current = { ...current, ...next };
      render();
    },
    isAttached: () => !removed && host.isConnected,
    reattach(nextPlace) {
      if (removed) return;
      const before = nextPlace.before && nextPlace.before.parentNode === nextPlace.parent ? nextPlace.before : null;
      nextPlace.parent.insertBefore(host, before);
    },
    remove() {
      removed = true;
      host.remove();
    },
  };
}

function renderQuiet(doc: Document, options: BannerOptions): HTMLElement {
  return h(
    doc,
    'section',
    { class: 'banner quiet', attrs: { role: 'region', 'aria-label': t('bannerLabel', options.lang) } },
    [
      h(doc, 'span', { class: 'quiet-text', text: t('bannerSafe', options.lang) }),
      consultStateBlock(doc, options),
      h(doc, 'button', {
        class: 'link-button',
        attrs: { type: 'button', 'data-action': 'consult' },
        text: t('consult', options.lang),
        on: { click: () => runSurfaceAction(options.onConsult, 'banner') },
      }),
    ],
  );
}

function renderWarning(
  doc: Document,
  options: BannerOptions,
  expanded: boolean,
  toggle: () => void,
): HTMLElement {
  const { lang, verdict } = options;
  const level = normaliseLevel(verdict.level) as 'caution' | 'danger';
  const lines = findingLines(verdict.findings ?? [], lang).filter((line) => line.severity !== 'info');
  const visible = lines.slice(0, VISIBLE_REASONS);
  const rest = lines.length - visible.length;
  const detailsId = 'kokoroe-details';

  const reasons = h(
    doc,
    'ul',
    { class: 'reasons' },
    visible.map((line) => h(doc, 'li', { text: line.message || line.title })),
  );
  const more = rest > 0 && !expanded ? h(doc, 'p', { class: 'more', text: t('moreFindings', lang, { count: rest }) }) : null;

  const details = h(doc, 'div', { class: 'details', attrs: { id: detailsId } }, [
    h(doc, 'ol', { class: 'detail-list' }, lines.map((line) => detailItem(doc, line, lang))),
    uncheckedBlock(doc, verdict, lang),
  ]);
  details.hidden = !expanded;

  return h(
    doc,
    'section',
    {
      class: `banner ${level}`,
      attrs: { role: 'region', 'aria-label': `${t('bannerLabel', lang)}: ${t(level === 'danger' ? 'dangerTitle' : 'cautionTitle', lang)}` },
    },
    [
      h(doc, 'div', { class: 'head' }, [
        h(doc, 'span', { class: 'mark', attrs: { 'aria-hidden': 'true' }, text: level === 'danger' ? '⚠' : '!' }),
        // Only the title is a live alert: announced once when it appears, not the whole list.
        h(doc, 'strong', {
          class: 'title',
          attrs: { role: level === 'danger' ? 'alert' : 'status' },
          text: t(level === 'danger' ? 'dangerTitle' : 'cautionTitle', lang),
        }),
      ]),
      h(doc, 'p', { class: 'lead', text: t(level === 'danger' ? 'dangerLead' : 'bannerCautionLead', lang) }),
      lines.length > 0 ? reasons : null,
      more,
      consultStateBlock(doc, options),
      h(doc, 'div', { class: 'actions' }, [
        h(doc, 'button', {
          class: 'primary',
          attrs: { type: 'button', 'data-action': 'consult' },
          text: t('consult', lang),
          on: { click: () => runSurfaceAction(options.onConsult, 'banner') },
        }),
        h(doc, 'button', {
          class: 'secondary',
          attrs: { type: 'button', 'data-action': 'details', 'aria-expanded': String(expanded), 'aria-controls': detailsId },
          text: t(expanded ? 'hideDetails' : 'details', lang),
          on: { click: toggle },
        }),
      ]),
      details,
    ],
  );
}

function detailItem(doc: Document, line: FindingLine, lang: UiLang): HTMLElement {
  return h(doc, 'li', { class: `detail ${line.severity}` }, [
    h(doc, 'strong', { class: 'detail-title', text: line.title }),
    line.message ? h(doc, 'span', { class: 'detail-message', text: line.message }) : null,
    ...line.targets.map((target) =>
      h(doc, 'span', { class: 'target' }, [
        h(doc, 'span', { class: 'target-label', text: `${targetLabel(target.kind, lang)}: ` }),
        h(doc, 'code', { class: 'target-value', text: target.value }),
      ]),
    ),
  ]);
}

function uncheckedBlock(doc: Document, verdict: Verdict, lang: UiLang): HTMLElement | null {
  const unchecked = Array.isArray(verdict.unchecked) ? verdict.unchecked.filter((x) => typeof x === 'string') : [];
  if (unchecked.length === 0) return null;
  const names = unchecked.map((id) => checkTitle(id, lang));
  return h(doc, 'p', { class: 'unchecked', text: `${t('uncheckedNote', lang)}: ${[...new Set(names)].join(lang === 'ja' ? '、' : ', ')}` });
}

function consultStateBlock(doc: Document, options: BannerOptions): HTMLElement | null {
  const consult = options.consult;
  if (!consult || consult.status === 'none') return null;
  if (consult.status === 'pending') {
    return h(doc, 'p', { class: 'consult pending', attrs: { role: 'status' }, text: t('consultPending', options.lang) });
  }
  return h(doc, 'div', { class: 'consult answered', attrs: { role: 'status' } }, [
    h(doc, 'strong', { text: `${t('answerFromIt', options.lang)}: ` }),
    h(doc, 'span', { class: 'answer', text: String(consult.answer ?? '') }),
    consult.note ? h(doc, 'span', { class: 'note', text: String(consult.note) }) : null,
  ]);
}

function normaliseLevel(level: unknown): VerdictLevel {
  // An unexpected level is shown as caution: the banner never turns a doubt into "nothing found".
  return LEVELS.includes(level as VerdictLevel) ? (level as VerdictLevel) : 'caution';
}

/** For tests and the runtime: the banner's closed root. */
export function bannerRoot(handle: BannerHandle): ShadowRoot | undefined {
  return shadowRootOf(handle.host);
}

const BANNER_CSS = `
:host { all: initial; display: block; contain: content; }
* { box-sizing: border-box; }
.banner { font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.6; border-radius: 6px; margin: 0; }
.banner.danger { background: ${PALETTE.danger.bg}; color: ${PALETTE.danger.text}; border: 2px solid ${PALETTE.danger.accent}; border-left-width: 8px; padding: 10px 14px; }
.banner.caution { background: ${PALETTE.caution.bg}; color: ${PALETTE.caution.text}; border: 2px solid ${PALETTE.caution.accent}; border-left-width: 8px; padding: 10px 14px; }
.banner.quiet { color: ${PALETTE.safe.text}; font-size: 12px; padding: 2px 4px; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.head { display: flex; gap: 8px; align-items: baseline; }
.mark { font-weight: 700; font-size: 18px; }
.title { font-size: 16px; font-weight: 700; }
.lead { margin: 4px 0; }
.reasons { margin: 4px 0; padding-left: 1.4em; }
.reasons li { margin: 2px 0; font-weight: 600; }
.more { margin: 0 0 4px; font-size: 13px; }
.consult { margin: 6px 0; padding: 6px 8px; border-radius: 4px; background: #ffffff; color: ${PALETTE.neutral.text}; border: 1px solid ${PALETTE.neutral.text}; font-weight: 600; }
.quiet .consult { margin: 0; font-size: 12px; }
.answer, .note { display: block; white-space: pre-wrap; overflow-wrap: anywhere; font-weight: 400; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
button { font: inherit; font-size: 14px; min-height: 32px; padding: 4px 14px; border-radius: 4px; cursor: pointer; }
.danger button.primary { background: ${PALETTE.danger.accent}; color: ${PALETTE.danger.onAccent}; border: 2px solid ${PALETTE.danger.accent}; font-weight: 700; }
.caution button.primary { background: ${PALETTE.caution.accent}; color: ${PALETTE.caution.onAccent}; border: 2px solid ${PALETTE.caution.accent}; font-weight: 700; }
button.secondary { background: #ffffff; color: ${PALETTE.neutral.text}; border: 2px solid ${PALETTE.neutral.text}; }
button.link-button { background: none; border: none; padding: 0 2px; min-height: 0; font-size: 12px; color: ${PALETTE.safe.text}; text-decoration: underline; }
button:focus-visible { outline: 3px solid ${PALETTE.focus}; outline-offset: 2px; }
.details { margin-top: 8px; border-top: 1px solid currentColor; padding-top: 6px; }
.details[hidden] { display: none; }
.detail-list { margin: 0; padding-left: 1.4em; }
.detail { margin: 4px 0; }
.detail-title, .detail-message, .target { display: block; }
.target { font-size: 13px; }
.target-value { font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; word-break: break-all; background: #ffffff; color: ${PALETTE.neutral.text}; padding: 0 3px; border-radius: 2px; }
.unchecked { font-size: 13px; margin: 6px 0 0; }
`;
