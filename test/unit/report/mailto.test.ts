import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, MailSnapshot } from '../../../shared/model';
import { buildReport } from '../../../shared/report';
import { buildMailto, MAILTO_BODY_CHARS } from '../../../shared/report/mailto';
import { BODY_SECRET, phishSnapshot, phishVerdict, policyWith } from './report-fixtures';

const MAILBOX = 'security@hospital.example.jp';
const NOW = new Date('2026-11-26T10:00:00Z');

/** Strings made to break out of a mailto: query: separators, encodings, line breaks, addresses. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('&', '=', '?', '#', '%', '\r', '\n', ',', ';', '@', 'c', 'b', 't', 'o', ':', ' ', '+', '2', '6', 'D', '0', 'A'), maxLength: 60 }),
  fc.constantFrom('x&cc=evil@attacker.example', '?bcc=evil@attacker.example', '%26to%3Devil%40x.example', 'a\r\nBcc: evil@x.example', '#&body=', 'mailto:evil@x.example'),
);

function reportFrom(subject: string, from: string, finding: string, comment: string, attachment: string) {
  const snapshot: MailSnapshot = { ...phishSnapshot(), subject, from: { address: from, name: from }, replyTo: [{ address: from }], attachments: [{ name: attachment }] };
  const verdict = phishVerdict();
  const extra: Finding = { rule: 'link-text-mismatch', severity: 'caution', target: { kind: 'link', value: finding }, params: { text: finding } };
  verdict.findings.push(extra);
  return buildReport({ kind: 'report', snapshot, verdict, policy: policyWith({ reportMailbox: MAILBOX }), client: { host: 'gmail' }, includeOriginal: false, comment, now: NOW }).report;
}

describe('buildMailto', () => {
  it('addresses only the configured mailbox with only subject and body, whatever the report holds', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, hostile, fc.constantFrom('ja' as const, 'en' as const), (subject, from, finding, comment, attachment, lang) => {
        const report = reportFrom(subject, from, finding, comment, attachment);
        const mailto = buildMailto(policyWith({ reportMailbox: MAILBOX }), report, lang);
        expect(mailto).toBeDefined();
        const url = new URL(mailto!);
        expect(url.protocol).toBe('mailto:');
        expect(decodeURIComponent(url.pathname)).toBe(MAILBOX);
        expect(url.hash).toBe('');
        expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
        expect(url.searchParams.get('body')!.length).toBeLessThanOrEqual(MAILTO_BODY_CHARS);
        expect(url.searchParams.get('subject')).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 300 },
    );
  });

  it('never uses an address from the message and needs a valid mailbox in policy', () => {
    const report = reportFrom('件名', 'evil@attacker.example', 'https://x.example/', '', 'a.pdf');
    expect(buildMailto(policyWith({}), report)).toBeUndefined();
    expect(buildMailto(policyWith({ reportMailbox: 'not an address' }), report)).toBeUndefined();
    expect(buildMailto(policyWith({ reportMailbox: 'a@b.example?cc=evil@x.example' }), report)).toBeUndefined();
    const url = new URL(buildMailto(policyWith({ reportMailbox: MAILBOX }), report)!);
    expect(decodeURIComponent(url.pathname)).toBe(MAILBOX);
  });

  it('summarises without body text or the original', () => {
    const report = buildReport({ kind: 'consult', snapshot: phishSnapshot(), verdict: phishVerdict(), policy: policyWith({ reportMailbox: MAILBOX }), client: { host: 'gmail' }, includeOriginal: true, original: `Subject: x\r\n\r\n${BODY_SECRET}`, now: NOW }).report;
    const body = new URL(buildMailto(policyWith({ reportMailbox: MAILBOX }), report, 'ja')!).searchParams.get('body')!;
    expect(body).toContain(report.id);
    expect(body).toContain('【至急】アカウント確認のお願い');
    expect(body).toContain('https://login.example.net/verify');
    expect(body).toContain('請求書.zip');
    expect(body).not.toContain('山田花子');
    expect(body).toContain('本文と元のメールは含めていません');
  });
});
