/**
 * The one interface every webmail provider adapter implements (DESIGN.md §5). An adapter only
 * reads the rendered DOM it is given: it never modifies the page, never fetches, and never
 * throws on a page it does not recognise (it finds no messages instead).
 */
import type { MailAttachment, MailSnapshot } from '../../shared/model';

export type ProviderId = 'gmail' | 'outlook-web' | 'roundcube';

/** One open (expanded, readable) message in the page. */
export interface MessageView {
  /** The element that holds the whole message: header, body and attachments. */
  readonly root: Element;
  /** The rendered body, or null when the page has not drawn it (the snapshot then says so). */
  readonly body: Element | null;
}

/** Where the banner host goes: inserted into `parent` before `before` (null = append). */
export interface BannerPlace {
  parent: Element;
  before: Node | null;
}

export interface MailProviderAdapter {
  readonly id: ProviderId;
  /** Cheap check (one selector query) that any message is open; runs on every DOM change. */
  hasOpenMessage(doc: Document): boolean;
  /** The open messages, in document order. */
  findOpenMessages(doc: Document): MessageView[];
  /** Everything the page shows about the message; unreadable parts are listed in `missing`. */
  readSnapshot(view: MessageView): MailSnapshot;
  anchorForBanner(view: MessageView): BannerPlace;
  /** The body's links, in the same order as `readSnapshot(view).anchors`. */
  linkElements(view: MessageView): Element[];
  /** The attachment chips, in the same order as `readSnapshot(view).attachments`. */
  attachmentElements(view: MessageView): Element[];
  /** Stable per message: the provider's id where it shows one, else a hash of what is shown. */
  messageKey(view: MessageView): string;
  /** Where the provider serves the raw message from its own origin, if it does. */
  originalUrl?(view: MessageView): string | undefined;
}

/** An attachment as read, with the chip it came from (adapters keep the two aligned). */
export interface AttachmentEntry {
  element: Element;
  item: MailAttachment;
}
