/**
 * One linear pass over the raw bytes of a message before the MIME library sees them. It
 * - reads the top-level header block into HeaderLine[] (names as written, values unfolded);
 * - re-encodes header lines written in raw Shift_JIS / EUC-JP / ISO-2022-JP as UTF-8, in the
 *   top-level block and in every MIME part's block, because the MIME library reads header
 *   bytes as UTF-8 only and would turn them into U+FFFD;
 * - names the charset of inline text parts that declare none (or declare UTF-8 / US-ASCII but
 *   are plainly ISO-2022-JP or Shift_JIS/EUC-JP), by appending a charset parameter to the
 *   part's Content-Type, because the MIME library would read them as UTF-8;
 * - notes the damage a reader should know about: lines that are not headers, boundaries that
 *   never close, base64 that stops mid-group, NUL bytes.
 * It never throws and never looks past the buffer; work is one pass over the lines plus one
 * bounded look (BODY_SNIFF_BYTES) at each inline text part whose charset is in doubt.
 */
import type { HeaderLine } from '../model';
import { base64Bytes, decodeUnknown, hasIso2022Escape, isValidUtf8, repairEncodedWords } from './header-text';

export interface RawMessage {
  /** The message with raw 8-bit header lines re-encoded and charsets named (same object when untouched). */
  bytes: Uint8Array;
  /** Top-level header lines, in order, capped at `maxHeaders`. */
  headers: HeaderLine[];
  /** The charset named by the top-level Content-Type, used as a hint for raw header bytes. */
  charsetHint?: string;
  /**
   * Which inline body types the message really has. postal-mime 4 renders a part of one type
   * into the other only when the message also has the other type (a text part beside an HTML
   * part in multipart/mixed shows up in `html` as `<div>text</div>`); a body type the message
   * does not have at all must never reach the scanner, which this guards against.
   */
  bodyParts: { plain: boolean; html: boolean };
  problems: string[];
}

/** Bytes of a text part looked at to guess its charset. */
const BODY_SNIFF_BYTES = 256 * 1024;

const latin1 = new TextDecoder('windows-1252');
const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A header line starts with a field name (printable ASCII without ':') and a colon. */
const FIELD_LINE = /^([!-9;-~]+)[ \t]*:/;
const BOUNDARY_PARAM = /boundary[ \t]*=[ \t]*(?:"([^"\r\n]*)"|([^\s;]+))/i;
const CHARSET_PARAM = /charset[ \t]*=[ \t]*"?([A-Za-z0-9._:+-]+)/i;
const BASE64_OK = /^[A-Za-z0-9+/=\s]*$/;
/** Fields whose parameters carry file names. */
const PARAM_FIELDS = /^content-(?:type|disposition)[ \t]*:/i;
const CHARSET_REWRITE = /charset[ \t]*=[ \t]*(?:"[^"]*"|[^\s;]+)/i;
/** Declared charsets that are often wrong about Japanese text. */
const DOUBTFUL_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

interface Line {
  start: number;
  /** End without the line break. */
  end: number;
}

/** An inline text part whose charset is to be checked once its body has been seen. */
interface TextPart {
  /** The first Content-Type field: where it starts and ends, and its (unfolded) value. */
  contentType?: { start: number; end: number; value: string };
  /** Start of the blank line that ends the header block (where a new field can go). */
  blankLine: number;
  declared?: string;
  encoding: string;
  bodyStart: number;
  hint?: string;
}

export function readRawMessage(bytes: Uint8Array, maxHeaders: number): RawMessage {
  const problems: string[] = [];
  const headers: HeaderLine[] = [];
  const boundaries = new Map<string, boolean>(); // boundary → closed
  const edits: Edit[] = [];
  let transcodedAs: string | undefined;
  let bodyCharsets = 0;
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
  let textPart: TextPart | undefined;
  const bodyParts = { plain: false, html: false };

  const endPart = (bodyEnd: number): void => {
    if (base64Part && (base64Chars % 4 !== 0 || base64Bad)) truncatedBase64++;
    base64Part = false;
    base64Chars = 0;
    base64Bad = false;
    if (textPart) {
      const charset = sniffBodyCharset(bytes.subarray(textPart.bodyStart, Math.min(bodyEnd, textPart.bodyStart + BODY_SNIFF_BYTES)), textPart);
      if (charset) {
        bodyCharsets++;
        const ct = textPart.contentType;
        if (ct) {
          // Rewrite the whole field (the first charset parameter is the one that counts).
          const value = textPart.declared !== undefined ? ct.value.replace(CHARSET_REWRITE, `charset="${charset}"`) : `${ct.value}; charset="${charset}"`;
          edits.push({ start: ct.start, end: ct.end, data: encoder.encode(`Content-Type: ${value}`), priority: 0 });
        } else {
          edits.push({ start: textPart.blankLine, end: textPart.blankLine, data: encoder.encode(`Content-Type: text/plain; charset="${charset}"\r\n`), priority: 0 });
        }
      }
      textPart = undefined;
    }
  };

  const endHeaderBlock = (blankLine: number, bodyStart: number): void => {
    // Unfold the block into logical lines (remembering where each starts and ends), read the
    // parameters that shape the body, and re-encode raw 8-bit lines.
    const logical: { text: string; start: number; end: number; changed: boolean; asWritten?: string }[] = [];
    const hintHere = charsetOf(bytes, block) ?? charsetHint;
    if (topLevel) charsetHint = hintHere;
    for (const line of block) {
      const raw = bytes.subarray(line.start, line.end);
      let text: string;
      let changed = false;
      if (needsTranscoding(raw)) {
        const decoded = decodeUnknown(raw, hintHere);
        text = decoded.text;
        transcodedAs ??= decoded.charset;
        changed = true;
      } else {
        text = utf8.decode(raw);
      }
      const last = logical[logical.length - 1];
      if (last && text.length > 0 && (text[0] === ' ' || text[0] === '\t')) {
        last.text += text;
        last.end = line.end;
        last.changed ||= changed;
      } else logical.push({ text, start: line.start, end: line.end, changed });
    }
    for (const entry of logical) {
      // File names in broken encoded words: hand the MIME library one clean word instead.
      if (entry.text.indexOf('=?') >= 0 && PARAM_FIELDS.test(entry.text)) {
        const repaired = repairEncodedWords(entry.text, hintHere);
        if (repaired !== entry.text) {
          entry.asWritten = entry.text;
          entry.text = repaired;
          entry.changed = true;
        }
      }
      // One edit per changed field, written unfolded (unfolding does not change a field).
      if (entry.changed) edits.push({ start: entry.start, end: entry.end, data: encoder.encode(entry.text), priority: 1 });
    }
    let multipart = false;
    let contentType = 'text/plain';
    let contentTypeField: TextPart['contentType'];
    let declared: string | undefined;
    let encoding = '7bit';
    let attachment = false;
    for (const { text: entry, start, end, asWritten } of logical) {
      const field = FIELD_LINE.exec(entry);
      if (!field) {
        if (topLevel && entry.trim() !== '' && !entry.startsWith('From ')) badHeaderLines++;
        continue;
      }
      const name = field[1]!;
      const lower = name.toLowerCase();
      const value = entry.slice(field[0].length).replace(/^[ \t]+/, '');
      if (lower === 'content-disposition') {
        attachment = /^attachment\b/i.test(value);
      } else if (lower === 'content-type' && contentTypeField === undefined) {
        // The first Content-Type counts, as in the MIME library.
        contentType = value.split(';')[0]!.trim().toLowerCase();
        contentTypeField = { start, end, value };
        declared = CHARSET_PARAM.exec(value)?.[1]?.toLowerCase();
        const boundary = BOUNDARY_PARAM.exec(value);
        const boundaryValue = boundary?.[1] ?? boundary?.[2];
        if (boundaryValue && contentType.startsWith('multipart/')) {
          multipart = true;
          if (!boundaries.has(boundaryValue)) boundaries.set(boundaryValue, false);
        }
      } else if (lower === 'content-transfer-encoding') {
        encoding = value.replace(/^"/, '').split(/[\s;"(]/)[0]!.toLowerCase();
      }
      if (topLevel) {
        // `headers` shows the field as written (after charset repair, before word repair).
        const shown = asWritten === undefined ? value : asWritten.slice(field[0].length).replace(/^[ \t]+/, '');
        if (headers.length < maxHeaders) headers.push({ name, value: shown });
        else tooManyHeaders = true;
      }
    }
    base64Part = !multipart && encoding === 'base64';
    // Mirrors the MIME library: text/plain and text/html parts not marked as attachments
    // are the body (a part without Content-Type is text/plain).
    const inlineText = !attachment && (contentType === 'text/plain' || contentType === 'text/html');
    if (inlineText && contentType === 'text/plain') bodyParts.plain = true;
    if (inlineText && contentType === 'text/html') bodyParts.html = true;
    if (inlineText && (declared === undefined || DOUBTFUL_CHARSETS.has(declared))) {
      textPart = { blankLine, encoding, bodyStart };
      if (contentTypeField) textPart.contentType = contentTypeField;
      if (declared !== undefined) textPart.declared = declared;
      if (hintHere !== undefined) textPart.hint = hintHere;
    }
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
        if (end < length || block.length > 0) endHeaderBlock(start, Math.min(next, length));
      } else {
        block.push({ start, end: lineEnd });
      }
    } else {
      const boundary = boundaries.size > 0 && bytes[start] === 0x2d && bytes[start + 1] === 0x2d ? boundaryOf(bytes, start + 2, lineEnd) : undefined;
      if (boundary !== undefined && boundaries.has(boundary)) {
        endPart(start);
        inHeader = true;
      } else if (boundary !== undefined && boundary.endsWith('--') && boundaries.has(boundary.slice(0, -2))) {
        endPart(start);
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
    endHeaderBlock(length, length);
    if (headers.length > 0) problems.push('Message ends inside a header block (truncated)');
  }
  endPart(length);

  for (let i = bytes.indexOf(0); i >= 0 && nul < 1_000_000; i = bytes.indexOf(0, i + 1)) nul++;

  if (headers.length === 0) problems.push('No header block found; this does not look like a mail message');
  if (badHeaderLines > 0) problems.push(`${badHeaderLines} malformed header line(s) ignored`);
  if (tooManyHeaders) problems.push(`More than ${maxHeaders} header lines; the rest were ignored`);
  if (transcodedAs) problems.push(`Header text not RFC 2047 encoded; read as ${transcodedAs}`);
  if (bodyCharsets > 0) problems.push(`${bodyCharsets} text part(s) with a missing or wrong charset; charset guessed`);
  let unclosed = 0;
  for (const closed of boundaries.values()) if (!closed) unclosed++;
  if (unclosed > 0) problems.push(`${unclosed} multipart boundary(ies) never closed (message may be truncated)`);
  if (truncatedBase64 > 0) problems.push(`${truncatedBase64} base64 part(s) truncated or damaged`);
  if (nul > 0) problems.push(`Message contains ${nul} NUL byte(s)`);

  const out = edits.length > 0 ? applyEdits(bytes, edits) : bytes;
  const result: RawMessage = { bytes: out, headers, problems, bodyParts };
  if (charsetHint !== undefined) result.charsetHint = charsetHint;
  return result;
}

/** A replacement of input bytes [start, end); at the same start, lower priority goes first. */
interface Edit {
  start: number;
  end: number;
  data: Uint8Array;
  priority: number;
}

/** Applies non-overlapping edits; an edit inside one already applied is dropped. */
function applyEdits(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  edits.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const chunks: Uint8Array[] = [];
  let copiedUpTo = 0;
  for (const edit of edits) {
    if (edit.start < copiedUpTo) continue;
    chunks.push(bytes.subarray(copiedUpTo, edit.start), edit.data);
    copiedUpTo = edit.end;
  }
  chunks.push(bytes.subarray(copiedUpTo));
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/**
 * The charset a text part really uses, when its declaration (none, UTF-8 or US-ASCII) is
 * wrong; undefined when the declaration (or the UTF-8 default) is right or cannot be judged.
 * A declared UTF-8 is only overruled on strong evidence: ISO-2022-JP escapes, or many invalid
 * sequences that decode cleanly as Shift_JIS or EUC-JP — a stray byte in UTF-8 text is not
 * enough to reread the whole part.
 */
function sniffBodyCharset(raw: Uint8Array, part: TextPart): string | undefined {
  const body = decodeTransfer(raw, part.encoding);
  if (hasIso2022Escape(body)) return part.declared === 'iso-2022-jp' ? undefined : 'iso-2022-jp';
  let high = false;
  for (const b of body) {
    if (b >= 0x80) {
      high = true;
      break;
    }
  }
  if (!high || isValidUtf8(body)) return undefined;
  const guess = decodeUnknown(body, part.hint);
  if (part.declared === undefined || part.declared === 'us-ascii' || part.declared === 'ascii') {
    // WHATWG reads "us-ascii" as windows-1252 already; only a Japanese guess changes anything.
    return part.declared !== undefined && guess.charset === 'windows-1252' ? undefined : guess.charset;
  }
  if (guess.charset !== 'shift_jis' && guess.charset !== 'euc-jp') return undefined;
  const asDeclared = utf8.decode(body);
  let invalid = 0;
  for (let i = asDeclared.indexOf('\ufffd'); i >= 0 && invalid < 3; i = asDeclared.indexOf('\ufffd', i + 1)) invalid++;
  return invalid >= 3 && guess.text.indexOf('\ufffd') < 0 ? guess.charset : undefined;
}

/** The bytes of a part body after its transfer encoding (only what sniffing needs). */
function decodeTransfer(raw: Uint8Array, encoding: string): Uint8Array {
  if (encoding === 'base64') return base64Bytes(latin1.decode(raw));
  if (encoding !== 'quoted-printable') return raw;
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x3d) {
      const h = hexValue(raw[i + 1]);
      const l = hexValue(raw[i + 2]);
      if (h >= 0 && l >= 0) {
        out[n++] = (h << 4) | l;
        i += 2;
        continue;
      }
      // Soft line break: "=" then (trailing blanks and) the line end.
      let j = i + 1;
      while (raw[j] === 0x20 || raw[j] === 0x09) j++;
      if (raw[j] === 0x0d) j++;
      if (raw[j] === 0x0a) {
        i = j;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
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
