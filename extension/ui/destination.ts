/**
 * What the warning page shows about a link: where the browser would really go (wrappers such
 * as Safe Links peeled off, offline), split so the registrable domain can be emphasised, and the
 * Unicode form beside the punycode when they differ. Decisions come from analyzeUrl (WHATWG URL
 * parser + tldts); nothing here parses URLs by hand.
 */
import { analyzeUrl } from '../../shared/url/analyze-url';

export interface DestinationView {
  ok: boolean;
  /** The href as written in the mail. */
  written: string;
  /** The serialised final destination (after unwrapping). */
  href: string;
  /** `href` in three parts: before the registrable domain, the domain, after it. */
  parts: { before: string; domain: string; after: string };
  registrableDomain?: string;
  hostname?: string;
  unicodeHostname?: string;
  /** Wrappers peeled off, outermost first. */
  wrappers: string[];
  /** True for http(s): the only schemes 「それでも開く」 may navigate to. */
  webScheme: boolean;
}

export function describeDestination(written: string): DestinationView {
  const analysis = analyzeUrl(written);
  const dest = analysis.ok ? analysis.destination ?? analysis : analysis;
  const href = dest.href ?? written;
  const hostname = dest.hostname;
  const domain = dest.registrableDomain ?? hostname;
  let parts = { before: href, domain: '', after: '' };
  if (dest.ok && hostname && domain) {
    // In the serialised URL the host starts after "scheme://" and the last "@" of the authority
    // (userinfo may itself look like a host: https://bank.example@evil.example/).
    const authorityStart = href.indexOf('//') + 2;
    let authorityEnd = href.length;
    for (const stop of ['/', '?', '#']) {
      const at = href.indexOf(stop, authorityStart);
      if (at >= 0 && at < authorityEnd) authorityEnd = at;
    }
    const at = href.lastIndexOf('@', authorityEnd);
    const hostStart = at >= authorityStart ? at + 1 : authorityStart;
    if (authorityStart >= 2 && href.startsWith(hostname, hostStart)) {
      const domainStart = hostStart + hostname.length - domain.length;
      parts = {
        before: href.slice(0, domainStart),
        domain: href.slice(domainStart, hostStart + hostname.length),
        after: href.slice(hostStart + hostname.length),
      };
    }
  }
  return {
    ok: analysis.ok,
    written,
    href,
    parts,
    registrableDomain: dest.registrableDomain,
    hostname,
    unicodeHostname: dest.unicodeHostname && dest.unicodeHostname !== hostname ? dest.unicodeHostname : undefined,
    wrappers: analysis.wrappers ?? [],
    webScheme: dest.scheme === 'https:' || dest.scheme === 'http:',
  };
}
