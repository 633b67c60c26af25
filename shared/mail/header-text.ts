/**
 * Header text as senders really write it: RFC 2047 encoded words, including the broken ones
 * Japanese mail is full of (a multi-byte character split across two words, padding in the
 * middle of a run, a missing or misspelled charset), and raw 8-bit or ISO-2022-JP bytes that
 * were never encoded at all. Everything here decodes leniently and never throws; what could not
 * be decoded stays visible as U+FFFD rather than disappearing.
 */

/**
 * What this module needs of a TextDecoder, as a type: under the CLI's Node typings
 * `TextDecoder` is a value only, so it cannot be named as a type there.
 */
export interface Decoder {
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const decoders = new Map<string, Decoder | null>();

/** Labels mail uses that the WHATWG Encoding Standard does not list. */
const LABEL_ALIASES: Record<string, string> = {
  cp932: 'shift_jis',
  'ms-932': 'shift_jis',
  ms932: 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  'windows-932': 'shift_jis',
  'x-sjis-cp932': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  'iso-2022-jp-1': 'iso-2022-jp',
  'iso-2022-jp-2': 'iso-2022-jp',
  'iso-2022-jp-3': 'iso-2022-jp',
  'iso-2022-jp-ms': 'iso-2022-jp',
  'cp50220': 'iso-2022-jp',
  'cp50221': 'iso-2022-jp',
  'cp50222': 'iso-2022-jp',
  'eucjp': 'euc-jp',
  'euc-jp-ms': 'euc-jp',
  'cp51932': 'euc-jp',
  'cp936': 'gbk',
  'cp949': 'euc-kr',
  'cp950': 'big5',
  'utf8': 'utf-8',
};

/** A TextDecoder for a charset label as written in mail, or undefined when none fits. */
export function decoderFor(label: string | undefined): Decoder | undefined {
  if (!label) return undefined;
  let key = label.trim().toLowerCase();
  const star = key.indexOf('*'); // RFC 2231 language suffix: utf-8*ja
  if (star >= 0) key = key.slice(0, star);
  key = LABEL_ALIASES[key] ?? key;
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = null;
    }
    // Bounded: only labels that mail actually carries end up here, and the map is capped.
    if (decoders.size < 256) decoders.set(key, decoder);
  }
  return decoder ?? undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes switch into an ISO-2022-JP character set (ESC $ @, ESC $ B, ESC ( J …). */
export function hasIso2022Escape(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) return true;
  }
  return false;
}

function replacementCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/**
 * Decodes bytes whose charset is unknown or untrustworthy: UTF-8 when valid, ISO-2022-JP when
 * they carry its escapes, the hinted charset when it is a real one, else whichever of Shift_JIS
 * and EUC-JP decodes with fewer errors (this product reads Japanese mail).
 */
export function decodeUnknown(bytes: Uint8Array, hint?: string): { text: string; charset: string } {
  let high = false;
  for (const b of bytes) {
    if (b >= 0x80) {
      high = true;
      break;
    }
  }
  if (hasIso2022Escape(bytes)) return { text: decoderFor('iso-2022-jp')!.decode(bytes), charset: 'iso-2022-jp' };
  if (!high || isValidUtf8(bytes)) return { text: new TextDecoder().decode(bytes), charset: 'utf-8' };
  const hinted = hint ? decoderFor(hint) : undefined;
  if (hinted && hinted.encoding !== 'utf-8' && hinted.encoding !== 'iso-2022-jp') {
    return { text: hinted.decode(bytes), charset: hinted.encoding };
  }
  const sjis = decoderFor('shift_jis')!.decode(bytes);
  const euc = decoderFor('euc-jp')!.decode(bytes);
  const sjisErrors = replacementCount(sjis);
  const eucErrors = replacementCount(euc);
  const useEuc = eucErrors < sjisErrors || (eucErrors === sjisErrors && decoderFor(hint)?.encoding === 'euc-jp');
  const japanese = useEuc ? { text: euc, charset: 'euc-jp', errors: eucErrors } : { text: sjis, charset: 'shift_jis', errors: sjisErrors };
  // European text in Latin-1 (£, é, ção) has its 8-bit bytes mostly alone between ASCII
  // letters and, read as Japanese, yields no kana; Japanese text has runs of 8-bit bytes
  // (two per character) and kana in almost every sentence.
  const isolated = isolatedHighByteRatio(bytes);
  if (kanaCount(japanese.text) === 0 && (isolated > 0.5 || japanese.errors > 0)) {
    return { text: decoderFor('windows-1252')!.decode(bytes), charset: 'windows-1252' };
  }
  return { text: japanese.text, charset: japanese.charset };
}

function kanaCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3041 && c <= 0x30ff) n++;
  }
  return n;
}

/** Share of bytes ≥ 0x80 that have no 8-bit neighbour. */
function isolatedHighByteRatio(bytes: Uint8Array): number {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if ((i === 0 || bytes[i - 1]! < 0x80) && (i + 1 === bytes.length || bytes[i + 1]! < 0x80)) isolated++;
  }
  return high === 0 ? 0 : isolated / high;
}

// An encoded word; the charset may be empty (a broken writer) and the text has no '?'.
// Every part is a negated class followed by a fixed delimiter, so matching stays linear.
const ENCODED_WORD = /=\?([^?\s]*)\?([QqBb])\?([^?]*)\?=/g;

interface Word {
  charset: string;
  bytes: Uint8Array;
}

/**
 * Decodes RFC 2047 encoded words in a header value. Adjacent words (separated by whitespace
 * only) in the same charset are decoded as one byte run, so characters split across words
 * and padding in the middle of a run come out right. A missing charset is guessed from the
 * bytes; an unknown one too. Text between words is kept as it is.
 */
export function decodeHeaderText(value: string, hint?: string): string {
  return mapEncodedWords(value, hint, (decoded) => decoded);
}

/**
 * Rewrites every run of encoded words as one well-formed UTF-8 encoded word carrying what
 * decodeHeaderText reads from it. Structured headers (addresses, file name parameters) are
 * then parsed as before — an encoded word stays one atom, so commas and quotes inside it do not
 * change the structure — but a strict decoder downstream no longer trips over broken words.
 */
export function repairEncodedWords(value: string, hint?: string): string {
  return mapEncodedWords(value, hint, (decoded, out) => `${out.endsWith('?=') ? ' ' : ''}=?UTF-8?B?${base64Encode(encoder.encode(decoded))}?=`);
}

function mapEncodedWords(value: string, hint: string | undefined, render: (decoded: string, out: string) => string): string {
  if (typeof value !== 'string' || value.indexOf('=?') < 0) return typeof value === 'string' ? value : '';
  let out = '';
  let pos = 0;
  let run: Word[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    out += render(decodeRun(run, hint), out);
    run = [];
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(value); m !== null; m = ENCODED_WORD.exec(value)) {
    const between = value.slice(pos, m.index);
    const word: Word = { charset: (m[1] ?? '').toLowerCase(), bytes: wordBytes(m[2] ?? 'Q', m[3] ?? '') };
    if (run.length > 0 && /^[ \t\r\n]*$/.test(between)) {
      // Whitespace between encoded words is folding, not content (RFC 2047 §6.2).
      if (run[run.length - 1]!.charset !== word.charset) flush();
      run.push(word);
    } else {
      flush();
      out += between;
      run.push(word);
    }
    pos = m.index + m[0].length;
  }
  flush();
  return out + value.slice(pos);
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64_ALPHABET[(n >> 18) & 63]! + B64_ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64_ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64_ALPHABET[n & 63]!;
  }
  return out;
}

function decodeRun(run: Word[], hint: string | undefined): string {
  let total = 0;
  for (const w of run) total += w.bytes.length;
  const bytes = new Uint8Array(total);
  let p = 0;
  for (const w of run) {
    bytes.set(w.bytes, p);
    p += w.bytes.length;
  }
  const declared = run[0]!.charset;
  const decoder = decoderFor(declared);
  // ISO-2022-JP is stateful and every encoded word returns to ASCII (RFC 1468): decode word by
  // word. Joined, the escape that ends one word meets the escape that opens the next, and the
  // WHATWG decoder reports that pair as an error (U+FFFD).
  if (decoder && decoder.encoding === 'iso-2022-jp') return run.map((w) => decoder.decode(w.bytes)).join('');
  // A declared UTF-8 that is not UTF-8 is a common lie: fall back to guessing.
  if (decoder && !(decoder.encoding === 'utf-8' && !isValidUtf8(bytes))) return decoder.decode(bytes);
  return decodeUnknown(bytes, hint).text;
}

function wordBytes(encoding: string, text: string): Uint8Array {
  return encoding === 'B' || encoding === 'b' ? base64Bytes(text) : qBytes(text);
}

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Lenient base64: skips anything outside the alphabet, stops at nothing, ignores a partial tail. */
export function base64Bytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function hex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

const encoder = new TextEncoder();

/** RFC 2047 "Q": `_` is a space, `=XX` a byte; anything else stands for itself. */
function qBytes(text: string): Uint8Array {
  const raw = encoder.encode(text);
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === 0x5f) out[n++] = 0x20;
    else if (c === 0x3d && i + 2 < raw.length && hex(raw[i + 1]!) >= 0 && hex(raw[i + 2]!) >= 0) {
      out[n++] = (hex(raw[i + 1]!) << 4) | hex(raw[i + 2]!);
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}
