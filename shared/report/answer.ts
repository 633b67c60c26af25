/**
 * IT's answer to a report, read from `GET <reportEndpoint>/<id>` → `{status, answer, note}`.
 * The endpoint is trusted only as far as policy says; its JSON is still validated strictly:
 * unknown statuses or answer codes become problems, never text shown as if IT said it.
 *
 * Contract for endpoints:
 * - `status`: `pending` (received, not yet answered) | `answered` | `resolved` (closed by IT);
 * - `answer` (with `answered`/`resolved`): `safe` (開いても大丈夫) | `delete` (削除してください)
 *   | `do-not-open` (開かないでください) | `will-call` (担当者から電話します);
 * - `note`: optional free text from IT, at most 1000 characters (longer is cut).
 */
import { cap } from './cap';

export type AnswerStatus = 'pending' | 'answered' | 'resolved';
export type AnswerCode = 'safe' | 'delete' | 'do-not-open' | 'will-call';

export const ANSWER_STATUSES: readonly AnswerStatus[] = ['pending', 'answered', 'resolved'];
export const ANSWER_CODES: readonly AnswerCode[] = ['safe', 'delete', 'do-not-open', 'will-call'];

/** Characters of IT's note kept. @default 1000 */
export const ANSWER_NOTE_CHARS = 1000;

export interface ReportAnswer {
  status: AnswerStatus;
  answer?: AnswerCode;
  note?: string;
}

/** What each answer code says to the user, Japanese first. */
export const ANSWER_TEXTS: Readonly<Record<AnswerCode, { ja: string; en: string }>> = {
  safe: { ja: '確認しました。開いても大丈夫です。', en: 'Checked: it is safe to open.' },
  delete: { ja: '危険なメールです。削除してください。', en: 'This mail is dangerous. Please delete it.' },
  'do-not-open': { ja: 'リンクや添付は開かないでください。', en: 'Do not open its links or attachments.' },
  'will-call': { ja: '担当者から電話します。お待ちください。', en: 'IT will call you. Please wait.' },
};

export function parseAnswer(input: unknown): { answer?: ReportAnswer; problems: string[] } {
  const problems: string[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { problems: ['answer: not a JSON object'] };
  const o = input as Record<string, unknown>;
  if (!ANSWER_STATUSES.includes(o.status as AnswerStatus)) return { problems: [`answer.status: unknown value ${JSON.stringify(o.status)}`] };
  const out: ReportAnswer = { status: o.status as AnswerStatus };
  if (o.answer !== undefined && o.answer !== null) {
    if (ANSWER_CODES.includes(o.answer as AnswerCode)) out.answer = o.answer as AnswerCode;
    else problems.push(`answer.answer: unknown value ${JSON.stringify(o.answer).slice(0, 80)}`);
  }
  if (o.note !== undefined && o.note !== null) {
    if (typeof o.note === 'string') {
      const note = o.note.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '').trim();
      if (note) out.note = cap(note, ANSWER_NOTE_CHARS);
      if (note.length > ANSWER_NOTE_CHARS) problems.push('answer.note: cut');
    } else problems.push('answer.note: not a string');
  }
  for (const key of Object.keys(o)) if (!['status', 'answer', 'note', 'id'].includes(key)) problems.push(`answer.${key.slice(0, 40)}: unknown field ignored`);
  if (out.status === 'answered' && !out.answer && !out.note) {
    problems.push('answer: status "answered" without an answer or note');
    return { problems };
  }
  return { answer: out, problems };
}

/** Parses the response body text; invalid JSON is a problem, not an exception. */
export function parseAnswerText(text: string): { answer?: ReportAnswer; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: ['answer: not JSON'] };
  }
  return parseAnswer(json);
}
