/**
 * Gmail adapter: reads expanded messages of the conversation view into MailSnapshots.
 *
 * Gmail's link wrapper: Gmail keeps the real destination in `href` and puts its redirector
 * (`https://www.google.com/url?q=…`) in `data-saferedirecturl`, so the href is what we scan and
 * show. Quoted text (`div.gmail_quote`) is part of the body: its links are clickable too.
 * Must never modify the page or read anything outside the message it was given.
 */
import type { MailAttachment, MailSnapshot } from '../../../shared/model';
import {
  contentHash, isInHiddenSubtree, MAX_ATTACHMENTS, parseDisplayedSize, parseUrl, placeAboveBody, readBodyLinks, readMessageContent,
  textOf, withoutEmpty, type AttachmentsRead,
} from '../dom-read';
import type { AttachmentEntry, BannerPlace, MailProviderAdapter } from '../types';
import {
  GMAIL_ATTACHMENT_CHIP, GMAIL_ATTACHMENT_DOWNLOAD_ATTR, GMAIL_ATTACHMENT_NAME, GMAIL_ATTACHMENT_SIZE, GMAIL_ATTACHMENT_TRAY,
  GMAIL_BODY, GMAIL_DATE, GMAIL_LEGACY_MESSAGE_ID_ATTR, GMAIL_MESSAGE_ID_ATTR, GMAIL_OPEN_MESSAGE, GMAIL_SENDER, GMAIL_SUBJECT,
  GMAIL_THREAD_CONTAINER,
} from './selectors';

export const gmailAdapter: MailProviderAdapter = {
  id: 'gmail',

  hasOpenMessage: (doc) => doc.querySelector(GMAIL_OPEN_MESSAGE) !== null,

  findOpenMessages(doc) {
    return Array.from(doc.querySelectorAll(GMAIL_OPEN_MESSAGE))
      .filter((root) => !isInHiddenSubtree(root))
      .map((root) => ({ root, body: root.querySelector(GMAIL_BODY) }));
  },

  readSnapshot(view) {
    const snapshot: MailSnapshot = { host: 'gmail' };
    const sender = view.root.querySelector(GMAIL_SENDER);
    if (sender) {
      snapshot.from = withoutEmpty({
        address: sender.getAttribute('email') ?? undefined,
        name: sender.getAttribute('name') ?? textOf(sender, 300),
      });
    }
    const subject = subjectElement(view.root);
    if (subject) snapshot.subject = textOf(subject, 1_000);
    const date = view.root.querySelector(GMAIL_DATE);
    const dateTitle = date?.getAttribute('title') ?? textOf(date);
    if (dateTitle) snapshot.date = dateTitle;
    const id = gmailMessageId(view.root);
    if (id) snapshot.messageId = id;
    return readMessageContent(snapshot, view.body, readAttachments(view.root));
  },

  anchorForBanner(view): BannerPlace {
    return placeAboveBody(view) ?? { parent: view.root, before: view.root.firstChild };
  },

  linkElements: (view) => (view.body ? readBodyLinks(view.body).elements : []),

  attachmentElements: (view) => readAttachments(view.root).entries.map((e) => e.element),

  messageKey(view) {
    const id = gmailMessageId(view.root);
    if (id) return `gmail:${id}`;
    const sender = view.root.querySelector(GMAIL_SENDER);
    return `gmail:h:${contentHash(`${sender?.getAttribute('email') ?? ''}\n${textOf(view.body, 2_000)}`)}`;
  },

  originalUrl(view) {
    const id = view.root.getAttribute(GMAIL_MESSAGE_ID_ATTR);
    // `#msg-f:1790…` → permmsgid=msg-f:1790…; served by Gmail itself ("Show original").
    if (!id || !id.startsWith('#msg-')) return undefined;
    const page = parseUrl(view.root.ownerDocument.URL);
    const base = page && page.origin === 'https://mail.google.com' ? accountPath(page.pathname) : '/mail/u/0/';
    const url = new URL(base, 'https://mail.google.com');
    // Gmail's own "Show original" link also carries `ik` (the account key). The page shows it in
    // attachment URLs; without one, Gmail resolves the account from the /u/N/ path.
    const ik = accountKey(view.root.ownerDocument);
    if (ik) url.searchParams.set('ik', ik);
    url.searchParams.set('view', 'om');
    url.searchParams.set('permmsgid', id.slice(1));
    return url.href;
  },
};

/** The `ik` parameter of any Gmail attachment URL on the page (hex account key), if one is shown. */
function accountKey(doc: Document): string | undefined {
  const chip = doc.querySelector(`${GMAIL_ATTACHMENT_CHIP}[${GMAIL_ATTACHMENT_DOWNLOAD_ATTR}*="ik="]`);
  const raw = chip?.getAttribute(GMAIL_ATTACHMENT_DOWNLOAD_ATTR) ?? '';
  const start = raw.indexOf(':https://');
  const link = start >= 0 ? parseUrl(raw.slice(start + 1)) : undefined;
  const ik = link?.searchParams.get('ik') ?? '';
  let hex = ik.length > 0 && ik.length <= 32;
  for (const ch of ik) if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) hex = false;
  return hex ? ik : undefined;
}

/** `/mail/u/1/…` → `/mail/u/1/` (the signed-in account the page shows). */
function accountPath(pathname: string): string {
  const parts = pathname.split('/');
  return parts[1] === 'mail' && parts[2] === 'u' && parts[3] ? `/mail/u/${parts[3]}/` : '/mail/u/0/';
}

function gmailMessageId(root: Element): string | undefined {
  const id = root.getAttribute(GMAIL_MESSAGE_ID_ATTR) ?? root.getAttribute(GMAIL_LEGACY_MESSAGE_ID_ATTR);
  return id && id.length <= 200 ? id : undefined;
}

/** The subject heading of the conversation this message belongs to. */
function subjectElement(root: Element): Element | null {
  const container = root.closest(GMAIL_THREAD_CONTAINER);
  return container?.querySelector(GMAIL_SUBJECT) ?? root.ownerDocument.querySelector(GMAIL_SUBJECT);
}

function chips(root: Element): Element[] {
  const tray = root.querySelector(GMAIL_ATTACHMENT_TRAY);
  return tray ? Array.from(tray.querySelectorAll(GMAIL_ATTACHMENT_CHIP)).slice(0, MAX_ATTACHMENTS) : [];
}

/**
 * Attachments from the chips. A tray that shows chips we cannot name (still loading, or a
 * layout we do not know) makes the list incomplete, so the message cannot be called safe.
 */
function readAttachments(root: Element): AttachmentsRead {
  const tray = root.querySelector(GMAIL_ATTACHMENT_TRAY);
  if (!tray) return { entries: [], complete: true };
  const entries: AttachmentEntry[] = [];
  let complete = true;
  const found = chips(root);
  for (const chip of found) {
    const fromUrl = parseDownloadUrl(chip.getAttribute(GMAIL_ATTACHMENT_DOWNLOAD_ATTR));
    const name = fromUrl?.name || textOf(chip.querySelector(GMAIL_ATTACHMENT_NAME), 500);
    if (!name) {
      complete = false;
      continue;
    }
    const item: MailAttachment = { name };
    if (fromUrl?.contentType) item.contentType = fromUrl.contentType;
    const size = parseDisplayedSize(textOf(chip.querySelector(GMAIL_ATTACHMENT_SIZE), 50));
    if (size !== undefined) item.size = size;
    entries.push({ element: chip, item });
  }
  if (found.length === 0) complete = false;
  return { entries, complete };
}

/** `application/pdf:請求書.pdf:https://mail.google.com/…` → type and name. */
export function parseDownloadUrl(value: string | null): { contentType: string; name: string } | undefined {
  if (!value) return undefined;
  const firstColon = value.indexOf(':');
  const urlStart = value.indexOf(':https://');
  if (firstColon <= 0 || urlStart <= firstColon) return undefined;
  return { contentType: value.slice(0, firstColon).toLowerCase(), name: value.slice(firstColon + 1, urlStart) };
}

/*
Manual check (after a Gmail redesign, or when the conformance fixtures are refreshed):
1. Open a conversation with 3+ messages, one collapsed: a banner above each expanded body only.
2. Expand the collapsed one: it gets its banner; the others keep theirs (no duplicates).
3. A message with a PDF and a ZIP: both chips are read (popup shows the verdict), flagged chips outlined.
4. Hover a link: the status bar shows the destination; `data-saferedirecturl` is google.com/url.
5. "Show original" from the ⋮ menu has the same ?ik=…&view=om&permmsgid=… as originalUrl().
Update the dated fixtures in test/fixtures/dom/gmail/ from what you saw (synthetic text only).
*/
