/**
 * Finds hostnames that imitate a protected name's domains: same confusable skeleton
 * (`rnicrosoft.com`, `micros0ft.com`, Cyrillic `аррӏе.com`), one edit away (`amazom.co.jp`), or
 * carrying the brand's label inside an unrelated domain (`smbc-card-security.xyz`,
 * `amazon.co.jp.login-check.top`). A brand's own domains, their subdomains and the brand's
 * related domains are never matched. Built once per name list; each lookup is a few map probes
 * and a bounded scan over the brand labels. Input is the parser's ASCII hostname.
 */
import { parse as parseDomain } from 'tldts';
import type { LookalikeMatch, ProtectedName } from './types';
import { canonicalHostname } from '../url/domains';
import { isIpHostname } from '../url/ip';
import { toUnicodeHostname } from '../url/punycode';
import { skeleton } from './skeleton';
import { isMixedScriptHomograph } from './homograph';

export interface LookalikeIndex {
  /** The protected name `hostname` imitates, or undefined. */
  match(hostname: string): LookalikeMatch | undefined;
}

/**
 * Labels of protected domains that are ordinary words or too short to be distinctive: they are
 * only compared by confusable skeleton of the whole domain, never embedded, suffix-swapped or
 * edit-distanced (`office`, `live`, `line`, `global` in global.jcb, `digital` in digital.go.jp …).
 */
const GENERIC_LABELS = new Set([
  'global', 'cloud', 'live', 'office', 'outlook', 'me', 'mac', 'meta', 'line', 'visa', 'chase', 'ledger', 'norton',
  'ups', 'au', 'bb', 'npa', 'digital', 'messenger', 'teams', 'windows', 'card', 'bank', 'mobile', 'japan', 'online',
  'secure', 'login', 'meisai', 'smile', 'apps', 'post', 'exp', 'sec', 'life', 'pay', 'net', 'web', 'mail', 'app',
  'finance', 'aka', 'bing', 'msn', 'skype', 'db', 'we', 'fb', 'hd', 'fg', 'sc', 'co', 'jp', 'com', 'www',
  'tokyo', 'osaka', 'central', 'east', 'west', 'express', 'gas', 'steam', 'spotify', 'med', 'nurse',
]);

/** Common words one edit away from a brand label; never reported by edit distance. */
const EDIT_DISTANCE_EXCEPTIONS = new Set(['finance', 'yamate', 'nenkan', 'mobile']);

/**
 * Brand labels and label words that are also common Japanese words, places or surnames (大和,
 * 瑞穂, 佐川, 野村, 年金, 総務, 国保): clinics, companies and public bodies use them in their own
 * domains (`tokyo-kokuhoren.or.jp`). They are matched as whole words only, and as weak evidence.
 */
const COMMON_WORD_LABELS = new Set(['yamato', 'mizuho', 'sagawa', 'nomura', 'nenkin', 'soumu', 'kokuho', 'nifty', 'chuden']);

const MIN_EDIT_DISTANCE_LENGTH = 6;
const MIN_SUBSTRING_LENGTH = 6;
const MIN_TOKEN_LENGTH = 3;
const MIN_LABEL_SKELETON_LENGTH = 5;

interface BrandLabel {
  brand: ProtectedName;
  domain: string;
  /** Registrable label without suffix, e.g. `smbc-card`. */
  label: string;
  labelSkeleton: string;
  tokens: string[];
  /** A word that is also ordinary Japanese (a place, a surname): matches on it are weak. */
  weak?: boolean;
  /** Matched as a whole hyphen-separated word only, never as a substring. */
  wordOnly?: boolean;
}

/** Optimal string alignment distance ≤ 1 (one substitution, insertion, deletion or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // adjacent swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function splitTokens(label: string): string[] {
  return label.split(/[-_]+/).filter((t) => t !== '');
}

/** Index of `needle` as a contiguous run inside `haystack`, or -1. */
function findTokenRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function labelOf(domain: string): { label: string; registrable: string } | undefined {
  const info = parseDomain(domain, { allowPrivateDomains: false, extractHostname: false });
  if (!info.domain || info.domainWithoutSuffix === null || !info.publicSuffix) return undefined;
  return { label: info.domainWithoutSuffix, registrable: info.domain };
}

export function createLookalikeIndex(names: readonly ProtectedName[]): LookalikeIndex {
  /** Own domains → brand (the own check walks the hostname's suffixes). */
  const owned = new Map<string, ProtectedName>();
  /**
   * Related domains (the brand's infrastructure): a host whose registrable domain is one of these
   * is not judged (`lh3.googleusercontent.com`), but sites users create under them are, because
   * their registrable domain is their own (`paypal-login.appspot.com`, `x.blob.core.windows.net`).
   */
  const related = new Set<string>();
  /** Skeleton of each protected registrable domain → its entry. */
  const byDomainSkeleton = new Map<string, BrandLabel>();
  /** Skeleton of each distinctive label → entries. */
  const byLabelSkeleton = new Map<string, BrandLabel[]>();
  /** Exact label → entries (suffix swaps). */
  const byLabel = new Map<string, BrandLabel[]>();
  /** Full protected domains as label sequences, for `amazon.co.jp.evil.top`. */
  const fullDomains: { labels: string[]; entry: BrandLabel }[] = [];
  /** Distinctive labels and tokens for embedding and edit distance. */
  const distinctive: BrandLabel[] = [];
  /** Non-Latin names (アマゾン, 楽天カード) as skeletons, for Unicode domain labels. */
  const scriptNames: { name: string; brand: ProtectedName; domain: string }[] = [];

  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  for (const brand of names) {
    for (const raw of brand.domains) {
      const domain = canonicalHostname(raw);
      if (domain !== '' && !owned.has(domain)) owned.set(domain, brand);
    }
    for (const raw of brand.relatedDomains ?? []) related.add(canonicalHostname(raw));
    for (const raw of brand.domains) {
      const domain = canonicalHostname(raw);
      const parts = labelOf(domain);
      const entry: BrandLabel = {
        brand,
        domain,
        label: parts?.label ?? domain,
        labelSkeleton: skeleton(parts?.label ?? domain),
        tokens: splitTokens(parts?.label ?? domain),
      };
      if (domain.includes('.')) fullDomains.push({ labels: domain.split('.'), entry });
      // Labels are compared only for registrable domains: a protected `hospital.example.jp` must not
      // make every `example-….com` a look-alike.
      if (!parts || parts.registrable !== domain) continue;
      byDomainSkeleton.set(skeleton(domain), entry);
      if (GENERIC_LABELS.has(entry.label) || entry.label.length < MIN_TOKEN_LENGTH) continue;
      push(byLabel, entry.label, entry);
      if (entry.labelSkeleton.length >= MIN_LABEL_SKELETON_LENGTH) push(byLabelSkeleton, entry.labelSkeleton, entry);
      if (COMMON_WORD_LABELS.has(entry.label)) {
        entry.weak = true;
        entry.wordOnly = true;
      }
      distinctive.push(entry);
      // The distinctive first word of a compound label stands for the brand too (`sagawa` of
      // sagawa-exp), as a whole word only: later words are mostly ordinary (`central`, `card`).
      const first = entry.tokens[0] ?? '';
      if (entry.tokens.length > 1 && first.length >= 5 && !GENERIC_LABELS.has(first)) {
        distinctive.push({ ...entry, label: first, labelSkeleton: skeleton(first), tokens: [first], weak: COMMON_WORD_LABELS.has(first), wordOnly: true });
      }
    }
    for (const name of [...brand.names]) {
      if (/[^\u0000-\u024f\s]/.test(name) && name.length >= 2) {
        scriptNames.push({ name: skeleton(name), brand, domain: canonicalHostname(brand.domains[0] ?? '') });
      }
    }
  }
  const allBrandLabels = new Set(distinctive.map((e) => e.label));

  const isOwned = (host: string): boolean => {
    let h = host;
    for (;;) {
      if (owned.has(h)) return true;
      const dot = h.indexOf('.');
      if (dot < 0) return false;
      h = h.slice(dot + 1);
    }
  };

  const result = (entry: BrandLabel, reason: LookalikeMatch['reason'], unicodeLabel: string, weak = false): LookalikeMatch => {
    const match: LookalikeMatch = {
      brand: entry.brand,
      imitated: entry.domain,
      reason: (reason === 'skeleton' || reason === 'edit-distance') && isMixedScriptHomograph(unicodeLabel) ? 'homograph' : reason,
    };
    if (weak || entry.weak) match.weak = true;
    return match;
  };

  // Messages repeat hosts (a newsletter's twenty links to one tracker): remember recent answers.
  const cache = new Map<string, LookalikeMatch | null>();
  const CACHE_SIZE = 4096;

  const matchUncached = (host: string): LookalikeMatch | undefined => {
    if (isIpHostname(host) || isOwned(host)) return undefined;
    const info = parseDomain(host, { allowPrivateDomains: true, extractHostname: false });
    if (!info.domain || info.domainWithoutSuffix === null || !info.publicSuffix) return undefined;
    if (related.has(info.domain)) return undefined;
    const registrable = info.domain;
    const label = info.domainWithoutSuffix;
    const unicodeRegistrable = toUnicodeHostname(registrable);
    const unicodeLabel = toUnicodeHostname(label);

    // 1. The whole registrable domain looks the same as a protected one.
    const sameLooking = byDomainSkeleton.get(skeleton(unicodeRegistrable));
    if (sameLooking && sameLooking.domain !== registrable) return result(sameLooking, 'skeleton', unicodeLabel);

    // 2. The label looks the same as a distinctive brand label, on any suffix.
    const labelSkeleton = skeleton(unicodeLabel);
    const sameLabel = byLabelSkeleton.get(labelSkeleton)?.find((e) => e.label !== label);
    if (sameLabel) return result(sameLabel, 'skeleton', unicodeLabel);

    // 3. A whole protected domain written inside the subdomain part (`www.mhlw.go.jp.example.com`).
    const subLabels = info.subdomain ? info.subdomain.split('.') : [];
    if (subLabels.length > 0) {
      for (const { labels, entry } of fullDomains) {
        if (labels.length <= subLabels.length && findTokenRun(subLabels, labels) >= 0) return result(entry, 'brand-label', unicodeLabel);
      }
    }

    // 4. The brand's own label on a suffix the brand does not use (`smbc-card.net`).
    const swapped = byLabel.get(label)?.find((e) => !e.brand.ownsOtherSuffixes);
    if (swapped) return result(swapped, 'brand-label', unicodeLabel);
    if (byLabel.has(label)) return undefined; // a global brand's country site, or another brand's own label

    // 5. The brand label embedded in another label: as whole tokens, or as a substring when long.
    const tokens = splitTokens(unicodeLabel);
    for (const entry of distinctive) {
      if (findTokenRun(tokens, entry.tokens) >= 0) return result(entry, 'brand-label', unicodeLabel);
    }
    for (const entry of distinctive) {
      if (!entry.wordOnly && entry.label.length >= MIN_SUBSTRING_LENGTH && unicodeLabel.includes(entry.label)) return result(entry, 'brand-label', unicodeLabel);
    }

    // 6. One edit away from a long brand label (`amazom`, `rakuteen`, `paypai`).
    if (
      labelSkeleton.length >= MIN_EDIT_DISTANCE_LENGTH &&
      !EDIT_DISTANCE_EXCEPTIONS.has(label) &&
      !GENERIC_LABELS.has(label) &&
      !allBrandLabels.has(label)
    ) {
      for (const entry of distinctive) {
        if (entry.labelSkeleton.length >= MIN_EDIT_DISTANCE_LENGTH && withinOneEdit(labelSkeleton, entry.labelSkeleton)) {
          return result(entry, 'edit-distance', unicodeLabel);
        }
      }
    }

    // 7. A distinctive brand label as a subdomain word (`paypal.secure-check.top`, `smbc-card.verify-login.example`).
    for (const sub of subLabels) {
      const subTokens = splitTokens(sub);
      for (const entry of distinctive) {
        // One word (`apple.slashdot.org`, `docomo-fan.…`) is weak evidence; a compound brand label
        // (`smbc-card.verify-login.example`) is specific enough to count in full.
        if (entry.label.length >= 4 && findTokenRun(subTokens, entry.tokens) >= 0) {
          return result(entry, 'brand-label', unicodeLabel, entry.tokens.length === 1);
        }
      }
    }

    // 8. A Japanese brand name inside a Unicode label (`アマゾン-amazon.jp`, `楽天カード.com`).
    if (unicodeLabel !== label) {
      for (const { name, brand, domain } of scriptNames) {
        if (labelSkeleton.includes(name)) return { brand, imitated: domain, reason: 'brand-label' };
      }
    }
    return undefined;
  };

  return {
    match(hostname: string): LookalikeMatch | undefined {
      if (typeof hostname !== 'string' || hostname === '' || hostname.length > 253) return undefined;
      const host = canonicalHostname(hostname);
      const cached = cache.get(host);
      if (cached !== undefined) return cached ?? undefined;
      let found: LookalikeMatch | undefined;
      try {
        found = matchUncached(host);
      } catch {
        found = undefined; // defensive: a lookup must never throw into a scan
      }
      if (cache.size >= CACHE_SIZE) cache.clear();
      cache.set(host, found ?? null);
      return found;
    },
  };
}
