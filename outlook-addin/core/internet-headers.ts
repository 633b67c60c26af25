/**
 * The header block Outlook returns from getAllInternetHeadersAsync (Mailbox 1.8) → HeaderLine[]
 * in the order written (newest Received first), plus the fields the item API does not give in
 * read mode (Reply-To, In-Reply-To, References). Plain data in, plain data out: no `Office.*`.
 *
 * Must never: throw, or decode header values in `headers` (the model keeps them raw; the
 * scanner decodes what it reads). Work is one pass over the lines and capped.
 */
import { addressParser } from 'postal-mime';
import type { HeaderLine, MailAddress } from '../../shared/model';
import { decodeHeaderText } from '../../shared/mail/header-text';

/** Header lines kept; the same cap the .eml reader uses. */
export const MAX_HEADER_LINES = 1_000;
/** Characters of header text read (1 MiB, like the .eml reader's header cap). */
export const MAX_HEADER_CHARS = 1024 * 1024;

export interface ParsedInternetHeaders {
  headers: HeaderLine[];
  problems: string[];
}

/** A field line starts with a name of printable ASCII other than ':' (RFC 5322 §2.2), then ':'. */
const FIELD_LINE = /^([!-9;-~]+)[ \t]*:/;

export function parseInternetHeaders(text: unknown): ParsedInternetHeaders {
  const problems: string[] = [];
  const headers: HeaderLine[] = [];
  if (typeof text !== 'string') return { headers, problems: ['Internet headers were not text'] };
  let block = text;
  if (block.length > MAX_HEADER_CHARS) {
    problems.push(`Internet headers longer than ${MAX_HEADER_CHARS} characters; the rest was not read`);
    block = block.slice(0, MAX_HEADER_CHARS);
  }
  // Unfold (RFC 5322 §2.2.3): a line that starts with white space continues the previous one;
  // the line break goes, the white space stays.
  const logical: string[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') {
      // The first empty line ends the header block; Outlook sometimes appends one.
      break;
    }
    if ((line[0] === ' ' || line[0] === '\t') && logical.length > 0) logical[logical.length - 1] += line;
    else logical.push(line);
  }
  let notHeaders = 0;
  for (const entry of logical) {
    const field = FIELD_LINE.exec(entry);
    if (!field) {
      notHeaders++;
      continue;
    }
    if (headers.length >= MAX_HEADER_LINES) {
      problems.push(`More than ${MAX_HEADER_LINES} header lines; the rest were not kept`);
      break;
    }
    headers.push({ name: field[1] ?? '', value: entry.slice(field[0].length).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '') });
  }
  if (notHeaders > 0) problems.push(`${notHeaders} line(s) in the internet headers were not header fields`);
  return { headers, problems };
}

export interface HeaderDerivedFields {
  replyTo?: MailAddress[];
  inReplyTo?: string;
  references?: string[];
}

/** Fields the read-mode item API lacks, taken from the raw header lines. */
export function fieldsFromHeaders(headers: readonly HeaderLine[]): HeaderDerivedFields {
  const out: HeaderDerivedFields = {};
  const replyTo: MailAddress[] = [];
  for (const h of headers) if (h.name.toLowerCase() === 'reply-to') replyTo.push(...readAddressList(h.value));
  if (replyTo.length > 0) out.replyTo = replyTo;
  const first = (name: string): string | undefined => headers.find((h) => h.name.toLowerCase() === name)?.value.trim();
  const inReplyTo = first('in-reply-to');
  if (inReplyTo) out.inReplyTo = inReplyTo;
  const references = first('references');
  if (references) {
    const ids = references.split(/\s+/).filter((id) => id !== '');
    if (ids.length > 0) out.references = ids;
  }
  return out;
}

/** An address-list header value → MailAddress[] with display names decoded (RFC 2047). */
export function readAddressList(value: string): MailAddress[] {
  let parsed: ReturnType<typeof addressParser>;
  try {
    parsed = addressParser(value, { flatten: true });
  } catch {
    return [];
  }
  const out: MailAddress[] = [];
  for (const entry of parsed) {
    for (const box of entry.group ? entry.group : [entry]) {
      const item: MailAddress = {};
      const address = (box.address ?? '').trim();
      // postal-mime decodes well-formed encoded words; the shared decoder also repairs broken ones.
      const name = decodeHeaderText(box.name ?? '').trim();
      if (address !== '') item.address = address;
      if (name !== '') item.name = name;
      if (item.address !== undefined || item.name !== undefined) out.push(item);
    }
  }
  return out;
}
