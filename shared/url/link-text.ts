/**
 * Reads a link's visible text as a URL or bare domain when it presents one
 * (`https://www.smbc-card.com/`, `www.amazon.co.jp`, `ａｍａｚｏｎ．ｃｏ．ｊｐ/login`), so rules can
 * compare what the reader is shown with where the link goes. Text, not markup: the caller passes
 * textContent. Bounded (texts over 2,048 characters are ignored) and never throws.
 *
 * Choices:
 * - The text is NFKC-normalised first, because the reader sees `ｈｔｔｐｓ：／／` as `https://`.
 * - A text with a scheme may sit inside a sentence (`ログイン: https://…`): the first `http(s)://`
 *   token is taken. A bare domain counts only when it is the whole text (after brackets and
 *   trailing punctuation), since words with dots appear in ordinary sentences.
 * - A bare domain needs an ICANN public suffix and a registrable domain (tldts), and no `@`
 *   (e-mail addresses shown for `mailto:` links are not URLs).
 * - File names: `report.pdf` has no ICANN suffix and is ignored anyway, but many extensions are
 *   also TLDs (`detector.sv`, `setup.zip`, `main.py`, `board.inc`). A bare text with no `www.` and
 *   no path therefore counts only when its suffix has two labels (`co.jp`, `com.br`) or is one of
 *   the common web TLDs below; with `www.` or a path any ICANN suffix counts, except the few
 *   extensions that read as a file name after a single name (`setup.zip`).
 * - The reserved names `.example` and `.test` (RFC 2606) count like an ICANN suffix: no real
 *   site uses them, and synthetic test mail does.
 * - Shown URLs are unwrapped like links (a text showing a Safe Links URL shows its target).
 */
import { parse as parseDomain } from 'tldts';
import type { UrlAnalysis } from './types';
import { analyzeUrl } from './analyze-url';

const MAX_TEXT_LENGTH = 2048;

/**
 * Common file extensions that are also TLDs: alone after a single name they read as a file.
 * Kept short on purpose: `.ai`, `.so`, `.cc`, `.app`, `.pl` are mostly real sites in mail.
 */
const FILE_EXTENSION_TLDS = new Set(['zip', 'mov', 'sh', 'py', 'md', 'ps']);

/** TLDs that a bare `name.tld` text is read as a web address for. */
const COMMON_BARE_TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'jp', 'io', 'co', 'me', 'us', 'uk', 'de', 'fr', 'it', 'es', 'nl', 'eu', 'ru', 'cn',
  'kr', 'tw', 'hk', 'br', 'au', 'ca', 'in', 'edu', 'gov', 'xyz', 'top', 'online', 'site', 'shop', 'store', 'app', 'dev',
  'ai', 'tv', 'ly', 'to', 'live', 'club', 'icu', 'vip', 'cc', 'ws', 'link', 'click', 'tokyo', 'pt', 'mx', 'ch', 'se',
]);

/** Reserved for documentation and testing (RFC 2606); treated as web suffixes. */
const RESERVED_TEST_TLDS = new Set(['example', 'test']);

const OPENING = '<([{「『【（［〈《"\'“‘';
const CLOSING = '>)]}」』】）］〉》"\'”’';
const TRAILING_PUNCTUATION = '.,;:!?。、，．：；！？…';

function stripWrapping(text: string): string {
  let t = text.trim();
  for (let guard = 0; guard < 4 && t.length >= 2; guard++) {
    const open = OPENING.indexOf(t[0] ?? '');
    if (open >= 0 && t.endsWith(CLOSING[open] ?? '\u0000')) t = t.slice(1, -1).trim();
    else break;
  }
  while (t.length > 0 && TRAILING_PUNCTUATION.includes(t[t.length - 1] ?? '')) t = t.slice(0, -1);
  return t;
}

function schemeToken(text: string): string | undefined {
  const lower = text.toLowerCase();
  const index = Math.min(...['http://', 'https://'].map((s) => lower.indexOf(s)).map((i) => (i < 0 ? Infinity : i)));
  if (!Number.isFinite(index)) return undefined;
  let end = index;
  while (end < text.length && !/\s/.test(text[end] ?? '')) end++;
  return stripWrapping(text.slice(index, end));
}

function isIpv4Text(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

function labelsBefore(hostname: string, suffix: string): number {
  if (hostname.length <= suffix.length) return 0;
  return hostname.slice(0, -suffix.length - 1).split('.').filter((label) => label !== '').length;
}

/** The URL a link's visible text shows, analysed; undefined when the text does not present one. */
export function urlShownInText(text: string): UrlAnalysis | undefined {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return undefined;
  // Most link texts are words (`こちら`, `Click here`): no dot and no slash, no address.
  if (!/[.\/\u3002\uff0e\uff61\uff0f]/.test(text)) return undefined;
  const normalised = text.normalize('NFKC');
  const withScheme = schemeToken(normalised);
  if (withScheme !== undefined) {
    const analysis = analyzeUrl(withScheme);
    return analysis.ok && analysis.hostname ? analysis : undefined;
  }

  const bare = stripWrapping(normalised);
  if (bare === '' || /\s/.test(bare) || bare.includes('@') || bare.includes(':') && !/^[^:/]+:\d+(\/|$)/.test(bare)) return undefined;
  const slash = bare.search(/[/?#]/);
  const hostText = (slash < 0 ? bare : bare.slice(0, slash)).replace(/:\d+$/, '');
  if ((!hostText.includes('.') && !hostText.includes('。')) || hostText.includes('_')) return undefined;
  const analysis = analyzeUrl(`https://${bare}`);
  if (!analysis.ok || !analysis.hostname || analysis.hostname.startsWith('.')) return undefined;
  if (isIpv4Text(hostText)) return analysis.isIp ? analysis : undefined;
  const info = parseDomain(analysis.hostname, { extractHostname: false });
  const suffix = info.publicSuffix ?? '';
  const reserved = RESERVED_TEST_TLDS.has(suffix) && labelsBefore(analysis.hostname, suffix) > 0;
  if (!reserved && (!info.isIcann || !info.domain)) return undefined;
  const labels = analysis.hostname.split('.');
  const hasWww = labels[0] === 'www';
  if (slash < 0 && !hasWww && !reserved && !suffix.includes('.') && !COMMON_BARE_TLDS.has(suffix)) return undefined;
  const looksLikeFileName = slash < 0 && labels.length === 2 && !hasWww && FILE_EXTENSION_TLDS.has(suffix);
  return looksLikeFileName ? undefined : analysis;
}
