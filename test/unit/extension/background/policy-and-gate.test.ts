/**
 * Policy loading in the extension (cache first, managed refresh behind it, change notice) and
 * the gate's once-a-day rule, and the browser facts the posture check uses.
 */
import { describe, expect, test, vi } from 'vitest';
import { createPolicyStore, MANAGED_CACHE_KEY, splitLocalSettings } from '../../../../extension/policy/policy-store';
import { gateFor, localDate } from '../../../../extension/policy/gate-state';
import { browserFromUserAgent, readBrowserFacts } from '../../../../extension/policy/browser-facts';
import type { PostureVerdict } from '../../../../shared/posture/types';
import { memoryArea } from './fakes';

describe('policy store', () => {
  test('serves the cached managed policy at once, then refreshes and reports the change', async () => {
    const local = memoryArea({ [MANAGED_CACHE_KEY]: { orgName: '旧病院' } });
    let release: (v: unknown) => void = () => undefined;
    const onChange = vi.fn();
    const store = createPolicyStore({ readManaged: () => new Promise((r) => (release = r)), local, onChange });
    const first = await store.current();
    expect(first.policy.orgName).toBe('旧病院');
    expect(first.managedFresh).toBe(false);
    release({ orgName: '新病院' });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const now = await store.current();
    expect(now.policy.orgName).toBe('新病院');
    expect(now.managedFresh).toBe(true);
    expect(local.data[MANAGED_CACHE_KEY]).toEqual({ orgName: '新病院' });
  });

  test('no managed storage (Firefox throws, Chrome answers {}) means defaults, not an error', async () => {
    for (const readManaged of [async () => ({}), async () => { throw new Error('Managed storage manifest not found'); }]) {
      const store = createPolicyStore({ readManaged, local: memoryArea() });
      const p = await store.refresh();
      expect(p.managedKeys).toEqual([]);
      expect(p.policy.allowOpenAnyway).toBe(true);
    }
  });

  test('a refresh that finds the same policy does not report a change', async () => {
    const onChange = vi.fn();
    const store = createPolicyStore({ readManaged: async () => ({ orgName: 'A' }), local: memoryArea(), onChange });
    await store.refresh();
    await store.refresh();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('invalid managed values become problems with their source', async () => {
    const store = createPolicyStore({ readManaged: async () => ({ allowOpenAnyway: 'yes' }), local: memoryArea() });
    const p = await store.refresh();
    expect(p.problems.some((q) => q.field === 'allowOpenAnyway' && q.source === 'managed')).toBe(true);
  });

  test('a local settings change applies at once, without waiting for managed storage', async () => {
    const local = memoryArea({ [MANAGED_CACHE_KEY]: { allowOpenAnyway: false } });
    let reads = 0;
    const onChange = vi.fn();
    const store = createPolicyStore({ readManaged: () => { reads++; return new Promise(() => undefined); }, local, onChange });
    await store.current();
    await local.set({ localSettings: { roundcubeOrigins: ['https://webmail.example.jp'], allowOpenAnyway: true } });
    const next = await store.reloadLocal();
    expect(next.policy.roundcubeOrigins).toEqual(['https://webmail.example.jp']);
    expect(next.policy.allowOpenAnyway).toBe(false); // still managed
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(reads).toBe(1); // only the background refresh started by current()
  });

  test('lang in local settings is the language override, not a policy key', () => {
    expect(splitLocalSettings({ lang: 'en', orgName: 'x' })).toEqual({ settings: { orgName: 'x' }, lang: 'en' });
    expect(splitLocalSettings({ lang: 'fr' })).toEqual({ settings: undefined });
    expect(splitLocalSettings('junk')).toEqual({ settings: undefined });
  });
});

describe('gate', () => {
  const posture = (gate: PostureVerdict['gate'], everyHours?: number): PostureVerdict => ({
    status: 'warn',
    mode: 'warn',
    gate,
    checks: [],
    ...(everyHours ? { reminder: { everyHours, ja: '', en: '', checklist: [] } } : {}),
  });
  const now = new Date(2026, 10, 20, 9, 0);

  test.each([
    ['none', undefined, null],
    ['block', { date: localDate(now), at: now.getTime() }, 'block'],
    ['warn', undefined, 'warn'],
    ['warn', { date: localDate(now), at: now.getTime() - 3_600_000 }, null],
    ['warn', { date: '2026-11-19', at: now.getTime() - 3_600_000 }, 'warn'],
  ] as const)('%s with dismissal %o → %s', (gate, dismissal, expected) => {
    expect(gateFor(posture(gate), dismissal, now)).toBe(expected);
  });

  test('the unknown-device reminder comes back after everyHours', () => {
    const dismissedAt = now.getTime();
    expect(gateFor(posture('remind', 24), { date: localDate(now), at: dismissedAt }, new Date(dismissedAt + 23 * 3_600_000))).toBeNull();
    expect(gateFor(posture('remind', 24), { date: localDate(now), at: dismissedAt }, new Date(dismissedAt + 25 * 3_600_000))).toBe('warn');
  });
});

describe('browser facts', () => {
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36', { name: 'chrome', version: '142.0.0.0' }],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0', { name: 'edge', version: '142.0.0.0' }],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', { name: 'firefox', version: '140.0' }],
    ['curl/8', undefined],
  ])('%s', (ua, expected) => {
    expect(browserFromUserAgent(ua)).toEqual(expected);
  });

  test('Firefox getBrowserInfo first, then the full version list, then the user agent', async () => {
    expect(await readBrowserFacts({ getBrowserInfo: async () => ({ name: 'Firefox', version: '140.3.0' }) })).toEqual({ browser: { name: 'firefox', version: '140.3.0' } });
    expect(
      await readBrowserFacts({
        userAgentData: {
          brands: [{ brand: 'Chromium', version: '142' }],
          getHighEntropyValues: async () => ({ fullVersionList: [{ brand: 'Chromium', version: '142.0.7444.60' }, { brand: 'Microsoft Edge', version: '142.0.3595.53' }] }),
        },
      }),
    ).toEqual({ browser: { name: 'edge', version: '142.0.3595.53' } });
    expect(await readBrowserFacts({ userAgent: 'x Firefox/141.0' })).toEqual({ browser: { name: 'firefox', version: '141.0' } });
    expect(await readBrowserFacts({})).toEqual({});
  });
});
