/**
 * Reads an HTML mail body with htmlparser2's tokenizer into what the rules need: the
 * anchors a reader can click (href and visible text kept together), the visible text, and the
 * form actions. It is a reader, not a renderer: it never builds a DOM, never resolves anything
 * over the network, and never looks at HTML with regular expressions.
 *
 * htmlparser2's Tokenizer is used directly rather than its Parser: the Parser keeps open
 * elements in an array it shifts at the front, which is quadratic on deeply nested markup (100k
 * `<div>`s took seconds), and nothing here needs the element stack — anchors end at the next
 * `<a>` or `</a>` and invisible elements are counted.
 *
 * Work is linear in the input and bounded: the input is cut at `maxChars`, anchors stop at
 * `maxAnchors`, and either cut sets `truncated` so the scanner can say it did not see everything.
 *
 * Decisions:
 * - Text inside script, style, title and template is not visible and is skipped; `noscript` is
 *   kept, because mail readers run without scripts and therefore show it.
 * - Anchors are collected wherever they are (including hidden ones): a link that is in the HTML
 *   can be reached, and the rules would rather see one link too many.
 * - Relative hrefs and form actions are resolved against the first absolute `<base href>` (as
 *   a browser does) with the WHATWG URL parser; everything else is kept exactly as written
 *   (entities decoded, nothing trimmed or normalised).
 * - Block elements and `<br>` break lines, table cells are separated by a space, runs of HTML
 *   whitespace collapse to one space, empty lines are dropped. U+3000 is kept (it is content).
 */
import { Tokenizer } from 'htmlparser2';
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

  const onOpen = (name: string, attribs: Map<string, string>): void => {
    if (INVISIBLE.has(name)) {
      invisibleDepth++;
      return;
    }
    if (BLOCK.has(name) || name === 'br') textParts.push('\n');
    else if (CELL.has(name)) textParts.push(' ');
    // SVG links may still carry the old xlink:href.
    const href = attribs.get('href') ?? (name === 'a' ? attribs.get('xlink:href') : undefined);
    switch (name) {
      case 'base':
        if (base === undefined && href !== undefined && URL.canParse(href)) base = href;
        break;
      case 'a':
        // An <a> inside an open <a> closes it first, as HTML parsers do.
        closeAnchor();
        if (href !== undefined) open = { href: resolve(href), parts: [], length: 0, alts: [] };
        break;
      case 'area':
        if (href !== undefined) {
          if (anchors.length < maxAnchors) anchors.push({ href: resolve(href), text: collapse(attribs.get('alt') ?? '').trim(), source: 'html' });
          else truncated = true;
        }
        break;
      case 'img': {
        const alt = attribs.get('alt');
        if (open && alt) open.alts.push(alt);
        break;
      }
      case 'form': {
        const action = attribs.get('action');
        if (action !== undefined) forms.push({ action: resolve(action) });
        break;
      }
    }
  };

  const onClose = (name: string): void => {
    if (INVISIBLE.has(name)) {
      if (invisibleDepth > 0) invisibleDepth--;
      return;
    }
    if (name === 'a') closeAnchor();
    if (BLOCK.has(name) || name === 'br') textParts.push('\n');
    else if (CELL.has(name)) textParts.push(' ');
  };

  const onText = (data: string): void => {
    if (invisibleDepth > 0) return;
    // Source line breaks are whitespace like any other; only elements break lines.
    textParts.push(collapse(data));
    addAnchorText(data);
  };

  // The tokenizer reports positions into the input (written in one piece) and decoded
  // entities as code points; tag and attribute assembly is ours.
  let tagName = '';
  let attribs = new Map<string, string>();
  let attribName = '';
  let attribValue = '';
  const slice = (start: number, end: number): string => source.slice(start, end);
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = slice(start, end).toLowerCase();
        attribs = new Map();
      },
      onattribname(start, end) {
        attribName = slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += fromCodePoint(codepoint);
      },
      onattribend() {
        // The first of duplicate attributes wins, as in HTML.
        if (!attribs.has(attribName)) attribs.set(attribName, attribValue);
      },
      onopentagend() {
        onOpen(tagName, attribs);
      },
      onselfclosingtag() {
        // HTML ignores the slash: <a href=x/> opens an anchor.
        onOpen(tagName, attribs);
      },
      onclosetag(start, end) {
        onClose(slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        onText(slice(start, end));
      },
      ontextentity(codepoint) {
        onText(fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );

  try {
    tokenizer.write(source);
    tokenizer.end();
  } catch {
    // The tokenizer is forgiving and does not throw on bad markup; this only guards the host.
    truncated = true;
  }
  closeAnchor();

  return { anchors, text: tidyText(textParts.join('')), forms, truncated };
}

function fromCodePoint(codepoint: number): string {
  return codepoint >= 0 && codepoint <= 0x10ffff ? String.fromCodePoint(codepoint) : '\ufffd';
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
