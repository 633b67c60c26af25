/**
 * One linear pass over the raw bytes of a message before the MIME library sees them. It
 * - reads the top-level header block into HeaderLine[] (names as written, values unfolded);
 * - re-encodes header lines written in raw Shift_JIS / EUC-JP / ISO-2022-JP as UTF-8, in the
 *   top-level block and in every MIME part's block, because the MIME library reads header
 *   bytes as UTF-8 only and would turn them into U+FFFD;
 * - notes the damage a reader should know about: lines that are not headers, boundaries that
 *   never close, base64 that stops mid-group, NUL bytes.
 * It never throws and never looks past the buffer; work is one pass over the lines.
 */
import type { HeaderLine } from '../model';
import { decodeUnknown, hasIso2022Escape, isValidUtf8 } from './header-text';

export interface RawMessage {
  /** The message with every raw 8-bit header line re-encoded as UTF-8 (same object when none). */
  bytes: Uint8Array;
  /** Top-level header lines, in order, capped at `maxHeaders`. */
  headers: HeaderLine[];
  /** The charset named by the top-level Content-Type, used as a hint for raw header bytes. */
  charsetHint?: string;
  /**
   * Which inline body parts the message really has. The MIME library fills a missing HTML
   * body from the text one and the other way round; a synthesized body must not reach the
   * scanner (it would hide plain-text links, or add link text that is not in the mail).
   */
  bodyParts: { plain: boolean; html: boolean };
  problems: string[];
}

const latin1 = new TextDecoder('windows-1252');
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A header line starts with a field name (printable ASCII without ':') and a colon. */
const FIELD_LINE = /^([!-9;-~]+)[ \t]*:/;
const BOUNDARY_PARAM = /boundary[ \t]*=[ \t]*(?:"([^"\r\n]*)"|([^\s;]+))/i;
const CHARSET_PARAM = /charset[ \t]*=[ \t]*"?([A-Za-z0-9._:+-]+)/i;
const CTE_BASE64 = /^content-transfer-encoding[ \t]*:[ \t]*"?base64/i;
const BASE64_OK = /^[A-Za-z0-9+/=\s]*$/;

interface Line {
  start: number;
  /** End without the line break. */
  end: number;
}

export function readRawMessage(bytes: Uint8Array, maxHeaders: number): RawMessage {
  const problems: string[] = [];
  const headers: HeaderLine[] = [];
  const boundaries = new Map<string, boolean>(); // boundary → closed
  const chunks: Uint8Array[] = [];
  let copiedUpTo = 0;
  let transcodedAs: string | undefined;
  let charsetHint: string | undefined;

  let inHeader = true;
  let topLevel = true;
  let block: Line[] = [];
  let badHeaderLines = 0;
  let tooManyHeaders = false;
  let base64Part = false;
  let base64Chars = 0;
  let base64Bad = false;
  let truncatedBase64 = 0;
  let nul = 0;
  const bodyParts = { plain: false, html: false };

  const endPart = (): void => {
    if (base64Part && (base64Chars % 4 !== 0 || base64Bad)) truncatedBase64++;
    base64Part = false;
    base64Chars = 0;
    base64Bad = false;
  };

  const endHeaderBlock = (): void => {
    // Unfold the block into logical lines, read the parameters that shape the body, and
    // re-encode raw 8-bit lines.
    const logical: string[] = [];
    const hintHere = charsetOf(bytes, block) ?? charsetHint;
    if (topLevel) charsetHint = hintHere;
    for (const line of block) {
      const raw = bytes.subarray(line.start, line.end);
      let text: string;
      if (needsTranscoding(raw)) {
        const decoded = decodeUnknown(raw, hintHere);
        text = decoded.text;
        transcodedAs ??= decoded.charset;
        if (line.start > copiedUpTo) chunks.push(bytes.subarray(copiedUpTo, line.start));
        chunks.push(encoder.encode(text));
        copiedUpTo = line.end;
      } else {
        text = utf8.decode(raw);
      }
      const folded = text.length > 0 && (text[0] === ' ' || text[0] === '\t');
      if (folded && logical.length > 0) logical[logical.length - 1] += text;
      else logical.push(text);
    }
    let multipart = false;
    let contentType = 'text/plain';
    let attachment = false;
    for (const entry of logical) {
      const field = FIELD_LINE.exec(entry);
      if (!field) {
        if (topLevel && entry.trim() !== '' && !entry.startsWith('From ')) badHeaderLines++;
        continue;
      }
      const name = field[1]!;
      const lower = name.toLowerCase();
      if (lower === 'content-disposition') {
        attachment = /^attachment\b/i.test(entry.slice(field[0].length).trim());
      }
      if (lower === 'content-type') {
        contentType = entry.slice(field[0].length).split(';')[0]!.trim().toLowerCase();
        const boundary = BOUNDARY_PARAM.exec(entry);
        const value = boundary?.[1] ?? boundary?.[2];
        if (value && contentType.startsWith('multipart/')) {
          multipart = true;
          if (!boundaries.has(value)) boundaries.set(value, false);
        }
      } else if (CTE_BASE64.test(entry)) {
        base64Part = true;
      }
      if (topLevel) {
        if (headers.length < maxHeaders) headers.push({ name, value: entry.slice(field[0].length).replace(/^[ \t]+/, '').replace(/\r$/, '') });
        else tooManyHeaders = true;
      }
    }
    if (multipart) base64Part = false;
    // Mirrors the MIME library: text/plain and text/html parts not marked as attachments
    // are the body (a part without Content-Type is text/plain).
    if (!attachment && contentType === 'text/plain') bodyParts.plain = true;
    if (!attachment && contentType === 'text/html') bodyParts.html = true;
    block = [];
    inHeader = false;
    topLevel = false;
  };

  let start = 0;
  const length = bytes.length;
  while (start <= length) {
    let end = bytes.indexOf(0x0a, start);
    const next = end < 0 ? length + 1 : end + 1;
    if (end < 0) end = length;
    let lineEnd = end;
    if (lineEnd > start && bytes[lineEnd - 1] === 0x0d) lineEnd--;

    if (inHeader) {
      if (lineEnd === start) {
        if (end < length || block.length > 0) endHeaderBlock();
      } else {
        block.push({ start, end: lineEnd });
      }
    } else {
      const boundary = boundaries.size > 0 && bytes[start] === 0x2d && bytes[start + 1] === 0x2d ? boundaryOf(bytes, start + 2, lineEnd) : undefined;
      if (boundary !== undefined && boundaries.has(boundary)) {
        endPart();
        inHeader = true;
      } else if (boundary !== undefined && boundary.endsWith('--') && boundaries.has(boundary.slice(0, -2))) {
        endPart();
        boundaries.set(boundary.slice(0, -2), true);
      } else if (base64Part && lineEnd > start) {
        const text = latin1.decode(bytes.subarray(start, lineEnd));
        if (!BASE64_OK.test(text)) base64Bad = true;
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c !== 0x20 && c !== 0x09 && c !== 0x0d) base64Chars++;
        }
      }
    }
    start = next;
  }
  if (inHeader && block.length > 0) {
    endHeaderBlock();
    if (headers.length > 0) problems.push('Message ends inside a header block (truncated)');
  }
  endPart();

  for (let i = bytes.indexOf(0); i >= 0 && nul < 1_000_000; i = bytes.indexOf(0, i + 1)) nul++;

  if (headers.length === 0) problems.push('No header block found; this does not look like a mail message');
  if (badHeaderLines > 0) problems.push(`${badHeaderLines} malformed header line(s) ignored`);
  if (tooManyHeaders) problems.push(`More than ${maxHeaders} header lines; the rest were ignored`);
  if (transcodedAs) problems.push(`Header text not RFC 2047 encoded; read as ${transcodedAs}`);
  let unclosed = 0;
  for (const closed of boundaries.values()) if (!closed) unclosed++;
  if (unclosed > 0) problems.push(`${unclosed} multipart boundary(ies) never closed (message may be truncated)`);
  if (truncatedBase64 > 0) problems.push(`${truncatedBase64} base64 part(s) truncated or damaged`);
  if (nul > 0) problems.push(`Message contains ${nul} NUL byte(s)`);

  let out = bytes;
  if (chunks.length > 0) {
    chunks.push(bytes.subarray(copiedUpTo));
    let total = 0;
    for (const c of chunks) total += c.length;
    out = new Uint8Array(total);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
  }
  const result: RawMessage = { bytes: out, headers, problems, bodyParts };
  if (charsetHint !== undefined) result.charsetHint = charsetHint;
  return result;
}

function needsTranscoding(raw: Uint8Array): boolean {
  let high = false;
  let esc = false;
  for (const b of raw) {
    if (b >= 0x80) high = true;
    else if (b === 0x1b) esc = true;
  }
  if (esc && hasIso2022Escape(raw)) return true;
  return high && !isValidUtf8(raw);
}

/** The first charset parameter in a header block (ASCII wherever it is, so read as Latin-1). */
function charsetOf(bytes: Uint8Array, block: Line[]): string | undefined {
  for (const line of block) {
    if (line.end - line.start > 4096) continue;
    const match = CHARSET_PARAM.exec(latin1.decode(bytes.subarray(line.start, line.end)));
    if (match) return match[1];
  }
  return undefined;
}

function boundaryOf(bytes: Uint8Array, start: number, end: number): string | undefined {
  // Boundaries are at most 70 characters (RFC 2046); longer lines are body text.
  if (end - start > 200) return undefined;
  return latin1.decode(bytes.subarray(start, end)).replace(/[ \t]+$/, '');
}
