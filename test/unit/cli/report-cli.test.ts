import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const EML = 'test/fixtures/report/consult-phish.eml';
const ASK = 'test/fixtures/report/policy-ask.json';
const NEVER = 'test/fixtures/report/policy-never.json';
const schema = JSON.parse(readFileSync(`${ROOT}shared/report/report-schema.json`, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'shared/cli/report.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run report (dry run)', () => {
  it('prints one schema-valid report and no body text without --include-original', () => {
    const r = run('--eml', EML, '--policy', ASK, '--kind', 'consult', '--comment', '見覚えがありません');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({
      schema: 'kokoroe.report/1',
      kind: 'consult',
      comment: '見覚えがありません',
      client: { host: 'eml' },
      original: { included: false, reason: 'not-requested' },
      message: {
        from: { address: 'info@mhlw-go-jp.example' },
        replyTo: [{ address: 'collect@freemail.example' }],
        subject: '【至急】アカウント確認のお願い',
        messageId: '<synthetic-0001@mhlw-go-jp.example>',
        links: ['https://login.example.net/verify'],
      },
    });
    expect(report.message.authResults[0]).toContain('spf=fail');
    expect(report.message.attachments.map((a: { name: string }) => a.name)).toEqual(['invoice.zip']);
    expect(report.message.attachments[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.verdict.level).not.toBe('safe');
    expect(report.posture.status).toBeTypeOf('string');
    for (const secret of ['山田花子', '0042-7781', 'ward3@', 'doctor@', 'test-token-not-secret']) expect(r.stdout).not.toContain(secret);
  });

  it('attaches the original as base64 .eml with --include-original when policy allows', () => {
    const r = run('--eml', EML, '--policy', ASK, '--kind', 'report', '--include-original');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toBe(true);
    expect(report.original).toMatchObject({ included: true, format: 'eml', encoding: 'base64' });
    expect(Buffer.from(report.original.data, 'base64').equals(readFileSync(`${ROOT}${EML}`))).toBe(true);
  });

  it('refuses the original when policy says never, saying so on stderr', () => {
    const r = run('--eml', EML, '--policy', NEVER, '--kind', 'opened-already', '--include-original');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.kind).toBe('opened-already');
    expect(report.original).toEqual({ included: false, reason: 'policy-forbids' });
    expect(r.stdout).not.toContain('山田花子');
    expect(r.stderr).toMatch(/--include-original/);
  });

  it('through `npm run --silent report` stdout is the JSON document alone', () => {
    const r = spawnSync('npm', ['run', '--silent', 'report', '--', '--eml', EML, '--policy', ASK, '--kind', 'report'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimStart().startsWith('{')).toBe(true);
    expect(JSON.parse(r.stdout).kind).toBe('report');
  });

  it.each([
    [['--policy', ASK, '--kind', 'consult'], /--eml/],
    [['--eml', EML, '--kind', 'consult'], /--policy/],
    [['--eml', EML, '--policy', ASK], /--kind/],
    [['--eml', EML, '--policy', ASK, '--kind', 'delete'], /--kind/],
    [['--eml', 'test/fixtures/report/missing.eml', '--policy', ASK, '--kind', 'consult'], /--eml .*missing\.eml/],
    [['--eml', EML, '--policy', EML, '--kind', 'consult'], /--policy .*not JSON/],
    [['--eml', EML, '--policy', ASK, '--kind', 'consult', '--bogus'], /--bogus/],
  ])('exits 2 on %j naming the argument, with nothing on stdout', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
