/**
 * Sender authentication as the receiving server recorded it: Authentication-Results (RFC 8601),
 * ARC-Authentication-Results (RFC 8617) and Received-SPF (RFC 7208 §9.1), read by a small
 * tokenizer that understands comments `( … )` (nested, with escapes), quoted strings and
 * `;`-separated result entries.
 *
 * Which header counts (simple on purpose — anyone can write these headers before sending):
 * - With `trustedAuthservIds` (e.g. the organisation's own gateway, `mx.google.com`,
 *   `spf.protection.outlook.com` …): only headers whose authserv-id equals one of them or is a
 *   subdomain of one; the newest (top-most) such header wins, later ones fill methods it lacks.
 *   The summary says `trusted: true`. When none matches, the untrusted reading below is used.
 * - Without it: the newest (top-most) Authentication-Results header only — the one the last
 *   receiving server most likely added — and `trusted: false`. Headers further down were
 *   added earlier on the path, possibly by the sender, and are ignored.
 * - No Authentication-Results at all: the ARC-Authentication-Results of the highest instance,
 *   then the top-most Received-SPF for SPF alone (`source: 'received-spf'`).
 *
 * Must never: throw, or treat a comment's text as a result.
 */
import type { HeaderLine } from '../model';

export type AuthValue = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'unknown';

export interface AuthSummary {
  spf?: { result: AuthValue; domain?: string };
  dkim?: { result: AuthValue; domain?: string }[];
  dmarc?: { result: AuthValue; domain?: string };
  authservId?: string;
  source: 'authentication-results' | 'received-spf' | 'none';
  trusted: boolean;
}

/** Header values longer than this are cut before tokenizing (real ones are < 2 kB). */
const MAX_VALUE_CHARS = 16_384;
/** Result entries read per header. */
const MAX_ENTRIES = 64;

const VALUES: Record<string, AuthValue> = {
  pass: 'pass',
  fail: 'fail',
  hardfail: 'fail',
  softfail: 'softfail',
  neutral: 'neutral',
  none: 'none',
  temperror: 'temperror',
  permerror: 'permerror',
  policy: 'policy',
};

/** Reads the result word as written ('Pass', 'FAIL' …); anything else is 'unknown'. */
function authValue(word: string | undefined): AuthValue {
  return (word !== undefined && VALUES[word.toLowerCase()]) || 'unknown';
}

export type AuthToken = { kind: 'word'; text: string } | { kind: 'semi' } | { kind: 'equals' };

/** Splits a header value into words, `;` and `=`, dropping comments and whitespace. */
export function tokenizeAuthHeader(value: string): AuthToken[] {
  const tokens: AuthToken[] = [];
  const text = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '(') {
      let depth = 0;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) {
          i++;
          break;
        }
      }
    } else if (c === ')') {
      // A stray closing parenthesis outside any comment (seen in RFC 2047-encoded values):
      // skip it, or the word branch below would never advance.
      i++;
    } else if (c === ';') {
      tokens.push({ kind: 'semi' });
      i++;
    } else if (c === '=') {
      tokens.push({ kind: 'equals' });
      i++;
    } else if (c === '"') {
      let word = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        word += text[i];
      }
      i++;
      tokens.push({ kind: 'word', text: word });
    } else {
      let j = i;
      while (j < text.length && !' \t\r\n();="'.includes(text[j]!)) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

export interface AuthResultEntry {
  method: string;
  result: AuthValue;
  props: Map<string, string>;
}

export interface ParsedAuthResults {
  authservId?: string;
  instance?: number;
  entries: AuthResultEntry[];
}

/** Parses one Authentication-Results or ARC-Authentication-Results value. */
export function parseAuthResultsValue(value: string, arc = false): ParsedAuthResults {
  const groups: AuthToken[][] = [[]];
  for (const token of tokenizeAuthHeader(value)) {
    if (token.kind === 'semi') groups.push([]);
    else groups[groups.length - 1]!.push(token);
  }
  const out: ParsedAuthResults = { entries: [] };
  let g = 0;
  if (arc) {
    // ARC: "i=N; authserv-id; results"
    const first = groups[0] ?? [];
    if (first[0]?.kind === 'word' && first[0].text.toLowerCase() === 'i' && first[2]?.kind === 'word') {
      const n = Number(first[2].text);
      if (Number.isInteger(n)) out.instance = n;
      g = 1;
    }
  }
  const idGroup = groups[g] ?? [];
  // The authserv-id is a lone word (optionally followed by a version number). Some servers
  // (Exchange Online) omit it and start with "spf=pass": then the first group is a result.
  if (idGroup[0]?.kind === 'word' && idGroup[1]?.kind !== 'equals') {
    out.authservId = idGroup[0].text.toLowerCase();
    g++;
  }
  for (; g < groups.length && out.entries.length < MAX_ENTRIES; g++) {
    const entry = readEntry(groups[g]!);
    if (entry) out.entries.push(entry);
  }
  return out;
}

function readEntry(tokens: AuthToken[]): AuthResultEntry | undefined {
  const method = tokens[0];
  const result = tokens[2];
  if (method?.kind !== 'word' || tokens[1]?.kind !== 'equals' || result?.kind !== 'word') return undefined;
  const entry: AuthResultEntry = { method: method.text.toLowerCase().split('/')[0]!, result: authValue(result.text), props: new Map() };
  for (let i = 3; i + 2 < tokens.length; i++) {
    const key = tokens[i];
    const value = tokens[i + 2];
    if (key?.kind === 'word' && tokens[i + 1]?.kind === 'equals' && value?.kind === 'word') {
      const name = key.text.toLowerCase();
      if (!entry.props.has(name)) entry.props.set(name, value.text);
      i += 2;
    }
  }
  return entry;
}

function domainOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const at = value.lastIndexOf('@');
  const domain = (at >= 0 ? value.slice(at + 1) : value).trim().replace(/^<|>$/g, '').toLowerCase();
  return domain === '' ? undefined : domain;
}

function isTrustedId(id: string | undefined, trusted: readonly string[]): boolean {
  if (id === undefined) return false;
  return trusted.some((t) => {
    const base = t.trim().toLowerCase();
    return base !== '' && (id === base || id.endsWith(`.${base}`));
  });
}

function summarize(headers: ParsedAuthResults[], summary: AuthSummary): void {
  for (const header of headers) {
    let dkimHere = false;
    for (const e of header.entries) {
      if (e.method === 'spf' && !summary.spf) {
        const domain = domainOf(e.props.get('smtp.mailfrom') ?? e.props.get('smtp.helo'));
        summary.spf = domain ? { result: e.result, domain } : { result: e.result };
      } else if (e.method === 'dkim' && (summary.dkim === undefined || dkimHere)) {
        const domain = domainOf(e.props.get('header.d') ?? e.props.get('header.i'));
        (summary.dkim ??= []).push(domain ? { result: e.result, domain } : { result: e.result });
        dkimHere = true;
      } else if (e.method === 'dmarc' && !summary.dmarc) {
        const domain = domainOf(e.props.get('header.from'));
        summary.dmarc = domain ? { result: e.result, domain } : { result: e.result };
      }
    }
  }
}

export function readAuthentication(headers: readonly HeaderLine[], trustedAuthservIds?: readonly string[]): AuthSummary {
  try {
    return read(Array.isArray(headers) ? headers : [], Array.isArray(trustedAuthservIds) ? trustedAuthservIds : undefined);
  } catch {
    return { source: 'none', trusted: false };
  }
}

function read(headers: readonly HeaderLine[], trustedIds: readonly string[] | undefined): AuthSummary {
  const ar: ParsedAuthResults[] = [];
  const arc: ParsedAuthResults[] = [];
  let receivedSpf: string | undefined;
  for (const h of headers) {
    if (typeof h?.name !== 'string' || typeof h.value !== 'string') continue;
    const name = h.name.trim().toLowerCase();
    if (name === 'authentication-results') ar.push(parseAuthResultsValue(h.value));
    else if (name === 'arc-authentication-results') arc.push(parseAuthResultsValue(h.value, true));
    else if (name === 'received-spf' && receivedSpf === undefined) receivedSpf = h.value;
  }
  // Newest ARC instance first.
  arc.sort((a, b) => (b.instance ?? 0) - (a.instance ?? 0));

  const summary: AuthSummary = { source: 'none', trusted: false };
  const trusted = trustedIds && trustedIds.length > 0 ? [...ar, ...arc].filter((h) => isTrustedId(h.authservId, trustedIds)) : [];
  let chosen: ParsedAuthResults[] = [];
  if (trusted.length > 0) {
    chosen = trusted;
    summary.trusted = true;
  } else if (ar[0]) {
    chosen = [ar[0]];
  } else if (arc[0]) {
    chosen = [arc[0]];
  }
  if (chosen[0]) {
    summary.source = 'authentication-results';
    if (chosen[0].authservId !== undefined) summary.authservId = chosen[0].authservId;
    summarize(chosen, summary);
  }
  if (!summary.spf && receivedSpf !== undefined && !summary.trusted) {
    const spf = readReceivedSpf(receivedSpf);
    if (spf) {
      summary.spf = spf;
      if (summary.source === 'none') summary.source = 'received-spf';
    }
  }
  return summary;
}

/** `Received-SPF: pass (comment) client-ip=…; envelope-from=…; helo=…` */
function readReceivedSpf(value: string): { result: AuthValue; domain?: string } | undefined {
  const tokens = tokenizeAuthHeader(value);
  const first = tokens[0];
  if (first?.kind !== 'word') return undefined;
  const props = new Map<string, string>();
  for (let i = 1; i + 2 < tokens.length; i++) {
    const key = tokens[i];
    const v = tokens[i + 2];
    if (key?.kind === 'word' && tokens[i + 1]?.kind === 'equals' && v?.kind === 'word') {
      props.set(key.text.toLowerCase(), v.text);
      i += 2;
    }
  }
  const domain = domainOf(props.get('envelope-from') ?? props.get('helo'));
  const result = authValue(first.text);
  return domain ? { result, domain } : { result };
}
