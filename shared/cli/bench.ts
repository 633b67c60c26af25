/**
 * `npm run bench -- DIR [--repeat N]`
 * Speed of the core on real mail: messages/s, MB/s, median/p99/max milliseconds per message,
 * split into parse (parseEml) and scan (scanMessage). Then a growth check on adversarial inputs
 * built here (repeated addresses, mailto: runs, <a> runs, deep nesting, 64 kB tokens, long
 * lines, many attachments): each is timed at size n and 2n and time(2n)/time(n) is printed —
 * about 2 means linear, much more means a super-linear path to fix.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs, optionString, type OptionSpec } from './args';
import { collectEmlFiles, loadPolicy } from './scan-files';
import { parseEml } from '../mail/index';
import { scanMessage } from '../scan/scan-message';
import type { Policy } from '../policy/types';

const SPEC: Record<string, OptionSpec> = {
  policy: { value: true },
  repeat: { value: true },
  'growth-only': { value: false },
  help: { value: false },
};
const USAGE = 'usage: npm run bench -- DIR [--policy FILE] [--repeat N] [--growth-only]';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const fmt = (n: number) => n.toFixed(3).padStart(9);

function header(extra: string[] = []): string {
  return ['From: Sender <sender@example.com>', 'To: staff@hospital.example.jp', 'Subject: bench', 'Date: Thu, 26 Nov 2026 10:00:00 +0900', 'Message-ID: <bench@example.com>', 'MIME-Version: 1.0', ...extra].join('\r\n');
}

/** Adversarial .eml builders; `n` is the size knob. */
export const ADVERSARIAL: Record<string, { base: number; build(n: number): string }> = {
  'repeated addresses': {
    base: 2_000,
    build: (n) => `${header([`Cc: ${Array.from({ length: n }, (_, i) => `u${i}@example.org`).join(', ')}`, 'Content-Type: text/plain; charset=utf-8'])}\r\n\r\n${'a@b.example '.repeat(n)}\r\n`,
  },
  'mailto: runs': {
    base: 2_000,
    build: (n) => `${header(['Content-Type: text/plain; charset=utf-8'])}\r\n\r\n${'mailto:'.repeat(n)}x@example.org ${'mailto:a@b.c '.repeat(n)}\r\n`,
  },
  '<a> runs': {
    base: 2_000,
    build: (n) => `${header(['Content-Type: text/html; charset=utf-8'])}\r\n\r\n<html><body>${'<a href="https://ex.example/p?q=1">https://other.example/</a>'.repeat(n)}${'<a '.repeat(n)}</body></html>\r\n`,
  },
  'deep nesting (html)': {
    base: 2_000,
    build: (n) => `${header(['Content-Type: text/html; charset=utf-8'])}\r\n\r\n${'<div><span><b>'.repeat(n)}x${'</b></span></div>'.repeat(n)}\r\n`,
  },
  'deep nesting (multipart)': {
    base: 20,
    build: (n) => {
      let body = 'Content-Type: text/plain\r\n\r\nhello\r\n';
      for (let i = 0; i < n; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
      return `${header()}\r\n${body}`;
    },
  },
  '64 kB tokens': {
    base: 8,
    build: (n) => `${header(['Content-Type: text/plain; charset=utf-8'])}\r\n\r\n${Array.from({ length: n }, (_, i) => `${String.fromCharCode(97 + (i % 26)).repeat(65_536)}`).join(' ')}\r\n`,
  },
  'long lines': {
    base: 100_000,
    build: (n) => `${header(['Content-Type: text/html; charset=utf-8'])}\r\n\r\n<p>${'ログイン https://x.example/ 至急 '.repeat(Math.ceil(n / 30))}</p>\r\n`,
  },
  'many attachments': {
    base: 100,
    build: (n) => {
      const parts = Array.from({ length: n }, (_, i) => `--B\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="f${i}.pdf.exe"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n`).join('');
      return `${header(['Content-Type: multipart/mixed; boundary="B"'])}\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n${parts}--B--\r\n`;
    },
  },
};

async function timeOnce(eml: string, policy: Policy): Promise<[number, number]> {
  const t0 = performance.now();
  const snap = await parseEml(eml);
  const t1 = performance.now();
  scanMessage(snap, policy);
  const t2 = performance.now();
  return [t1 - t0, t2 - t1];
}

async function timeMedian(eml: string, policy: Policy, runs: number): Promise<[number, number]> {
  const parse: number[] = [];
  const scan: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [p, s] = await timeOnce(eml, policy);
    parse.push(p);
    scan.push(s);
  }
  parse.sort((a, b) => a - b);
  scan.sort((a, b) => a - b);
  return [quantile(parse, 0.5), quantile(scan, 0.5)];
}

export async function runGrowth(policy: Policy, out: (s: string) => void): Promise<number> {
  out('growth check (median of 5 runs; ratio = time(2n)/time(n), ~2 is linear)\n');
  out(`  ${'input'.padEnd(26)} ${'n'.padStart(8)} ${'parse n'.padStart(9)} ${'parse 2n'.padStart(9)} ${'scan n'.padStart(9)} ${'scan 2n'.padStart(9)} ${'ratio'.padStart(6)}\n`);
  let worst = 0;
  for (const [name, spec] of Object.entries(ADVERSARIAL)) {
    let n = spec.base;
    await timeMedian(spec.build(n), policy, 1); // warm-up
    // Grow n until one run takes long enough to time reliably.
    for (let i = 0; i < 6; i++) {
      const [p, s] = await timeMedian(spec.build(n), policy, 1);
      if (p + s >= 15) break;
      n *= 2;
    }
    const [p1, s1] = await timeMedian(spec.build(n), policy, 5);
    const [p2, s2] = await timeMedian(spec.build(2 * n), policy, 5);
    const ratio = (p2 + s2) / Math.max(0.001, p1 + s1);
    worst = Math.max(worst, ratio);
    out(`  ${name.padEnd(26)} ${String(n).padStart(8)} ${fmt(p1)} ${fmt(p2)} ${fmt(s1)} ${fmt(s2)} ${ratio.toFixed(2).padStart(6)}\n`);
  }
  out(`  worst ratio: ${worst.toFixed(2)}\n`);
  return worst;
}

export async function runBenchCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.options.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const errors = [...args.errors];
  const repeatText = optionString(args, 'repeat');
  const repeat = repeatText === undefined ? 1 : Number(repeatText);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) errors.push(`--repeat must be an integer from 1 to 20 (got "${repeatText}")`);
  const growthOnly = args.options['growth-only'] === true;
  if (!growthOnly && args.positionals.length !== 1) errors.push('DIR is required (one directory of .eml files)');
  const loaded = loadPolicy(optionString(args, 'policy'));
  if (loaded.error) errors.push(loaded.error);
  if (errors.length > 0) {
    for (const e of errors) err(`bench: ${e}\n`);
    err(`${USAGE}\n`);
    return 2;
  }
  const policy = loaded.policy;
  if (!growthOnly) {
    const { files, missing } = collectEmlFiles(args.positionals);
    if (missing.length > 0) {
      err(`bench: cannot read ${missing.join(', ')}\n`);
      return 2;
    }
    const inputs = files.map((f) => {
      try {
        return readFileSync(f);
      } catch {
        return new Uint8Array();
      }
    });
    const bytes = inputs.reduce((a, b) => a + b.length, 0);
    // Warm-up pass so JIT compilation is not billed to the first messages.
    for (const input of inputs.slice(0, 50)) await timeOnce(new TextDecoder().decode(input), policy).catch(() => undefined);
    const parse: number[] = [];
    const scan: number[] = [];
    const total: number[] = [];
    let slowest = '';
    let slowestMs = 0;
    const started = performance.now();
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < inputs.length; i++) {
        const t0 = performance.now();
        const snap = await parseEml(inputs[i]!);
        const t1 = performance.now();
        scanMessage(snap, policy);
        const t2 = performance.now();
        parse.push(t1 - t0);
        scan.push(t2 - t1);
        total.push(t2 - t0);
        if (t2 - t1 > slowestMs) {
          slowestMs = t2 - t1;
          slowest = files[i]!;
        }
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    const count = inputs.length * repeat;
    out(`bench ${args.positionals[0]}: ${inputs.length} messages, ${(bytes / 1e6).toFixed(1)} MB${repeat > 1 ? `, ${repeat} passes` : ''}\n`);
    out(`  throughput: ${(count / elapsed).toFixed(0)} messages/s, ${((bytes * repeat) / 1e6 / elapsed).toFixed(1)} MB/s (parse + scan)\n`);
    out(`  ${'ms per message'.padEnd(16)} ${'median'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}\n`);
    for (const [name, list] of [['parse', parse], ['scan', scan], ['parse + scan', total]] as const) {
      const sorted = [...list].sort((a, b) => a - b);
      out(`  ${name.padEnd(16)} ${fmt(quantile(sorted, 0.5))} ${fmt(quantile(sorted, 0.99))} ${fmt(sorted[sorted.length - 1] ?? 0)}\n`);
    }
    out(`  slowest scan: ${slowestMs.toFixed(2)} ms ${slowest}\n`);
  }
  await runGrowth(policy, out);
  return 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('bench.ts') || invoked.endsWith('bench.js')) {
  runBenchCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`bench: internal error: ${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 1;
    },
  );
}
