/**
 * Builds the PreparedMessage once per scan: addresses split and classified against policy,
 * links extracted (when the host gave none), analysed with the WHATWG URL parser and unwrapped,
 * brand mentions and lure phrases found per place, texts normalised. Every list and text is
 * capped so the work stays bounded; what was cut is recorded in `truncated`.
 * Must never throw on any snapshot: callers still guard, but every field is read defensively.
 */
import type { HeaderLine, MailAddress, MailSnapshot } from '../model';
import type { Policy } from '../policy/types';
import type { BrandMention, LookalikeMatch, ProtectedName } from '../lookalike/types';
import type { UrlAnalysis } from '../url/types';
import {
  analyzeUrl,
  createBrandMatcher,
  createLookalikeIndex,
  extractHtml,
  extractTextLinks,
  hostMatchesDomain,
  normalizeDomain,
  PROTECTED_NAMES,
  readAuthentication,
  decodeHeaderText,
  registrableDomain,
  urlShownInText,
} from './deps';
import { countInvisible, normalizeForMatch } from './term-matcher';
import { actionTextMatcher, lureMatcher, type LureTheme } from '../rules/support/lexicon';
import type { DomainTrust, PolicyLists, PreparedAddress, PreparedAttachment, PreparedLink, PreparedMessage } from './prepared-message';

/** Caps that bound the work on hostile input; each documented where it bites. */
export const LIMITS = {
  /** Links analysed per message; phishing rarely needs more than a handful to show itself. */
  links: 150,
  /** Characters of HTML handed to the extractor. */
  htmlChars: 400_000,
  /** Characters of visible text kept; lure phrases sit near the top of a message. */
  textChars: 40_000,
  /** Characters of text searched for phrases and brands. */
  matchChars: 20_000,
  attachments: 100,
  headers: 400,
  /** Characters of any single field (subject, names, href) kept. */
  fieldChars: 2_000,
  recipients: 50,
} as const;

interface PolicyCache {
  lists: PolicyLists;
  protectedNames: ProtectedName[];
  brandMatcher: ReturnType<typeof createBrandMatcher>;
  lookalikeIndex: ReturnType<typeof createLookalikeIndex>;
  trustedAuthservIds: string[];
}

const cache = new WeakMap<object, PolicyCache>();

function normList(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const d = safeNormalizeDomain(item);
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

function safeNormalizeDomain(input: string): string | undefined {
  try {
    const d = normalizeDomain(input);
    return d ? d.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Policy `protectedNames` entries: `Name=domain1,domain2`, `Name` with domains, or a plain domain. */
function parseProtectedName(entry: string, i: number): ProtectedName | undefined {
  const eq = entry.indexOf('=');
  if (eq > 0) {
    const name = entry.slice(0, eq).trim();
    const domains = normList(entry.slice(eq + 1).split(/[,\s]+/));
    if (!name || domains.length === 0) return undefined;
    return { id: `policy-${i}`, names: [name], domains, category: 'org' };
  }
  const domain = entry.includes('.') ? safeNormalizeDomain(entry) : undefined;
  if (!domain) return undefined;
  const label = domain.split('.')[0] ?? domain;
  return { id: `policy-${i}`, names: label.length >= 4 ? [label] : [], domains: [domain], category: 'org' };
}

export function policyCache(policy: Policy): PolicyCache {
  const hit = cache.get(policy);
  if (hit) return hit;
  const scan = policy.scan ?? ({} as Policy['scan']);
  const lists: PolicyLists = {
    org: normList(policy.orgDomains),
    partner: normList(policy.partnerDomains),
    allowed: normList(scan.allowedDomains),
    blocked: normList(scan.blockedDomains),
    orgName: typeof policy.orgName === 'string' && policy.orgName.trim() ? policy.orgName.trim() : undefined,
  };
  const names: ProtectedName[] = [...PROTECTED_NAMES];
  if (lists.org.length > 0) {
    names.push({ id: 'org', names: lists.orgName ? [lists.orgName] : [], domains: lists.org, category: 'org' });
  }
  lists.partner.forEach((d, i) => names.push({ id: `partner-${i}`, names: [], domains: [d], category: 'partner' }));
  (Array.isArray(scan.protectedNames) ? scan.protectedNames : []).forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const p = parseProtectedName(entry, i);
    if (p) names.push(p);
  });
  const built: PolicyCache = {
    lists,
    protectedNames: names,
    brandMatcher: createBrandMatcher(names),
    lookalikeIndex: createLookalikeIndex(names),
    trustedAuthservIds: [...lists.org],
  };
  cache.set(policy, built);
  return built;
}

export function domainTrust(domain: string | undefined, lists: PolicyLists): DomainTrust {
  if (!domain) return 'other';
  const inList = (list: string[]) => list.some((d) => safeMatch(domain, d));
  if (inList(lists.blocked)) return 'blocked';
  if (inList(lists.org)) return 'org';
  if (inList(lists.partner)) return 'partner';
  if (inList(lists.allowed)) return 'allowed';
  return 'other';
}

function safeMatch(host: string, domain: string): boolean {
  try {
    return hostMatchesDomain(host, domain);
  } catch {
    return false;
  }
}

function safeRegistrable(domain: string): string {
  try {
    return registrableDomain(domain) ?? domain;
  } catch {
    return domain;
  }
}

function str(v: unknown, max: number = LIMITS.fieldChars): string {
  return typeof v === 'string' ? (v.length > max ? v.slice(0, max) : v) : '';
}

const ADDR_SPEC = /^[^\s@<>()",;:\\[\]]{1,64}@[^\s@<>()",;:\\[\]]{1,253}$/;

export function prepareAddress(addr: MailAddress | undefined, lists: PolicyLists): PreparedAddress | undefined {
  if (!addr || typeof addr !== 'object') return undefined;
  const raw = str(addr.address, 320).trim().toLowerCase();
  const name = str(addr.name, 300).trim();
  if (!raw && !name) return undefined;
  const at = raw.lastIndexOf('@');
  const local = at > 0 ? raw.slice(0, at) : raw;
  const rawDomain = at > 0 ? raw.slice(at + 1).replace(/\.$/, '') : '';
  const domain = rawDomain ? (safeNormalizeDomain(rawDomain) ?? rawDomain) : '';
  const registrable = domain ? safeRegistrable(domain) : '';
  return {
    address: raw,
    local,
    domain,
    registrable,
    name,
    trust: domainTrust(domain, lists),
    malformed: !ADDR_SPEC.test(raw) || !domain.includes('.') || !/^[a-z0-9.-]+$/.test(domain),
  };
}

function safeAnalyze(href: string): UrlAnalysis {
  try {
    return analyzeUrl(href, { maxUnwrapDepth: 4 });
  } catch {
    const failed: UrlAnalysis = { input: href, ok: false, isIp: false, isPrivateIp: false, obfuscations: [], wrappers: [], destination: undefined as unknown as UrlAnalysis };
    failed.destination = failed;
    return failed;
  }
}

function findBrands(cacheEntry: PolicyCache, text: string, includeWeak: boolean): BrandMention[] {
  if (!text) return [];
  try {
    // ™ ® © become letters under NFKC ("McAfee™" → "mcafeetm") and would hide the name.
    const plain = text.replace(/[\u2122\u00AE\u00A9\u2120]/g, ' ');
    return cacheEntry.brandMatcher.find(plain, { includeWeak, maxChars: LIMITS.matchChars });
  } catch {
    return [];
  }
}

function themeMap(text: string): Map<LureTheme, string> {
  const map = new Map<LureTheme, string>();
  for (const hit of lureMatcher().find(text, 400)) if (!map.has(hit.tag)) map.set(hit.tag, hit.term);
  return map;
}

const AUTH_HEADERS = new Set(['authentication-results', 'arc-authentication-results', 'received-spf']);

/**
 * The authentication headers, made plain before parsing: Microsoft 365 writes them as RFC 2047
 * encoded words when a value holds non-ASCII.
 */
function authHeaders(headers: readonly HeaderLine[]): HeaderLine[] {
  const out: HeaderLine[] = [];
  for (const h of headers) {
    if (!AUTH_HEADERS.has(h.name.toLowerCase())) continue;
    let value = h.value.slice(0, 8_000);
    if (value.includes('=?')) {
      try {
        value = decodeHeaderText(value);
      } catch {
        // keep the raw value
      }
    }
    out.push({ name: h.name, value });
  }
  return out;
}

export function prepareMessage(snapshot: MailSnapshot, policy: Policy): PreparedMessage {
  const pc = policyCache(policy);
  const { lists } = pc;
  const truncated: string[] = [];

  // Headers: kept in order, capped; looked up case-insensitively.
  const rawHeaders = Array.isArray(snapshot.headers) ? snapshot.headers : [];
  if (rawHeaders.length > LIMITS.headers) truncated.push('headers');
  const headers: HeaderLine[] = [];
  const headerIndex = new Map<string, string[]>();
  for (const h of rawHeaders.slice(0, LIMITS.headers)) {
    if (!h || typeof h.name !== 'string') continue;
    const line = { name: h.name, value: str(h.value, 8_000) };
    headers.push(line);
    const key = h.name.toLowerCase();
    const list = headerIndex.get(key) ?? [];
    if (list.length < 20) list.push(line.value);
    headerIndex.set(key, list);
  }

  // Body: the HTML the user sees wins over the text alternative.
  const html = str(snapshot.html, LIMITS.htmlChars);
  if (typeof snapshot.html === 'string' && snapshot.html.length > LIMITS.htmlChars) truncated.push('html');
  let bodyText = '';
  let forms: { action: string }[] = [];
  let anchors: { href: string; text: string; source: 'html' | 'text' | 'dom' }[] = [];
  const hostAnchors = Array.isArray(snapshot.anchors) ? snapshot.anchors : undefined;
  if (html) {
    try {
      const extracted = extractHtml(html, { maxChars: LIMITS.textChars, maxAnchors: LIMITS.links * 2 });
      bodyText = extracted.text;
      forms = extracted.forms.slice(0, 20);
      if (!hostAnchors) anchors = extracted.anchors.map((a) => ({ href: str(a.href), text: str(a.text, 500), source: 'html' as const }));
      if (extracted.truncated) truncated.push('html');
    } catch {
      truncated.push('html');
    }
  }
  const text = str(snapshot.text, LIMITS.textChars * 2);
  if (!bodyText) bodyText = text;
  // An HTML part that is mostly pictures can hide the words in the text alternative.
  else if (text && bodyText.length < 500 && !bodyText.includes(text.slice(0, 200))) bodyText = `${bodyText}\n${text}`;
  if (!hostAnchors && !html && text) {
    try {
      anchors = extractTextLinks(text, { maxLinks: LIMITS.links * 2 }).map((a) => ({ href: str(a.href), text: str(a.text, 500), source: 'text' as const }));
    } catch {
      truncated.push('text');
    }
  }
  if (hostAnchors) {
    anchors = hostAnchors
      .filter((a) => a && typeof a.href === 'string')
      .map((a) => ({ href: str(a.href), text: str(a.text, 500), source: a.source === 'html' || a.source === 'text' ? a.source : ('dom' as const) }));
  }
  if (bodyText.length > LIMITS.textChars) {
    bodyText = bodyText.slice(0, LIMITS.textChars);
    truncated.push('text');
  }

  // Links: deduplicated by href and text, capped, each analysed once.
  const seen = new Set<string>();
  const links: PreparedLink[] = [];
  const actions = actionTextMatcher();
  for (let anchorIndex = 0; anchorIndex < anchors.length; anchorIndex++) {
    const a = anchors[anchorIndex]!;
    const href = a.href.trim();
    if (!href || href.startsWith('#')) continue;
    const key = `${href}\u0000${a.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (links.length >= LIMITS.links) {
      truncated.push('links');
      break;
    }
    const url = safeAnalyze(href);
    const dest = url.destination ?? url;
    const textTrim = a.text.trim();
    let shown: UrlAnalysis | undefined;
    if (textTrim && a.source !== 'text') {
      try {
        shown = urlShownInText(textTrim);
      } catch {
        shown = undefined;
      }
    }
    const textNorm = normalizeForMatch(textTrim);
    links.push({
      index: links.length,
      anchorIndex,
      href,
      text: textTrim,
      source: a.source,
      url,
      dest,
      shown,
      trust: domainTrust(dest.hostname, lists),
      textNorm,
      action: textNorm.length > 0 && textNorm.length <= 80 && actions.find(textNorm, 1).length > 0,
      brands: a.source === 'text' || !textTrim ? [] : findBrands(pc, textTrim.slice(0, 300), true),
    });
  }

  // Attachments.
  const rawAtt = Array.isArray(snapshot.attachments) ? snapshot.attachments : [];
  if (rawAtt.length > LIMITS.attachments) truncated.push('attachments');
  const attachments: PreparedAttachment[] = [];
  rawAtt.slice(0, LIMITS.attachments).forEach((att, index) => {
    if (!att || typeof att !== 'object') return;
    const name = str(att.name, 1_000);
    const nameNorm = name.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, '').trim().toLowerCase();
    const dot = nameNorm.lastIndexOf('.');
    const ext = dot >= 0 ? nameNorm.slice(dot + 1).trim() : '';
    attachments.push({ index, attachment: att, nameNorm, ext });
  });

  const from = prepareAddress(snapshot.from, lists);
  const sender = prepareAddress(snapshot.sender, lists);
  const replyTo = (Array.isArray(snapshot.replyTo) ? snapshot.replyTo : []).slice(0, 10).map((a) => prepareAddress(a, lists)).filter((a): a is PreparedAddress => !!a);
  const recipients = [...(Array.isArray(snapshot.to) ? snapshot.to : []), ...(Array.isArray(snapshot.cc) ? snapshot.cc : [])]
    .slice(0, LIMITS.recipients)
    .map((a) => prepareAddress(a, lists))
    .filter((a): a is PreparedAddress => !!a);

  let auth: PreparedMessage['auth'];
  let authResultsTop = '';
  if (headers.length > 0) {
    try {
      const plainAuth = authHeaders(headers);
      authResultsTop = plainAuth.find((h) => h.name.toLowerCase() === 'authentication-results')?.value ?? '';
      auth = readAuthentication(plainAuth, pc.trustedAuthservIds);
    } catch {
      auth = undefined;
    }
  }

  const senderDomains = new Set<string>();
  if (from?.registrable) senderDomains.add(from.registrable);
  if (sender?.registrable) senderDomains.add(sender.registrable);
  if (auth) {
    for (const d of auth.dkim ?? []) if (d.result === 'pass' && d.domain) senderDomains.add(safeRegistrable(d.domain.toLowerCase()));
    if (auth.spf?.result === 'pass' && auth.spf.domain) senderDomains.add(safeRegistrable(auth.spf.domain.toLowerCase()));
  }

  const subject = str(snapshot.subject, 1_000);
  const subjectNorm = normalizeForMatch(subject);
  const bodyNorm = normalizeForMatch(bodyText.slice(0, LIMITS.matchChars));
  const header = (name: string) => headerIndex.get(name.toLowerCase()) ?? [];
  const isMailingList = LIST_HEADERS.some((h) => headerIndex.has(h)) ||
    header('precedence').some((v) => /^\s*list\b/i.test(v)) ||
    isListSender(sender);
  const listVerified = isMailingList && listAuthenticated(header, sender, auth);

  return {
    snapshot,
    from,
    sender,
    replyTo,
    recipients,
    subject,
    subjectNorm,
    bodyText,
    bodyNorm,
    links,
    forms,
    attachments,
    headers,
    hasHeaders: headers.length > 0,
    header,
    auth,
    authResultsTop,
    brands: {
      displayName: findBrands(pc, from?.name ?? '', true),
      subject: findBrands(pc, subject, true),
      linkText: links.flatMap((l) => l.brands),
      body: findBrands(pc, bodyText.slice(0, LIMITS.matchChars), false),
    },
    lures: { subject: themeMap(subjectNorm), body: themeMap(bodyNorm) },
    protectedNames: pc.protectedNames,
    lookalike(hostname: string): LookalikeMatch | undefined {
      try {
        return pc.lookalikeIndex.match(hostname);
      } catch {
        return undefined;
      }
    },
    truncated: [...new Set(truncated)],
    invisibleCount: countInvisible(bodyText.slice(0, LIMITS.matchChars)),
    senderDomains,
    isMailingList,
    listVerified,
    lists,
  };
}

/**
 * Headers list software writes: RFC 2369/2919 (List-Id, List-Post …) and the Japanese list
 * servers fml and mailman-jp (X-ML-Name, X-Mail-Count, X-MLServer, X-ML-Info, X-Sequence).
 */
const LIST_HEADERS = [
  'list-id', 'list-post', 'mailing-list', 'x-mailing-list', 'list-help',
  'x-ml-name', 'x-mail-count', 'x-mlserver', 'x-ml-server', 'x-ml-info', 'x-sequence',
];

/** A list server's own Sender address: owner-LIST@, LIST-owner@, LIST-admin@, LIST-request@, LIST-bounces@. */
function isListSender(sender: PreparedAddress | undefined): boolean {
  if (!sender || !sender.local) return false;
  return /^owner-.|.-(?:owner|admin|request|bounces?)(?:\+.*)?$/.test(sender.local);
}

/** Domains a list names itself by: List-Id (`<users.lists.example.org>`), List-Post mailto, Sender. */
function listDomains(header: (name: string) => string[], sender: PreparedAddress | undefined): string[] {
  const out: string[] = [];
  const id = /<([^<>\s]{3,255})>/.exec(header('list-id')[0] ?? '')?.[1];
  if (id && id.includes('.')) out.push(safeRegistrable(id.toLowerCase()));
  const post = /mailto:[^@<>\s]+@([a-z0-9.-]+)/i.exec(header('list-post')[0] ?? '')?.[1];
  if (post) out.push(safeRegistrable(post.toLowerCase()));
  if (sender?.registrable) out.push(sender.registrable);
  return out;
}

/**
 * The list server itself passed authentication (SPF for its bounce address or its own DKIM
 * signature) at a trusted receiver: the post really came through that list, which explains a
 * DMARC failure of the author's domain. List headers alone prove nothing — anyone can write them.
 */
function listAuthenticated(header: (name: string) => string[], sender: PreparedAddress | undefined, auth: PreparedMessage['auth']): boolean {
  if (!auth || !auth.trusted) return false;
  const passed = new Set<string>();
  if (auth.spf?.result === 'pass' && auth.spf.domain) passed.add(safeRegistrable(auth.spf.domain.toLowerCase()));
  for (const d of auth.dkim ?? []) if (d.result === 'pass' && d.domain) passed.add(safeRegistrable(d.domain.toLowerCase()));
  return listDomains(header, sender).some((d) => passed.has(d));
}
