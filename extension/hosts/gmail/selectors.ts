/**
 * Gmail DOM selectors. Gmail's class names are short and obfuscated but have been stable for
 * years; each is named here with what it matches and when it was observed (public extension
 * sources such as gmail.js and InboxSDK users, checked against the 2026-11 conversation view).
 * Logic never spells a class name: it uses these constants.
 */

/** An expanded message in a conversation (`adn` = message, `ads` = expanded). Observed 2026-11. */
export const GMAIL_OPEN_MESSAGE = 'div.adn.ads';
/** Attribute on GMAIL_OPEN_MESSAGE carrying Gmail's permanent message id (`#msg-f:…`). Observed 2026-11. */
export const GMAIL_MESSAGE_ID_ATTR = 'data-message-id';
/** Attribute on GMAIL_OPEN_MESSAGE carrying the legacy hex message id. Observed 2026-11. */
export const GMAIL_LEGACY_MESSAGE_ID_ATTR = 'data-legacy-message-id';
/** The conversation subject heading (one per open conversation, above the messages). Observed 2026-11. */
export const GMAIL_SUBJECT = 'h2.hP';
/** The subject heading carries the thread's legacy id; used to scope the subject lookup. Observed 2026-11. */
export const GMAIL_THREAD_CONTAINER = '[data-thread-perm-id], [role="main"]';
/** Sender chip in the message header; carries `email` and `name` attributes. Observed 2026-11. */
export const GMAIL_SENDER = 'span.gD';
/** The message body (`a3s aiL`); quoted text sits inside it in `div.gmail_quote`. Observed 2026-11. */
export const GMAIL_BODY = 'div.a3s';
/** The attachment tray below the body (holds the chips). Observed 2026-11. */
export const GMAIL_ATTACHMENT_TRAY = 'div.aQH';
/** One attachment chip. Observed 2026-11. */
export const GMAIL_ATTACHMENT_CHIP = 'span.aZo';
/** Attribute on a chip: `type:name:https://mail.google.com/…` (type and full name). Observed 2026-11. */
export const GMAIL_ATTACHMENT_DOWNLOAD_ATTR = 'download_url';
/** File name label inside a chip. Observed 2026-11. */
export const GMAIL_ATTACHMENT_NAME = 'span.aV3';
/** Size label inside a chip (e.g. `120 KB`). Observed 2026-11. */
export const GMAIL_ATTACHMENT_SIZE = 'span.SS';
/** The date cell of the message header (title holds the full date). Observed 2026-11. */
export const GMAIL_DATE = 'span.g3';
