/**
 * Whatever a hostile page makes the adapter read, the snapshot the content script sends passes
 * the worker's validator (so the check runs), and a cut is recorded.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fitSnapshot } from '../../../../extension/content/fit-snapshot';
import { checkSnapshot, LIMITS } from '../../../../extension/messages';
import type { MailSnapshot } from '../../../../shared/model';

const str = (max: number) => fc.string({ maxLength: max });
const address = fc.record({ address: str(1_200), name: str(1_200) }, { requiredKeys: [] });

const snapshotArb: fc.Arbitrary<MailSnapshot> = fc.record(
  {
    host: fc.constantFrom('gmail', 'outlook-web', 'roundcube'),
    from: address,
    subject: str(1_500),
    date: str(1_500),
    text: str(3_000),
    anchors: fc.array(fc.record({ href: str(9_000), text: str(2_500), source: fc.constant('dom' as const) }), { maxLength: 5 }),
    attachments: fc.array(
      fc.record({ name: str(2_500), contentType: str(300), size: fc.oneof(fc.nat(), fc.constant(-1), fc.constant(Number.NaN)) }, { requiredKeys: ['name'] }),
      { maxLength: 5 },
    ),
    missing: fc.subarray(['body', 'links', 'attachments'] as const),
  },
  { requiredKeys: ['host'] },
) as fc.Arbitrary<MailSnapshot>;

describe('fitSnapshot', () => {
  test('every fitted snapshot passes the worker\'s validator', () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const result = checkSnapshot(fitSnapshot(snapshot));
        expect(result.ok, result.ok ? '' : result.error).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('an oversized href is cut and the cut recorded; a fitting snapshot is unchanged', () => {
    const long = `https://evil.example/${'a'.repeat(LIMITS.href)}`;
    const fitted = fitSnapshot({ host: 'gmail', anchors: [{ href: long, text: 'x' }] });
    expect(fitted.anchors![0]!.href).toHaveLength(LIMITS.href);
    expect(fitted.problems).toContain('snapshot-truncated');
    const small: MailSnapshot = { host: 'gmail', from: { address: 'a@b.example' }, subject: 's', anchors: [{ href: 'https://a.example/', text: 'a', source: 'dom' }], attachments: [{ name: 'a.pdf', size: 3 }] };
    expect(fitSnapshot(small)).toEqual(small);
  });

  test('too many anchors are cut to the limit', () => {
    const anchors = Array.from({ length: LIMITS.anchors + 5 }, (_, i) => ({ href: `https://a.example/${i}`, text: String(i) }));
    const fitted = fitSnapshot({ host: 'gmail', anchors });
    expect(fitted.anchors).toHaveLength(LIMITS.anchors);
    expect(checkSnapshot(fitted).ok).toBe(true);
  });
});
