/**
 * The message as rules see it: built once per scan by `prepareMessage`, with every URL already
 * analysed, brand mentions found per place, texts normalised and capped. Rules read it and must
 * never modify it.
 */
import type { HeaderLine, MailAttachment, MailSnapshot } from '../model';
import type { BrandMention, ProtectedName } from '../lookalike/types';
import type { UrlAnalysis } from '../url/types';
import type { AuthSummary } from './deps';
import type { LureTheme } from '../rules/support/lexicon';

/** How the product relates to a domain, from policy. */
export type DomainTrust = 'org' | 'partner' | 'allowed' | 'blocked' | 'other';

export interface PreparedAddress {
  /** Lower-case addr-spec. */
  address: string;
  local: string;
  /** Lower-case ASCII domain (IDN as punycode) — empty when the address has none. */
  domain: string;
  /** eTLD+1 of `domain` (or the domain itself when tldts has no answer). */
  registrable: string;
  /** Display name as written (decoded), may be empty. */
  name: string;
  trust: DomainTrust;
  /** The address as written was not a plausible addr-spec. */
  malformed: boolean;
}

export interface PreparedLink {
  /** Index into `links`. */
  index: number;
  /**
   * Index into the snapshot's `anchors` as the host gave them (or into the anchors extracted
   * from html/text when the host gave none): what findings report, so a host can outline the
   * exact link even though duplicates and `#` anchors are skipped here.
   */
  anchorIndex: number;
  href: string;
  /** Visible text as written (trimmed, capped). */
  text: string;
  source: 'html' | 'text' | 'dom';
  url: UrlAnalysis;
  /** Innermost destination after unwrapping provider wrappers. */
  dest: UrlAnalysis;
  /** A URL the visible text itself shows, if any. */
  shown?: UrlAnalysis;
  /** Trust of the destination's domain. */
  trust: DomainTrust;
  /** Normalised visible text (see normalizeForMatch). */
  textNorm: string;
  /** The visible text asks for an action (ログイン, verify, 再配達 …). */
  action: boolean;
  /** Brands named in the visible text. */
  brands: BrandMention[];
}

export interface PreparedAttachment {
  index: number;
  attachment: MailAttachment;
  /** File name with invisible and bidi characters removed, lower case. */
  nameNorm: string;
  /** Final extension of nameNorm without the dot (`exe`), or ''. */
  ext: string;
}

export interface BrandPlaces {
  displayName: BrandMention[];
  subject: BrandMention[];
  linkText: BrandMention[];
  body: BrandMention[];
}

export interface PreparedMessage {
  snapshot: MailSnapshot;
  from?: PreparedAddress;
  /** Sender header, when present. */
  sender?: PreparedAddress;
  replyTo: PreparedAddress[];
  recipients: PreparedAddress[];
  subject: string;
  subjectNorm: string;
  /** Visible body text (text part, or text extracted from HTML), capped. */
  bodyText: string;
  bodyNorm: string;
  links: PreparedLink[];
  forms: { action: string }[];
  attachments: PreparedAttachment[];
  headers: HeaderLine[];
  hasHeaders: boolean;
  /** Lower-case header name → values (first 20 of each). */
  header(name: string): string[];
  auth?: AuthSummary;
  /** The topmost Authentication-Results value, decoded (empty when absent). */
  authResultsTop: string;
  brands: BrandPlaces;
  /** Lure themes found, with the first phrase that matched each. */
  lures: { subject: Map<LureTheme, string>; body: Map<LureTheme, string> };
  /** Protected names in force (built-in + policy). */
  protectedNames: readonly ProtectedName[];
  lookalike(hostname: string): import('../lookalike/types').LookalikeMatch | undefined;
  /** What had to be cut to bound the work (`links`, `text`, `attachments`, `html`, `headers`). */
  truncated: string[];
  /** Count of invisible formatting characters in the visible text. */
  invisibleCount: number;
  /** Sender-side domains considered "the sender's own" (From, DKIM-pass, Sender, Return-Path). */
  senderDomains: Set<string>;
  /** True when the message carries mailing-list headers (List-Id, List-Post, Mailing-List …). */
  isMailingList: boolean;
  /** A mailing-list post whose list server passed authentication at a trusted receiver. */
  listVerified: boolean;
  /** Domain lists from policy, normalised to lower-case registrable forms. */
  lists: PolicyLists;
}

export interface PolicyLists {
  org: string[];
  partner: string[];
  allowed: string[];
  blocked: string[];
  orgName?: string;
}
