import { describe, expect, it } from 'vitest';
import { evaluatePosture } from '../../../shared/posture/evaluate-posture';
import { parsePolicy } from '../../../shared/policy/parse-policy';
import type { Policy, PosturePolicy } from '../../../shared/policy/types';
import type { PostureCheckId, PostureFacts, PostureVerdict } from '../../../shared/posture/types';

const NOW = new Date('2026-11-26T12:00:00Z');
const H = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * H).toISOString();

/** A policy built through parsePolicy, as hosts do, with a fresh, healthy device by default. */
function policyWith(posture: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, now = NOW): Policy {
  const healthy = {
    factsUpdatedAt: ago(1),
    osPatchedAt: ago(24 * 5),
    avDefinitionsUpdatedAt: ago(6),
    avEnabled: true,
    realTimeProtectionEnabled: true,
  };
  const r = parsePolicy({ ...extra, posture: { ...healthy, ...posture } }, { now });
  return r.policy;
}

/** For facts parsePolicy would refuse: hand the evaluator an unvalidated policy, as a careless host might. */
function rawPolicy(posture: Partial<Record<keyof PosturePolicy, unknown>>): Policy {
  const base = policyWith();
  return { ...base, posture: { ...base.posture, ...posture } as PosturePolicy };
}

const statusOf = (v: PostureVerdict, id: PostureCheckId) => v.checks.find((c) => c.id === id)?.status;
const evalAt = (policy: Policy, facts: PostureFacts = {}) => evaluatePosture(facts, policy, NOW);

describe('a healthy, freshly reported device', () => {
  it('is ok with no gate and no reminder', () => {
    const v = evalAt(policyWith());
    expect(v.status).toBe('ok');
    expect(v.gate).toBe('none');
    expect(v.reminder).toBeUndefined();
    expect(v.checks.map((c) => [c.id, c.status])).toEqual([
      ['facts-freshness', 'ok'],
      ['os-patch-age', 'ok'],
      ['av-definitions-age', 'ok'],
      ['av-enabled', 'ok'],
    ]);
    expect(v.evaluatedAt).toBe(NOW.toISOString());
  });

  it('every check carries a Japanese and English remedy', () => {
    for (const c of evalAt(policyWith({ maxPasswordAgeDays: 90, passwordChangedAt: ago(24) }), { browser: { name: 'chrome', version: '154.0.1.1' } }).checks) {
      expect(c.remedy.ja.length).toBeGreaterThan(10);
      expect(c.remedy.en.length).toBeGreaterThan(10);
    }
  });
});

describe('embedded defaults (no IT at all)', () => {
  it('device unknown, daily reminder checklist, never ok', () => {
    const v = evalAt(parsePolicy({}).policy);
    expect(v.status).toBe('unknown');
    expect(v.gate).toBe('remind');
    expect(v.reminder?.ja).toBe('OSの更新とウイルス対策ソフトの定義ファイル更新は済んでいますか');
    expect(v.reminder?.everyHours).toBe(24);
    expect(v.checks.every((c) => c.status === 'unknown')).toBe(true);
  });
});

describe('age checks: fresh, stale, exactly at the limit, missing, future, malformed, wrong type', () => {
  const cases: { id: PostureCheckId; key: keyof PosturePolicy; limitH: number; extra?: Record<string, unknown> }[] = [
    { id: 'os-patch-age', key: 'osPatchedAt', limitH: 35 * 24 },
    { id: 'av-definitions-age', key: 'avDefinitionsUpdatedAt', limitH: 48 },
    { id: 'password-age', key: 'passwordChangedAt', limitH: 90 * 24, extra: { maxPasswordAgeDays: 90 } },
  ];
  for (const { id, key, limitH, extra = {} } of cases) {
    describe(id, () => {
      it.each([
        ['fresh', ago(1), 'ok'],
        ['exactly at the limit', ago(limitH), 'ok'],
        ['one second past the limit', new Date(NOW.getTime() - limitH * H - 1000).toISOString(), 'warn'],
        ['stale', ago(limitH * 3), 'warn'],
        ['within the 5-minute skew', new Date(NOW.getTime() + 4 * 60_000).toISOString(), 'ok'],
      ])('%s → %s (via parsePolicy)', (_label, value, expected) => {
        const v = evalAt(policyWith({ ...extra, [key]: value }));
        expect(statusOf(v, id)).toBe(expected);
      });

      it.each([
        ['missing', undefined],
        ['in the future', '2026-12-24T00:00:00Z'],
        ['malformed', '2026-11-20 noon'],
        ['no time zone', '2026-11-20T03:00:00'],
        ['wrong type: number', 1732600000000],
        ['wrong type: boolean', true],
        ['wrong type: object', { date: '2026-11-20' }],
      ])('%s → unknown, never ok (unvalidated policy)', (_label, value) => {
        const v = evalAt(rawPolicy({ ...extra, [key]: value }));
        expect(statusOf(v, id)).toBe('unknown');
        expect(v.status).not.toBe('ok');
      });
    });
  }

  it('block mode makes a stale fact block', () => {
    const v = evalAt(policyWith({ mode: 'block', osPatchedAt: ago(24 * 60) }));
    expect(statusOf(v, 'os-patch-age')).toBe('block');
    expect(v.status).toBe('block');
    expect(v.gate).toBe('block');
  });

  it('reports value, limit and ages', () => {
    const c = evalAt(policyWith({ osPatchedAt: '2026-10-01T00:00:00Z' })).checks.find((x) => x.id === 'os-patch-age')!;
    expect(c).toMatchObject({ status: 'warn', value: '2026-10-01T00:00:00.000Z', limit: '35 days', limitHours: 840, ageHours: 1356 });
    expect(c.summary.ja).toContain('56 日前');
  });

  it('password age is not checked unless maxPasswordAgeDays is set', () => {
    expect(statusOf(evalAt(policyWith({ passwordChangedAt: ago(24 * 400) })), 'password-age')).toBeUndefined();
  });
});

describe('facts freshness', () => {
  it.each([
    ['fresh', ago(1), 'ok', 'ok'],
    ['exactly at maxFactsAgeHours', ago(48), 'ok', 'ok'],
    ['stale', ago(49), 'unknown', 'unknown'],
  ])('%s → freshness %s, device %s', (_l, value, fresh, device) => {
    const v = evalAt(policyWith({ factsUpdatedAt: value }));
    expect(statusOf(v, 'facts-freshness')).toBe(fresh);
    expect(v.status).toBe(device);
  });

  it.each([
    ['missing', undefined],
    ['future', '2026-11-27T00:00:00Z'],
    ['malformed', 'last tuesday'],
    ['wrong type', 42],
  ])('%s → every device check unknown, even if the facts look healthy', (_l, value) => {
    const v = evalAt(rawPolicy({ factsUpdatedAt: value }));
    expect(statusOf(v, 'facts-freshness')).toBe('unknown');
    for (const id of ['os-patch-age', 'av-definitions-age', 'av-enabled'] as const) expect(statusOf(v, id)).toBe('unknown');
    expect(v.status).toBe('unknown');
  });

  it('stale facts that looked bad are unknown too (the device may have been fixed since)', () => {
    const v = evalAt(policyWith({ factsUpdatedAt: ago(24 * 10), avEnabled: false, osPatchedAt: ago(24 * 90) }));
    expect(v.status).toBe('unknown');
  });

  it('honours maxFactsAgeHours', () => {
    expect(evalAt(policyWith({ factsUpdatedAt: ago(100), maxFactsAgeHours: 168 })).status).toBe('ok');
  });
});

describe('av-enabled (antivirus service and real-time protection)', () => {
  it.each([
    [true, true, 'ok'],
    [false, true, 'warn'],
    [true, false, 'warn'],
    [false, false, 'warn'],
    [true, undefined, 'unknown'],
    [undefined, true, 'unknown'],
    [undefined, undefined, 'unknown'],
    ['true', true, 'unknown'],
    [1, 1, 'unknown'],
  ])('avEnabled=%j realTime=%j → %s', (av, rtp, expected) => {
    const v = evalAt(rawPolicy({ avEnabled: av, realTimeProtectionEnabled: rtp }));
    expect(statusOf(v, 'av-enabled')).toBe(expected);
  });
});

describe('browser version', () => {
  const chrome = (version: string) => ({ browser: { name: 'chrome', version } });
  it.each([
    ['chrome', '154.0.7600.1', 'ok'],
    ['chrome', '152.0.1.1', 'ok'],
    ['chrome', '151.0.1.1', 'warn'],
    ['edge', '153.0.3000.1', 'ok'],
    ['edge', '120.0.1.1', 'warn'],
    ['firefox', '157.0', 'ok'],
    ['firefox', '140.5.0', 'ok'],
    ['firefox', '153.3.0', 'ok'],
    ['firefox', '128.14.0', 'warn'],
    ['firefox', '145.0', 'warn'],
    ['safari', '18.1', 'unknown'],
    ['chrome', 'not-a-version', 'unknown'],
    ['chrome', '', 'unknown'],
  ])('%s %s at 2026-11-26 → %s (offline estimate)', (name, version, expected) => {
    expect(statusOf(evalAt(policyWith(), { browser: { name, version } }), 'browser-version')).toBe(expected);
  });

  it('an estimate never blocks, even in block mode', () => {
    expect(statusOf(evalAt(policyWith({ mode: 'block' }), chrome('120.0.1.1')), 'browser-version')).toBe('warn');
  });

  it('minBrowserVersion overrides the estimate and blocks in block mode', () => {
    const p = policyWith({ mode: 'block', minBrowserVersion: '154.0.7600.50' });
    expect(statusOf(evalAt(p, chrome('154.0.7600.49')), 'browser-version')).toBe('block');
    expect(statusOf(evalAt(p, chrome('154.0.7600.50')), 'browser-version')).toBe('ok');
    expect(statusOf(evalAt(policyWith({ minBrowserVersion: '120' }), chrome('130.0.1.1')), 'browser-version')).toBe('ok');
  });

  it('a device clock before the newest anchor gives unknown, not ok', () => {
    const past = new Date('2020-01-01T00:00:00Z');
    const v = evaluatePosture(chrome('80.0.1.1'), policyWith({}, {}, past), past);
    expect(statusOf(v, 'browser-version')).toBe('unknown');
  });

  it('is absent when the host gives no browser', () => {
    expect(statusOf(evalAt(policyWith()), 'browser-version')).toBeUndefined();
  });
});

describe('office build', () => {
  it.each([
    ['16.0.19127.20000', 'ok'],
    ['16.0.19127.20001', 'ok'],
    ['16.0.19126.99999', 'warn'],
    ['16.0', 'warn'],
    ['garbage', 'unknown'],
  ])('%s against 16.0.19127.20000 → %s', (build, expected) => {
    expect(statusOf(evalAt(policyWith({ minOfficeBuild: '16.0.19127.20000' }), { officeBuild: build }), 'office-build')).toBe(expected);
  });

  it('is absent without minOfficeBuild or without an Office host', () => {
    expect(statusOf(evalAt(policyWith(), { officeBuild: '16.0.1.1' }), 'office-build')).toBeUndefined();
    expect(statusOf(evalAt(policyWith({ minOfficeBuild: '16.0.1.1' })), 'office-build')).toBeUndefined();
  });
});

describe('modes and unknownDevice', () => {
  it('mode off: no checks, no gate, not ok', () => {
    const v = evalAt(policyWith({ mode: 'off', avEnabled: false }));
    expect(v).toMatchObject({ status: 'unknown', mode: 'off', gate: 'none', checks: [] });
  });

  it.each([
    ['warn', 'ignore', 'none', false],
    ['warn', 'remind', 'remind', true],
    ['warn', 'warn', 'warn', true],
    ['warn', 'block', 'warn', true],
    ['block', 'block', 'block', true],
    ['block', 'remind', 'remind', true],
  ])('mode %s, unknownDevice %s, device unknown → gate %s', (mode, unknownDevice, gate, reminder) => {
    const v = evalAt(rawPolicy({ mode, unknownDevice, factsUpdatedAt: undefined }));
    expect(v.status).toBe('unknown');
    expect(v.gate).toBe(gate);
    expect(v.reminder !== undefined).toBe(reminder);
  });

  it('a known failure outranks unknown', () => {
    const v = evaluatePosture({ browser: { name: 'chrome', version: '100.0.0.1' } }, rawPolicy({ factsUpdatedAt: undefined }), NOW);
    expect(v.status).toBe('warn');
  });

  it('invalid limits in an unvalidated policy fall back to defaults with problems, never ok by NaN', () => {
    const v = evalAt(rawPolicy({ maxOsPatchAgeDays: Number.NaN, mode: 'loud', osPatchedAt: ago(24 * 100) }));
    expect(statusOf(v, 'os-patch-age')).toBe('warn');
    expect(v.problems?.map((p) => p.field)).toEqual(['posture.mode', 'posture.maxOsPatchAgeDays']);
  });

  it('an invalid now gives unknown everywhere', () => {
    const v = evaluatePosture({}, policyWith(), new Date('garbage'));
    expect(v.status).toBe('unknown');
    expect(v.evaluatedAt).toBeUndefined();
  });
});

describe('remedies name the contact', () => {
  it('puts the admin phone in the remedy', () => {
    const v = evalAt(policyWith({ osPatchedAt: ago(24 * 90) }, { adminContact: { name: '情報システム課', phone: '内線 1234' } }));
    const c = v.checks.find((x) => x.id === 'os-patch-age')!;
    expect(c.remedy.ja).toContain('Windows Update');
    expect(c.remedy.ja).toContain('情報システム課（内線 1234）に電話');
    expect(c.remedy.en).toContain('call 情報システム課 (内線 1234)');
  });
});

describe('purity', () => {
  it('same inputs, same verdict; the policy is not modified', () => {
    const p = policyWith();
    const copy = structuredClone(p);
    expect(evalAt(p)).toEqual(evalAt(p));
    expect(p).toEqual(copy);
  });
});
