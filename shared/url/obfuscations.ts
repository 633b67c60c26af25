/**
 * Finds tricks in the written form of an href by comparing it with what the WHATWG URL parser
 * made of it. Only reports; the parser alone decides where the link goes. Linear in the input.
 */
import type { UrlObfuscation } from './types';
import { parseIpv4 } from './ip';

/** Schemes the URL Standard calls special: `\` acts as `/` and the host is a domain or IP. */
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

/** Characters that render as nothing (or nearly) yet change the text or its direction. */
export function isInvisibleCodePoint(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || // Hangul fillers
    cp === 0x17b4 || cp === 0x17b5 || // Khmer inherent vowels
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x180b && cp <= 0x180d) || // Mongolian variation selectors
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff || // zero-width no-break space / BOM
    (cp >= 0xfff9 && cp <= 0xfffb) || // interlinear annotation
    (cp >= 0x1d173 && cp <= 0x1d17a) || // musical formatting
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters
    (cp >= 0xe0100 && cp <= 0xe01ef) // variation selectors supplement
  );
}

export function containsInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast skip: everything below U+00AD is visible or a C0/C1 control (handled elsewhere).
    if (code < 0xad) continue;
    const cp = text.codePointAt(i) ?? code;
    if (isInvisibleCodePoint(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

function isC0OrSpace(code: number): boolean {
  return code <= 0x20;
}

/** What the parser sees as scheme, authority and host in the written text (after its own trimming). */
export interface WrittenParts {
  scheme: string;
  special: boolean;
  /** Authority as written (`user@host:port`), '' when none. */
  authority: string;
  /** Host as written (after the last `@`, without port). */
  host: string;
  /** Index in the trimmed text where the authority ends (path, query or fragment begins). */
  authorityEnd: number;
  trimmed: string;
}

/** Splits the written href the way the URL Standard's basic parser would, without interpreting it. */
export function writtenParts(input: string): WrittenParts {
  let start = 0;
  let end = input.length;
  while (start < end && isC0OrSpace(input.charCodeAt(start))) start++;
  while (end > start && isC0OrSpace(input.charCodeAt(end - 1))) end--;
  const trimmed = input.slice(start, end);
  // The parser removes every tab and newline before anything else.
  const text = trimmed.replace(/[\t\n\r]/g, '');
  const colon = text.indexOf(':');
  const scheme = colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(text.slice(0, colon)) ? text.slice(0, colon).toLowerCase() : '';
  const special = SPECIAL_SCHEMES.has(scheme);
  let authority = '';
  let authorityEndInText = scheme ? colon + 1 : 0;
  if (scheme) {
    let pos = colon + 1;
    const isSlash = (c: string | undefined) => c === '/' || (special && c === '\\');
    if (special || (text[pos] === '/' && text[pos + 1] === '/')) {
      while (isSlash(text[pos])) pos++;
      let stop = pos;
      while (stop < text.length) {
        const c = text[stop];
        if (c === '/' || c === '?' || c === '#' || (special && c === '\\')) break;
        stop++;
      }
      authority = text.slice(pos, stop);
      authorityEndInText = stop;
    }
  }
  const at = authority.lastIndexOf('@');
  let host = at >= 0 ? authority.slice(at + 1) : authority;
  if (!host.startsWith('[')) {
    const portColon = host.lastIndexOf(':');
    if (portColon >= 0) host = host.slice(0, portColon);
  }
  // Map the end back to the trimmed text, which still holds the tabs and newlines.
  let authorityEnd = trimmed.length;
  for (let i = 0, seen = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === '\t' || c === '\n' || c === '\r') continue;
    if (seen === authorityEndInText) {
      authorityEnd = i;
      break;
    }
    seen++;
  }
  return { scheme, special, authority, host, authorityEnd, trimmed };
}

function hasFullwidth(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) return true;
  }
  return false;
}

function hasIdeographicDot(text: string): boolean {
  return /[\u3002\uff0e\uff61]/.test(text);
}

/** Host text as the parser would compare it: NFKC, lower case, ideographic dots as `.`, percent-decoded. */
function normalisedWrittenHost(host: string): string {
  let h = host.normalize('NFKC').toLowerCase().replace(/[\u3002\uff61]/g, '.');
  if (h.includes('%')) {
    try {
      h = decodeURIComponent(h);
    } catch {
      // Leave it: a malformed escape simply compares unequal.
    }
  }
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

export interface ParsedFacts {
  hostname: string;
  hasUserinfo: boolean;
}

/** The obfuscations present in `input`, given what the parser produced (`parsed` undefined when it failed). */
export function detectObfuscations(input: string, parsed: ParsedFacts | undefined): UrlObfuscation[] {
  const found: UrlObfuscation[] = [];
  const parts = writtenParts(input);
  const beforePath = parts.trimmed.slice(0, parts.authorityEnd);

  // A backslash anywhere before the query acts as `/` in special schemes: it ends the host early
  // (`https://accounts.google.com\@evil.example/`) or reshapes the path.
  if (parts.special && backslashBeforeQuery(parts.trimmed)) found.push('backslash');
  if (hasFullwidth(parts.authority)) found.push('fullwidth');
  if (hasIdeographicDot(parts.authority)) found.push('ideographic-dot');
  if (parts.host.includes('%')) found.push('percent-host');
  if (parsed && parseIpv4(parsed.hostname) && normalisedWrittenHost(parts.host) !== parsed.hostname) found.push('numeric-ip');
  if (containsInvisible(input)) found.push('invisible');
  // Tabs and newlines inside the scheme or host change what the reader sees (`java\nscript:`); the
  // parser drops them. Leading/trailing spaces are ordinary in HTML attributes and not reported;
  // other leading or trailing control characters are.
  const edgeControl = /[^\t\n\r\f ]/.test(edgeRuns(input));
  if (/[\t\n\r]/.test(beforePath) || edgeControl) found.push('control-whitespace');
  if (parsed && /(^|\.)xn--/i.test(parsed.hostname)) found.push('punycode');
  if (parsed?.hasUserinfo) found.push('userinfo');
  return found;
}

function backslashBeforeQuery(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) return true;
    if (c === 0x3f || c === 0x23) return false;
  }
  return false;
}

/** The leading and trailing C0-control/space runs of `input` (what the parser trims), concatenated. */
function edgeRuns(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && isC0OrSpace(input.charCodeAt(start))) start++;
  while (end > start && isC0OrSpace(input.charCodeAt(end - 1))) end--;
  return input.slice(0, start) + input.slice(end);
}
