/**
 * The list of reports and their delivery state (送信待ち · 送信中 · 送信済み · 再送待ち ·
 * 期限切れ · 受け付けられませんでした), for the popup and the consult page. Reads through the
 * outbox port and follows storage changes; text only. Each item carries
 * `data-report-id` and `data-state` for tests and styling.
 */
import { browser } from 'wxt/browser';
import type { OutboxRecord } from '../../shared/outbox';
import { ANSWER_TEXTS } from '../../shared/report/answer';
import { h } from '../ui/dom';
import { outboxRequest } from './client';
import type { ListAnswer, MailtoAnswer } from './protocol';
import { OUTBOX_STORAGE_KEY } from './storage-adapter';
import { ot, stateText, type Lang } from './texts';

/** A section that lists the reports and stays current while the page is open. */
export function mountOutboxSection(doc: Document, lang: Lang, options: { headingLevel?: 'h2' | 'h3'; onlyIds?: () => readonly string[] } = {}): HTMLElement {
  const list = h(doc, 'ul', { class: 'outbox-list' });
  const section = h(doc, 'section', { class: 'outbox', attrs: { 'aria-labelledby': 'outbox-title', 'aria-live': 'polite' } }, [
    h(doc, options.headingLevel ?? 'h2', { attrs: { id: 'outbox-title' }, text: ot('outboxTitle', lang) }),
    list,
  ]);
  let refreshing = false;
  let pending = false;
  const refresh = async () => {
    if (refreshing) {
      pending = true;
      return;
    }
    refreshing = true;
    try {
      const answer = await outboxRequest<{ records: OutboxRecord[] }>({ type: 'outbox-list' }) as ListAnswer;
      const only = options.onlyIds?.();
      const records = answer.ok ? answer.records.filter((r) => !only || only.includes(r.id)) : [];
      list.replaceChildren(...(records.length ? records.slice(0, 30).map((r) => item(doc, r, lang, refresh)) : [h(doc, 'li', { class: 'muted', text: answer.ok ? ot('none', lang) : ot('loadFailed', lang) })]));
    } finally {
      refreshing = false;
      if (pending) {
        pending = false;
        void refresh();
      }
    }
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && OUTBOX_STORAGE_KEY in changes) void refresh();
  });
  void refresh();
  (section as HTMLElement & { refresh?: () => Promise<void> }).refresh = refresh;
  return section;
}

function item(doc: Document, r: OutboxRecord, lang: Lang, refresh: () => Promise<void>): HTMLElement {
  const when = new Date(r.createdAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const li = h(doc, 'li', { class: `outbox-item state-${r.state}`, attrs: { 'data-report-id': r.id, 'data-state': r.state } }, [
    h(doc, 'span', { class: `outbox-state state-${r.state}`, text: stateText(r.state, lang) }),
    ' ',
    h(doc, 'span', { class: 'outbox-kind', text: ot(`kind_${r.kind}`, lang) }),
    ' · ',
    h(doc, 'span', { class: 'outbox-when', text: when }),
    r.summary.subject ? h(doc, 'span', { class: 'outbox-subject', text: ` · ${r.summary.subject.slice(0, 80)}` }) : null,
    r.attempts > 1 ? h(doc, 'span', { class: 'outbox-attempts muted', text: ` (${ot('attempts', lang, { n: r.attempts })})` }) : null,
  ]);
  const answer = r.answer && r.answer.status !== 'pending' ? (r.answer.answer ? ANSWER_TEXTS[r.answer.answer][lang] : r.answer.note) : undefined;
  if (answer) {
    li.setAttribute('data-answer', r.answer!.answer ?? 'note');
    li.append(h(doc, 'div', { class: 'outbox-answer' }, [h(doc, 'strong', { text: `${ot('answerFromIt', lang)}: ` }), answer]));
    if (r.answer!.note && r.answer!.note !== answer) li.append(h(doc, 'div', { class: 'outbox-note', text: r.answer!.note }));
  }
  const actions = h(doc, 'span', { class: 'outbox-actions' });
  if (r.state === 'failed' || r.state === 'queued') {
    actions.append(h(doc, 'button', { class: 'secondary small', attrs: { type: 'button', 'data-action': 'retry' }, text: ot('retryNow', lang), on: { click: () => void outboxRequest({ type: 'outbox-retry' }).then(refresh) } }));
  }
  if (r.state === 'expired' || r.state === 'rejected') {
    const mail = h(doc, 'button', { class: 'secondary small', attrs: { type: 'button', 'data-action': 'mail' }, text: ot('sendByMail', lang) });
    mail.addEventListener('click', async () => {
      const answer = (await outboxRequest<{ mailto: string; reportId: string }>({ type: 'outbox-mailto', reportId: r.id, lang })) as MailtoAnswer;
      if (answer.ok) mail.replaceWith(h(doc, 'a', { class: 'mail-link', attrs: { href: answer.mailto }, text: ot('openMail', lang) }));
      else mail.replaceWith(h(doc, 'span', { class: 'muted', text: ot('noChannel', lang) }));
    });
    actions.append(mail);
  }
  if (r.state === 'delivered' || r.state === 'expired' || r.state === 'rejected') {
    actions.append(h(doc, 'button', { class: 'secondary small', attrs: { type: 'button', 'data-action': 'dismiss' }, text: ot('dismiss', lang), on: { click: () => void outboxRequest({ type: 'outbox-dismiss', reportId: r.id }).then(refresh) } }));
  }
  if (actions.childNodes.length) li.append(' ', actions);
  return li;
}
