/**
 * The toolbar popup: this device's posture, the open message's verdict, who to call (phone first),
 * and the reports and their delivery state (the outbox's own list). It only reads; it never sends
 * anything by itself.
 */
import '../../ui/page/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import type { Verdict } from '../../../shared/model';
import type { Policy } from '../../../shared/policy/types';
import type { PostureVerdict } from '../../../shared/posture/types';
import { clear, h } from '../../ui/dom';
import { findingLines } from '../../../shared/i18n/finding-lines';
import { renderContacts } from '../../ui/page/contacts';
import { applyPageLang, pageLang } from '../../ui/page/lang';
import { renderPostureSummary } from '../../ui/page/posture-summary';
import { request } from '../../ui/page/runtime';
import { mountOutboxSection } from '../../outbox/outbox-section';
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
    // Reports and their delivery state, kept current while the popup is open.
    mountOutboxSection(document, lang, { headingLevel: 'h2' }),
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

void main();
