/**
 * Bare URLs in plain-text bodies, found with linkifyjs (which knows the TLD list and the
 * punctuation rules people expect: a trailing full stop or closing bracket is not part of a
 * link). The text is what the reader sees; `href` is what a mail client would link it to.
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
    out.push({ href: link.href, text: link.value, source: 'text' });
  }
  return out;
}
