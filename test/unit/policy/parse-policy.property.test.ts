import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergePolicySources, parsePolicy } from '../../../shared/policy/parse-policy';
import { evaluatePosture } from '../../../shared/posture/evaluate-posture';
import { POLICY_SCHEMA } from '../../../shared/policy/parse-policy';

const NOW = new Date('2026-11-26T12:00:00Z');

/** JSON shaped like a policy: real keys with arbitrary values, plus hostile keys. */
const keyish = fc.oneof(
  fc.constantFrom(...Object.keys(POLICY_SCHEMA.properties!), '__proto__', 'constructor', 'prototype'),
  fc.string({ maxLength: 12 }),
);
const postureKeys = Object.keys(POLICY_SCHEMA.properties!.posture!.properties!);
const dateish = fc.oneof(
  fc.date({ min: new Date('1980-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('2026-11-26T12:04:00Z', '2026-11-26T12:06:00Z', '2026-02-30T00:00:00Z', '2026-11-26T12:00:00'),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });
const postureish = fc.dictionary(fc.oneof(fc.constantFrom(...postureKeys), fc.string({ maxLength: 8 })), fc.oneof(anyJson, dateish, fc.boolean()), { maxKeys: 16 });
const policyish = fc.oneof(
  anyJson,
  fc.dictionary(keyish, anyJson, { maxKeys: 12 }),
  fc.record({ posture: postureish }, { requiredKeys: [] }).chain((r) => fc.dictionary(keyish, anyJson, { maxKeys: 6 }).map((d) => ({ ...d, ...r }))),
);

describe('parsePolicy on arbitrary JSON', () => {
  it('never throws, always returns a complete policy, every problem names a field', () => {
    fc.assert(
      fc.property(policyish, (input) => {
        const text = JSON.stringify(input);
        const parsed = JSON.parse(text === undefined ? 'null' : text);
        const r = parsePolicy(parsed, { now: NOW });
        expect(Array.isArray(r.policy.orgDomains)).toBe(true);
        expect(['off', 'warn', 'block']).toContain(r.policy.posture.mode);
        for (const p of r.problems) {
          expect(typeof p.field).toBe('string');
          expect(p.field.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
          expect(p.messageJa.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('never yields ok posture unless fresh, valid, healthy facts were given', () => {
    fc.assert(
      fc.property(postureish, fc.option(fc.record({ name: fc.constantFrom('chrome', 'edge', 'firefox', 'x'), version: fc.string({ maxLength: 15 }) }), { nil: undefined }), (posture, browser) => {
        const { policy } = parsePolicy({ posture }, { now: NOW });
        const v = evaluatePosture(browser ? { browser } : {}, policy, NOW);
        if (v.status !== 'ok') return;
        const p = policy.posture;
        const t = (s?: string) => (s === undefined ? Number.NaN : Date.parse(s));
        const hours = (s?: string) => (NOW.getTime() - t(s)) / 3_600_000;
        // ok implies every device fact was present, parseable, not in the future and within its limit.
        expect(hours(p.factsUpdatedAt)).toBeLessThanOrEqual(p.maxFactsAgeHours);
        expect(hours(p.osPatchedAt)).toBeLessThanOrEqual(p.maxOsPatchAgeDays * 24);
        expect(hours(p.avDefinitionsUpdatedAt)).toBeLessThanOrEqual(p.maxAvDefinitionsAgeHours);
        for (const s of [p.factsUpdatedAt, p.osPatchedAt, p.avDefinitionsUpdatedAt]) expect(t(s)).toBeLessThanOrEqual(NOW.getTime() + 5 * 60_000);
        expect(p.avEnabled).toBe(true);
        expect(p.realTimeProtectionEnabled).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('missing or invalid facts never give ok', () => {
    fc.assert(
      fc.property(fc.constantFrom('factsUpdatedAt', 'osPatchedAt', 'avDefinitionsUpdatedAt', 'avEnabled', 'realTimeProtectionEnabled'), fc.oneof(anyJson, fc.string()), (key, bad) => {
        const healthy: Record<string, unknown> = {
          factsUpdatedAt: '2026-11-26T11:00:00Z',
          osPatchedAt: '2026-11-20T00:00:00Z',
          avDefinitionsUpdatedAt: '2026-11-26T06:00:00Z',
          avEnabled: true,
          realTimeProtectionEnabled: true,
        };
        const good = healthy[key];
        fc.pre(JSON.stringify(bad) !== JSON.stringify(good));
        const isValidDate = typeof bad === 'string' && key.endsWith('At') && !Number.isNaN(Date.parse(bad));
        fc.pre(!isValidDate);
        delete healthy[key];
        const withBad = { ...healthy, ...(bad === undefined ? {} : { [key]: bad }) };
        const { policy } = parsePolicy({ posture: withBad }, { now: NOW });
        const v = evaluatePosture({}, policy, NOW);
        expect(v.status).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('mergePolicySources never throws on arbitrary sources', () => {
    fc.assert(
      fc.property(policyish, policyish, policyish, (managed, deployed, local) => {
        const r = mergePolicySources({ managed, deployed, local }, { now: NOW });
        for (const p of r.problems) expect(['managed', 'deployed', 'local']).toContain(p.source);
        for (const k of r.managedKeys) expect(r.keySources[k]).not.toBe('local');
      }),
      { numRuns: 200 },
    );
  });
});
