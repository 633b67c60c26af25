/**
 * `npm run eval` and `npm run bench` on the project's own samples: the figures they promise are
 * printed, and bad arguments exit 2 with a message naming the argument.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runEvalCli } from '../../../shared/cli/eval';
import { ADVERSARIAL, runBenchCli } from '../../../shared/cli/bench';

const SAMPLES = join(__dirname, '../../fixtures/samples');

async function call(fn: typeof runEvalCli, argv: string[]) {
  let out = '';
  let err = '';
  const code = await fn(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('npm run eval', () => {
  it('prints recall, false-positive rates and per-rule counts', async () => {
    const r = await call(runEvalCli, ['--phish', SAMPLES, '--ham', SAMPLES]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/recall caution-or-danger: +[\d.]+ %/);
    expect(r.out).toMatch(/recall danger: +[\d.]+ %/);
    expect(r.out).toMatch(/false positives caution-or-danger: +[\d.]+ %/);
    expect(r.out).toMatch(/false positives danger: +[\d.]+ %/);
    expect(r.out).toMatch(/sender-brand-mismatch +\d+\/\d+ +\d+\/\d+/);
  });

  it.each([[['--phish', SAMPLES]], [['--ham', SAMPLES]], [['--phish', SAMPLES, '--ham', '/nonexistent']], [['--phish', SAMPLES, '--ham', SAMPLES, '--list', 'all']]])(
    'exits 2 on %j',
    async (argv) => {
      const r = await call(runEvalCli, argv as string[]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--ham|--phish|--list|directory/);
    },
  );
});

describe('npm run bench', () => {
  it('prints throughput, latency split into parse and scan, and the growth check', async () => {
    const r = await call(runBenchCli, [SAMPLES]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/messages\/s/);
    expect(r.out).toMatch(/MB\/s/);
    expect(r.out).toMatch(/parse +[\d.]+ +[\d.]+ +[\d.]+/);
    expect(r.out).toMatch(/scan +[\d.]+ +[\d.]+ +[\d.]+/);
    for (const name of Object.keys(ADVERSARIAL)) expect(r.out).toContain(name);
    expect(r.out).toMatch(/worst ratio: [\d.]+/);
  }, 120_000);

  it('exits 2 without a directory or with a bad --repeat', async () => {
    expect((await call(runBenchCli, [])).code).toBe(2);
    const r = await call(runBenchCli, [SAMPLES, '--repeat', 'many']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--repeat/);
  });
});
