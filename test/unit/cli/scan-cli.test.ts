/**
 * The public contract of `npm run scan` (README): JSON Lines with exactly one object per message
 * and exactly the documented keys, nothing else on stdout, a summary on stderr, exit 0 when the
 * run completes, 2 on bad arguments, and a parse-error line for a file that cannot be read.
 * Runs the real command (tsx) as outside tools do.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const SAMPLES = join(ROOT, 'test/fixtures/samples');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]) {
  const r = spawnSync(TSX, ['shared/cli/scan.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kokoroe-scan-'));
  mkdirSync(join(tmp, 'nested'));
  writeFileSync(join(tmp, 'nested', 'garbage.eml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
  writeFileSync(join(tmp, 'empty.eml'), '');
  writeFileSync(join(tmp, 'bad-policy.json'), '{ not json');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run scan (CLI contract)', () => {
  it('prints one JSON object per message with exactly the documented keys', () => {
    const r = run(['--format', 'jsonl', SAMPLES]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const emlCount = readdirSync(SAMPLES).filter((f) => f.endsWith('.eml')).length;
    expect(lines).toHaveLength(emlCount);
    for (const line of lines) {
      const o = JSON.parse(line);
      expect(Object.keys(o).sort()).toEqual(['findings', 'ms', 'path', 'verdict']);
      expect(['safe', 'caution', 'danger']).toContain(o.verdict);
      expect(typeof o.ms).toBe('number');
      expect(o.ms).toBeGreaterThanOrEqual(0);
      for (const f of o.findings) {
        expect(Object.keys(f).sort()).toEqual(['message', 'rule', 'severity', 'target']);
        expect(['info', 'caution', 'danger']).toContain(f.severity);
        expect(typeof f.target).toBe('string');
        expect(f.message.length).toBeGreaterThan(0);
      }
    }
    const byFile = new Map(lines.map((l) => JSON.parse(l)).map((o) => [o.path.split('/').pop(), o]));
    expect(byFile.get('01-smbc-card-impersonation.eml').verdict).toBe('danger');
    expect(byFile.get('06-renkei-partner-clean.eml').verdict).toBe('safe');
    expect(r.stderr).toMatch(/12 通を確認/);
  });

  it('writes English messages with --lang en', () => {
    const r = run(['--format', 'jsonl', '--lang', 'en', join(SAMPLES, '01-smbc-card-impersonation.eml')]);
    const o = JSON.parse(r.stdout.trim());
    expect(o.findings.find((f: { rule: string }) => f.rule === 'sender-brand-mismatch').message).toMatch(/does not belong to/);
  });

  it('gives parse-error for unreadable files and goes on', () => {
    const r = run(['--format', 'jsonl', tmp, join(SAMPLES, '06-renkei-partner-clean.eml'), join(tmp, 'does-not-exist.eml')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const errors = lines.filter((o) => o.findings.some((f: { rule: string }) => f.rule === 'parse-error'));
    expect(errors.map((o) => o.path.split('/').pop()).sort()).toEqual(['does-not-exist.eml', 'empty.eml', 'garbage.eml']);
    for (const o of errors) expect(o.verdict).toBe('caution');
    expect(lines.find((o) => o.path.endsWith('06-renkei-partner-clean.eml')).verdict).toBe('safe');
  });

  it('prints readable Japanese text by default', () => {
    const r = run([join(SAMPLES, '01-smbc-card-impersonation.eml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('判定: 危険');
    expect(r.stdout).toContain('三井住友カード');
  });

  it.each([
    [['--format', 'xml', SAMPLES], /--format must be one of text, jsonl/],
    [['--lang', 'fr', SAMPLES], /--lang must be one of ja, en/],
    [['--bogus', SAMPLES], /unknown option --bogus/],
    [['--format', 'jsonl'], /PATH is missing/],
    [['--policy', '/nonexistent/policy.json', SAMPLES], /--policy .*cannot read/],
  ])('exits 2 on bad arguments %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message as RegExp);
  });

  it('exits 2 on a policy file that is not JSON', () => {
    const r = run(['--policy', join(tmp, 'bad-policy.json'), SAMPLES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});
