import { describe, expect, it } from 'vitest';
import { unwrapPolicyDocument } from '../../../shared/policy/unwrap-policy-document';

const A = 'abcdefghijklmnopabcdefghijklmnop';
const B = 'ponmlkjihgfedcbaponmlkjihgfedcba';

describe('unwrapPolicyDocument', () => {
  it.each([
    [{ orgName: 'x' }, 'plain', { orgName: 'x' }],
    [{ '3rdparty': { extensions: { [A]: { orgName: 'x' } } } }, 'chrome-managed', { orgName: 'x' }],
    [{ policies: { '3rdparty': { Extensions: { 'mail-guard@kokoroe.jp': { orgName: 'x' } } } } }, 'firefox-policies', { orgName: 'x' }],
    [{ policyValues: { extensions: { [A]: { policies: { orgName: { value: 'x', scope: 'machine' } } } } } }, 'chrome-export', { orgName: 'x' }],
    ['text', 'plain', 'text'],
    [null, 'plain', null],
  ])('%j → %s', (doc, wrapper, policy) => {
    const r = unwrapPolicyDocument(doc);
    expect(r.wrapper).toBe(wrapper);
    expect(r.policy).toEqual(policy);
    expect(r.problems).toEqual([]);
  });

  it('picks the requested extension, or the first with a problem saying so', () => {
    const doc = { '3rdparty': { extensions: { [A]: { orgName: 'a' }, [B]: { orgName: 'b' } } } };
    expect(unwrapPolicyDocument(doc, B).policy).toEqual({ orgName: 'b' });
    const first = unwrapPolicyDocument(doc);
    expect(first.policy).toEqual({ orgName: 'a' });
    expect(first.problems).toHaveLength(1);
    expect(unwrapPolicyDocument(doc, 'missing').problems[0]!.message).toContain('no policy for extension');
  });

  it('keeps a "__proto__" policy name from an export as an own key, without touching prototypes', () => {
    const doc = JSON.parse(`{"policyValues":{"extensions":{"${A}":{"policies":{"__proto__":{"value":{"polluted":true}}}}}}}`);
    const r = unwrapPolicyDocument(doc);
    expect(Object.getPrototypeOf(r.policy)).toBe(Object.prototype);
    expect(Object.keys(r.policy as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
