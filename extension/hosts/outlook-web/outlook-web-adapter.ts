/**
 * Outlook on the web adapter: the reading pane (one or several messages of a conversation) and
 * the pop-out window. OWA shows no stable message id in the reading pane, so the message item
 * is found structurally: the largest ancestor of a body that contains no other body. Safe
 * Links–wrapped hrefs (`*.safelinks.protection.outlook.com/?url=…`) are passed on as they are;
 * the scanner unwraps them. Must never modify the page.
 */
import type { MailSnapshot } from '../../../shared/model';
import {
  contentHash, isInHiddenSubtree, MAX_ATTACHMENTS, parseDisplayedSize, placeAboveBody, readBodyLinks, readMessageContent,
  splitDisplayedAddress, textOf, withoutEmpty, type AttachmentsRead,
} from '../dom-read';
import type { AttachmentEntry, BannerPlace, MailProviderAdapter, MessageView } from '../types';
import {
  OUTLOOK_ATTACHMENT_CHIP, OUTLOOK_ATTACHMENT_LIST, OUTLOOK_BODY, OUTLOOK_DATE, OUTLOOK_MAIN, OUTLOOK_MAX_ITEM_DEPTH,
  OUTLOOK_MESSAGE_LIST_ROW, OUTLOOK_READING_PANE, OUTLOOK_SENDER_NAME, OUTLOOK_SENDER_PERSONA, OUTLOOK_SUBJECT,
} from './selectors';

/** Bodies inside the main region or the reading pane (some builds drop role=main). */
const BODY_IN_MAIN = `${OUTLOOK_MAIN} ${OUTLOOK_BODY}, ${OUTLOOK_READING_PANE} ${OUTLOOK_BODY}`;
const ITEM_BOUNDARY = `${OUTLOOK_MAIN}, ${OUTLOOK_READING_PANE}`;

export const outlookWebAdapter: MailProviderAdapter = {
  id: 'outlook-web',

  hasOpenMessage: (doc) => doc.querySelector(BODY_IN_MAIN) !== null,

  findOpenMessages(doc) {
    const views: MessageView[] = [];
    const seen = new Set<Element>();
    for (const body of Array.from(doc.querySelectorAll(BODY_IN_MAIN))) {
      // A body inside another body (a forwarded message rendered inline) is not a message item.
      if (body.parentElement?.closest(OUTLOOK_BODY) || isInHiddenSubtree(body)) continue;
      const root = messageItem(body);
      if (seen.has(root)) continue;
      seen.add(root);
      views.push({ root, body });
    }
    return views;
  },

  readSnapshot(view) {
    const snapshot: MailSnapshot = { host: 'outlook-web' };
    const from = readSender(view.root);
    if (from) snapshot.from = from;
    const subject = subjectElement(view.root);
    if (subject) snapshot.subject = subjectText(subject);
    const date = view.root.querySelector(OUTLOOK_DATE);
    const dateText = date?.getAttribute('title') ?? textOf(date);
    if (dateText) snapshot.date = dateText;
    return readMessageContent(snapshot, view.body, readAttachments(view));
  },

  anchorForBanner(view): BannerPlace {
    return placeAboveBody(view) ?? { parent: view.root, before: view.root.firstChild };
  },

  linkElements: (view) => (view.body ? readBodyLinks(view.body).elements : []),

  attachmentElements: (view) => readAttachments(view).entries.map((e) => e.element),

  messageKey(view) {
    const from = readSender(view.root);
    const subject = subjectElement(view.root);
    const date = view.root.querySelector(OUTLOOK_DATE);
    const basis = [from?.address ?? '', from?.name ?? '', subject ? subjectText(subject) : '', date?.getAttribute('title') ?? textOf(date), textOf(view.body, 1_000)].join('\n');
    return `outlook-web:h:${contentHash(basis)}`;
  },
};

/** The largest ancestor of `body` (within the main region) that holds no other message body. */
function messageItem(body: Element): Element {
  let item: Element = body;
  let node = body.parentElement;
  for (let depth = 0; node && depth < OUTLOOK_MAX_ITEM_DEPTH; depth++) {
    if (node.querySelectorAll(OUTLOOK_BODY).length > 1) break;
    item = node;
    if (node.matches(ITEM_BOUNDARY)) break;
    node = node.parentElement;
  }
  return item;
}

/** The subject heading: inside the item (single message, pop-out) or in the conversation above. */
function subjectElement(root: Element): Element | null {
  return root.querySelector(OUTLOOK_SUBJECT) ?? root.closest(ITEM_BOUNDARY)?.querySelector(OUTLOOK_SUBJECT) ?? null;
}

function subjectText(heading: Element): string {
  // OWA repeats the subject in a title attribute on its text span; the text is what is shown.
  return textOf(heading.querySelector('[title]') ?? heading, 1_000);
}

/**
 * Sender from the header: the display name in OZZZK, the address in `<…>` right after it (in
 * the same line, or next to the persona button in the pop-out), else the persona's label.
 */
function readSender(root: Element): MailSnapshot['from'] {
  const nameEl = root.querySelector(OUTLOOK_SENDER_NAME);
  const persona = root.querySelector(OUTLOOK_SENDER_PERSONA);
  const name = textOf(nameEl, 300);
  if (nameEl) {
    for (const line of [nameEl.parentElement, nameEl.parentElement?.parentElement]) {
      const address = addressAfter(textOf(line, 1_000), name);
      if (address) return withoutEmpty({ address, name: name !== address ? name : undefined });
    }
  }
  if (persona) {
    const label = persona.getAttribute('title') ?? persona.getAttribute('aria-label') ?? '';
    const colon = label.indexOf(':');
    const parsed = splitDisplayedAddress(colon >= 0 && colon < 8 ? label.slice(colon + 1) : label);
    if (parsed.address) return withoutEmpty({ address: parsed.address, name: name || parsed.name });
  }
  return name ? { name } : undefined;
}

/** The first `<address>` after the name in a header line's text. */
function addressAfter(line: string, name: string): string | undefined {
  const from = name ? Math.max(0, line.indexOf(name)) : 0;
  const open = line.indexOf('<', from);
  const close = open >= 0 ? line.indexOf('>', open) : -1;
  if (open < 0 || close < 0) return undefined;
  const address = line.slice(open + 1, close).trim();
  return address.includes('@') && !address.includes(' ') ? address : undefined;
}

/** Attachment chips of this message: listboxes in the item, outside its body. */
function readAttachments(view: MessageView): AttachmentsRead {
  const entries: AttachmentEntry[] = [];
  let complete = true;
  // Listboxes in the body are mail content; a listbox with message-list rows is not attachments.
  const lists = Array.from(view.root.querySelectorAll(OUTLOOK_ATTACHMENT_LIST)).filter(
    (l) => !view.body?.contains(l) && l.querySelector(OUTLOOK_MESSAGE_LIST_ROW) === null && !l.matches(OUTLOOK_MESSAGE_LIST_ROW),
  );
  let chips = 0;
  for (const list of lists) {
    for (const chip of Array.from(list.querySelectorAll(OUTLOOK_ATTACHMENT_CHIP))) {
      if (entries.length >= MAX_ATTACHMENTS) break;
      chips++;
      const named = chip.querySelector('[title]') ?? chip;
      const name = (named.getAttribute('title') ?? '').trim() || firstLine(chip);
      if (!name) {
        complete = false;
        continue;
      }
      const item: AttachmentEntry['item'] = { name };
      const size = parseDisplayedSize(sizeText(chip, name));
      if (size !== undefined) item.size = size;
      entries.push({ element: chip, item });
    }
  }
  // A listbox without chips means the well is still loading: the list is not known yet.
  if (lists.length > 0 && chips === 0) complete = false;
  return { entries, complete };
}

function firstLine(chip: Element): string {
  const first = Array.from(chip.querySelectorAll('span, div')).find((el) => el.children.length === 0 && textOf(el));
  return textOf(first ?? chip, 500);
}

/** The chip's size label: the leaf text that is not the name and starts with a digit. */
function sizeText(chip: Element, name: string): string | undefined {
  for (const el of Array.from(chip.querySelectorAll('span, div'))) {
    if (el.children.length > 0) continue;
    const text = textOf(el, 50);
    if (text && text !== name && text[0]! >= '0' && text[0]! <= '9') return text;
  }
  return undefined;
}

/*
Manual check (after an Outlook on the web update, or when the fixtures are refreshed):
1. Reading pane on outlook.office.com and outlook.live.com: one banner above the body.
2. A conversation expanded to several messages: one banner per expanded message.
3. Pop-out window (double-click a message): the banner appears in the pop-out too.
4. A message with attachments: the chips are read (names with sizes); while the well still
   shimmers the banner says the message could not be read fully.
5. Links carry *.safelinks.protection.outlook.com hrefs; the warning page shows the unwrapped target.
Update the dated fixtures in test/fixtures/dom/outlook-web/ from what you saw (synthetic text only).
*/
