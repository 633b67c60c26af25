/**
 * Roundcube 1.6 (elastic skin) selectors. Roundcube renders the open message in a same-origin
 * iframe (`#messagecontframe`, `?_task=mail&_action=preview&_framed=1`) or as a full page
 * (`_action=show`); the content script runs in every frame of a Roundcube origin and reads the
 * document it is in. Ids and classes come from the skin's templates and the server's renderer
 * (roundcubemail 1.6, read 2026-11).
 */

/** The message header block (subject, summary, header table). Observed 2026-11 (1.6 elastic). */
export const RC_MESSAGE_HEADER = '#message-header';
/** The subject heading; its `.voice` span is a screen-reader label, not part of the subject. */
export const RC_SUBJECT = '#message-header h2.subject';
export const RC_VOICE_LABEL = '.voice';
/** The "open in new window" link inside the subject heading. */
export const RC_SUBJECT_EXTWIN = 'a.extwin';
/** The From cell of the full header table (present even while collapsed). Observed 2026-11. */
export const RC_FROM_CELL = 'td.header.from';
/** The one-line summary (`From <sender> on <date>`), used when the table is absent. */
export const RC_SUMMARY = '.header-summary';
/** An address link: href `mailto:…`, title = address, text = display name. Observed 2026-11. */
export const RC_CONTACT_ADDRESS = 'a.rcmContactAddress';
/** The rendered body (HTML parts in `.message-htmlpart`, text parts in `.message-part`). */
export const RC_BODY = '#messagebody';
/** The attachment list and its items (`li` class = MIME type words, e.g. `application pdf`). */
export const RC_ATTACHMENT_LIST = '#attachment-list';
export const RC_ATTACHMENT_ITEM = '#attachment-list > li';
export const RC_ATTACHMENT_NAME = '.attachment-name';
/** Size label, e.g. `(~36 KB)`. */
export const RC_ATTACHMENT_SIZE = '.attachment-size';
/** The date cell of the header table. */
export const RC_DATE_CELL = 'td.header.date';
