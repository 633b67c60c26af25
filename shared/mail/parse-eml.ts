/**
 * .eml (RFC 5322 / MIME) → MailSnapshot. MIME structure, transfer encodings and body charsets
 * are postal-mime's job; this module adds what a phishing scanner needs around it: raw header
 * lines in order, tolerant decoding of broken Japanese headers, attachment hashes, a look
 * inside archives and attached messages, and a list of problems instead of exceptions.
 *
 * Must never: throw or reject (whatever the bytes), fetch anything, or fill `anchors` (the
 * scanner extracts them from `html` and `text`).
 *
 * Caps (each one, when hit, adds a problem; see ParseEmlOptions for the defaults):
 * - `maxBytes`: input beyond it is not read; the snapshot then lists links and attachments
 *   as missing, because some may sit in the part that was cut.
 * - `maxHeaders`: top-level header lines kept in `headers`.
 * - `maxHeaderBytes`: header bytes over all MIME parts; beyond it the MIME structure is not
 *   read (headers only, body/links/attachments missing).
 * - `maxNestingDepth`: multipart nesting; deeper messages are read as headers only, likewise.
 * - `maxAttachedMessageDepth`: levels of message/rfc822 attachments that are opened to list
 *   what they carry.
 * - `maxAttachments`: attachments listed.
 *
 * Attached messages (message/rfc822) are listed as one attachment, named by their file name or
 * else their subject. Their own attachments go into that attachment's `innerNames`, entries of
 * an archive inside them as `archive.zip/entry.exe`, and `encrypted` is set when anything inside
 * is encrypted — so a password-protected zip forwarded inside an .eml is still visible. Their
 * body and links are not merged into the outer message.
 *
 * Other attachments are described by inspectAttachmentBytes (archives, TNEF `winmail.dat`,
 * ISO images, password-protected Office files; see attachment-bytes.ts).
 *
 * A multipart/mixed message with a text part beside an HTML part (not alternatives) comes
 * back with the text part also rendered into `html` as `<div>…</div>` and the HTML part into
 * `text` with hrefs in brackets: that is how postal-mime joins them.
 */
import PostalMime, { addressParser } from 'postal-mime';
import type { Address, Attachment, Email } from 'postal-mime';
import type { HeaderLine, MailAddress, MailAttachment, MailSnapshot } from '../model';
import { inspectAttachmentBytes } from './attachment-bytes';
import { decodeHeaderText, repairEncodedWords } from './header-text';
import { readRawMessage } from './raw-message';

export interface ParseEmlOptions {
  /** Bytes of input read. @default 26_214_400 (25 MiB) */
  maxBytes?: number;
  /** Top-level header lines kept. @default 1_000 */
  maxHeaders?: number;
  /** Header bytes over all MIME parts. @default 1_048_576 (1 MiB) */
  maxHeaderBytes?: number;
  /** Multipart nesting depth. @default 32 */
  maxNestingDepth?: number;
  /** Levels of attached messages opened. @default 3 */
  maxAttachedMessageDepth?: number;
  /** Attachments listed. @default 500 */
  maxAttachments?: number;
}

export const PARSE_EML_DEFAULTS: Readonly<Required<ParseEmlOptions>> = Object.freeze({
  maxBytes: 25 * 1024 * 1024,
  maxHeaders: 1_000,
  maxHeaderBytes: 1024 * 1024,
  maxNestingDepth: 32,
  maxAttachedMessageDepth: 3,
  maxAttachments: 500,
});

const encoder = new TextEncoder();

/** Addresses kept per list (To, Cc, Reply-To); real mail has far fewer. */
const MAX_ADDRESSES = 1_000;

export async function parseEml(input: Uint8Array | string, options?: ParseEmlOptions): Promise<MailSnapshot> {
  const limits = resolveOptions(options);
  try {
    const bytes = typeof input === 'string' ? encoder.encode(input) : input instanceof Uint8Array ? input : new Uint8Array(0);
    return await parseBytes(bytes, limits, 0);
  } catch (error) {
    // Last line of defence: parseBytes already turns every known failure into a problem.
    return { host: 'eml', problems: [`Message could not be parsed: ${describe(error)}`], missing: ['body', 'links', 'attachments'] };
  }
}

function resolveOptions(options: ParseEmlOptions | undefined): Required<ParseEmlOptions> {
  const out = { ...PARSE_EML_DEFAULTS };
  if (options) {
    for (const key of Object.keys(out) as (keyof ParseEmlOptions)[]) {
      const value = options[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = Math.floor(value);
    }
  }
  return out;
}

async function parseBytes(input: Uint8Array, limits: Required<ParseEmlOptions>, depth: number): Promise<MailSnapshot> {
  const problems: string[] = [];
  const missing = new Set<'body' | 'links' | 'attachments'>();
  let bytes = input;
  if (bytes.length > limits.maxBytes) {
    problems.push(`Message is larger than ${limits.maxBytes} bytes; the rest was not read`);
    bytes = bytes.subarray(0, limits.maxBytes);
    missing.add('links');
    missing.add('attachments');
  }

  bytes = skipLeadingJunk(bytes);
  const raw = readRawMessage(bytes, limits.maxHeaders);
  problems.push(...raw.problems);
  if (raw.headers.length === 0) {
    // Not a message at all (binary, empty, a wrong file): nothing in it can be vouched for.
    missing.add('body');
    missing.add('links');
    missing.add('attachments');
  }
  const snapshot: MailSnapshot = { host: 'eml', headers: raw.headers };
  fillFromHeaders(snapshot, raw.headers, raw.charsetHint, problems);

  let email: Email | undefined;
  try {
    email = await PostalMime.parse(raw.bytes, {
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: limits.maxNestingDepth,
      maxHeadersSize: limits.maxHeaderBytes,
    });
  } catch (error) {
    problems.push(`MIME structure not read: ${describe(error)}`);
    missing.add('body');
    missing.add('links');
    missing.add('attachments');
  }

  if (email) {
    fillFromMime(snapshot, email);
    // Only body types the message really has (see RawMessage.bodyParts).
    if (typeof email.html === 'string' && raw.bodyParts.html) snapshot.html = email.html;
    if (typeof email.text === 'string' && raw.bodyParts.plain) snapshot.text = email.text;
    const attachments: MailAttachment[] = [];
    for (const attachment of email.attachments) {
      if (attachments.length >= limits.maxAttachments) {
        problems.push(`More than ${limits.maxAttachments} attachments; the rest were not listed`);
        missing.add('attachments');
        break;
      }
      attachments.push(await describeAttachment(attachment, limits, depth, problems));
    }
    if (attachments.length > 0) snapshot.attachments = attachments;
  }

  if (problems.length > 0) snapshot.problems = problems;
  if (missing.size > 0) snapshot.missing = [...missing];
  return snapshot;
}

/** Fields read from our own header lines: they survive a MIME failure and broken encodings. */
function fillFromHeaders(snapshot: MailSnapshot, headers: HeaderLine[], hint: string | undefined, problems: string[]): void {
  const first = (name: string): string | undefined => headers.find((h) => h.name.toLowerCase() === name)?.value;
  // Mail readers disagree on which of two From (or Subject) fields they show, which is why
  // forgers add a second one; the first is used here and the duplicate is reported.
  for (const name of ['from', 'sender', 'subject', 'reply-to']) {
    const count = headers.reduce((n, h) => (h.name.toLowerCase() === name ? n + 1 : n), 0);
    if (count > 1) problems.push(`${count} ${name} header fields; the first one is used`);
  }
  const subject = first('subject');
  if (subject !== undefined) snapshot.subject = clean(decodeHeaderText(subject, hint));
  const from = first('from');
  const fromList = from !== undefined ? readAddresses(from, hint) : [];
  if (fromList[0]) snapshot.from = fromList[0];
  const sender = first('sender');
  const senderList = sender !== undefined ? readAddresses(sender, hint) : [];
  if (senderList[0] && !sameAddress(senderList[0], snapshot.from)) snapshot.sender = senderList[0];
  const lists: ['reply-to' | 'to' | 'cc', 'replyTo' | 'to' | 'cc'][] = [
    ['reply-to', 'replyTo'],
    ['to', 'to'],
    ['cc', 'cc'],
  ];
  for (const [header, field] of lists) {
    const all: MailAddress[] = [];
    let dropped = false;
    for (const h of headers) {
      if (h.name.toLowerCase() !== header) continue;
      for (const address of readAddresses(h.value, hint)) {
        if (all.length < MAX_ADDRESSES) all.push(address);
        else dropped = true;
      }
    }
    if (dropped) problems.push(`More than ${MAX_ADDRESSES} ${header} addresses; the rest were not listed`);
    if (all.length > 0) snapshot[field] = all;
  }
  const messageId = first('message-id');
  if (messageId !== undefined && messageId.trim() !== '') snapshot.messageId = messageId.trim();
  const inReplyTo = first('in-reply-to');
  if (inReplyTo !== undefined && inReplyTo.trim() !== '') snapshot.inReplyTo = inReplyTo.trim();
  const references = first('references');
  if (references !== undefined) {
    const ids = references.split(/\s+/).filter((id) => id !== '');
    if (ids.length > 0) snapshot.references = ids;
  }
  const date = first('date');
  if (date !== undefined && date.trim() !== '') {
    const time = Date.parse(date);
    snapshot.date = Number.isFinite(time) ? new Date(time).toISOString() : date.trim();
  }
}

/** postal-mime's date parser is better than Date.parse on odd formats; prefer its ISO result. */
function fillFromMime(snapshot: MailSnapshot, email: Email): void {
  if (email.date && !Number.isNaN(Date.parse(email.date)) && /^\d{4}-\d\d-\d\dT/.test(email.date)) snapshot.date = email.date;
}

function readAddresses(value: string, hint: string | undefined): MailAddress[] {
  let parsed: Address[];
  try {
    parsed = addressParser(repairEncodedWords(value, hint), { flatten: true });
  } catch {
    return [];
  }
  const out: MailAddress[] = [];
  for (const entry of parsed) {
    const boxes = entry.group ? entry.group : [entry];
    for (const box of boxes) {
      const item: MailAddress = {};
      const address = (box.address ?? '').trim();
      // postal-mime decodes well-formed encoded words; ours also repairs the broken ones.
      const name = clean(decodeHeaderText(box.name ?? '', hint));
      if (address !== '') item.address = address;
      if (name !== '') item.name = name;
      if (item.address !== undefined || item.name !== undefined) out.push(item);
    }
  }
  return out;
}

/**
 * NUL bytes in a subject or a name only serve to cut what a reader or a keyword match sees
 * (the problem list already says they were there); the rest is kept as written.
 */
function clean(text: string): string {
  return text.replace(/\u0000/g, '').trim();
}

function sameAddress(a: MailAddress, b: MailAddress | undefined): boolean {
  return b !== undefined && (a.address ?? '').toLowerCase() === (b.address ?? '').toLowerCase();
}

async function describeAttachment(
  attachment: Attachment,
  limits: Required<ParseEmlOptions>,
  depth: number,
  problems: string[],
): Promise<MailAttachment> {
  const content = toBytes(attachment.content);
  const contentType = (attachment.mimeType || 'application/octet-stream').toLowerCase();
  const filename = attachment.filename ? clean(decodeHeaderText(attachment.filename)) : '';
  const out: MailAttachment = { name: filename, contentType, size: content.byteLength };
  const sha256 = await sha256Hex(content);
  if (sha256) out.sha256 = sha256;

  if (contentType === 'message/rfc822' || contentType === 'message/global') {
    if (depth >= limits.maxAttachedMessageDepth) {
      problems.push(`Attached message nested deeper than ${limits.maxAttachedMessageDepth} levels was not opened`);
      if (out.name === '') out.name = 'message.eml';
      return out;
    }
    const inner = await parseBytes(content, limits, depth + 1);
    if (out.name === '') out.name = inner.subject || 'message.eml';
    const names: string[] = [];
    for (const a of inner.attachments ?? []) {
      names.push(a.name);
      for (const n of a.innerNames ?? []) names.push(`${a.name}/${n}`);
      if (a.encrypted) out.encrypted = true;
    }
    if (names.length > 0) out.innerNames = names;
    for (const p of inner.problems ?? []) problems.push(`Attached message "${out.name}": ${p}`);
    return out;
  }

  const inspection = inspectAttachmentBytes(content);
  if (inspection.encrypted !== undefined) out.encrypted = inspection.encrypted;
  if (inspection.innerNames !== undefined) out.innerNames = inspection.innerNames;
  for (const p of inspection.problems) problems.push(`Attachment "${out.name}": ${p}`);
  return out;
}

/**
 * Files saved by some tools start with a UTF-8 byte order mark or blank lines; either would
 * end the header block before it starts.
 */
function skipLeadingJunk(bytes: Uint8Array): Uint8Array {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x0d || bytes[i] === 0x0a)) i++;
  return i === 0 ? bytes : bytes.subarray(i);
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return encoder.encode(content);
  return new Uint8Array(content);
}

/** Lower-case hex SHA-256 of attachment bytes, or undefined where the platform cannot hash. */
export async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  try {
    // Always ArrayBuffer-backed here (postal-mime output or our own copies); the DOM typing
    // of digest() refuses the wider ArrayBufferLike.
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    let hex = '';
    for (const b of hash) hex += b.toString(16).padStart(2, '0');
    return hex;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
