import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { evaluatePosture } from '../../../shared/posture/evaluate-posture';
import { buildReport, type BuildReportInput, REPORT_LIMITS } from '../../../shared/report';
import { BODY_SECRET, phishSnapshot, phishVerdict, policyWith } from './report-fixtures';

const schema = JSON.parse(readFileSync(new URL('../../../shared/report/report-schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function expectValid(report: unknown) {
  const ok = validate(report);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

const NOW = new Date('2026-11-26T10:00:00Z');

function input(over: Partial<BuildReportInput> = {}): BuildReportInput {
  return {
    kind: 'consult',
    snapshot: phishSnapshot(),
    verdict: phishVerdict(),
    policy: policyWith({ reportOriginal: 'ask' }),
    client: { host: 'gmail', extensionVersion: '0.1.0', browser: 'Chrome 142' },
    reporter: 'nurse1@hospital.example.jp',
    includeOriginal: false,
    now: NOW,
    ...over,
  };
}

describe('buildReport', () => {
  it('builds a schema-valid consult with the message summary', () => {
    const posture = evaluatePosture({ browser: { name: 'chrome', version: '142.0.7444.60' } }, policyWith({}), NOW);
    const { report, problems } = buildReport(input({ comment: '  見覚えのない差出人です  ', posture }));
    expectValid(report);
    expect(problems).toEqual([]);
    expect(report.schema).toBe('kokoroe.report/1');
    expect(report.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(report.kind).toBe('consult');
    expect(report.createdAt).toBe('2026-11-26T10:00:00.000Z');
    expect(report.reporter).toBe('nurse1@hospital.example.jp');
    expect(report.message.from).toEqual({ address: 'info@mhlw-go-jp.example', name: '厚生労働省' });
    expect(report.message.replyTo).toEqual([{ address: 'collect@freemail.example' }]);
    expect(report.message.subject).toBe('【至急】アカウント確認のお願い');
    expect(report.message.messageId).toBe('<abc123@mhlw-go-jp.example>');
    expect(report.message.authResults).toEqual([expect.stringContaining('spf=fail')]);
    expect(report.message.attachments).toEqual([
      { name: '請求書.zip', contentType: 'application/zip', size: 2048, encrypted: true, innerNames: ['請求書.exe'], sha256: 'a'.repeat(64) },
    ]);
    expect(report.comment).toBe('見覚えのない差出人です');
    expect(report.posture).toMatchObject({ status: posture.status, mode: posture.mode, gate: posture.gate });
    expect(report.posture!.checks.map((c) => c.id)).toEqual(posture.checks.map((c) => c.id));
    expect(JSON.stringify(report.posture)).not.toContain('remedy');
    expect(report.client).toEqual({ host: 'gmail', product: 'kokoroe-mail-guard', extensionVersion: '0.1.0', browser: 'Chrome 142' });
    expect(report.original).toEqual({ included: false, reason: 'not-requested' });
  });

  it('lists unwrapped link destinations once, flagged first, mailto without its query', () => {
    const { report } = buildReport(input());
    expect(report.message.links).toEqual(['https://login.example.net/verify', 'mailto:help@example.net']);
    expect(report.message.linkCount).toBe(2);
  });

  it('reads links from the HTML and text parts when the host gave no anchors', () => {
    const snap = phishSnapshot();
    delete snap.anchors;
    const { report } = buildReport(input({ snapshot: snap, verdict: { level: 'safe', findings: [], unchecked: [] } }));
    expect(report.message.links).toEqual(['https://login.example.net/verify']);
    expect(JSON.stringify(report)).not.toContain('山田花子');
  });

  it('carries no body text, no recipients and no original without the tick', () => {
    const { report } = buildReport(input());
    const json = JSON.stringify(report);
    expect(json).not.toContain('山田花子');
    expect(json).not.toContain('0042-7781');
    expect(json).not.toContain('Xy9!secret');
    expect(json).not.toContain('ward3@hospital.example.jp');
    expect(json).not.toContain('doctor@hospital.example.jp');
    const bodyFinding = report.verdict.findings.find((f) => f.rule === 'body-archive-password');
    expect(bodyFinding).toEqual({ rule: 'body-archive-password', severity: 'caution', target: { kind: 'body', value: '' }, params: { count: 1 }, redacted: true });
  });

  it('leaves out finding texts that quote the body, keeping URLs and header values', () => {
    const verdict = phishVerdict();
    verdict.findings.push(
      { rule: 'link-text-mismatch', severity: 'caution', target: { kind: 'link', value: 'https://login.example.net/verify' }, params: { text: '山田花子様の検査結果', shown: 'https://www.mhlw.go.jp/' } },
      { rule: 'sender-display-name-address', severity: 'caution', target: { kind: 'sender', value: 'info@mhlw-go-jp.example' }, params: { name: '厚生労働省' } },
    );
    const snap = phishSnapshot();
    snap.text = `${snap.text}\n山田花子様の検査結果 https://www.mhlw.go.jp/`;
    const { report } = buildReport(input({ snapshot: snap, verdict }));
    expectValid(report);
    const mismatch = report.verdict.findings.find((f) => f.rule === 'link-text-mismatch')!;
    expect(mismatch).toMatchObject({ params: { shown: 'https://www.mhlw.go.jp/' }, redacted: true });
    expect(mismatch.params.text).toBeUndefined();
    expect(report.verdict.findings.find((f) => f.rule === 'sender-display-name-address')).toMatchObject({ params: { name: '厚生労働省' } });
    expect(report.verdict.findings.find((f) => f.rule === 'sender-display-name-address')!.redacted).toBeUndefined();
    expect(JSON.stringify(report)).not.toContain('山田花子');
  });

  it('attaches the original as base64 .eml only when policy asks and the user ticked it', () => {
    const eml = `From: a@example.jp\r\nSubject: x\r\n\r\n${BODY_SECRET}\r\n`;
    const bytes = new TextEncoder().encode(eml);
    const ticked = buildReport(input({ includeOriginal: true, original: bytes })).report;
    expectValid(ticked);
    expect(ticked.original).toMatchObject({ included: true, format: 'eml', encoding: 'base64', bytes: bytes.length });
    if (!ticked.original.included) throw new Error('expected the original');
    expect(Buffer.from(ticked.original.data, 'base64').toString('utf8')).toBe(eml);

    const forbidden = buildReport(input({ includeOriginal: true, original: bytes, policy: policyWith({ reportOriginal: 'never' }) })).report;
    expectValid(forbidden);
    expect(forbidden.original).toEqual({ included: false, reason: 'policy-forbids' });
    expect(JSON.stringify(forbidden)).not.toContain(Buffer.from(bytes).toString('base64').slice(0, 20));

    const unticked = buildReport(input({ includeOriginal: false, original: bytes })).report;
    expect(unticked.original).toEqual({ included: false, reason: 'not-requested' });
  });

  it('falls back to the body text, labelled, where the host has no .eml; unavailable without any', () => {
    const { report } = buildReport(input({ includeOriginal: true }));
    expectValid(report);
    expect(report.original).toMatchObject({ included: true, format: 'text' });
    const snap = phishSnapshot();
    delete snap.text;
    delete snap.html;
    const none = buildReport(input({ includeOriginal: true, snapshot: snap })).report;
    expect(none.original).toEqual({ included: false, reason: 'unavailable' });
  });

  it('refuses an original over the byte limit with a problem', () => {
    const big = new Uint8Array(REPORT_LIMITS.originalBytes + 1);
    const { report, problems } = buildReport(input({ includeOriginal: true, original: big }));
    expect(report.original).toEqual({ included: false, reason: 'unavailable' });
    expect(problems.join('\n')).toMatch(/original/);
  });

  it('keeps a given UUID (retries) and replaces a bad one', () => {
    const id = '0b7c3c9e-2f4e-4d3a-9a51-0c0e2b1d7f11';
    expect(buildReport(input({ id })).report.id).toBe(id);
    const bad = buildReport(input({ id: 'not-a-uuid' }));
    expect(bad.report.id).not.toBe('not-a-uuid');
    expect(bad.problems).toEqual([expect.stringContaining('id')]);
  });

  it('bounds links, findings, attachments and the comment, saying so', () => {
    const snap = phishSnapshot();
    snap.anchors = Array.from({ length: 120 }, (_, i) => ({ href: `https://example${i}.net/`, text: String(i) }));
    snap.attachments = Array.from({ length: 70 }, (_, i) => ({ name: `f${i}.pdf` }));
    const verdict = phishVerdict();
    verdict.findings = Array.from({ length: 130 }, (_, i) => ({ rule: 'link-shortener', severity: 'caution' as const, target: { kind: 'link' as const, value: `https://bit.example/${i}` }, params: {} }));
    const { report, problems } = buildReport(input({ snapshot: snap, verdict, comment: 'あ'.repeat(5000) }));
    expectValid(report);
    expect(report.message.links).toHaveLength(REPORT_LIMITS.links);
    expect(report.message.linkCount).toBe(130 + 120);
    expect(report.verdict.findings).toHaveLength(REPORT_LIMITS.findings);
    expect(report.message.attachments).toHaveLength(REPORT_LIMITS.attachments);
    expect(report.comment).toHaveLength(REPORT_LIMITS.commentChars);
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });

  it('is valid for every kind and for an almost empty snapshot', () => {
    for (const kind of ['consult', 'report', 'opened-already'] as const) {
      const { report } = buildReport(input({ kind, snapshot: { host: 'outlook-web', missing: ['body'] }, verdict: { level: 'caution', findings: [], unchecked: ['sender-auth-fail'] }, reporter: undefined }));
      expectValid(report);
      expect(report.kind).toBe(kind);
      expect(report.message).toEqual({ authResults: [], links: [], linkCount: 0, attachments: [], missing: ['body'] });
    }
  });
});
