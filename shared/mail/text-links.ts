/**
 * Bare URLs in plain-text bodies, found with linkifyjs (which knows the TLD list and the
 * punctuation rules people expect: a trailing full stop or closing bracket is not part of a
 * link). The text is what the reader sees; `href` is what a mail client would link it to.
 * Japanese text glued to a URL is cut off where it would change the host (trimJapaneseTail).
 *
 * Must never: return e-mail addresses, bare or as `mailto:` (they are not pages a reader opens), or spend
 * more than linear time: the text is cut at MAX_TEXT_CHARS and the result at `maxLinks`.
 */
import { find } from 'linkifyjs';
import type { MailAnchor } from '../model';

export interface ExtractTextLinksOptions {
  /** Links kept. @default 2_000 */
  maxLinks?: number;
}

/** Characters of text scanned; a plain-text body longer than this is very unusual. */
export const MAX_TEXT_CHARS = 1_000_000;

export function extractTextLinks(text: string, options?: ExtractTextLinksOptions): MailAnchor[] {
  const maxLinks =
    typeof options?.maxLinks === 'number' && Number.isFinite(options.maxLinks) && options.maxLinks >= 0 ? Math.floor(options.maxLinks) : 2_000;
  if (typeof text !== 'string' || text === '' || maxLinks === 0) return [];
  const source = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  let found: ReturnType<typeof find>;
  try {
    found = find(source, 'url');
  } catch {
    return [];
  }
  const out: MailAnchor[] = [];
  for (const link of found) {
    if (out.length >= maxLinks) break;
    // linkify reports "mailto:…" as a URL; it is an address like any other.
    if (link.type !== 'url' || /^mailto:/i.test(link.href)) continue;
    const value = trimJapaneseTail(link.value);
    if (value === '') continue;
    // linkify's href is the text with a scheme put in front when it had none.
    const href = value === link.value ? link.href : link.href.endsWith(link.value) ? link.href.slice(0, link.href.length - link.value.length) + value : value;
    out.push({ href, text: value, source: 'text' });
  }
  return out;
}

/** Japanese sentence punctuation that ends a URL written in running text. */
const CLOSING = new Set([...'。、，．！？」』）】〕〉》…・']);

/**
 * Japanese text runs straight on after a URL ("https://example.jpへアクセス"). linkify keeps
 * the Japanese characters, which would turn the host into another (internationalised) name:
 * when the last host label starts with an ASCII top-level domain and continues in non-ASCII
 * characters, the link ends after the ASCII part. Host labels that are non-ASCII from their
 * start (例え.jp, .みんな) are real internationalised names and stay. Trailing Japanese
 * sentence punctuation is dropped too.
 */
export function trimJapaneseTail(value: string): string {
  let end = value.length;
  while (end > 0 && CLOSING.has(value[end - 1]!)) end--;
  let out = value.slice(0, end);
  const scheme = out.indexOf('://');
  const hostStart = scheme >= 0 ? scheme + 3 : 0;
  let hostEnd = out.length;
  for (let i = hostStart; i < out.length; i++) {
    const c = out[i];
    if (c === '/' || c === '?' || c === '#') {
      hostEnd = i;
      break;
    }
  }
  const host = out.slice(hostStart, hostEnd);
  const lastDot = host.lastIndexOf('.');
  if (lastDot >= 0) {
    const tld = /^[A-Za-z]{2,63}(?=[^\x00-\x7f])/.exec(host.slice(lastDot + 1));
    if (tld) out = out.slice(0, hostStart + lastDot + 1 + tld[0].length);
  }
  return out;
}
