/**
 * The toolbar popup: this device's posture, the open message's verdict, who to call (phone first),
 * and reports waiting to be sent. It only reads (service worker state and storage); it never sends
 * anything by itself.
 */
import '../../ui/page/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import type { Verdict } from '../../../shared/model';
import type { Policy } from '../../../shared/policy/types';
import type { PostureVerdict } from '../../../shared/posture/types';
import { clear, h } from '../../ui/dom';
import { findingLines } from '../../ui/finding-lines';
import { renderContacts } from '../../ui/page/contacts';
import { applyPageLang, pageLang } from '../../ui/page/lang';
import { renderPostureSummary } from '../../ui/page/posture-summary';
import { request } from '../../ui/page/runtime';
import { OUTBOX_KEY } from '../../ui/page/storage-keys';
import { t, type UiLang } from '../../ui/texts';

interface PopupState {
  posture?: PostureVerdict;
  lastVerdict?: { verdict: Verdict; summary?: { from?: string; subject?: string } };
  policy?: Pick<Policy, 'adminContact' | 'afterHoursContact'>;
  contacts?: Pick<Policy, 'adminContact' | 'afterHoursContact'>;
  lang?: UiLang;
}

const app = document.getElementById('app') as HTMLElement;

async function main(): Promise<void> {
  const state = await request<PopupState>({ type: 'get-popup-state' });
  const lang = await pageLang(state.ok ? state.lang : undefined);
  applyPageLang(document, lang, t('productName', lang));
  clear(app);
  app.append(h(document, 'h1', { text: t('productName', lang) }));
  if (!state.ok) app.append(h(document, 'p', { class: 'muted', attrs: { role: 'status' }, text: t('loadFailed', lang) }));
  const s: PopupState = state.ok ? state : {};
  app.append(
    renderPostureSummary(document, s.posture, lang),
    renderVerdict(s.lastVerdict, lang),
    renderContacts(document, s.contacts ?? s.policy, lang),
    await renderOutbox(lang),
    h(document, 'p', { class: 'footer' }, [
      h(document, 'button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'open-options' },
        text: t('openOptions', lang),
        on: { click: () => void browser.runtime.openOptionsPage() },
      }),
    ]),
  );
}

function renderVerdict(last: PopupState['lastVerdict'], lang: UiLang): HTMLElement {
  const section = h(document, 'section', { class: 'verdict', attrs: { 'aria-labelledby': 'verdict-title' } }, [
    h(document, 'h2', { attrs: { id: 'verdict-title' }, text: t('popupVerdict', lang) }),
  ]);
  const level = last?.verdict?.level;
  if (!last || (level !== 'safe' && level !== 'caution' && level !== 'danger')) {
    section.append(h(document, 'p', { class: 'muted', text: t('popupNoMessage', lang) }));
    return section;
  }
  section.setAttribute('data-verdict', level);
  const levelKey = level === 'danger' ? 'levelDanger' : level === 'caution' ? 'levelCaution' : 'levelSafe';
  section.append(h(document, 'p', {}, [h(document, 'span', { class: `level ${level}`, text: t(levelKey, lang) })]));
  const summary = [last.summary?.subject, last.summary?.from].filter((x): x is string => typeof x === 'string' && x !== '');
  if (summary.length) section.append(h(document, 'p', { class: 'verdict-summary', text: summary.join(' — ').slice(0, 200) }));
  const lines = findingLines(last.verdict.findings ?? [], lang).filter((l) => l.severity !== 'info').slice(0, 3);
  if (lines.length) section.append(h(document, 'ul', {}, lines.map((l) => h(document, 'li', { text: l.message || l.title }))));
  return section;
}

async function renderOutbox(lang: UiLang): Promise<HTMLElement> {
  const section = h(document, 'section', { class: 'outbox', attrs: { 'aria-labelledby': 'outbox-title' } }, [
    h(document, 'h2', { attrs: { id: 'outbox-title' }, text: t('popupPending', lang) }),
  ]);
  let items: unknown[] = [];
  try {
    const stored = (await browser.storage.local.get(OUTBOX_KEY))[OUTBOX_KEY];
    if (Array.isArray(stored)) items = stored;
    else if (stored && typeof stored === 'object') {
      const inner = (stored as { items?: unknown }).items;
      items = Array.isArray(inner) ? inner : Object.values(stored);
    }
  } catch {
    items = [];
  }
  if (items.length === 0) {
    section.append(h(document, 'p', { class: 'muted', text: t('none', lang) }));
    return section;
  }
  section.append(
    h(document, 'ul', {}, items.slice(0, 20).map((item) => h(document, 'li', { text: describeOutboxItem(item) }))),
  );
  return section;
}

/** One line per waiting report, from whatever plain fields it has (the outbox format comes later). */
function describeOutboxItem(item: unknown): string {
  if (!item || typeof item !== 'object') return '—';
  const record = item as Record<string, unknown>;
  const report = (record.report && typeof record.report === 'object' ? record.report : record) as Record<string, unknown>;
  const message = (report.message && typeof report.message === 'object' ? report.message : {}) as Record<string, unknown>;
  const parts = [report.createdAt, report.kind, message.subject ?? report.subject]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map((x) => x.slice(0, 120));
  return parts.length ? parts.join(' · ') : String(record.id ?? report.id ?? '—');
}

void main();
