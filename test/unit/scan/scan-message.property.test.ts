/**
 * scanMessage never throws, whatever the snapshot: arbitrary strings in every field, arbitrary
 * anchors, attachments, headers and policies — and its verdict is always well-formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMessage } from '../../../shared/scan/scan-message';
import { findingText } from '../../../shared/i18n';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { MailSnapshot, Verdict } from '../../../shared/model';
import type { Policy } from '../../../shared/policy/types';

// Strings that reach the tricky paths: URLs with tricks, Japanese, bidi and invisible characters.
const tricky = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    'https://www.mhlw.go.jp@evil.example/', 'https://www.mhlw.go.jp＠evil.example/', 'https://accounts.google.com\\@evil.example/',
    'https://ｅｖｉｌ．ｅｘａｍｐｌｅ/', 'https://evil。example/', 'http://0x7f.1/', '  java\nscript:alert(1)', 'mailto:a@b', 'data:text/html,x',
    '三井住友カード', 'Amazonにログイン', '請求書\u202Efdp.exe', '【至急】', 'xn--80ak6aa92e.com', 'https://bit.ly/x', '\u0000\uFFFF\uD800',
  ),
);
const address = fc.record({ address: fc.option(tricky, { nil: undefined }), name: fc.option(tricky, { nil: undefined }) }, { requiredKeys: [] });
const anchor = fc.record({ href: tricky, text: tricky, source: fc.constantFrom('html', 'text', 'dom', undefined) }, { requiredKeys: ['href', 'text'] });
const attachment = fc.record(
  { name: tricky, contentType: fc.option(tricky, { nil: undefined }), size: fc.option(fc.integer(), { nil: undefined }), encrypted: fc.option(fc.boolean(), { nil: undefined }), innerNames: fc.option(fc.array(tricky, { maxLength: 4 }), { nil: undefined }) },
  { requiredKeys: ['name'] },
);
const snapshot: fc.Arbitrary<MailSnapshot> = fc.record(
  {
    host: fc.constantFrom('eml', 'gmail', 'outlook-web', 'roundcube', 'outlook-addin', 'unknown'),
    from: address,
    sender: address,
    replyTo: fc.array(address, { maxLength: 3 }),
    to: fc.array(address, { maxLength: 3 }),
    cc: fc.array(address, { maxLength: 2 }),
    subject: tricky,
    date: tricky,
    messageId: tricky,
    inReplyTo: tricky,
    references: fc.array(tricky, { maxLength: 2 }),
    headers: fc.array(fc.record({ name: fc.oneof(tricky, fc.constantFrom('Authentication-Results', 'From', 'List-Id', 'Received-SPF')), value: tricky }), { maxLength: 6 }),
    html: fc.oneof(tricky, fc.constant('<a href="https://x.example/">https://y.example/</a><form action="x">')),
    text: tricky,
    anchors: fc.array(anchor, { maxLength: 6 }),
    attachments: fc.array(attachment, { maxLength: 4 }),
    missing: fc.subarray(['body', 'links', 'attachments'] as const),
    problems: fc.array(tricky, { maxLength: 2 }),
  },
  { requiredKeys: ['host'] },
) as fc.Arbitrary<MailSnapshot>;

const policy: fc.Arbitrary<Policy> = fc.record({
  orgName: fc.option(tricky, { nil: undefined }),
  orgDomains: fc.array(tricky, { maxLength: 3 }),
  partnerDomains: fc.array(tricky, { maxLength: 3 }),
  scan: fc.record({
    disabledRules: fc.array(tricky, { maxLength: 3 }),
    blockedDomains: fc.array(tricky, { maxLength: 3 }),
    allowedDomains: fc.array(tricky, { maxLength: 3 }),
    protectedNames: fc.array(tricky, { maxLength: 3 }),
    alertMode: fc.boolean(),
  }),
}).map((p) => ({ ...DEFAULT_POLICY, ...p }) as Policy);

function wellFormed(v: Verdict) {
  expect(['safe', 'caution', 'danger']).toContain(v.level);
  expect(Array.isArray(v.unchecked)).toBe(true);
  for (const f of v.findings) {
    expect(typeof f.rule).toBe('string');
    expect(['info', 'caution', 'danger']).toContain(f.severity);
    expect(typeof f.target.value).toBe('string');
    for (const lang of ['ja', 'en'] as const) expect(typeof findingText(f, lang).message).toBe('string');
  }
  if (v.findings.some((f) => f.severity === 'danger')) expect(v.level).toBe('danger');
}

describe('scanMessage on arbitrary input', () => {
  it('never throws and always returns a well-formed verdict', () => {
    fc.assert(
      fc.property(snapshot, policy, (snap, pol) => {
        const v = scanMessage(snap, pol);
        wellFormed(v);
        expect(v.findings.filter((f) => f.rule === 'scan-error')).toEqual([]);
        if (snap.missing && snap.missing.length > 0) expect(v.level).not.toBe('safe');
      }),
      { numRuns: 300 },
    );
  });

  it('survives values of the wrong type from a confused host', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const v = scanMessage({ host: 'unknown', from: a, subject: b, anchors: a, attachments: b, headers: a, html: b, text: a } as unknown as MailSnapshot, b as Policy);
        wellFormed(v);
      }),
      { numRuns: 200 },
    );
  });
});
