/**
 * Checks and normalisation for the string formats policy values use (`x-kokoroe-format` in
 * policy-schema.json): ISO-8601 instants, domains, mail addresses, report endpoints, origins,
 * versions, free text. Each returns a value or an error pair (en, ja); none throws, none uses a
 * regex with nested quantifiers, and every input is length-checked by the caller first.
 * URLs and host names go through the WHATWG URL parser and tldts only — never string surgery.
 */
import { parse as parseDomain } from 'tldts';

export type FormatResult = { ok: true; value: string } | { ok: false; en: string; ja: string };

const fail = (en: string, ja: string): FormatResult => ({ ok: false, en, ja });
const pass = (value: string): FormatResult => ({ ok: true, value });

/**
 * Tolerated clock skew between the machine that wrote a date and the one reading it. A fact dated
 * up to 5 minutes "in the future" is accepted (clocks drift, and tooling writes in UTC while the
 * reader may be a little behind); anything later is treated as invalid, never as fresh.
 */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

// Calendar date, optionally a time, and then a zone is required: an instant without a zone means
// different things on different machines, so it is rejected rather than guessed.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2}))?$/;

/** Milliseconds since the epoch for an ISO-8601 date or date-time with zone, or undefined. */
export function parseIsoInstant(text: string): number | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (year < 1990 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(base);
  // Reject dates that do not exist (2026-02-30 would silently roll over to March).
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return base + ms - offsetMinutes * 60_000;
}

/** An ISO-8601 instant that is not in the future relative to `now` (beyond CLOCK_SKEW_MS). */
export function checkDateTime(text: string, now: Date): FormatResult {
  const t = parseIsoInstant(text);
  if (t === undefined) {
    return fail(
      'is not an ISO-8601 date-time with a time zone (e.g. 2026-11-20T03:00:00Z)',
      'ISO-8601 の日時（タイムゾーン付き、例: 2026-11-20T03:00:00Z）ではありません',
    );
  }
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) return fail('cannot be checked: the current time is unknown', '現在時刻が不明なため確認できません');
  if (t > nowMs + CLOCK_SKEW_MS) {
    return fail('is in the future (check the clock of the device that wrote it)', '未来の日時です（書き込んだ端末の時計を確認してください）');
  }
  return pass(new Date(t).toISOString());
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4_LIKE = /^[0-9.]+$/;

/**
 * A registrable host name: lower case, punycode (via the URL parser), no scheme, port or path, at
 * least one dot, not an IP address and not a public suffix such as `co.jp` (which would make every
 * company in Japan "us"). `https://Example.JP/` is accepted and becomes `example.jp`.
 */
export function checkDomain(raw: string): FormatResult {
  let text = raw.trim();
  if (text.length === 0) return fail('is empty', '空です');
  if (text.startsWith('*.')) {
    return fail('must be written without "*." (subdomains are always included)', '「*.」を付けずに書いてください（サブドメインは常に含まれます）');
  }
  if (text.includes('://')) {
    if (!URL.canParse(text)) return fail('is not a valid domain', '正しいドメインではありません');
    const u = new URL(text);
    if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.password || u.port) {
      return fail('must be a domain only, without path, port or user', 'ドメインだけを書いてください（パス・ポート・ユーザー名なし）');
    }
    text = u.hostname;
  } else if (/[\s/\\?#@:%]/.test(text)) {
    return fail('must be a domain only, without path, port or user', 'ドメインだけを書いてください（パス・ポート・ユーザー名なし）');
  }
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (!URL.canParse(`http://${text}/`)) return fail('is not a valid domain', '正しいドメインではありません');
  const host = new URL(`http://${text}/`).hostname;
  if (host.startsWith('[') || IPV4_LIKE.test(host)) return fail('is an IP address, not a domain', 'IP アドレスです。ドメインを書いてください');
  if (host.length > 253 || !host.includes('.')) return fail('is not a valid domain', '正しいドメインではありません');
  for (const label of host.split('.')) {
    if (!LABEL.test(label)) return fail('is not a valid domain', '正しいドメインではありません');
  }
  const parsed = parseDomain(host);
  if (parsed.domain === null) return fail('is a public suffix (e.g. co.jp), not an organisation\'s domain', '公開サフィックス（co.jp など）です。組織のドメインを書いてください');
  return pass(host);
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** A plausible addr-spec: dot-atom local part (no quoted strings), then a valid domain. */
export function checkEmail(raw: string): FormatResult {
  const text = raw.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64 || text.length > 254) return fail('is not a mail address (name@example.jp)', 'メールアドレス（name@example.jp）ではありません');
  const local = text.slice(0, at);
  if (!LOCAL_PART.test(local)) return fail('is not a mail address (name@example.jp)', 'メールアドレス（name@example.jp）ではありません');
  const domain = checkDomain(text.slice(at + 1));
  if (!domain.ok) return fail(`has an invalid domain: it ${domain.en}`, `ドメインが正しくありません: ${domain.ja}`);
  return pass(`${local}@${domain.value}`);
}

/** Loopback hosts, the only ones allowed over plain http (local test servers). */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  // The URL parser has already normalised IPv4 forms (0x7f.1, 2130706433) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function checkWebUrl(raw: string): { ok: true; url: URL } | { ok: false; en: string; ja: string } {
  const text = raw.trim();
  if (!URL.canParse(text)) return { ok: false, en: 'is not a valid URL', ja: '正しい URL ではありません' };
  const url = new URL(text);
  if (url.username || url.password) {
    return { ok: false, en: 'must not contain a user name or password', ja: 'ユーザー名やパスワードを含めないでください' };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    en: 'must use https (http only for 127.0.0.1, localhost or [::1])',
    ja: 'https で書いてください（http は 127.0.0.1・localhost・[::1] のみ）',
  };
}

/** An https URL (or loopback http) with no credentials; returned as the parser's href. */
export function checkReportEndpoint(raw: string): FormatResult {
  const r = checkWebUrl(raw);
  if (!r.ok) return fail(r.en, r.ja);
  if (r.url.hash) return fail('must not contain a #fragment', '「#」以降を含めないでください');
  return pass(r.url.href);
}

/** An https origin (or loopback http); any path is dropped, the origin is what is watched. */
export function checkOrigin(raw: string): FormatResult {
  const r = checkWebUrl(raw);
  if (!r.ok) return fail(r.en, r.ja);
  return pass(r.url.origin);
}

// C0/C1 controls and bidirectional overrides: they can hide or reorder text on consult pages.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Single-line display text with no control or bidi-override characters. */
export function checkText(raw: string): FormatResult {
  if (UNSAFE_TEXT.test(raw)) return fail('contains control or direction-override characters', '制御文字または文字方向を変える文字が含まれています');
  const text = raw.trim();
  if (text.length === 0) return fail('is empty', '空です');
  return pass(text);
}

/** Dotted numeric version, 1 to 4 parts: `142`, `142.0.7444.60`, `16.0.19127.20000`. */
export function parseVersion(text: string): number[] | undefined {
  if (typeof text !== 'string' || text.length > 40) return undefined;
  if (!/^\d{1,6}(?:\.\d{1,6}){0,3}$/.test(text.trim())) return undefined;
  return text.trim().split('.').map(Number);
}

/** Compares dotted versions part by part; missing parts count as 0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function checkVersion(raw: string): FormatResult {
  return parseVersion(raw) ? pass(raw.trim()) : fail('is not a version like 142 or 142.0.7444.60', 'バージョン（例: 142、142.0.7444.60）ではありません');
}

export function checkRuleId(raw: string): FormatResult {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) ? pass(raw) : fail('is not a rule id (kebab-case, e.g. link-text-mismatch)', 'ルール ID（例: link-text-mismatch）ではありません');
}

export function checkToken(raw: string): FormatResult {
  return /^[!-~]+$/.test(raw) ? pass(raw) : fail('must be visible ASCII with no spaces', '空白のない英数記号で書いてください');
}
