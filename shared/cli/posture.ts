/**
 * `kokoroe posture` — evaluates device posture from a policy file, for IT triage.
 *
 *   npm run --silent posture -- --policy FILE [--now ISO-8601] [--browser "Chrome/142.0.7444.60"]
 *                               [--office 16.0.19127.20000] [--format json|text] [--extension-id ID]
 *
 * The file may be a bare policy, a Chrome/Chromium managed-policy file, a Firefox policies.json or a
 * chrome://policy export. Public contract: with --format json, stdout holds exactly one JSON document
 * {"status","checks":[{"id","status","value","limit","remedy"}],"problems":[{"field","message"}]}.
 * Exit 0 whenever it evaluated (whatever the status); 2 on bad arguments or an unreadable / non-JSON
 * file, with a message on stderr naming the argument. Never writes anything but stdout and stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs, optionString } from './args';
import { parsePolicy } from '../policy/parse-policy';
import { unwrapPolicyDocument } from '../policy/unwrap-policy-document';
import { parseIsoInstant, parseVersion } from '../policy/value-formats';
import { evaluatePosture } from '../posture/evaluate-posture';
import type { PostureFacts, PostureStatus, PostureVerdict } from '../posture/types';
import type { PolicyProblem } from '../policy/parse-policy';

/** Larger files are not policies; refuse rather than read them. */
const MAX_POLICY_BYTES = 5 * 1024 * 1024;

const SPEC = {
  policy: { value: true },
  now: { value: true },
  browser: { value: true },
  office: { value: true },
  format: { value: true, choices: ['json', 'text'] },
  'extension-id': { value: true },
  help: { value: false },
} as const;

const USAGE =
  'usage: npm run --silent posture -- --policy FILE [--now ISO-8601] [--browser "Chrome/142.0.7444.60"] [--office 16.0.19127.20000] [--format json|text] [--extension-id ID]';

const BROWSER_NAMES: Record<string, string> = {
  chrome: 'chrome',
  chromium: 'chromium',
  edg: 'edge',
  edge: 'edge',
  msedge: 'edge',
  firefox: 'firefox',
};

/** `Chrome/142.0.7444.60` → {name: 'chrome', version}; undefined when malformed or unknown. */
export function parseBrowserArg(text: string): PostureFacts['browser'] | undefined {
  const slash = text.indexOf('/');
  if (slash <= 0) return undefined;
  const name = BROWSER_NAMES[text.slice(0, slash).trim().toLowerCase()];
  const version = text.slice(slash + 1).trim();
  if (!name || !parseVersion(version)) return undefined;
  return { name, version };
}

export interface PostureCliResult {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

const STATUS_JA: Record<PostureStatus, string> = {
  ok: '問題なし',
  warn: '要注意',
  block: 'メールを読む前に対処が必要',
  unknown: '不明（端末の状態が確認できません）',
};
const MARK: Record<PostureStatus, string> = { ok: '[OK]', warn: '[注意]', block: '[要対処]', unknown: '[不明]' };

function toJson(verdict: PostureVerdict, problems: PolicyProblem[]): string {
  const doc = {
    status: verdict.status,
    checks: verdict.checks.map((c) => ({ id: c.id, status: c.status, value: c.value ?? null, limit: c.limit ?? null, remedy: c.remedy })),
    problems: problems.map((p) => ({ field: p.field, message: p.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function toText(verdict: PostureVerdict, problems: PolicyProblem[], file: string): string {
  const lines: string[] = [];
  lines.push(`端末の状態: ${STATUS_JA[verdict.status]}（${verdict.status}）`);
  lines.push(`ポリシー: ${file}　確認した時刻: ${verdict.evaluatedAt ?? '不明'}　モード: ${verdict.mode}`);
  if (verdict.mode === 'off') lines.push('posture.mode が off のため、確認はしていません。');
  for (const c of verdict.checks) {
    lines.push(`${MARK[c.status]} ${c.summary.ja}`);
    if (c.status !== 'ok') lines.push(`    対処: ${c.remedy.ja}`);
  }
  if (verdict.reminder) lines.push(`毎日の確認: ${verdict.reminder.ja}`);
  if (problems.length > 0) {
    lines.push('ポリシーの問題:');
    for (const p of problems) lines.push(`  - ${p.field}: ${p.messageJa}`);
  } else {
    lines.push('ポリシーの問題: なし');
  }
  return `${lines.join('\n')}\n`;
}

const fail = (message: string): PostureCliResult => ({ exitCode: 2, stdout: '', stderr: `kokoroe posture: ${message}\n${USAGE}\n` });

/** The whole command as a function of its arguments and the clock, for tests and the entry point. */
export function runPostureCli(argv: readonly string[], clock: () => Date = () => new Date()): PostureCliResult {
  const args = parseArgs(argv, SPEC);
  if (args.options.help === true) return { exitCode: 0, stdout: `${USAGE}\n`, stderr: '' };
  if (args.errors.length > 0) return fail(args.errors.join('; '));
  if (args.positionals.length > 0) return fail(`unexpected argument "${args.positionals[0]!.slice(0, 80)}"`);
  const file = optionString(args, 'policy');
  if (file === undefined) return fail('--policy FILE is required');

  let now = clock();
  const nowText = optionString(args, 'now');
  if (nowText !== undefined) {
    const t = parseIsoInstant(nowText);
    if (t === undefined) return fail(`--now must be an ISO-8601 date-time with a time zone, e.g. 2026-11-26T09:00:00+09:00 (got "${nowText.slice(0, 60)}")`);
    now = new Date(t);
  }
  const facts: PostureFacts = {};
  const browserText = optionString(args, 'browser');
  if (browserText !== undefined) {
    const browser = parseBrowserArg(browserText);
    if (!browser) return fail(`--browser must look like Chrome/142.0.7444.60, Edge/142.0.3595.53 or Firefox/146.0 (got "${browserText.slice(0, 60)}")`);
    facts.browser = browser;
  }
  const officeText = optionString(args, 'office');
  if (officeText !== undefined) {
    if (!parseVersion(officeText)) return fail(`--office must be a build like 16.0.19127.20000 (got "${officeText.slice(0, 60)}")`);
    facts.officeBuild = officeText.trim();
  }
  const format = optionString(args, 'format') ?? 'text';

  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_POLICY_BYTES) return fail(`--policy ${file}: file is larger than ${MAX_POLICY_BYTES} bytes`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'read error';
    return fail(`--policy ${file}: cannot read the file (${code})`);
  }
  let doc: unknown;
  try {
    // PowerShell and Notepad write a byte-order mark; JSON.parse does not accept it.
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(`--policy ${file}: not valid JSON (${(e as Error).message.slice(0, 200)})`);
  }

  const unwrapped = unwrapPolicyDocument(doc, optionString(args, 'extension-id'));
  const parsed = parsePolicy(unwrapped.policy, { now });
  const problems = [...unwrapped.problems, ...parsed.problems];
  const verdict = evaluatePosture(facts, parsed.policy, now);
  return { exitCode: 0, stdout: format === 'json' ? toJson(verdict, problems) : toText(verdict, problems, file), stderr: '' };
}

// Entry point: run only when executed directly (tests import runPostureCli).
const invoked = process.argv[1] ?? '';
if (invoked.endsWith('posture.ts') || invoked.endsWith('posture.js')) {
  const result = runPostureCli(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
