/**
 * "Consult pending" state per webmail message, in storage.local under `consults`:
 * `{ [messageKey]: ConsultEntry }`. The content script reads it to keep the banner saying IT
 * has been asked (and the links guarded) until IT answers or the user marks it resolved; the
 * worker writes it whenever the outbox changes. Resolved consults are removed.
 */
import { browser } from 'wxt/browser';
import type { OutboxRecord, OutboxState } from '../../shared/outbox';
import { ANSWER_TEXTS, type AnswerCode } from '../../shared/report/answer';

export const CONSULTS_KEY = 'consults';

export interface ConsultEntry {
  reportId: string;
  /** `pending` until IT answers; `answered` once an answer arrived (links stay guarded either way until resolved). */
  status: 'pending' | 'answered';
  /** How the report went: the outbox (with its delivery state) or the user's mail program. */
  channel: 'endpoint' | 'mail';
  delivery?: OutboxState;
  /** IT's answer as Japanese text (what the banner shows), with the code and both languages. */
  answer?: string;
  answerCode?: AnswerCode;
  answerText?: { ja: string; en: string };
  note?: string;
  /** When the consult was sent (ms since epoch); the newest consult about a message wins. */
  since: number;
  /** ms since epoch. */
  updatedAt: number;
}

export type ConsultMap = Record<string, ConsultEntry>;

export async function readConsults(): Promise<ConsultMap> {
  const raw = (await browser.storage.local.get(CONSULTS_KEY))[CONSULTS_KEY];
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as ConsultMap) : {};
}

/**
 * The map after an outbox change: entries for records with a message key follow the record;
 * resolved ones go; mail-channel entries and entries whose record was pruned stay as they are.
 */
export function consultsFromRecords(previous: ConsultMap, records: readonly OutboxRecord[], now: number): ConsultMap {
  const next: ConsultMap = { ...previous };
  for (const r of records) {
    if (!r.messageKey) continue;
    const current = next[r.messageKey];
    // A newer consult about the same message wins over an older record.
    if (current && current.reportId !== r.id && current.since > r.createdAt) continue;
    if (r.resolved) {
      if (current?.reportId === r.id) delete next[r.messageKey];
      continue;
    }
    const entry: ConsultEntry = { reportId: r.id, status: 'pending', channel: 'endpoint', delivery: r.state, since: r.createdAt, updatedAt: current?.reportId === r.id ? current.updatedAt : now };
    if (r.answer && r.answer.status !== 'pending') {
      entry.status = 'answered';
      if (r.answer.answer) {
        entry.answerCode = r.answer.answer;
        entry.answerText = { ...ANSWER_TEXTS[r.answer.answer] };
        entry.answer = ANSWER_TEXTS[r.answer.answer].ja;
      } else if (r.answer.note) entry.answer = r.answer.note;
      if (r.answer.note) entry.note = r.answer.note;
    }
    if (!sameEntry(current, entry)) next[r.messageKey] = { ...entry, updatedAt: now };
  }
  return next;
}

function sameEntry(a: ConsultEntry | undefined, b: ConsultEntry): boolean {
  if (!a) return false;
  const { updatedAt: _a, ...ra } = a;
  const { updatedAt: _b, ...rb } = b;
  return JSON.stringify(ra) === JSON.stringify(rb);
}
