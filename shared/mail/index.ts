/**
 * The mail-reading layer of the core: .eml → MailSnapshot, and the readers the scanner uses on
 * a snapshot (HTML content, links in plain text, archive entries, authentication results).
 * Host-free; nothing here throws on hostile input.
 */
export { parseEml, PARSE_EML_DEFAULTS, sha256Hex } from './parse-eml';
export type { ParseEmlOptions } from './parse-eml';
export { extractHtml, EXTRACT_HTML_DEFAULTS } from './html-content';
export type { HtmlContent, ExtractHtmlOptions } from './html-content';
export { inspectZip, inspectArchive, sniffArchive, isZipDocument, MAX_ENTRIES } from './archive';
export type { ArchiveInspection, ArchiveKind } from './archive';
export { extractTextLinks, trimJapaneseTail, MAX_TEXT_CHARS } from './text-links';
export type { ExtractTextLinksOptions } from './text-links';
export { readAuthentication, parseAuthResultsValue, tokenizeAuthHeader } from './auth-results';
export type { AuthSummary, AuthValue, AuthToken, AuthResultEntry, ParsedAuthResults } from './auth-results';
export { decodeHeaderText } from './header-text';
export { inspectDocument } from './encrypted-document';
export type { DocumentKind, DocumentInspection } from './encrypted-document';
export { inspectAttachmentBytes } from './attachment-bytes';
export type { AttachmentInspection } from './attachment-bytes';
export { inspectTnef, isTnef } from './tnef';
export { inspectIso9660, isIso9660 } from './disk-image';
