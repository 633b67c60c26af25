/**
 * The outbox's own message channel between extension pages (consult page, popup) and the
 * service worker: a runtime Port named `kokoroe-outbox`, separate from the main runtime
 * message protocol so the two never answer each other's requests. Only extension pages may
 * connect (checked in the worker); content scripts read the `consults` key instead.
 *
 * Requests are validated here, in one place; nothing in a request names a destination.
 */
import type { OutboxRecord } from '../../shared/outbox';
import type { Contact, ReportOriginal } from '../../shared/policy/types';
import type { KokoroeReport, ReportKind } from '../../shared/report/types';
import type { ConsultEntry } from './consults';

export const OUTBOX_PORT = 'kokoroe-outbox';

export type OutboxLang = 'ja' | 'en';

export type OutboxRequest =
  /** The consult page's data: `id` from consult.html?id=… (absent: a consult without a message). */
  | { type: 'consult-get'; id?: string }
  /** 「送信」: build the report and put it in the outbox. */
  | { type: 'consult-send'; id?: string; kind: ReportKind; comment?: string; includeOriginal: boolean; lang: OutboxLang }
  /** The mail channel: build the report and answer the mailto: URL (to policy.reportMailbox). */
  | { type: 'consult-mail'; id?: string; kind: ReportKind; comment?: string; lang: OutboxLang }
  /** 「解決済みにする」. */
  | { type: 'consult-resolve'; key: string }
  | { type: 'outbox-list' }
  /** 「今すぐ再送」. */
  | { type: 'outbox-retry' }
  /** Remove a finished record the user has seen. */
  | { type: 'outbox-dismiss'; reportId: string }
  /** Mail channel for a record that could not be delivered (rejected, expired). */
  | { type: 'outbox-mailto'; reportId: string; lang: OutboxLang };

export interface ConsultView {
  id?: string;
  key?: string;
  /** The report as it would be sent (without the original and comment). */
  preview: KokoroeReport;
  contacts: { adminContact?: Contact; afterHoursContact?: Contact; orgName?: string };
  reportOriginal: ReportOriginal;
  channels: { endpoint: boolean; mail: boolean };
  /** What ticking 「元のメールも送る」 would attach: the .eml from the provider, only the body, or nothing. */
  originalSource: 'eml' | 'body' | 'none';
  consult?: ConsultEntry;
}

export type OutboxAnswer<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string; mailto?: string; reportId?: string };

export type ConsultGetAnswer = OutboxAnswer<{ view: ConsultView }>;
export type ConsultSendAnswer = OutboxAnswer<{ reportId: string; state: OutboxRecord['state'] }>;
export type MailtoAnswer = OutboxAnswer<{ reportId: string; mailto: string }>;
export type ListAnswer = OutboxAnswer<{ records: OutboxRecord[] }>;

const KINDS = new Set(['consult', 'report', 'opened-already']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COMMENT = 2_000;

export function validateOutboxRequest(message: unknown): { ok: true; request: OutboxRequest } | { ok: false; error: string } {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { ok: false, error: 'not a request' };
  const m = message as Record<string, unknown>;
  const id = () => (m.id === undefined ? { ok: true as const } : typeof m.id === 'string' && UUID.test(m.id) ? { ok: true as const, id: m.id } : undefined);
  const lang = (): OutboxLang => (m.lang === 'en' ? 'en' : 'ja');
  const comment = () => (m.comment === undefined || m.comment === '' ? { ok: true as const } : typeof m.comment === 'string' && m.comment.length <= MAX_COMMENT ? { ok: true as const, comment: m.comment } : undefined);
  switch (m.type) {
    case 'consult-get': {
      const i = id();
      if (!i) return { ok: false, error: 'id: expected a consult id' };
      return { ok: true, request: i.id ? { type: 'consult-get', id: i.id } : { type: 'consult-get' } };
    }
    case 'consult-send':
    case 'consult-mail': {
      const i = id();
      if (!i) return { ok: false, error: 'id: expected a consult id' };
      if (typeof m.kind !== 'string' || !KINDS.has(m.kind)) return { ok: false, error: 'kind: expected consult, report or opened-already' };
      const c = comment();
      if (!c) return { ok: false, error: `comment: at most ${MAX_COMMENT} characters` };
      const base = { kind: m.kind as ReportKind, lang: lang(), ...(i.id ? { id: i.id } : {}), ...(c.comment ? { comment: c.comment } : {}) };
      if (m.type === 'consult-mail') return { ok: true, request: { type: 'consult-mail', ...base } };
      if (typeof m.includeOriginal !== 'boolean') return { ok: false, error: 'includeOriginal: expected true or false' };
      return { ok: true, request: { type: 'consult-send', ...base, includeOriginal: m.includeOriginal } };
    }
    case 'consult-resolve':
      if (typeof m.key !== 'string' || !m.key || m.key.length > 300) return { ok: false, error: 'key: expected a message key' };
      return { ok: true, request: { type: 'consult-resolve', key: m.key } };
    case 'outbox-list':
    case 'outbox-retry':
      return { ok: true, request: { type: m.type } };
    case 'outbox-dismiss':
    case 'outbox-mailto':
      if (typeof m.reportId !== 'string' || !UUID.test(m.reportId)) return { ok: false, error: 'reportId: expected a report id' };
      return m.type === 'outbox-dismiss'
        ? { ok: true, request: { type: 'outbox-dismiss', reportId: m.reportId } }
        : { ok: true, request: { type: 'outbox-mailto', reportId: m.reportId, lang: lang() } };
    default:
      return { ok: false, error: 'unknown request type' };
  }
}
