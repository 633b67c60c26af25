/**
 * The warning interstitial: an extension page the webmail cannot draw over. It shows where a
 * flagged link really goes (or the file name), why it looks suspicious, and offers 「戻る」 first
 * (focused), then 「管理者に相談」, and 「それでも開く」 only when the service worker says policy allows
 * it — after a confirm step. It never navigates by itself: opening is the worker's decision
 * (`warning-proceed`), and only for http(s).
 */
import '../../ui/page/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import type { Policy } from '../../../shared/policy/types';
import type { GuardedTarget } from '../../ui/guard';
import { append, clear, h } from '../../ui/dom';
import { describeDestination } from '../../ui/destination';
import { findingLines } from '../../../shared/i18n/finding-lines';
import { renderContacts } from '../../ui/page/contacts';
import { applyPageLang, pageLang } from '../../ui/page/lang';
import { request } from '../../ui/page/runtime';
import { t, type UiLang } from '../../ui/texts';

interface WarningAnswer {
  target: GuardedTarget;
  allowOpenAnyway: boolean;
  lang?: UiLang;
  /** The webmail message the warning is about, when the worker passes it on. */
  key?: string;
}

const app = document.getElementById('app') as HTMLElement;

async function main(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const [warning, context] = await Promise.all([
    request<WarningAnswer>({ type: 'get-warning', id }),
    request<{ policy: Policy; lang?: UiLang }>({ type: 'get-context' }),
  ]);
  const lang = await pageLang(warning.ok ? warning.lang : context.ok ? context.lang : undefined);
  applyPageLang(document, lang, `${t('warnPageTitle', lang)} — ${t('productName', lang)}`);
  const policy = context.ok ? context.policy : undefined;
  clear(app);
  if (!warning.ok || !isTarget(warning.target)) {
    app.append(
      h(document, 'p', { class: 'product', text: t('productName', lang) }),
      h(document, 'h1', { text: t('warnPageTitle', lang) }),
      h(document, 'p', { text: t('warnNotFound', lang) }),
      actions(lang, false, id, undefined),
      renderContacts(document, policy, lang),
    );
    focusBack();
    return;
  }
  renderWarning(warning.target, warning.allowOpenAnyway === true, lang, id, policy, typeof warning.key === 'string' ? warning.key : undefined);
  focusBack();
}

function renderWarning(target: GuardedTarget, allowOpenAnyway: boolean, lang: UiLang, id: string, policy: Policy | undefined, key: string | undefined): void {
  const isLink = target.kind === 'link';
  const danger = target.findings.some((f) => f.severity === 'danger');
  const facts = h(document, 'dl', { class: 'facts' });
  let canOpen = false;
  if (isLink && typeof target.href === 'string') {
    const dest = describeDestination(target.href);
    canOpen = allowOpenAnyway && dest.webScheme;
    facts.append(
      h(document, 'dt', { text: t('warnDomain', lang) }),
      h(document, 'dd', { class: 'domain-big', text: dest.registrableDomain ?? dest.hostname ?? '—' }),
      h(document, 'dt', { text: t('warnDestination', lang) }),
      h(document, 'dd', {}, [
        h(document, 'code', { class: 'url' }, [dest.parts.before, h(document, 'strong', { text: dest.parts.domain }), dest.parts.after]),
      ]),
    );
    if (dest.unicodeHostname && dest.hostname) {
      facts.append(
        h(document, 'dt', { text: t('warnShownAs', lang) }),
        h(document, 'dd', {}, [h(document, 'code', { text: dest.unicodeHostname })]),
        h(document, 'dt', { text: t('warnPunycode', lang) }),
        h(document, 'dd', {}, [h(document, 'code', { text: dest.hostname })]),
      );
    }
    if (target.text && target.text.trim() && target.text.trim() !== dest.href) {
      facts.append(
        h(document, 'dt', { text: t('warnLinkText', lang) }),
        h(document, 'dd', { text: target.text.trim().slice(0, 500) }),
      );
    }
  } else {
    facts.append(
      h(document, 'dt', { text: t('warnFile', lang) }),
      h(document, 'dd', { class: 'domain-big', text: target.text || '—' }),
    );
  }

  const lines = findingLines(target.findings, lang);
  append(app, [
    h(document, 'p', { class: 'product', text: t('productName', lang) }),
    h(document, 'h1', { text: t('warnPageTitle', lang) }),
    h(document, 'section', { class: `alert-box ${danger ? 'danger' : 'caution'}`, attrs: { role: 'alert' } }, [
      h(document, 'p', { text: t(isLink ? 'warnLinkLead' : 'warnAttachmentLead', lang) }),
      facts,
    ]),
    lines.length
      ? h(document, 'section', { attrs: { 'aria-labelledby': 'why-title' } }, [
          h(document, 'h2', { attrs: { id: 'why-title' }, text: t('warnWhy', lang) }),
          h(document, 'ul', { class: 'reasons' }, lines.map((line) =>
            h(document, 'li', {}, [
              h(document, 'span', { class: 'title', text: line.title }),
              line.message ? h(document, 'span', { text: line.message }) : null,
            ]),
          )),
        ])
      : null,
    !isLink ? h(document, 'p', { class: 'muted', text: t('warnAttachmentNoOpen', lang) }) : null,
    actions(lang, canOpen, id, key),
    renderContacts(document, policy, lang),
  ]);
}

function actions(lang: UiLang, canOpen: boolean, id: string, key: string | undefined): HTMLElement {
  const status = h(document, 'p', { class: 'status-line', attrs: { role: 'status' } });
  const row = h(document, 'div', {}, [
    h(document, 'div', { class: 'actions' }, [
      h(document, 'button', {
        class: 'primary',
        attrs: { type: 'button', id: 'back', autofocus: '' },
        text: t('warnBack', lang),
        on: { click: goBack },
      }),
      h(document, 'button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'consult' },
        text: t('consult', lang),
        on: { click: () => void consult(key ?? `warning:${id}`) },
      }),
    ]),
    status,
  ]);
  if (!canOpen) return row;

  const confirmBox = h(document, 'div', { class: 'confirm', attrs: { id: 'confirm', role: 'group', 'aria-labelledby': 'confirm-title' } }, [
    h(document, 'h2', { attrs: { id: 'confirm-title' }, text: t('warnConfirmTitle', lang) }),
    h(document, 'p', { text: t('warnConfirmText', lang) }),
    h(document, 'div', { class: 'actions' }, [
      h(document, 'button', {
        class: 'secondary',
        attrs: { type: 'button', id: 'confirm-no' },
        text: t('warnConfirmNo', lang),
        on: {
          click: () => {
            confirmBox.hidden = true;
            openButton.focus();
          },
        },
      }),
      h(document, 'button', {
        class: 'danger-strong',
        attrs: { type: 'button', id: 'confirm-yes' },
        text: t('warnConfirmYes', lang),
        on: {
          click: async (event) => {
            const button = event.currentTarget as HTMLButtonElement;
            button.disabled = true;
            const answer = await request({ type: 'warning-proceed', id });
            if (!answer.ok) {
              status.textContent = t('warnProceedFailed', lang);
              button.disabled = false;
            }
          },
        },
      }),
    ]),
  ]);
  confirmBox.hidden = true;
  const openButton = h(document, 'button', {
    class: 'danger-quiet',
    attrs: { type: 'button', id: 'open-anyway' },
    text: t('warnOpenAnyway', lang),
    on: {
      click: () => {
        confirmBox.hidden = false;
        (document.getElementById('confirm-no') as HTMLElement | null)?.focus();
      },
    },
  });
  row.append(h(document, 'div', { class: 'open-anyway-row' }, [openButton, confirmBox]));
  return row;
}

/** Opens the consult page for this message; if the worker cannot, the phone number is right here. */
async function consult(key: string): Promise<void> {
  const answer = await request({ type: 'open-consult', key: key.slice(0, 300) });
  if (!answer.ok) showContacts();
}

function showContacts(): void {
  // The contacts below start with the admin's phone: the fallback when no consult page opens.
  const section = document.querySelector('.contacts');
  section?.scrollIntoView({ block: 'start' });
  const tel = document.querySelector<HTMLAnchorElement>('.contacts a.tel') ?? document.querySelector<HTMLAnchorElement>('.contacts a');
  tel?.focus();
}

async function goBack(): Promise<void> {
  if (history.length > 1) {
    history.back();
    return;
  }
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) {
      await browser.tabs.remove(tab.id);
      return;
    }
  } catch {
    // Fall through to window.close().
  }
  window.close();
}

function focusBack(): void {
  document.getElementById('back')?.focus();
}

function isTarget(value: unknown): value is GuardedTarget {
  const v = value as GuardedTarget | undefined;
  return !!v && (v.kind === 'link' || v.kind === 'attachment') && typeof v.text === 'string' && Array.isArray(v.findings);
}

void main();
