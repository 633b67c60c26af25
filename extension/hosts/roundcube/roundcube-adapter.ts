/**
 * Roundcube 1.6 (elastic) adapter. It reads the message document Roundcube renders in the
 * preview frame or the full-page view; the message id comes from the frame's own URL
 * (`_uid`, `_mbox`) or, failing that, from the attachment links. The raw message is served by
 * Roundcube itself at `?_task=mail&_action=viewsource&_uid=…&_mbox=…`. Never modifies the page.
 */
import type { MailSnapshot } from '../../../shared/model';
import {
  collapse, contentHash, MAX_ATTACHMENTS, parseDisplayedSize, parseUrl, placeAboveBody, readBodyLinks, readMessageContent, textOf,
  withoutEmpty, type AttachmentsRead,
} from '../dom-read';
import type { AttachmentEntry, BannerPlace, MailProviderAdapter, MessageView } from '../types';
import {
  RC_ATTACHMENT_ITEM, RC_ATTACHMENT_LIST, RC_ATTACHMENT_NAME, RC_ATTACHMENT_SIZE, RC_BODY, RC_CONTACT_ADDRESS, RC_DATE_CELL,
  RC_FROM_CELL, RC_MESSAGE_HEADER, RC_SUBJECT, RC_SUBJECT_EXTWIN, RC_SUMMARY, RC_VOICE_LABEL,
} from './selectors';

export const roundcubeAdapter: MailProviderAdapter = {
  id: 'roundcube',

  hasOpenMessage: (doc) => doc.querySelector(RC_MESSAGE_HEADER) !== null || doc.querySelector(RC_BODY) !== null,

  findOpenMessages(doc) {
    const header = doc.querySelector(RC_MESSAGE_HEADER);
    const body = doc.querySelector(RC_BODY);
    const anchor = header ?? body;
    if (!anchor) return [];
    // The header's parent is the message's content region (`.frame-content[role=main]`).
    const root = anchor.parentElement ?? anchor;
    return [{ root, body }];
  },

  readSnapshot(view) {
    const snapshot: MailSnapshot = { host: 'roundcube' };
    const from = readSender(view.root);
    if (from) snapshot.from = from;
    const subject = view.root.querySelector(RC_SUBJECT);
    if (subject) snapshot.subject = subjectText(subject);
    const date = textOf(view.root.querySelector(RC_DATE_CELL));
    if (date) snapshot.date = date;
    return readMessageContent(snapshot, view.body, readAttachments(view.root));
  },

  anchorForBanner(view): BannerPlace {
    const aboveBody = placeAboveBody(view);
    if (aboveBody) return aboveBody;
    const header = view.root.querySelector(RC_MESSAGE_HEADER);
    if (header?.parentElement) return { parent: header.parentElement, before: header.nextSibling };
    return { parent: view.root, before: view.root.firstChild };
  },

  linkElements: (view) => (view.body ? readBodyLinks(view.body).elements : []),

  attachmentElements: (view) => readAttachments(view.root).entries.map((e) => e.element),

  messageKey(view) {
    const id = messageLocation(view);
    if (id) return `roundcube:${id.mbox}:${id.uid}`;
    const from = readSender(view.root);
    return `roundcube:h:${contentHash(`${from?.address ?? ''}\n${textOf(view.root.querySelector(RC_SUBJECT))}\n${textOf(view.body, 1_000)}`)}`;
  },

  originalUrl(view) {
    const id = messageLocation(view);
    const page = parseUrl(view.root.ownerDocument.URL);
    if (!id || !page || (page.protocol !== 'https:' && page.protocol !== 'http:')) return undefined;
    const url = new URL(page.pathname, page.origin);
    url.searchParams.set('_task', 'mail');
    url.searchParams.set('_action', 'viewsource');
    url.searchParams.set('_uid', id.uid);
    url.searchParams.set('_mbox', id.mbox);
    return url.href;
  },
};

/** `_uid` and `_mbox` of the shown message: from the document URL, else an attachment link. */
function messageLocation(view: MessageView): { uid: string; mbox: string } | undefined {
  const candidates: string[] = [];
  const page = view.root.ownerDocument.URL;
  if (page) candidates.push(page);
  const link = view.root.querySelector(`${RC_ATTACHMENT_ITEM} a[href]`);
  if (link) candidates.push(link.getAttribute('href') ?? '');
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate, page || 'https://roundcube.invalid/');
      const uid = url.searchParams.get('_uid');
      const mbox = url.searchParams.get('_mbox');
      if (uid && mbox && uid.length <= 40 && mbox.length <= 300) return { uid, mbox };
    } catch {
      // not a URL: try the next candidate
    }
  }
  return undefined;
}

/** The subject without the screen-reader label and the "open in new window" link. */
function subjectText(heading: Element): string {
  let text = '';
  for (const node of Array.from(heading.childNodes)) {
    if (node.nodeType === 1 && ((node as Element).matches(RC_VOICE_LABEL) || (node as Element).matches(RC_SUBJECT_EXTWIN))) continue;
    text += node.textContent ?? '';
  }
  return collapse(text).slice(0, 1_000);
}

function readSender(root: Element): MailSnapshot['from'] {
  const link = root.querySelector(`${RC_FROM_CELL} ${RC_CONTACT_ADDRESS}`) ?? root.querySelector(`${RC_SUMMARY} ${RC_CONTACT_ADDRESS}`);
  if (!link) return undefined;
  const href = link.getAttribute('href') ?? '';
  const address = (link.getAttribute('title') ?? '').includes('@')
    ? link.getAttribute('title')!
    : href.toLowerCase().startsWith('mailto:') ? decodeMailto(href.slice(7)) : undefined;
  const name = textOf(link, 300);
  return withoutEmpty({ address: address?.trim(), name: name && name !== address ? name : undefined });
}

function decodeMailto(value: string): string {
  const end = value.indexOf('?');
  const raw = end >= 0 ? value.slice(0, end) : value;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `li` classes are the MIME type's two words (`application pdf`); Roundcube adds `no-menu`. */
function typeFromClass(li: Element): string | undefined {
  const words = Array.from(li.classList).filter((c) => c !== 'no-menu' && c !== 'selected');
  if (words.length < 2) return undefined;
  return `${words[0]}/${words[1]}`.toLowerCase();
}

function readAttachments(root: Element): AttachmentsRead {
  const list = root.querySelector(RC_ATTACHMENT_LIST);
  if (!list) return { entries: [], complete: true };
  const entries: AttachmentEntry[] = [];
  let complete = true;
  for (const li of Array.from(root.querySelectorAll(RC_ATTACHMENT_ITEM)).slice(0, MAX_ATTACHMENTS)) {
    const nameEl = li.querySelector(RC_ATTACHMENT_NAME);
    // A shortened name keeps the full one in the link's title.
    const full = li.querySelector('a[title]')?.getAttribute('title') ?? '';
    const name = full.trim() || textOf(nameEl, 500);
    if (!name) {
      complete = false;
      continue;
    }
    const item: AttachmentEntry['item'] = { name };
    const type = typeFromClass(li);
    if (type) item.contentType = type;
    const size = parseDisplayedSize(textOf(li.querySelector(RC_ATTACHMENT_SIZE), 50));
    if (size !== undefined) item.size = size;
    entries.push({ element: li, item });
  }
  return { entries, complete };
}

/*
Manual check (after a Roundcube upgrade; the skin templates are the reference):
1. Policy lists the origin and the permission is granted (options page): the preview frame
   gets a banner above #messagebody; the message list frame gets none.
2. Double-click to open a message full page (_action=show): one banner.
3. A message with a long attachment name: the full name (from the link title) is read.
4. "More > View source" opens the same URL as originalUrl() (?_task=mail&_action=viewsource…).
Update the dated fixtures in test/fixtures/dom/roundcube/ from what you saw (synthetic text only).
*/
