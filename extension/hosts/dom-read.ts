/**
 * Small DOM readers the adapters share: visible text, body links, sizes, a content hash, and the
 * part of a snapshot every provider reads the same way (body, links, attachments, what is missing).
 * They only read (textContent, attributes); they never write to the page and never parse HTML
 * from strings. Every output is capped so a hostile page cannot make a snapshot unbounded.
 */
import type { MailAddress, MailAnchor, MailSnapshot, MissingPart } from '../../shared/model';
import type { AttachmentEntry, BannerPlace, MessageView } from './types';

/** Cap on the body text handed to the scanner (characters). */
export const MAX_BODY_TEXT = 200_000;
/** Cap on one link's visible text (characters). */
export const MAX_LINK_TEXT = 500;
/** Cap on the links read from one message. */
export const MAX_LINKS = 1_000;
/** Cap on the attachments read from one message. */
export const MAX_ATTACHMENTS = 100;

/** Elements whose text the reader never sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);
/** Elements that end a line of text. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'BR', 'LI', 'TR', 'TABLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'SECTION', 'ARTICLE', 'HR',
]);

/** Our own UI elements inside a message (banner host) are never read as mail content. */
export const OWN_UI_SELECTOR = '[data-kokoroe-verdict], [data-kokoroe-gate], kokoroe-banner';

/** Collapses whitespace runs to one space and trims. */
export function collapse(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    const isSpace = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0';
    if (isSpace) {
      space = out.length > 0;
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

/** The element's text as a line, whitespace collapsed, capped. */
export function textOf(el: Element | null | undefined, max = 2_000): string {
  if (!el) return '';
  return collapse((el.textContent ?? '').slice(0, max * 4)).slice(0, max);
}

/**
 * The body's readable text: text nodes outside script/style, with block elements ending
 * lines, skipping our own UI. Iterative (no recursion) so deep hostile markup cannot blow the
 * stack; stops at MAX_BODY_TEXT.
 */
export function bodyText(body: Element): string {
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [body];
  while (stack.length > 0 && length < MAX_BODY_TEXT) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      length += value.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIPPED_TAGS.has(el.tagName) || (el !== body && el.matches(OWN_UI_SELECTOR))) continue;
    if (BLOCK_TAGS.has(el.tagName)) parts.push('\n');
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const lines = parts.join('').slice(0, MAX_BODY_TEXT).split('\n');
  return lines.map(collapse).filter((l) => l.length > 0).join('\n');
}

/** The body's links in document order, paired with their elements (same indexes). */
export function readBodyLinks(body: Element): { anchors: MailAnchor[]; elements: Element[] } {
  const anchors: MailAnchor[] = [];
  const elements: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('a[href], area[href]'))) {
    if (anchors.length >= MAX_LINKS) break;
    if (el.closest(OWN_UI_SELECTOR)) continue;
    const raw = (el.getAttribute('href') ?? '').trim();
    // In-page fragments move nothing; everything else (including javascript:, data:, mailto:)
    // is handed to the scanner to judge.
    if (raw === '' || raw.startsWith('#')) continue;
    anchors.push({ href: resolveHref(el, raw), text: textOf(el, MAX_LINK_TEXT) || (el.getAttribute('title') ?? '').slice(0, MAX_LINK_TEXT), source: 'dom' });
    elements.push(el);
  }
  return { anchors, elements };
}

/** The href as the browser will follow it (resolved against the document), or the raw value. */
function resolveHref(el: Element, raw: string): string {
  const base = el.ownerDocument?.baseURI;
  try {
    return base ? new URL(raw, base).href : new URL(raw).href;
  } catch {
    return raw;
  }
}

/**
 * Parses a displayed size such as `34 KB`, `(~1.2 MB)`, `512 バイト`, `2,048 B` into bytes.
 * Approximate by nature (the page rounds); undefined when there is no number.
 */
export function parseDisplayedSize(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  let digits = '';
  let i = 0;
  const s = text.trim();
  while (i < s.length && !isDigit(s[i]!)) i++;
  for (; i < s.length; i++) {
    const ch = s[i]!;
    if (isDigit(ch) || ch === '.') digits += ch;
    else if (ch !== ',') break;
  }
  if (digits === '') return undefined;
  const value = Number.parseFloat(digits);
  if (!Number.isFinite(value)) return undefined;
  const unit = s.slice(i).trim().toUpperCase();
  const factor = unit.startsWith('GB') ? 1024 ** 3 : unit.startsWith('MB') ? 1024 ** 2 : unit.startsWith('KB') || unit.startsWith('K') ? 1024 : 1;
  return Math.round(value * factor);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/**
 * Splits `Name <addr@example.jp>` as a webmail displays it. Not an RFC 5322 parser: the page
 * already decoded the header; this only separates the two visible parts.
 */
export function splitDisplayedAddress(text: string): MailAddress {
  const value = collapse(text);
  const open = value.lastIndexOf('<');
  const close = value.lastIndexOf('>');
  if (open >= 0 && close > open) {
    const address = value.slice(open + 1, close).trim();
    const name = trimQuotes(value.slice(0, open).trim());
    return withoutEmpty({ address: address.includes('@') ? address : undefined, name });
  }
  if (value.includes('@') && !value.includes(' ')) return { address: value };
  return withoutEmpty({ name: value });
}

function trimQuotes(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Drops empty or undefined fields so snapshots compare cleanly. */
export function withoutEmpty(addr: { address?: string; name?: string }): MailAddress {
  const out: MailAddress = {};
  if (addr.address) out.address = addr.address;
  if (addr.name) out.name = addr.name;
  return out;
}

/**
 * A 64-bit FNV-1a hash (two 32-bit lanes) as hex: a key for messages whose provider shows no
 * id. Not cryptographic; it only has to tell open messages apart.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193 + 0x2a);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** True when the element sits in a subtree the page has hidden (kept in DOM, not shown). */
export function isInHiddenSubtree(el: Element): boolean {
  return el.closest('[hidden], [aria-hidden="true"]') !== null;
}

/** Attachments as an adapter read them; `complete` is false when a chip could not be named. */
export interface AttachmentsRead {
  entries: AttachmentEntry[];
  complete: boolean;
}

/**
 * Adds the body text, links and attachments to a snapshot, and lists the parts the page did not
 * show in `missing`, so a message that could not be read fully is never called safe.
 */
export function readMessageContent(snapshot: MailSnapshot, body: Element | null, attachments: AttachmentsRead): MailSnapshot {
  const missing: MissingPart[] = [];
  if (body) {
    snapshot.text = bodyText(body);
    snapshot.anchors = readBodyLinks(body).anchors;
  } else {
    missing.push('body', 'links');
  }
  snapshot.attachments = attachments.entries.map((e) => e.item);
  if (!attachments.complete) missing.push('attachments');
  if (missing.length > 0) snapshot.missing = missing;
  return snapshot;
}

/** The banner's place right above the body, where the page has drawn one. */
export function placeAboveBody(view: MessageView): BannerPlace | undefined {
  return view.body?.parentElement ? { parent: view.body.parentElement, before: view.body } : undefined;
}

/** A URL the page gave (its own address, a link), or undefined when it does not parse. */
export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
