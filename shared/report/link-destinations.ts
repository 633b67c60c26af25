/**
 * The link destinations a report lists: where each link really goes (after provider wrappers
 * such as Safe Links are peeled off by the URL analysis), as the WHATWG URL parser serialises
 * it, deduplicated and bounded. When the host gave no rendered anchors (an .eml), links are read
 * from the HTML and text parts the same way the scanner reads them. Query strings of mailto:
 * links are dropped (they can carry body text); nothing is fetched.
 */
import type { Finding, MailAnchor, MailSnapshot } from '../model';
import { extractHtml, extractTextLinks } from '../mail/index';
import { analyzeUrl } from '../url/analyze-url';
import { cap } from './cap';
import { REPORT_LIMITS as L } from './limits';

/** Candidates looked at from each source, so a hostile message cannot make the work unbounded. */
const MAX_CANDIDATES = 2000;

export function linkDestinations(snapshot: MailSnapshot, findings: readonly Finding[]): { list: string[]; count: number } {
  const seen = new Set<string>();
  const list: string[] = [];
  const add = (href: string | undefined) => {
    if (!href) return;
    const dest = destinationOf(href);
    if (dest === undefined || seen.has(dest)) return;
    seen.add(dest);
    if (list.length < L.links) list.push(dest);
  };
  // Flagged links first, so the bound never drops the ones IT most needs.
  for (const f of findings.slice(0, MAX_CANDIDATES)) if (f?.target?.kind === 'link') add(f.target.value);
  for (const a of anchorsOf(snapshot).slice(0, MAX_CANDIDATES)) add(a?.href);
  return { list, count: seen.size };
}

function anchorsOf(snapshot: MailSnapshot): MailAnchor[] {
  if (snapshot.anchors) return snapshot.anchors;
  const out: MailAnchor[] = [];
  if (snapshot.html) out.push(...extractHtml(snapshot.html, { maxAnchors: MAX_CANDIDATES }).anchors);
  if (snapshot.text) out.push(...extractTextLinks(snapshot.text));
  return out;
}

function destinationOf(href: string): string | undefined {
  const analysis = analyzeUrl(href.trim());
  const dest = analysis.destination;
  if (!dest.ok || !dest.href) return undefined;
  if (dest.scheme === 'mailto:') return cap(`mailto:${new URL(dest.href).pathname}`, L.urlChars);
  if (dest.scheme === 'data:') return cap(dest.href, 64);
  return cap(dest.href, L.urlChars);
}
