/**
 * The mail channel: a `mailto:` URL that opens the user's mail program with a short plain-text
 * summary of a report, addressed to policy.reportMailbox.
 *
 * What it must never do: take the recipient (or any other header) from the message or the
 * report; add parameters other than `subject` and `body` (no cc, bcc, to, in-reply-to); put
 * body text or the original into the mail. Everything is percent-encoded, so no character in
 * a subject, address or finding can end the body parameter and start another one.
 */
import type { Policy } from '../policy/types';
import { checkEmail } from '../policy/value-formats';
import { cap } from './cap';
import type { KokoroeReport } from './types';

/** Characters of the body before encoding; mail programs cut long mailto: URLs. @default 1500 */
export const MAILTO_BODY_CHARS = 1500;
/** Characters of the subject line. @default 120 */
export const MAILTO_SUBJECT_CHARS = 120;

export type MailtoLang = 'ja' | 'en';

const KIND_LABEL = {
  consult: { ja: '相談', en: 'Consult' },
  report: { ja: '報告', en: 'Report' },
  'opened-already': { ja: '開いてしまった', en: 'Opened already' },
} as const;

const LABELS = {
  ja: {
    product: '心得メールガード',
    id: '報告ID',
    from: '差出人',
    replyTo: '返信先',
    subject: '件名',
    date: '日付',
    messageId: 'Message-ID',
    auth: '認証結果',
    level: '判定',
    findings: '検出',
    links: 'リンク先',
    attachments: '添付',
    comment: 'コメント',
    note: '本文と元のメールは含めていません。',
  },
  en: {
    product: 'Kokoroe Mail Guard',
    id: 'Report ID',
    from: 'From',
    replyTo: 'Reply-To',
    subject: 'Subject',
    date: 'Date',
    messageId: 'Message-ID',
    auth: 'Authentication',
    level: 'Verdict',
    findings: 'Findings',
    links: 'Links',
    attachments: 'Attachments',
    comment: 'Comment',
    note: 'The body and the original message are not included.',
  },
} as const;

/** The mailto: URL, or undefined when policy names no valid reportMailbox. */
export function buildMailto(policy: Policy, report: KokoroeReport, lang: MailtoLang = 'ja'): string | undefined {
  if (typeof policy.reportMailbox !== 'string') return undefined;
  const checked = checkEmail(policy.reportMailbox);
  if (!checked.ok) return undefined;
  const recipient = checked.value;
  const at = recipient.lastIndexOf('@');
  const to = `${encodeURIComponent(recipient.slice(0, at))}@${encodeURIComponent(recipient.slice(at + 1))}`;
  const l = LABELS[lang] ?? LABELS.ja;
  const kind = KIND_LABEL[report.kind]?.[lang] ?? report.kind;
  const subject = cap(oneLine(`[${l.product}] ${kind}: ${report.message.subject ?? ''}`), MAILTO_SUBJECT_CHARS);
  const body = cap(mailtoBody(report, lang), MAILTO_BODY_CHARS);
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** The plain-text summary used as the mail body (also shown as-is in previews). */
export function mailtoBody(report: KokoroeReport, lang: MailtoLang = 'ja'): string {
  const l = LABELS[lang] ?? LABELS.ja;
  const m = report.message;
  const addr = (a?: { address?: string; name?: string }) => (a ? oneLine([a.name, a.address && `<${a.address}>`].filter(Boolean).join(' ')) : '');
  const lines: string[] = [`${l.id}: ${report.id}`];
  const push = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${oneLine(value)}`);
  };
  push(l.from, addr(m.from));
  push(l.replyTo, m.replyTo?.map(addr).join(', '));
  push(l.subject, m.subject);
  push(l.date, m.date);
  push(l.messageId, m.messageId);
  push(l.auth, m.authResults[0]);
  push(l.level, report.verdict.level);
  push(l.findings, report.verdict.findings.slice(0, 10).map((f) => `${f.rule}${f.target.value ? ` (${cap(f.target.value, 120)})` : ''}`).join(', '));
  push(l.links, m.links.slice(0, 10).map((u) => cap(u, 200)).join(' '));
  push(l.attachments, m.attachments.slice(0, 10).map((a) => a.name).join(', '));
  push(l.comment, report.comment);
  lines.push('', l.note);
  return lines.join('\n');
}

/** Control characters and line breaks flattened, so one value stays one line. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
