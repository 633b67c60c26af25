/**
 * 「管理者に相談」 in the task pane: the same content as the extension's consult page — the admin's
 * phone first (tel: link), exactly what will be sent, an optional comment, and the original
 * message only when policy.reportOriginal is 'ask' and the user ticks it — then the channel
 * policy names: the HTTPS endpoint (through the durable outbox), else a new message to
 * reportMailbox with the selected message attached as an item, else a mailto: link, else the
 * phone alone.
 *
 * Must never: send before the user presses the button, take a recipient or endpoint from anywhere
 * but policy, include body text (the report builder guarantees it), or render mail text as markup.
 */
import type { MailSnapshot, Verdict } from '../../shared/model';
import type { Policy } from '../../shared/policy/types';
import { checkEmail } from '../../shared/policy/value-formats';
import type { PostureVerdict } from '../../shared/posture/types';
import { buildMailto, buildReport, mailtoBody, ANSWER_TEXTS, type KokoroeReport, type ReportKind } from '../../shared/report';
import { base64ToBytes } from '../../shared/report/base64';
import { reportChannel, type Outbox, type OutboxRecord } from '../../shared/outbox';
import type { PaneCapabilities, PaneHost } from '../core/pane-host';
import { el } from './dom';
import { paneText, type PaneLang } from './pane-texts';
import { renderContacts } from './pane-view';

export type ConsultChannel = 'endpoint' | 'message-form' | 'mailto' | 'phone';

/** Which way a report can leave, from policy and what this Outlook offers. */
export function consultChannel(policy: Policy, capabilities: PaneCapabilities): ConsultChannel {
  if (reportChannel(policy)) return 'endpoint';
  const mailbox = typeof policy.reportMailbox === 'string' && checkEmail(policy.reportMailbox).ok;
  if (mailbox && capabilities.newMessageForm) return 'message-form';
  if (mailbox) return 'mailto';
  return 'phone';
}

/** Whether a 「元のメールも送る」 box is offered at all, and whether this client can honour it. */
export function originalOption(policy: Policy, channel: ConsultChannel, capabilities: PaneCapabilities): 'hidden' | 'available' | 'unavailable' {
  if (policy.reportOriginal !== 'ask') return 'hidden';
  if (channel === 'endpoint') return capabilities.original ? 'available' : 'unavailable';
  // The message form attaches the item itself; a mailto: link cannot carry it.
  if (channel === 'message-form') return 'available';
  return 'hidden';
}

export interface ConsultInput {
  kind: ReportKind;
  snapshot: MailSnapshot;
  verdict: Verdict;
  posture: PostureVerdict;
  policy: Policy;
  lang: PaneLang;
  host: PaneHost;
  outbox: Outbox;
  now: () => Date;
  onBack: () => void;
  /** Called after the report left (or was queued), with its id. */
  onSent?: (id: string) => void;
}

/** Everything the host knows about the client, for the report. */
function clientOf(host: PaneHost): { host: 'outlook-addin'; office?: string } {
  const office = host.info().officeVersion;
  return office ? { host: 'outlook-addin', office } : { host: 'outlook-addin' };
}

export function renderConsult(doc: Document, input: ConsultInput): HTMLElement {
  const { policy, lang, host } = input;
  const capabilities = host.capabilities();
  const channel = consultChannel(policy, capabilities);
  const originalMode = originalOption(policy, channel, capabilities);
  // One id for the preview and the send: what the user saw is what goes.
  const id = crypto.randomUUID();
  const reporter = host.info().userEmail;

  const build = (comment: string, includeOriginal: boolean, original?: Uint8Array): KokoroeReport =>
    buildReport({
      kind: input.kind,
      snapshot: input.snapshot,
      verdict: input.verdict,
      posture: input.posture,
      policy,
      client: clientOf(host),
      ...(reporter ? { reporter } : {}),
      comment,
      includeOriginal,
      ...(original ? { original, originalFormat: 'eml' as const } : {}),
      now: input.now(),
      id,
    }).report;

  const heading = input.kind === 'opened-already' ? paneText('openedHeading', lang) : paneText('consult', lang);
  const section = el(doc, 'section', { className: 'consult', attrs: { id: 'kokoroe-consult-view', 'data-kokoroe-consult': input.kind, 'data-channel': channel, 'aria-labelledby': 'kokoroe-consult-title' } }, [
    el(doc, 'h2', { attrs: { id: 'kokoroe-consult-title', tabindex: '-1' }, text: heading }),
  ]);
  if (input.kind === 'opened-already') section.append(el(doc, 'p', { className: 'urgent', text: paneText('openedSteps', lang) }));
  section.append(renderContacts(doc, policy, lang));

  const comment = el(doc, 'textarea', { attrs: { id: 'kokoroe-comment', rows: '3', maxlength: '2000', placeholder: paneText('commentPlaceholder', lang) } });
  const commentLabel = el(doc, 'label', { attrs: { for: 'kokoroe-comment' }, text: paneText('comment', lang) });
  const original = el(doc, 'input', { attrs: { type: 'checkbox', id: 'kokoroe-include-original' } });
  const preview = el(doc, 'pre', { className: 'preview', attrs: { id: 'kokoroe-preview', tabindex: '0' } });
  const previewJson = el(doc, 'pre', { className: 'preview-json', attrs: { id: 'kokoroe-preview-json', tabindex: '0' } });
  const status = el(doc, 'p', { className: 'status', attrs: { id: 'kokoroe-consult-status', role: 'status', 'aria-live': 'polite' } });

  const refreshPreview = (): void => {
    const report = build(comment.value, false);
    let text = mailtoBody(report, lang);
    if (original.checked) {
      text += `\n${lang === 'ja' ? '元のメール（.eml）も送ります。' : 'The original message (.eml) is also sent.'}`;
    }
    preview.textContent = text;
    if (channel === 'endpoint') {
      const shown = original.checked
        ? { ...report, original: { included: true, format: 'eml', encoding: 'base64', bytes: '…', data: lang === 'ja' ? '（送信時に元のメールを読み込みます）' : '(the original is read when you send)' } }
        : report;
      previewJson.textContent = JSON.stringify(shown, null, 2);
    }
  };

  if (channel !== 'phone') {
    section.append(el(doc, 'h3', { text: paneText('previewHeading', lang) }), preview, el(doc, 'p', { className: 'note', text: paneText('previewNote', lang) }));
    if (channel === 'endpoint') {
      section.append(el(doc, 'details', {}, [el(doc, 'summary', { text: lang === 'ja' ? '送信データ（JSON）' : 'Data sent (JSON)' }), previewJson]));
    }
    section.append(el(doc, 'div', { className: 'field' }, [commentLabel, comment]));
    if (originalMode === 'available') {
      section.append(el(doc, 'div', { className: 'field checkbox' }, [original, el(doc, 'label', { attrs: { for: 'kokoroe-include-original' }, text: paneText('includeOriginal', lang) })]));
    } else if (originalMode === 'unavailable') {
      section.append(el(doc, 'p', { className: 'note', text: paneText('includeOriginalUnavailable', lang) }));
    }
  } else {
    section.append(el(doc, 'p', { className: 'note', attrs: { id: 'kokoroe-no-channel' }, text: paneText('noChannel', lang) }));
  }

  const actions = el(doc, 'div', { className: 'actions' });
  if (channel === 'endpoint' || channel === 'message-form') {
    const send = el(doc, 'button', { className: 'primary', attrs: { type: 'button', id: 'kokoroe-send' }, text: paneText(channel === 'endpoint' ? 'send' : 'openMail', lang) });
    send.addEventListener('click', () => {
      send.disabled = true;
      void (channel === 'endpoint' ? sendToEndpoint() : openMessageForm()).finally(() => {
        send.disabled = false;
      });
    });
    actions.append(send);
    if (channel === 'message-form') section.append(el(doc, 'p', { className: 'note', text: paneText('openMailNote', lang) }));
  } else if (channel === 'mailto') {
    const link = el(doc, 'a', { className: 'button primary', attrs: { id: 'kokoroe-mailto', href: '#', target: '_blank', rel: 'noopener' }, text: paneText('mailtoLink', lang) });
    // The href is rebuilt on every change so the comment the user typed is in it.
    const updateLink = (): void => {
      const href = buildMailto(policy, build(comment.value, false), lang);
      if (href) link.setAttribute('href', href);
    };
    comment.addEventListener('input', updateLink);
    updateLink();
    actions.append(link);
  }
  const back = el(doc, 'button', { className: 'secondary', attrs: { type: 'button', id: 'kokoroe-back' }, text: paneText('back', lang) });
  back.addEventListener('click', () => input.onBack());
  actions.append(back);
  section.append(actions, status);

  comment.addEventListener('input', refreshPreview);
  original.addEventListener('change', refreshPreview);
  refreshPreview();

  async function sendToEndpoint(): Promise<void> {
    status.textContent = paneText('sending', lang);
    let originalBytes: Uint8Array | undefined;
    if (original.checked) {
      const eml = await host.readOriginal();
      if (eml.ok) originalBytes = base64ToBytes(eml.value);
    }
    const report = build(comment.value, original.checked, originalBytes);
    const queued = await input.outbox.enqueue(report, { messageKey: host.currentItemKey() ?? report.message.messageId ?? report.id });
    if (!queued.ok) {
      status.textContent = queued.reason === 'duplicate' ? paneText('sent', lang) : paneText('refused', lang);
      return;
    }
    await input.outbox.tick();
    const record = (await input.outbox.list()).find((r) => r.id === report.id);
    showRecord(record);
    input.onSent?.(report.id);
  }

  function showRecord(record: OutboxRecord | undefined): void {
    section.setAttribute('data-outbox-state', record?.state ?? 'unknown');
    if (!record || record.state === 'rejected' || record.state === 'expired') {
      status.textContent = paneText('refused', lang);
    } else if (record.state === 'delivered') {
      status.textContent = paneText('sent', lang);
      const answer = record.answer;
      if (answer?.answer) status.textContent += ` ${paneText('answerFromIt', lang)}: ${ANSWER_TEXTS[answer.answer][lang]} ${answer.note ?? ''}`.trimEnd();
    } else {
      status.textContent = paneText('queued', lang);
    }
  }

  async function openMessageForm(): Promise<void> {
    const report = build(comment.value, false);
    const to = policy.reportMailbox;
    if (typeof to !== 'string') return;
    let body = mailtoBody(report, lang);
    const attach = original.checked;
    if (attach) {
      // The summary's last line says the original is not included; here it is attached.
      const cut = body.lastIndexOf('\n');
      body = `${cut >= 0 ? body.slice(0, cut) : body}\n${lang === 'ja' ? '元のメールを添付しています。' : 'The original message is attached.'}`;
    }
    const kindLabel = input.kind === 'opened-already' ? (lang === 'ja' ? '開いてしまった' : 'Opened already') : lang === 'ja' ? '相談' : 'Consult';
    const subject = `[${paneText('productName', lang)}] ${kindLabel}: ${input.snapshot.subject ?? ''}`.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 120);
    const result = await host.openReportMessage({ to, subject, body, attachOriginal: attach });
    status.textContent = paneText(result.ok ? 'mailOpened' : 'mailFailed', lang);
    section.setAttribute('data-mail-form', result.ok ? 'opened' : 'failed');
  }

  return section;
}
