/**
 * Reads an HTML mail body with htmlparser2's streaming tokenizer into what the rules need: the
 * anchors a reader can click (href and visible text kept together), the visible text, and the
 * form actions. It is a reader, not a renderer: it never builds a DOM, never resolves anything
 * over the network, and never looks at HTML with regular expressions.
 *
 * Work is linear in the input and bounded: the input is cut at `maxChars`, anchors stop at
 * `maxAnchors`, and either cut sets `truncated` so the scanner can say it did not see everything.
 *
 * Decisions:
 * - Text inside script, style, title and template is not visible and is skipped; `noscript` is
 *   kept, because mail readers run without scripts and therefore show it.
 * - Anchors are collected wherever they are (including hidden ones): a link that is in the HTML
 *   can be reached, and the rules would rather see one link too many.
 * - Relative hrefs are resolved against the first `<base href>` (as a browser does) with the
 *   WHATWG URL parser; everything else is kept exactly as written.
 */
import { Parser } from 'htmlparser2';
import type { MailAnchor } from '../model';

export interface HtmlContent {
  anchors: MailAnchor[];
  text: string;
  forms: { action: string }[];
  truncated: boolean;
}

export interface ExtractHtmlOptions {
  /** Input characters read; the rest is ignored and `truncated` is set. @default 2_000_000 */
  maxChars?: number;
  /** Anchors kept; later ones are dropped and `truncated` is set. @default 2_000 */
  maxAnchors?: number;
}

export const EXTRACT_HTML_DEFAULTS = { maxChars: 2_000_000, maxAnchors: 2_000 } as const;

/** Visible text kept per anchor; a longer text is cut (it is only used for comparisons). */
const MAX_ANCHOR_TEXT = 4_000;

/** Elements whose text the reader never sees. */
const INVISIBLE = new Set(['script', 'style', 'title', 'template']);

/** Elements that start and end a line of text when rendered. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Table cells sit side by side: a separator, not a line break. */
const CELL = new Set(['td', 'th']);

interface OpenAnchor {
  href: string;
  parts: string[];
  length: number;
  alts: string[];
}

export function extractHtml(html: string, options?: ExtractHtmlOptions): HtmlContent {
  const maxChars = positive(options?.maxChars, EXTRACT_HTML_DEFAULTS.maxChars);
  const maxAnchors = positive(options?.maxAnchors, EXTRACT_HTML_DEFAULTS.maxAnchors);
  const input = typeof html === 'string' ? html : '';
  let truncated = input.length > maxChars;
  const source = truncated ? input.slice(0, maxChars) : input;

  const anchors: MailAnchor[] = [];
  const forms: { action: string }[] = [];
  const textParts: string[] = [];
  let base: string | undefined;
  let invisibleDepth = 0;
  let open: OpenAnchor | undefined;

  const resolve = (href: string): string => {
    if (base === undefined || URL.canParse(href)) return href;
    try {
      return new URL(href, base).href;
    } catch {
      return href;
    }
  };

  const closeAnchor = (): void => {
    if (!open) return;
    let text = collapse(open.parts.join('')).trim();
    if (text === '' && open.alts.length > 0) text = collapse(open.alts.join(' ')).trim();
    if (anchors.length < maxAnchors) anchors.push({ href: open.href, text, source: 'html' });
    else truncated = true;
    open = undefined;
  };

  const addAnchorText = (data: string): void => {
    if (!open || open.length >= MAX_ANCHOR_TEXT) return;
    const piece = data.length + open.length > MAX_ANCHOR_TEXT ? data.slice(0, MAX_ANCHOR_TEXT - open.length) : data;
    open.parts.push(piece);
    open.length += piece.length;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (INVISIBLE.has(name)) {
          invisibleDepth++;
          return;
        }
        if (BLOCK.has(name) || name === 'br') textParts.push('\n');
        else if (CELL.has(name)) textParts.push(' ');
        switch (name) {
          case 'base':
            if (base === undefined && attribs.href !== undefined && URL.canParse(attribs.href)) base = attribs.href;
            break;
          case 'a':
            closeAnchor();
            if (attribs.href !== undefined) open = { href: resolve(attribs.href), parts: [], length: 0, alts: [] };
            break;
          case 'area':
            if (attribs.href !== undefined) {
              if (anchors.length < maxAnchors) {
                anchors.push({ href: resolve(attribs.href), text: collapse(attribs.alt ?? '').trim(), source: 'html' });
              } else truncated = true;
            }
            break;
          case 'img':
            if (open && attribs.alt) open.alts.push(attribs.alt);
            break;
          case 'form':
            if (attribs.action !== undefined) forms.push({ action: resolve(attribs.action) });
            break;
        }
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) {
          if (invisibleDepth > 0) invisibleDepth--;
          return;
        }
        if (name === 'a') closeAnchor();
        if (BLOCK.has(name)) textParts.push('\n');
        else if (CELL.has(name)) textParts.push(' ');
      },
      ontext(data) {
        if (invisibleDepth > 0) return;
        // Source line breaks are whitespace like any other; only elements break lines.
        textParts.push(collapse(data));
        addAnchorText(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  try {
    parser.write(source);
    parser.end();
  } catch {
    // htmlparser2 is forgiving and does not throw on bad markup; this only guards the host.
    truncated = true;
  }
  closeAnchor();

  return { anchors, text: tidyText(textParts.join('')), forms, truncated };
}

function positive(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** HTML collapses runs of its whitespace (not U+3000, which is content in Japanese text). */
function collapse(text: string): string {
  return text.replace(/[\t\n\f\r ]+/g, ' ');
}

/** Lines trimmed, empty lines dropped: one pass over the text. */
function tidyText(raw: string): string {
  const lines = raw.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const tidy = collapse(line).trim();
    if (tidy !== '') out.push(tidy);
  }
  return out.join('\n');
}
