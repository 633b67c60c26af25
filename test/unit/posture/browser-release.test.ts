import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_RELEASES,
  FIREFOX_ESR_LINES,
  FIREFOX_RELEASES,
  browserFamily,
  expectedMajor,
  isSupportedFirefoxEsr,
} from '../../../shared/posture/browser-release';

const at = (iso: string) => Date.parse(iso);

describe('expectedMajor', () => {
  it('gives the anchor major on the anchor date', () => {
    expect(expectedMajor(CHROMIUM_RELEASES, at('2025-10-28T00:00:00Z'))).toBe(142);
    expect(expectedMajor(FIREFOX_RELEASES, at('2025-09-16T00:00:00Z'))).toBe(143);
  });

  it('stays within one major of known later releases (no drift ahead of reality)', () => {
    // Chrome 143 shipped in early December 2025; Firefox 146 on 2025-12-09 (published schedule).
    expect(expectedMajor(CHROMIUM_RELEASES, at('2025-12-10T00:00:00Z'))).toBe(143);
    const ff = expectedMajor(FIREFOX_RELEASES, at('2025-12-10T00:00:00Z'))!;
    expect(Math.abs(ff - 146)).toBeLessThanOrEqual(1);
  });

  it('is undefined before the newest anchor or for a NaN clock', () => {
    expect(expectedMajor(CHROMIUM_RELEASES, at('2025-10-27T00:00:00Z'))).toBeUndefined();
    expect(expectedMajor(CHROMIUM_RELEASES, Number.NaN)).toBeUndefined();
  });

  it('is monotonic in time', () => {
    let last = 0;
    for (let d = 0; d < 800; d += 7) {
      const m = expectedMajor(CHROMIUM_RELEASES, at('2025-10-28T00:00:00Z') + d * 86_400_000)!;
      expect(m).toBeGreaterThanOrEqual(last);
      last = m;
    }
  });
});

describe('Firefox ESR', () => {
  it('accepts the two newest released ESR lines only', () => {
    const now = at('2026-11-26T00:00:00Z');
    expect(isSupportedFirefoxEsr(153, now)).toBe(true);
    expect(isSupportedFirefoxEsr(140, now)).toBe(true);
    expect(isSupportedFirefoxEsr(128, now)).toBe(false);
    expect(isSupportedFirefoxEsr(141, now)).toBe(false);
    expect(isSupportedFirefoxEsr(153, at('2026-01-01T00:00:00Z'))).toBe(false);
    expect(isSupportedFirefoxEsr(128, at('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('lists ESR lines in release order', () => {
    const dates = FIREFOX_ESR_LINES.map(([, d]) => d);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('browserFamily', () => {
  it.each([['chrome', 'chromium'], ['Edge', 'chromium'], ['chromium', 'chromium'], ['firefox', 'firefox'], ['safari', undefined], ['', undefined]])(
    '%s → %s',
    (name, family) => expect(browserFamily(name)).toBe(family),
  );
});
