/**
 * What the URL analyser says about one link. Every field is derived from the WHATWG URL parser
 * (what a browser would navigate to) and tldts on the parsed hostname — never from string
 * splitting of the written text.
 */

/** Tricks noticed in the written form that change where the browser goes or what the user reads. */
export type UrlObfuscation =
  | 'backslash' // `\` the browser treats as `/`
  | 'fullwidth' // fullwidth letters, ／, ＠, ．, ： normalised by the parser
  | 'ideographic-dot' // 。．｡ as label separators
  | 'percent-host' // percent-encoded characters in the host
  | 'numeric-ip' // hex, octal or integer IPv4 forms
  | 'invisible' // soft hyphen, zero-width, bidi controls and similar
  | 'control-whitespace' // tabs/newlines/leading spaces the parser strips (e.g. `java\nscript:`)
  | 'punycode' // an xn-- label
  | 'userinfo'; // credentials part before the host (`user@host`)

export interface UrlAnalysis {
  /** The href exactly as written. */
  input: string;
  /** True when the WHATWG parser accepted it as an absolute URL. */
  ok: boolean;
  /** Serialised URL as the parser produced it. */
  href?: string;
  /** Scheme with colon, lower case: `https:`, `http:`, `mailto:`, `javascript:` … */
  scheme?: string;
  /** ASCII hostname from the parser (IDN as punycode, IPv4 canonicalised, IPv6 in brackets). */
  hostname?: string;
  /** The hostname with punycode labels decoded, for display and look-alike checks. */
  unicodeHostname?: string;
  /** Registrable domain (eTLD+1, private suffixes honoured) of the hostname; absent for IPs. */
  registrableDomain?: string;
  /** True for IPv4 or IPv6 hosts. */
  isIp: boolean;
  /** True for loopback, private (RFC 1918), link-local and similar non-public addresses. */
  isPrivateIp: boolean;
  /** Username and password part, when present. */
  userinfo?: string;
  port?: string;
  pathname?: string;
  search?: string;
  obfuscations: UrlObfuscation[];
  /** Wrapper names peeled off, outermost first (`safelinks`, `google-url`, `urldefense-v2` …). */
  wrappers: string[];
  /** For a wrapped link, the analysis of the innermost destination; otherwise this same object. */
  destination: UrlAnalysis;
  /**
   * Set when the destination is a rewriting service whose real target cannot be recovered offline
   * (e.g. `mimecast`): the destination is then the wrapper's own URL, and rules must not treat its
   * host as the place the link really leads to.
   */
  opaqueWrapper?: string;
  /** True when unwrapping stopped at the depth cap with a wrapper still left to peel. */
  unwrapTruncated?: boolean;
}
