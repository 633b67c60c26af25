/**
 * Retry delay after a failed attempt: exponential (base × 2^(attempt−1), capped) with "equal
 * jitter" — half fixed, half random — so devices that failed together at an outage do not all
 * come back in the same second, yet no retry comes sooner than half the nominal delay.
 */
export function backoffDelay(attempts: number, random: () => number, baseMs: number, capMs: number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exp / 2 + (exp / 2) * r);
}
