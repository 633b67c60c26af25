/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com) selectors.
 * OWA's class names are generated and change between builds, so these lean on ARIA roles and
 * ids, falling back to the few class names seen stable across builds. Each constant says what
 * it matches and when it was observed (public extension sources, checked against the 2026-11
 * reading pane and pop-out). Logic never spells a selector: it uses these constants.
 */

/** The page's main region (reading pane, or the whole pop-out window). Observed 2026-11. */
export const OUTLOOK_MAIN = '[role="main"]';
/** The reading pane's container (absent in the pop-out). Observed 2026-11. */
export const OUTLOOK_READING_PANE = '#ReadingPaneContainerId';
/** A row of the message list (carries the conversation id); never part of a message. Observed 2026-11. */
export const OUTLOOK_MESSAGE_LIST_ROW = '[data-convid]';
/**
 * A rendered message body: `div[role="document"]` labelled "Message body"/「メッセージ本文」,
 * id `UniqueMessageBody_N` in recent builds. Compose editors are role=textbox, never matched.
 * Observed 2026-11.
 */
export const OUTLOOK_BODY = 'div[role="document"]';
/** The conversation subject heading (reading pane and pop-out). Observed 2026-11. */
export const OUTLOOK_SUBJECT = '[role="heading"][aria-level="2"]';
/** Sender display name in a message header (class seen stable since 2023). Observed 2026-11. */
export const OUTLOOK_SENDER_NAME = 'span.OZZZK';
/** Fallback: the persona button of the sender, whose label/title holds `Name <address>`. Observed 2026-11. */
export const OUTLOOK_SENDER_PERSONA = '[data-testid="SenderPersona"], [aria-label^="From:"], [aria-label^="差出人:"]';
/** The attachment well of one message (file chips are its options). Observed 2026-11. */
export const OUTLOOK_ATTACHMENT_LIST = '[role="listbox"]';
/** One attachment chip; `title` carries the full file name. Observed 2026-11. */
export const OUTLOOK_ATTACHMENT_CHIP = '[role="option"]';
/** The sent time shown in a message header (title holds the full date). Observed 2026-11. */
export const OUTLOOK_DATE = '[data-testid="SentReceivedSavedTime"]';
/** Largest number of ancestors walked from a body to find its message item. */
export const OUTLOOK_MAX_ITEM_DEPTH = 14;
