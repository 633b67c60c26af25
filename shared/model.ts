/**
 * The data contracts of the core (DESIGN.md §3). Hosts build a MailSnapshot from whatever they
 * can see, the scanner answers with a Verdict. Everything here is plain data: no classes, no
 * host objects, so it crosses runtime-message and JSON boundaries unchanged.
 */

/** Which host produced a snapshot. */
export type HostKind = 'eml' | 'gmail' | 'outlook-web' | 'roundcube' | 'outlook-addin' | 'unknown';

export interface MailAddress {
  /** The addr-spec, e.g. `taro@example.jp`; missing when the host shows only a name. */
  address?: string;
  /** The display name as the user sees it (decoded). */
  name?: string;
}

/** A link as the user will click it: `href` is the attribute, `text` the visible text. */
export interface MailAnchor {
  href: string;
  text: string;
  /** Where the anchor came from: an HTML `<a>`, a bare URL in plain text, or a rendered page. */
  source?: 'html' | 'text' | 'dom';
}

export interface MailAttachment {
  /** File name as shown to the user (decoded). */
  name: string;
  contentType?: string;
  /** Size in bytes, when known. */
  size?: number;
  /** True when the attachment is an encrypted (password-protected) archive or document. */
  encrypted?: boolean;
  /** Names of entries inside an archive, when the host could list them. */
  innerNames?: string[];
  /** Lower-case hex SHA-256 of the content, when the host had the bytes. */
  sha256?: string;
}

export interface HeaderLine {
  /** Header name as written (case preserved). */
  name: string;
  /** Unfolded raw value (not RFC 2047 decoded). */
  value: string;
}

/** Parts of a message a host may fail to read; a snapshot missing any of these is never `safe`. */
export type MissingPart = 'body' | 'links' | 'attachments';

export interface MailSnapshot {
  host: HostKind;
  from?: MailAddress;
  /** The Sender header, when it differs from From. */
  sender?: MailAddress;
  replyTo?: MailAddress[];
  to?: MailAddress[];
  cc?: MailAddress[];
  subject?: string;
  /** Date as an ISO-8601 string when parseable, else the raw header value. */
  date?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** Raw header lines in order, top (newest) first, where the host has them. */
  headers?: HeaderLine[];
  html?: string;
  text?: string;
  /** Anchors as rendered. When absent the scanner extracts them from `html` and `text`. */
  anchors?: MailAnchor[];
  attachments?: MailAttachment[];
  /** Parts the host could not read. */
  missing?: MissingPart[];
  /** Problems met while building the snapshot (malformed MIME, bad charset, truncation …). */
  problems?: string[];
}

export type Severity = 'info' | 'caution' | 'danger';
export type VerdictLevel = 'safe' | 'caution' | 'danger';

export type TargetKind = 'link' | 'attachment' | 'sender' | 'header' | 'subject' | 'body' | 'message';

export interface FindingTarget {
  kind: TargetKind;
  /** What the finding is about, as text: the URL, the file name, the address, the header name. */
  value: string;
  /** Index into the snapshot's anchors (links, after extraction) or attachments. */
  index?: number;
}

export interface Finding {
  /** Stable kebab-case rule id; also the key of the rule's texts in shared/i18n. */
  rule: string;
  severity: Severity;
  target: FindingTarget;
  /** Values interpolated into the rule's message text. */
  params: Record<string, string | number>;
}

export interface Verdict {
  level: VerdictLevel;
  findings: Finding[];
  /** Checks that could not run for lack of data (e.g. `sender-auth-fail` without headers). */
  unchecked: string[];
}
