/**
 * Roundcube 1.6 (elastic skin) selectors. Roundcube renders the open message in a same-origin
 * iframe (`#messagecontframe`, `?_task=mail&_action=preview&_framed=1`) or as a full page
 * (`_action=show`); the content script runs in every frame of a Roundcube origin and reads the
 * document it is in. Ids and classes come from the skin's templates and the server's renderer
 * (roundcubemail 1.6: skins/elastic/templates/message.html, program/actions/mail/show.php).
 */

/** The message header block (subject, summary, header table). Observed 2026-11 (1.6 elastic). */
export const RC_MESSAGE_HEADER = '#message-header';
/** The subject heading. Observed 2026-11. */
export const RC_SUBJECT = '#message-header h2.subject';
/** Screen-reader label inside the subject heading ("Subject: "), not part of the subject. Observed 2026-11. */
export const RC_VOICE_LABEL = '.voice';
/** The "open in new window" link inside the subject heading. Observed 2026-11. */
export const RC_SUBJECT_EXTWIN = 'a.extwin';
/** The From cell of the full header table (present even while collapsed). Observed 2026-11. */
export const RC_FROM_CELL = 'td.header.from';
/** The one-line summary (`From <sender> on <date>`), used when the table is absent. Observed 2026-11. */
export const RC_SUMMARY = '.header-summary';
/** An address link: href `mailto:…`, title = address, text = display name. Observed 2026-11. */
export const RC_CONTACT_ADDRESS = 'a.rcmContactAddress';
/** The rendered body (HTML parts in `.message-htmlpart`, text parts in `.message-part`). Observed 2026-11. */
export const RC_BODY = '#messagebody';
/** The attachment list (empty `ul` when there are none). Observed 2026-11. */
export const RC_ATTACHMENT_LIST = '#attachment-list';
/** One attachment: `li` whose classes are the MIME type's words (`application pdf`). Observed 2026-11. */
export const RC_ATTACHMENT_ITEM = '#attachment-list > li';
/** File name label (shortened when long; the link's title then holds the full name). Observed 2026-11. */
export const RC_ATTACHMENT_NAME = '.attachment-name';
/** Size label, e.g. `(~36 KB)`. Observed 2026-11. */
export const RC_ATTACHMENT_SIZE = '.attachment-size';
/** The date cell of the header table. Observed 2026-11. */
export const RC_DATE_CELL = 'td.header.date';
