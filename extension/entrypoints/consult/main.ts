/**
 * The consult page (consult.html?id=…[&mode=opened]), extension-owned so the webmail cannot
 * draw over it:
 *   1. who to call — the admin's name and phone first, as a large `tel:` link, hours and the
 *      after-hours contact (or, with no IT policy, 「院内の情報システム担当者に相談してください」
 *      and the incident portal);
 *   2. exactly what will be sent, before sending (the same report the worker will build);
 *   3. an optional comment and 「送信」.
 * The 「開いてしまった」 mode says what to do now and sends an `opened-already` report.
 *
 * What it must never do: send anything before the user presses 「送信」; render mail-derived
 * text as markup (text only); tick 「元のメールも送る」 by default.
 */
import '../../ui/page/page.css';
import './style.css';
import { browser } from 'wxt/browser';
import { telHref } from '../../../shared/policy/contact-link';
import { DEFAULT_CONSULT_ADVICE, INCIDENT_PORTAL } from '../../../shared/policy/defaults';
import type { Contact } from '../../../shared/policy/types';
import type { KokoroeReport } from '../../../shared/report/types';
import { ANSWER_TEXTS } from '../../../shared/report/answer';
import { outboxRequest } from '../../outbox/client';
import { CONSULTS_KEY, type ConsultEntry } from '../../outbox/consults';
import { mountOutboxSection } from '../../outbox/outbox-section';
import type { ConsultGetAnswer, ConsultSendAnswer, ConsultView, MailtoAnswer } from '../../outbox/protocol';
import { ot, refusalText, stateText, type Lang } from '../../outbox/texts';
import { clear, h } from '../../ui/dom';
import { addressText } from '../../../shared/i18n/address-text';
import { findingLines } from '../../../shared/i18n/finding-lines';
import { hasAny } from '../../ui/page/contacts';
import { applyPageLang, pageLang } from '../../ui/page/lang';

const app = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);
const consultId = params.get('id') ?? undefined;
let mode: 'consult' | 'opened' = params.get('mode') === 'opened' ? 'opened' : 'consult';
/** Reports sent from this page (shown with their delivery state). */
const sentIds: string[] = [];

async function main(): Promise<void> {
  const lang: Lang = await pageLang();
  const answer = (await outboxRequest<{ view: ConsultView }>(consultId ? { type: 'consult-get', id: consultId } : { type: 'consult-get' })) as ConsultGetAnswer;
  render(lang, answer);
}

function render(lang: Lang, answer: ConsultGetAnswer): void {
  applyPageLang(document, lang, `${ot(mode === 'opened' ? 'openedTitle' : 'consult', lang)} — ${ot('productName', lang)}`);
  clear(app);
  app.setAttribute('data-mode', mode);
  app.append(h(document, 'h1', { text: ot(mode === 'opened' ? 'openedTitle' : 'consult', lang) }));
  const view = answer.ok ? answer.view : undefined;
  if (mode === 'opened') app.append(openedSteps(lang));
  app.append(callSection(lang, view?.contacts));
  if (!answer.ok) {
    app.append(h(document, 'p', { class: 'status', attrs: { role: 'status' }, text: ot(answer.error === 'not-found' ? 'notFound' : 'loadFailed', lang) }));
    return;
  }
  app.append(previewSection(lang, answer.view), sendSection(lang, answer.view));
  app.append(
    h(document, 'p', { class: 'switch' }, [
      h(document, 'button', {
        class: mode === 'opened' ? 'secondary' : 'danger-quiet',
        attrs: { type: 'button', id: 'switch-mode' },
        text: ot(mode === 'opened' ? 'consultSwitch' : 'openedSwitch', lang),
        on: {
          click: () => {
            mode = mode === 'opened' ? 'consult' : 'opened';
            render(lang, answer);
          },
        },
      }),
    ]),
  );
}

function openedSteps(lang: Lang): HTMLElement {
  return h(document, 'section', { class: 'opened', attrs: { 'aria-labelledby': 'opened-title' } }, [
    h(document, 'h2', { attrs: { id: 'opened-title' }, text: ot('openedSteps', lang) }),
    h(document, 'ol', {}, [h(document, 'li', { text: ot('openedStep1', lang) }), h(document, 'li', { text: ot('openedStep2', lang) }), h(document, 'li', { text: ot('openedStep3', lang) })]),
  ]);
}

/** Phone first: name, a large tel: link (digits in the href, IT's wording as the label), hours. */
function callSection(lang: Lang, contacts: ConsultView['contacts'] | undefined): HTMLElement {
  const admin = contacts?.adminContact;
  const after = contacts?.afterHoursContact;
  const section = h(document, 'section', { class: 'call', attrs: { 'aria-labelledby': 'call-title' } }, [
    h(document, 'h2', { attrs: { id: 'call-title' }, text: ot('callFirst', lang) }),
  ]);
  if (hasAny(admin)) section.append(contactBlock(lang, admin!, 'admin'));
  else
    section.append(
      h(document, 'p', { class: 'contact-name', text: ot('noContact', lang) }),
      h(document, 'p', { text: lang === 'en' ? DEFAULT_CONSULT_ADVICE.en : DEFAULT_CONSULT_ADVICE.ja }),
    );
  if (hasAny(after)) section.append(h(document, 'h3', { text: ot('afterHoursContact', lang) }), contactBlock(lang, after!, 'after-hours'));
  section.append(
    h(document, 'p', { class: 'portal' }, [
      `${ot('portalLead', lang)}: `,
      h(document, 'a', { attrs: { href: INCIDENT_PORTAL.url, target: '_blank', rel: 'noopener noreferrer', id: 'incident-portal' }, text: lang === 'en' ? INCIDENT_PORTAL.en : INCIDENT_PORTAL.ja }),
    ]),
  );
  return section;
}

function contactBlock(lang: Lang, contact: Contact, kind: string): HTMLElement {
  const tel = telHref(contact.phone);
  return h(document, 'div', { class: `contact ${kind}` }, [
    contact.name ? h(document, 'p', { class: 'contact-name', text: contact.name }) : null,
    contact.phone
      ? h(document, 'p', { class: 'phone' }, [
          tel ? h(document, 'a', { class: 'tel-big', attrs: { href: tel, 'aria-label': `${ot('phone', lang)} ${contact.phone}` }, text: contact.phone }) : h(document, 'span', { class: 'tel-big', text: contact.phone }),
        ])
      : null,
    contact.hours ? h(document, 'p', { class: 'hours', text: `${ot('hours', lang)}: ${contact.hours}` }) : null,
    contact.email ? h(document, 'p', { class: 'email', text: `${ot('email', lang)}: ${contact.email}` }) : null,
  ]);
}

/** The report as it will be sent, field by field, as text. */
function previewSection(lang: Lang, view: ConsultView): HTMLElement {
  const r: KokoroeReport = view.preview;
  const m = r.message;
  const dl = h(document, 'dl', { class: 'preview', attrs: { id: 'preview' } });
  const row = (key: Parameters<typeof ot>[0], value: Node | string | undefined, field: string) => {
    dl.append(h(document, 'dt', { text: ot(key, lang) }), h(document, 'dd', { attrs: { 'data-field': field } }, [value === undefined || value === '' ? ot('none', lang) : value]));
  };
  const list = (items: readonly string[], more = 0) =>
    items.length ? h(document, 'ul', {}, [...items.map((i) => h(document, 'li', { class: 'mono', text: i })), more > 0 ? h(document, 'li', { class: 'muted', text: ot('linksMore', lang, { n: more }) }) : null]) : undefined;
  const hasMessage = !!view.key && r.client.host !== 'unknown';
  if (hasMessage) {
    row('from', addressText(m.from), 'from');
    row('replyTo', m.replyTo?.map(addressText).join(', '), 'replyTo');
    row('subject', m.subject, 'subject');
    row('date', m.date, 'date');
    row('messageId', m.messageId, 'messageId');
    row('auth', list(m.authResults), 'authResults');
    row('links', list(m.links, m.linkCount - m.links.length), 'links');
    row('attachments', list(m.attachments.map((a) => (a.sha256 ? `${a.name} (SHA-256 ${a.sha256.slice(0, 16)}…)` : a.name))), 'attachments');
    // Titles, not sentences: the report's findings have body quotes taken out, and a sentence
    // with a hole in it would read wrong.
    const lines = findingLines(r.verdict.findings, lang).filter((l) => l.severity !== 'info');
    row('findings', list(lines.map((l) => l.title || l.message)), 'findings');
  }
  row('postureHeading', r.posture ? postureLine(r.posture.status, lang) : ot('unknown', lang), 'posture');
  return h(document, 'section', { class: 'what', attrs: { 'aria-labelledby': 'what-title' } }, [
    h(document, 'h2', { attrs: { id: 'what-title' }, text: ot('whatIsSent', lang) }),
    h(document, 'p', { text: hasMessage ? ot('whatIsSentLead', lang) : ot('noMessage', lang) }),
    dl,
  ]);
}

function postureLine(status: string, lang: Lang): string {
  const words: Record<string, [string, string]> = { ok: ['問題なし', 'OK'], warn: ['更新が必要', 'Needs updates'], block: ['更新が必要（利用停止）', 'Needs updates (blocked)'], unknown: ['不明', 'Unknown'] };
  const w = words[status] ?? words.unknown!;
  return lang === 'en' ? w[1] : w[0];
}

function sendSection(lang: Lang, view: ConsultView): HTMLElement {
  const kind = mode === 'opened' ? 'opened-already' : 'consult';
  const status = h(document, 'div', { class: 'status', attrs: { role: 'status', id: 'send-status', 'aria-live': 'polite' } });
  const section = h(document, 'section', { class: 'send', attrs: { 'aria-labelledby': 'send-title' } }, [h(document, 'h2', { attrs: { id: 'send-title' }, text: ot('send', lang) })]);

  let original: HTMLInputElement | undefined;
  if (view.reportOriginal === 'ask' && view.originalSource !== 'none') {
    original = h(document, 'input', { attrs: { type: 'checkbox', id: 'include-original' } });
    original.checked = false;
    section.append(
      h(document, 'div', { class: 'original' }, [
        h(document, 'label', { attrs: { for: 'include-original' } }, [original, ' ', ot(view.originalSource === 'eml' ? 'includeOriginalEml' : 'includeOriginalBody', lang)]),
        h(document, 'p', { class: 'muted', text: ot('includeOriginalNote', lang) }),
      ]),
    );
  }
  const comment = h(document, 'textarea', { attrs: { id: 'comment', maxlength: '2000', placeholder: ot('commentHint', lang) } });
  section.append(h(document, 'p', {}, [h(document, 'label', { attrs: { for: 'comment' }, text: ot('comment', lang) })]), comment);

  const channel = view.channels.endpoint ? 'endpoint' : view.channels.mail ? 'mail' : 'none';
  const button = h(document, 'button', { class: 'primary', attrs: { type: 'button', id: 'send' }, text: channel === 'mail' ? ot('sendByMail', lang) : ot('send', lang) });
  if (channel === 'none') {
    button.disabled = true;
    status.textContent = ot('noChannel', lang);
  }
  const resolveButton = h(document, 'button', { class: 'secondary', attrs: { type: 'button', id: 'resolve' }, text: ot('resolve', lang) });
  resolveButton.hidden = !view.consult;
  resolveButton.addEventListener('click', async () => {
    if (!view.key) return;
    const r = await outboxRequest({ type: 'consult-resolve', key: view.key });
    if (r.ok) {
      resolveButton.hidden = true;
      status.textContent = ot('resolved', lang);
    }
  });

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = ot('sending', lang);
    const common = { kind, lang, ...(consultId ? { id: consultId } : {}), ...(comment.value.trim() ? { comment: comment.value.trim().slice(0, 2000) } : {}) } as const;
    if (channel === 'mail') {
      const a = (await outboxRequest<{ mailto: string; reportId: string }>({ type: 'consult-mail', ...common })) as MailtoAnswer;
      clear(status);
      if (a.ok) {
        status.append(h(document, 'p', { text: ot('mailLead', lang) }), h(document, 'p', {}, [h(document, 'a', { class: 'mail-link', attrs: { href: a.mailto, id: 'mail-link' }, text: ot('openMail', lang) })]));
        resolveButton.hidden = !view.key;
      } else {
        status.textContent = refusalText(a.error, lang);
        button.disabled = false;
      }
      return;
    }
    const a = (await outboxRequest<{ reportId: string; state: string }>({ type: 'consult-send', ...common, includeOriginal: !!original?.checked })) as ConsultSendAnswer;
    clear(status);
    if (a.ok) {
      sentIds.push(a.reportId);
      status.append(h(document, 'p', { text: ot(kind === 'opened-already' ? 'openedSentLead' : 'sentLead', lang) }), h(document, 'p', { class: 'muted mono', text: `${ot('reportId', lang)}: ${a.reportId}` }));
      resolveButton.hidden = !view.key;
      outboxList.hidden = false;
      void (outboxList as HTMLElement & { refresh?: () => Promise<void> }).refresh?.();
    } else {
      status.append(h(document, 'p', { text: refusalText(a.error, lang) }), h(document, 'p', { text: ot('refusalMail', lang) }));
      if (a.mailto) status.append(h(document, 'p', {}, [h(document, 'a', { class: 'mail-link', attrs: { href: a.mailto, id: 'mail-link' }, text: ot('sendByMail', lang) })]));
      button.disabled = false;
    }
  });

  const answerBox = h(document, 'div', { class: 'answer-box', attrs: { 'aria-live': 'polite', id: 'answer' } });
  const showConsult = (entry: ConsultEntry | undefined) => {
    clear(answerBox);
    resolveButton.hidden = !entry;
    if (!entry) return;
    if (entry.status === 'answered') {
      const text = entry.answerCode ? ANSWER_TEXTS[entry.answerCode][lang] : entry.answer;
      answerBox.append(h(document, 'p', { class: 'muted', text: ot('answerFromIt', lang) }), h(document, 'p', { class: 'answer', text: text ?? '' }));
      if (entry.note && entry.note !== text) answerBox.append(h(document, 'p', { text: entry.note }));
    } else if (entry.delivery) {
      answerBox.append(h(document, 'p', { text: `${ot('kind_consult', lang)}: ${stateText(entry.delivery, lang)}` }));
    }
  };
  showConsult(view.consult);
  if (view.key) {
    const key = view.key;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(CONSULTS_KEY in changes)) return;
      const map = changes[CONSULTS_KEY]?.newValue as Record<string, ConsultEntry> | undefined;
      showConsult(map?.[key]);
    });
  }

  const outboxList = mountOutboxSection(document, lang, { headingLevel: 'h3', onlyIds: () => sentIds });
  outboxList.hidden = sentIds.length === 0;
  section.append(h(document, 'div', { class: 'actions' }, [button, resolveButton]), status, answerBox, outboxList);
  return section;
}

void main();
