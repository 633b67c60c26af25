import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { runPostureCli } from '../../../shared/cli/posture';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const fixture = (name: string) => resolve(root, 'test/fixtures/policies', name);
const NOW = '2026-11-26T12:00:00Z';

/** Spawns the real command, as IT would run it, and returns exit code and both streams. */
function spawnCli(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'shared/cli/posture.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('posture CLI (spawned)', () => {
  it('json: stdout is exactly one JSON document with the contract keys; exit 0', () => {
    const r = spawnCli(['--policy', fixture('healthy-device.json'), '--now', NOW, '--browser', 'Chrome/154.0.7700.10', '--office', '16.0.19127.20000', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['status', 'checks', 'problems']);
    expect(doc.status).toBe('ok');
    expect(doc.problems).toEqual([]);
    expect(doc.checks.map((c: { id: string }) => c.id)).toEqual(['facts-freshness', 'os-patch-age', 'av-definitions-age', 'av-enabled', 'browser-version', 'office-build']);
    for (const c of doc.checks) {
      expect(Object.keys(c)).toEqual(['id', 'status', 'value', 'limit', 'remedy']);
      expect(Object.keys(c.remedy)).toEqual(['ja', 'en']);
    }
  }, 60_000);

  it('exit 0 for a block verdict too', () => {
    const r = spawnCli(['--policy', fixture('stale-os-patch.json'), '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('block');
  }, 60_000);

  it('exit 2 for a missing file, naming the argument; nothing on stdout', () => {
    const r = spawnCli(['--policy', fixture('does-not-exist.json'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--policy');
  }, 60_000);

  it('exit 2 for a file that is not JSON', () => {
    const r = spawnCli(['--policy', fixture('not-json.json'), '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not valid JSON/);
  }, 60_000);

  it('npm run --silent posture prints only the JSON document', () => {
    const r = spawnSync('npm', ['run', '--silent', 'posture', '--', '--policy', fixture('bom-no-facts.json'), '--now', NOW, '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('unknown');
  }, 60_000);
});

describe('posture CLI (in process)', () => {
  const run = (args: string[]) => runPostureCli(args, () => new Date(NOW));

  it.each([
    [['--format', 'json'], '--policy'],
    [['--policy'], '--policy'],
    [['--policy', fixture('healthy-device.json'), '--now', 'tomorrow'], '--now'],
    [['--policy', fixture('healthy-device.json'), '--now', '2026-11-26T12:00:00'], '--now'],
    [['--policy', fixture('healthy-device.json'), '--browser', 'Chrome'], '--browser'],
    [['--policy', fixture('healthy-device.json'), '--browser', 'Netscape/4.0'], '--browser'],
    [['--policy', fixture('healthy-device.json'), '--office', 'sixteen'], '--office'],
    [['--policy', fixture('healthy-device.json'), '--format', 'yaml'], '--format'],
    [['--policy', fixture('healthy-device.json'), '--verbose'], '--verbose'],
    [['--policy', fixture('healthy-device.json'), 'extra.json'], 'extra.json'],
  ])('bad arguments %j → exit 2 naming %s', (args, named) => {
    const r = run(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(named);
  });

  it('reports policy problems with field and message, and still evaluates', () => {
    const r = run(['--policy', fixture('invalid-values.json'), '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.map((p: { field: string }) => p.field)).toEqual([
      'orgDomain', 'orgName', 'reportEndpoint', 'posture.mode', 'posture.osPatchedAt', 'posture.avEnabled', 'posture.factsUpdatedAt',
    ]);
    for (const p of doc.problems) expect(Object.keys(p)).toEqual(['field', 'message']);
    expect(doc.status).toBe('unknown');
  });

  it('--now defaults to the clock', () => {
    const doc = JSON.parse(runPostureCli(['--policy', fixture('healthy-device.json'), '--format', 'json'], () => new Date('2026-12-31T00:00:00Z')).stdout);
    expect(doc.status).toBe('unknown');
  });

  it('reads a chrome://policy export', () => {
    const doc = JSON.parse(run(['--policy', fixture('chrome-policy-export.json'), '--format', 'json']).stdout);
    expect(doc.status).toBe('warn');
    expect(doc.checks.find((c: { id: string }) => c.id === 'av-enabled').status).toBe('warn');
  });

  it('reads the deployment kit examples (Linux managed file, Firefox policies.json)', () => {
    for (const file of ['linux/chrome-kokoroe-mail-guard.json', 'firefox/policies.json']) {
      const doc = JSON.parse(run(['--policy', resolve(root, 'shared/policy/deploy', file), '--format', 'json']).stdout);
      expect(doc.problems).toEqual([]);
      expect(doc.status).toBe('unknown');
    }
  });

  it('text: readable Japanese with the status, failing checks and remedies', () => {
    const r = run(['--policy', fixture('stale-os-patch.json')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('端末の状態: メールを読む前に対処が必要（block）');
    expect(r.stdout).toContain('[要対処] OS の更新が古くなっています');
    expect(r.stdout).toContain('Windows Update');
    expect(r.stdout).toContain('ポリシーの問題: なし');
  });
});
