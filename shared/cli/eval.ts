/**
 * `npm run eval -- --phish DIR --ham DIR [--policy FILE] [--list misses|false-positives]`
 * The honest scoreboard for rule tuning: recall on phishing (caution-or-danger, and danger
 * alone), false-positive rates on legitimate mail (same two), and per-rule hit counts on each
 * side (messages with at least one finding of the rule, and how many of those were at
 * caution or above). `--list` prints the paths behind the numbers, to study patterns.
 */
import { parseArgs, optionString, type OptionSpec } from './args';
import { collectEmlFiles, loadPolicy, scanFile, type FileResult } from './scan-files';
import type { Policy } from '../policy/types';

const SPEC: Record<string, OptionSpec> = {
  phish: { value: true },
  ham: { value: true },
  policy: { value: true },
  list: { value: true, choices: ['misses', 'weak', 'false-positives', 'danger-fp'] },
  help: { value: false },
};
const USAGE = 'usage: npm run eval -- --phish DIR --ham DIR [--policy FILE] [--list misses|weak|false-positives|danger-fp]';

interface SideStats {
  total: number;
  flagged: number;
  danger: number;
  /** rule → [messages with any finding, messages with a caution-or-danger finding] */
  rules: Map<string, [number, number]>;
  results: { path: string; level: string; rules: string[] }[];
  scanMs: number[];
}

async function runSide(dir: string, policy: Policy): Promise<SideStats> {
  const { files } = collectEmlFiles([dir]);
  const stats: SideStats = { total: 0, flagged: 0, danger: 0, rules: new Map(), results: [], scanMs: [] };
  for (const file of files) {
    const r: FileResult = await scanFile(file, policy);
    stats.total++;
    if (r.verdict.level !== 'safe') stats.flagged++;
    if (r.verdict.level === 'danger') stats.danger++;
    stats.scanMs.push(r.scanMs);
    const seen = new Map<string, boolean>();
    for (const f of r.verdict.findings) seen.set(f.rule, (seen.get(f.rule) ?? false) || f.severity !== 'info');
    for (const [rule, strong] of seen) {
      const c = stats.rules.get(rule) ?? [0, 0];
      c[0]++;
      if (strong) c[1]++;
      stats.rules.set(rule, c);
    }
    stats.results.push({ path: file, level: r.verdict.level, rules: r.verdict.findings.map((f) => `${f.rule}:${f.severity[0]}`) });
  }
  return stats;
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(2).padStart(6)} %`);

export async function runEvalCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.options.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const phish = optionString(args, 'phish');
  const ham = optionString(args, 'ham');
  const errors = [...args.errors];
  if (!phish) errors.push('--phish DIR is required');
  if (!ham) errors.push('--ham DIR is required');
  if (args.positionals.length > 0) errors.push(`unexpected argument "${args.positionals[0]}"`);
  if (errors.length > 0 || !phish || !ham) {
    for (const e of errors) err(`eval: ${e}\n`);
    err(`${USAGE}\n`);
    return 2;
  }
  const loaded = loadPolicy(optionString(args, 'policy'));
  if (loaded.error) {
    err(`eval: ${loaded.error}\n`);
    return 2;
  }
  for (const dir of [phish, ham]) {
    if (collectEmlFiles([dir]).missing.length > 0) {
      err(`eval: cannot read directory ${dir}\n`);
      return 2;
    }
  }
  const started = performance.now();
  const p = await runSide(phish, loaded.policy);
  const h = await runSide(ham, loaded.policy);
  out(`phish ${phish}: ${p.total} messages\n`);
  out(`  recall caution-or-danger: ${pct(p.flagged, p.total)} (${p.flagged})\n`);
  out(`  recall danger:            ${pct(p.danger, p.total)} (${p.danger})\n`);
  out(`ham ${ham}: ${h.total} messages\n`);
  out(`  false positives caution-or-danger: ${pct(h.flagged, h.total)} (${h.flagged})\n`);
  out(`  false positives danger:            ${pct(h.danger, h.total)} (${h.danger})\n`);
  out(`per-rule hits (messages with the rule: any severity / caution or danger)\n`);
  out(`  ${'rule'.padEnd(34)} ${'phish'.padStart(13)} ${'ham'.padStart(13)}\n`);
  const rules = [...new Set([...p.rules.keys(), ...h.rules.keys()])].sort();
  for (const rule of rules) {
    const a = p.rules.get(rule) ?? [0, 0];
    const b = h.rules.get(rule) ?? [0, 0];
    out(`  ${rule.padEnd(34)} ${`${a[0]}/${a[1]}`.padStart(13)} ${`${b[0]}/${b[1]}`.padStart(13)}\n`);
  }
  const list = optionString(args, 'list');
  if (list) {
    const pick =
      list === 'misses' ? p.results.filter((r) => r.level === 'safe')
      : list === 'weak' ? p.results.filter((r) => r.level === 'caution')
      : list === 'false-positives' ? h.results.filter((r) => r.level !== 'safe')
      : h.results.filter((r) => r.level === 'danger');
    out(`${list}:\n`);
    for (const r of pick) out(`  ${r.level.padEnd(7)} ${r.path}  ${r.rules.join(' ')}\n`);
  }
  err(`eval: ${p.total + h.total} messages in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('eval.ts') || invoked.endsWith('eval.js')) {
  runEvalCli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`eval: internal error: ${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 1;
    },
  );
}
