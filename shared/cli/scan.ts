/**
 * `npm run scan -- [--format text|jsonl] [--lang ja|en] [--policy FILE] PATH...`
 * Scans .eml files (directories recursively) and prints one result per message: readable text
 * (Japanese by default) or JSON Lines — exactly one object per message on stdout and nothing
 * else there. A summary goes to stderr. Exit 0 when the run completes (whatever the verdicts),
 * 2 on bad arguments. An unreadable or unparseable file gives a `parse-error` result and the run
 * goes on.
 */
import { parseArgs, optionString, type OptionSpec } from './args';
import { collectEmlFiles, loadPolicy, scanFile, type FileResult } from './scan-files';
import { findingText, uiText, type Lang } from '../i18n';
import type { Finding, VerdictLevel } from '../model';

const SPEC: Record<string, OptionSpec> = {
  format: { value: true, choices: ['text', 'jsonl'] },
  lang: { value: true, choices: ['ja', 'en'] },
  policy: { value: true },
  help: { value: false },
};

const USAGE = 'usage: npm run scan -- [--format text|jsonl] [--lang ja|en] [--policy FILE] PATH...';

export interface JsonlRecord {
  path: string;
  verdict: VerdictLevel;
  findings: { rule: string; severity: string; target: string; message: string }[];
  ms: number;
}

export function toRecord(result: FileResult, lang: Lang): JsonlRecord {
  return {
    path: result.path,
    verdict: result.verdict.level,
    findings: result.verdict.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      target: f.target.value,
      message: findingText(f, lang).message,
    })),
    ms: Math.round(result.scanMs * 1000) / 1000,
  };
}

const SEVERITY_ORDER = { danger: 0, caution: 1, info: 2 } as const;

export function toText(result: FileResult, lang: Lang): string {
  const level = result.verdict.level;
  const label = level === 'safe' ? uiText('verdict.none', lang) : uiText(`level.${level}`, lang);
  const lines = [`■ ${result.path}`, `  ${lang === 'ja' ? '判定' : 'Verdict'}: ${label} (${level})`];
  const sorted: Finding[] = [...result.verdict.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const f of sorted) {
    const t = findingText(f, lang);
    lines.push(`  - [${uiText(`severity.${f.severity}`, lang)}] ${t.title} (${f.rule})`);
    if (t.message) lines.push(`      ${t.message}`);
    if (f.target.value && f.severity !== 'info') lines.push(`      ${uiText('label.target', lang)}: ${f.target.value.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ').slice(0, 200)}`);
  }
  if (result.verdict.unchecked.length > 0) lines.push(`  ${uiText('label.unchecked', lang)}: ${result.verdict.unchecked.join(', ')}`);
  return `${lines.join('\n')}\n\n`;
}

export async function runScanCli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.options.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (args.errors.length > 0 || args.positionals.length === 0) {
    for (const e of args.errors) err(`scan: ${e}\n`);
    if (args.positionals.length === 0) err('scan: PATH is missing (a .eml file or a directory)\n');
    err(`${USAGE}\n`);
    return 2;
  }
  const format = optionString(args, 'format') ?? 'text';
  const lang: Lang = optionString(args, 'lang') === 'en' ? 'en' : 'ja';
  const loaded = loadPolicy(optionString(args, 'policy'));
  if (loaded.error) {
    err(`scan: ${loaded.error}\n`);
    return 2;
  }
  for (const p of loaded.problems) err(`scan: policy problem: ${p}\n`);

  const { files, missing } = collectEmlFiles(args.positionals);
  const counts: Record<VerdictLevel, number> = { safe: 0, caution: 0, danger: 0 };
  const started = performance.now();
  const results: FileResult[] = [];
  for (const path of missing) {
    results.push({ path, bytes: 0, parseMs: 0, scanMs: 0, verdict: { level: 'caution', unchecked: [], findings: [{ rule: 'parse-error', severity: 'caution', target: { kind: 'message', value: 'cannot read: ENOENT' }, params: { reason: 'cannot read: ENOENT' } }] } });
  }
  const emit = (r: FileResult) => {
    counts[r.verdict.level]++;
    out(format === 'jsonl' ? `${JSON.stringify(toRecord(r, lang))}\n` : toText(r, lang));
  };
  for (const r of results) emit(r);
  for (const path of files) emit(await scanFile(path, loaded.policy));
  const total = counts.safe + counts.caution + counts.danger;
  err(`${uiText('cli.summary', lang, { total, danger: counts.danger, caution: counts.caution, safe: counts.safe, ms: Math.round(performance.now() - started) })}\n`);
  return 0;
}

// Entry point: run only when executed directly (tests import runScanCli).
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('scan.ts') || invoked.endsWith('scan.js')) {
  const chunks: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunks.length) process.stdout.write(chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  runScanCli(
    process.argv.slice(2),
    (s) => {
      chunks.push(s);
      size += s.length;
      if (size > 64_000) flush();
    },
    (s) => process.stderr.write(s),
  ).then(
    (code) => {
      flush();
      process.exitCode = code;
    },
    (e) => {
      flush();
      process.stderr.write(`scan: internal error: ${String((e as Error)?.stack ?? e)}\n`);
      process.exitCode = 1;
    },
  );
}
