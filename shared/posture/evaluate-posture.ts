/**
 * Judges how current this device is at the moment mail is read: one entry per check, then an
 * overall status and what the host should do (nothing, a daily reminder, a warning, the gate).
 *
 * Pure: `now` is passed in, nothing reads the clock. Defensive: it re-checks every fact even
 * though parsePolicy already did, because the clock moves on and hosts may hand it anything.
 * Missing, malformed, future-dated or stale facts are `unknown` — never `ok`.
 */
import { POSTURE_REMINDER, DEFAULT_POLICY } from '../policy/defaults';
import type { PolicyProblem } from '../policy/parse-policy';
import type { Policy, PostureMode, UnknownDeviceAction } from '../policy/types';
import { CLOCK_SKEW_MS, compareVersions, parseIsoInstant, parseVersion } from '../policy/value-formats';
import {
  BROWSER_MAJOR_TOLERANCE,
  CHROMIUM_RELEASES,
  FIREFOX_RELEASES,
  browserFamily,
  expectedMajor,
  isSupportedFirefoxEsr,
} from './browser-release';
import { CHECK_TITLES, remedyFor } from './posture-texts';
import type { LocalizedText, PostureCheck, PostureCheckId, PostureFacts, PostureGate, PostureStatus, PostureVerdict } from './types';

const HOUR_MS = 3_600_000;
const MODES: readonly PostureMode[] = ['off', 'warn', 'block'];
const UNKNOWN_ACTIONS: readonly UnknownDeviceAction[] = ['ignore', 'remind', 'warn', 'block'];

interface Limits {
  mode: PostureMode;
  unknownDevice: UnknownDeviceAction;
  maxOsPatchAgeDays: number;
  maxAvDefinitionsAgeHours: number;
  maxFactsAgeHours: number;
  maxPasswordAgeDays?: number;
}

function positiveLimit(value: unknown, fallback: number | undefined, field: string, problems: PolicyProblem[]): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  problems.push({ field: `posture.${field}`, message: 'is not a positive number; default used', messageJa: '正の数ではありません。既定値を使います' });
  return fallback;
}

/** Limits from an unvalidated policy: anything odd falls back to the defaults, with a problem. */
function readLimits(posture: Partial<Policy['posture']> | undefined, problems: PolicyProblem[]): Limits {
  const p = (typeof posture === 'object' && posture !== null ? posture : {}) as Record<string, unknown>;
  const d = DEFAULT_POLICY.posture;
  let mode = d.mode;
  if (p.mode !== undefined) {
    if (MODES.includes(p.mode as PostureMode)) mode = p.mode as PostureMode;
    else problems.push({ field: 'posture.mode', message: 'is not off, warn or block; warn used', messageJa: 'off・warn・block ではありません。warn を使います' });
  }
  let unknownDevice = d.unknownDevice;
  if (p.unknownDevice !== undefined) {
    if (UNKNOWN_ACTIONS.includes(p.unknownDevice as UnknownDeviceAction)) unknownDevice = p.unknownDevice as UnknownDeviceAction;
    else problems.push({ field: 'posture.unknownDevice', message: 'is not ignore, remind, warn or block; remind used', messageJa: 'ignore・remind・warn・block ではありません。remind を使います' });
  }
  return {
    mode,
    unknownDevice,
    maxOsPatchAgeDays: positiveLimit(p.maxOsPatchAgeDays, d.maxOsPatchAgeDays, 'maxOsPatchAgeDays', problems)!,
    maxAvDefinitionsAgeHours: positiveLimit(p.maxAvDefinitionsAgeHours, d.maxAvDefinitionsAgeHours, 'maxAvDefinitionsAgeHours', problems)!,
    maxFactsAgeHours: positiveLimit(p.maxFactsAgeHours, d.maxFactsAgeHours, 'maxFactsAgeHours', problems)!,
    maxPasswordAgeDays: positiveLimit(p.maxPasswordAgeDays, undefined, 'maxPasswordAgeDays', problems),
  };
}

type DateReading =
  | { kind: 'missing' }
  | { kind: 'malformed'; raw: string }
  | { kind: 'future'; iso: string }
  | { kind: 'valid'; iso: string; ageMs: number };

function readDate(value: unknown, nowMs: number): DateReading {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (typeof value !== 'string') return { kind: 'malformed', raw: String(typeof value) };
  const t = parseIsoInstant(value);
  if (t === undefined || !Number.isFinite(nowMs)) return { kind: 'malformed', raw: value.slice(0, 40) };
  const iso = new Date(t).toISOString();
  if (t > nowMs + CLOCK_SKEW_MS) return { kind: 'future', iso };
  return { kind: 'valid', iso, ageMs: Math.max(0, nowMs - t) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function fmtLimit(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
}

function fmtAgeJa(hours: number): string {
  return hours >= 48 ? `${Math.floor(hours / 24)} 日前` : `${Math.floor(hours)} 時間前`;
}

function fmtAgeEn(hours: number): string {
  return hours >= 48 ? `${Math.floor(hours / 24)} days ago` : `${Math.floor(hours)} hours ago`;
}

function fmtLimitJa(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} 日` : `${hours} 時間`;
}

interface Builder {
  policy: Policy;
  browserName?: string;
}

function check(b: Builder, id: PostureCheckId, status: PostureStatus, summary: LocalizedText, extra: Partial<PostureCheck> = {}): PostureCheck {
  return {
    id,
    status,
    ...extra,
    summary,
    remedy: remedyFor(id, b.policy.adminContact, b.browserName),
  };
}

const MISSING: LocalizedText = { ja: 'IT から情報が届いていません', en: 'not reported by IT tooling' };
const MALFORMED: LocalizedText = { ja: '日時の書き方が正しくないため確認できません', en: 'the date is malformed, so it cannot be checked' };
const FUTURE: LocalizedText = { ja: '日時が未来になっています（時計のずれ）。確認できません', en: 'the date is in the future (clock skew); it cannot be checked' };
const NOT_FRESH: LocalizedText = { ja: '端末情報が古いため確認できません', en: 'device facts are stale, so this cannot be confirmed' };

/** An age check on a device fact: unknown unless the facts themselves are fresh. */
function ageCheck(
  b: Builder,
  id: PostureCheckId,
  value: unknown,
  limitHours: number,
  nowMs: number,
  factsFresh: boolean,
  failStatus: PostureStatus,
  title: LocalizedText,
): PostureCheck {
  const limit = fmtLimit(limitHours);
  const r = readDate(value, nowMs);
  if (r.kind === 'missing') return check(b, id, 'unknown', MISSING, { limit, limitHours });
  if (r.kind === 'malformed') return check(b, id, 'unknown', MALFORMED, { value: r.raw, limit, limitHours });
  if (r.kind === 'future') return check(b, id, 'unknown', FUTURE, { value: r.iso, limit, limitHours });
  const ageHours = round1(r.ageMs / HOUR_MS);
  const extra = { value: r.iso, limit, ageHours, limitHours };
  if (!factsFresh) return check(b, id, 'unknown', NOT_FRESH, extra);
  // Exactly at the limit is still within it.
  if (r.ageMs <= limitHours * HOUR_MS) {
    return check(b, id, 'ok', { ja: `${title.ja}: ${fmtAgeJa(ageHours)}（上限 ${fmtLimitJa(limitHours)}）`, en: `${title.en}: ${fmtAgeEn(ageHours)} (limit ${limit})` }, extra);
  }
  return check(b, id, failStatus, { ja: `${title.ja}が古くなっています: ${fmtAgeJa(ageHours)}（上限 ${fmtLimitJa(limitHours)}）`, en: `${title.en} out of date: ${fmtAgeEn(ageHours)} (limit ${limit})` }, extra);
}

function factsFreshness(b: Builder, posture: Record<string, unknown>, limits: Limits, nowMs: number): PostureCheck {
  const id: PostureCheckId = 'facts-freshness';
  const limitHours = limits.maxFactsAgeHours;
  const limit = fmtLimit(limitHours);
  const r = readDate(posture.factsUpdatedAt, nowMs);
  if (r.kind === 'missing') return check(b, id, 'unknown', { ja: 'この端末の状態は IT から届いていません', en: 'no device facts from IT tooling' }, { limit, limitHours });
  if (r.kind === 'malformed') return check(b, id, 'unknown', MALFORMED, { value: r.raw, limit, limitHours });
  if (r.kind === 'future') return check(b, id, 'unknown', FUTURE, { value: r.iso, limit, limitHours });
  const ageHours = round1(r.ageMs / HOUR_MS);
  const extra = { value: r.iso, limit, ageHours, limitHours };
  if (r.ageMs <= limitHours * HOUR_MS) {
    return check(b, id, 'ok', { ja: `端末情報: ${fmtAgeJa(ageHours)}に更新`, en: `device facts written ${fmtAgeEn(ageHours)}` }, extra);
  }
  return check(b, id, 'unknown', { ja: `端末情報が古いままです: ${fmtAgeJa(ageHours)}（上限 ${fmtLimitJa(limitHours)}）`, en: `device facts are stale: written ${fmtAgeEn(ageHours)} (limit ${limit})` }, extra);
}

function avEnabledCheck(b: Builder, posture: Record<string, unknown>, factsFresh: boolean, failStatus: PostureStatus): PostureCheck {
  const id: PostureCheckId = 'av-enabled';
  const av = posture.avEnabled;
  const rtp = posture.realTimeProtectionEnabled;
  const show = (v: unknown): string => (typeof v === 'boolean' ? String(v) : 'missing');
  const value = `antivirus=${show(av)}, realTime=${show(rtp)}`;
  const extra = { value, limit: 'true' };
  if (!factsFresh) return check(b, id, 'unknown', NOT_FRESH, extra);
  if (av === false || rtp === false) {
    return check(b, id, failStatus, { ja: 'ウイルス対策またはリアルタイム保護が止まっています', en: 'antivirus or real-time protection is off' }, extra);
  }
  if (av === true && rtp === true) return check(b, id, 'ok', { ja: 'ウイルス対策とリアルタイム保護は動いています', en: 'antivirus and real-time protection are on' }, extra);
  return check(b, id, 'unknown', MISSING, extra);
}

function browserCheck(b: Builder, facts: PostureFacts, policy: Policy, nowMs: number, failStatus: PostureStatus): PostureCheck {
  const id: PostureCheckId = 'browser-version';
  const browser = facts.browser;
  const rawName = typeof browser?.name === 'string' ? browser.name.slice(0, 40) : '';
  const rawVersion = typeof browser?.version === 'string' ? browser.version.slice(0, 40) : '';
  const version = parseVersion(rawVersion);
  const value = `${rawName} ${rawVersion}`.trim();
  if (!version) return check(b, id, 'unknown', { ja: 'ブラウザーのバージョンがわかりません', en: 'the browser version is unknown' }, { value });
  const minText = policy.posture?.minBrowserVersion;
  const min = typeof minText === 'string' ? parseVersion(minText) : undefined;
  if (min) {
    const extra = { value, limit: minText!.trim() };
    if (compareVersions(version, min) >= 0) return check(b, id, 'ok', { ja: `ブラウザー ${rawVersion}（最低 ${minText}）`, en: `browser ${rawVersion} (minimum ${minText})` }, extra);
    return check(b, id, failStatus, { ja: `ブラウザーが古くなっています: ${rawVersion}（最低 ${minText}）`, en: `browser out of date: ${rawVersion} (minimum ${minText})` }, extra);
  }
  const family = browserFamily(rawName);
  if (!family) return check(b, id, 'unknown', { ja: 'このブラウザーの更新周期はわかりません', en: 'release cadence of this browser is not known' }, { value });
  const major = version[0]!;
  const expected = expectedMajor(family === 'chromium' ? CHROMIUM_RELEASES : FIREFOX_RELEASES, nowMs);
  if (expected === undefined) {
    return check(b, id, 'unknown', { ja: '端末の時計がずれているため推定できません', en: 'the device clock looks wrong, so no estimate is possible' }, { value });
  }
  const floor = expected - BROWSER_MAJOR_TOLERANCE;
  const extra = { value, limit: String(floor) };
  if (major >= floor) return check(b, id, 'ok', { ja: `ブラウザー ${major}（推定最新 ${expected}）`, en: `browser ${major} (estimated current ${expected})` }, extra);
  if (family === 'firefox' && isSupportedFirefoxEsr(major, nowMs)) {
    return check(b, id, 'ok', { ja: `Firefox ESR ${major}`, en: `Firefox ESR ${major}` }, { value, limit: 'ESR' });
  }
  // An estimate never blocks: it can be wrong by a release or two.
  const status: PostureStatus = failStatus === 'block' ? 'warn' : failStatus;
  return check(b, id, status, { ja: `ブラウザーが古い可能性があります: ${major}（推定最新 ${expected}）`, en: `browser may be out of date: ${major} (estimated current ${expected})` }, extra);
}

function officeCheck(b: Builder, facts: PostureFacts, minText: string, failStatus: PostureStatus): PostureCheck {
  const id: PostureCheckId = 'office-build';
  const raw = typeof facts.officeBuild === 'string' ? facts.officeBuild.slice(0, 40) : '';
  const build = parseVersion(raw);
  const min = parseVersion(minText)!;
  const extra = { value: raw, limit: minText };
  if (!build) return check(b, id, 'unknown', { ja: 'Office のビルドがわかりません', en: 'the Office build is unknown' }, extra);
  if (compareVersions(build, min) >= 0) return check(b, id, 'ok', { ja: `Office ${raw}（最低 ${minText}）`, en: `Office ${raw} (minimum ${minText})` }, extra);
  return check(b, id, failStatus, { ja: `Office が古くなっています: ${raw}（最低 ${minText}）`, en: `Office out of date: ${raw} (minimum ${minText})` }, extra);
}

const RANK: Record<PostureStatus, number> = { ok: 0, unknown: 1, warn: 2, block: 3 };

function gateFor(status: PostureStatus, limits: Limits): PostureGate {
  if (status === 'block') return 'block';
  if (status === 'warn') return 'warn';
  if (status === 'ok') return 'none';
  switch (limits.unknownDevice) {
    case 'ignore':
      return 'none';
    case 'remind':
      return 'remind';
    case 'warn':
      return 'warn';
    case 'block':
      // unknownDevice cannot be stricter than the mode IT chose for known failures.
      return limits.mode === 'block' ? 'block' : 'warn';
  }
}

export function evaluatePosture(facts: PostureFacts, policy: Policy, now: Date): PostureVerdict {
  const problems: PolicyProblem[] = [];
  const posture = (typeof policy?.posture === 'object' && policy.posture !== null ? policy.posture : {}) as Record<string, unknown>;
  const limits = readLimits(policy?.posture, problems);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  const evaluatedAt = Number.isFinite(nowMs) ? new Date(nowMs).toISOString() : undefined;
  const base = { mode: limits.mode, ...(evaluatedAt ? { evaluatedAt } : {}), ...(problems.length ? { problems } : {}) };
  if (limits.mode === 'off') return { status: 'unknown', gate: 'none', checks: [], ...base };

  const safeFacts: PostureFacts = typeof facts === 'object' && facts !== null ? facts : {};
  const b: Builder = { policy: policy ?? (DEFAULT_POLICY as Policy), browserName: typeof safeFacts.browser?.name === 'string' ? safeFacts.browser.name : undefined };
  const failStatus: PostureStatus = limits.mode === 'block' ? 'block' : 'warn';
  const checks: PostureCheck[] = [];

  const freshness = factsFreshness(b, posture, limits, nowMs);
  const fresh = freshness.status === 'ok';
  checks.push(freshness);
  checks.push(ageCheck(b, 'os-patch-age', posture.osPatchedAt, limits.maxOsPatchAgeDays * 24, nowMs, fresh, failStatus, CHECK_TITLES['os-patch-age']));
  checks.push(ageCheck(b, 'av-definitions-age', posture.avDefinitionsUpdatedAt, limits.maxAvDefinitionsAgeHours, nowMs, fresh, failStatus, CHECK_TITLES['av-definitions-age']));
  checks.push(avEnabledCheck(b, posture, fresh, failStatus));
  if (safeFacts.browser !== undefined) checks.push(browserCheck(b, safeFacts, b.policy, nowMs, failStatus));
  const minOffice = posture.minOfficeBuild;
  if (safeFacts.officeBuild !== undefined && typeof minOffice === 'string' && parseVersion(minOffice)) {
    checks.push(officeCheck(b, safeFacts, minOffice.trim(), failStatus));
  }
  if (limits.maxPasswordAgeDays !== undefined) {
    checks.push(ageCheck(b, 'password-age', posture.passwordChangedAt, limits.maxPasswordAgeDays * 24, nowMs, fresh, failStatus, CHECK_TITLES['password-age']));
  }

  let status: PostureStatus = 'ok';
  for (const c of checks) if (RANK[c.status] > RANK[status]) status = c.status;
  const gate = gateFor(status, limits);
  const verdict: PostureVerdict = { status, gate, checks, ...base };
  if (status === 'unknown' && gate !== 'none') verdict.reminder = POSTURE_REMINDER;
  return verdict;
}
