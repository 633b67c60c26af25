/**
 * Offline estimate of how current a browser is, from the known release cadence — no network.
 * Used only when IT sets no `minBrowserVersion`; an estimate can at most warn, never block.
 *
 * Anchors (documented stable release dates; update this table once a year):
 * - Chrome 121 stable: 2024-01-23; Chrome 142 stable: 2025-10-28. Nominally a new major every
 *   4 weeks, but the year-end and summer gaps make the observed average between those two
 *   anchors 644 days / 21 majors ≈ 30.7 days. Using 28 days would run ahead of reality by about
 *   one major a year and warn on up-to-date browsers, so the average is used.
 * - Microsoft Edge ships the same Chromium major a few days after Chrome: same table; the
 *   tolerance below absorbs the lag.
 * - Firefox 128: 2024-07-09; Firefox 143: 2025-09-16 (≈ 28.9 days per major).
 *   ESR lines 115 (2023-07-04), 128 (2024-07-09), 140 (2025-06-24) and 153 (scheduled 2026-07-21).
 *   Firefox does not say in its version whether it is ESR, so a major that is one of the two
 *   newest released ESR lines is accepted (Mozilla keeps the previous ESR for months after the next).
 */

export interface ReleaseLine {
  /** Two anchors: [major, stable date (UTC, yyyy-mm-dd)]. */
  anchors: readonly [readonly [number, string], readonly [number, string]];
}

export const CHROMIUM_RELEASES: ReleaseLine = { anchors: [[121, '2024-01-23'], [142, '2025-10-28']] };
export const FIREFOX_RELEASES: ReleaseLine = { anchors: [[128, '2024-07-09'], [143, '2025-09-16']] };
export const FIREFOX_ESR_LINES: readonly (readonly [number, string])[] = [
  [115, '2023-07-04'],
  [128, '2024-07-09'],
  [140, '2025-06-24'],
  [153, '2026-07-21'],
];

/** Majors a browser may be behind the estimate before it counts as out of date (≈ 8 weeks). */
export const BROWSER_MAJOR_TOLERANCE = 2;

function dateMs(ymd: string): number {
  return Date.parse(`${ymd}T00:00:00Z`);
}

export type BrowserFamily = 'chromium' | 'firefox';

/** Maps a host-reported browser name to its release line, or undefined when unknown. */
export function browserFamily(name: string): BrowserFamily | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'chrome' || n === 'chromium' || n === 'edge' || n === 'msedge' || n === 'google chrome' || n === 'microsoft edge') return 'chromium';
  if (n === 'firefox' || n === 'firefox esr') return 'firefox';
  return undefined;
}

/**
 * The major expected to be current at `nowMs`, or undefined when `nowMs` lies before the newest
 * anchor (the clock is wrong, or this table is from the future): an estimate is then meaningless.
 */
export function expectedMajor(line: ReleaseLine, nowMs: number): number | undefined {
  const [[m1, d1], [m2, d2]] = line.anchors;
  const t1 = dateMs(d1);
  const t2 = dateMs(d2);
  if (!Number.isFinite(nowMs) || nowMs < t2) return undefined;
  const cadence = (t2 - t1) / (m2 - m1);
  return m2 + Math.floor((nowMs - t2) / cadence);
}

/** Whether a Firefox major is one of the two newest ESR lines released by `nowMs`. */
export function isSupportedFirefoxEsr(major: number, nowMs: number): boolean {
  const released = FIREFOX_ESR_LINES.filter(([, d]) => dateMs(d) <= nowMs).map(([m]) => m);
  return released.slice(-2).includes(major);
}
