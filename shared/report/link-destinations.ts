/**
 * The link destinations a report lists: where each link really goes (after provider wrappers
 * such as Safe Links are peeled off), as the WHATWG URL parser serialises it, deduplicated and
 * bounded. Query strings of mailto: links are dropped (they can carry body text).
 */
import type { Finding, MailSnapshot } from '../model';
import { REPORT_LIMITS as L } from './limits';
import { cap } from './cap';

/** Candidates looked at from each source, so a hostile message cannot make the count unbounded work. */
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
  for (const a of (snapshot.anchors ?? []).slice(0, MAX_CANDIDATES)) add(a?.href);
  return { list, count: seen.size };
}

function destinationOf(href: string): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || !URL.canParse(trimmed)) return undefined;
  const url = unwrap(new URL(trimmed));
  if (url.protocol === 'mailto:') return cap(`mailto:${url.pathname}`, L.urlChars);
  if (url.protocol === 'data:') return cap(url.href, 64);
  return cap(url.href, L.urlChars);
}

/** Provider wrappers whose destination sits in one query parameter, by registrable host suffix. */
const WRAPPERS: readonly { host: RegExp; param: string }[] = [
  { host: /(^|\.)safelinks\.protection\.outlook\.com$/, param: 'url' },
  { host: /^(www\.)?google\.[a-z.]+$/, param: 'q' },
  { host: /^(www\.)?google\.[a-z.]+$/, param: 'url' },
];

/** Peel known wrappers (bounded depth); the scanner's URL analysis does the full job. */
function unwrap(url: URL): URL {
  let current = url;
  for (let depth = 0; depth < 5; depth++) {
    const w = WRAPPERS.find((w) => w.host.test(current.hostname) && current.searchParams.has(w.param) && (w.param !== 'q' || current.pathname === '/url'));
    if (!w) break;
    const inner = current.searchParams.get(w.param) ?? '';
    if (!URL.canParse(inner)) break;
    current = new URL(inner);
  }
  return current;
}
