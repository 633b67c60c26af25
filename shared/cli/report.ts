/**
 * `npm run report -- --eml FILE --policy FILE --kind consult|report|opened-already
 *   [--comment TEXT] [--include-original] [--reporter ADDRESS]`
 *
 * Dry run of a report: prints to stdout exactly the `kokoroe.report/1` JSON a device would send
 * for that message under that policy, and nothing else, so IT can see what staff send.
 * Problems (policy fields dropped, bounds that bit) go to stderr. Exit 0 when a report was
 * built, 2 on bad arguments or unreadable files (the message names the argument).
 *
 * Must never: send anything anywhere, print body text without --include-original, or attach
 * the original when policy says `reportOriginal: never`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, optionString, type OptionSpec } from './args';
import { parseEml } from '../mail/index';
import { parsePolicy } from '../policy/parse-policy';
import { evaluatePosture } from '../posture/evaluate-posture';
import { buildReport } from '../report/build-report';
import { REPORT_KINDS, type ReportKind } from '../report/types';
import { scanMessage } from '../scan/scan-message';

const SPEC: Record<string, OptionSpec> = {
  eml: { value: true },
  policy: { value: true },
  kind: { value: true, choices: REPORT_KINDS },
  comment: { value: true },
  reporter: { value: true },
  'include-original': { value: false },
  help: { value: false },
};

const USAGE =
  'usage: npm run --silent report -- --eml FILE --policy FILE --kind consult|report|opened-already [--comment TEXT] [--include-original] [--reporter ADDRESS]';

export async function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.options.help === true) {
    out(`${USAGE}\n`);
    return 0;
  }
  const errors = [...args.errors];
  if (args.positionals.length) errors.push(`unexpected argument "${args.positionals[0]}"`);
  const emlPath = optionString(args, 'eml');
  const policyPath = optionString(args, 'policy');
  const kind = optionString(args, 'kind') as ReportKind | undefined;
  if (!emlPath) errors.push('--eml FILE is required');
  if (!policyPath) errors.push('--policy FILE is required');
  if (!kind) errors.push('--kind consult|report|opened-already is required');
  if (errors.length || !emlPath || !policyPath || !kind) {
    for (const e of errors) err(`report: ${e}\n`);
    err(`${USAGE}\n`);
    return 2;
  }

  let eml: Uint8Array;
  try {
    eml = new Uint8Array(readFileSync(emlPath));
  } catch (e) {
    err(`report: --eml ${emlPath}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  let policyJson: unknown;
  try {
    policyJson = JSON.parse(readFileSync(policyPath, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? `not JSON: ${e.message}` : `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
    err(`report: --policy ${policyPath}: ${why}\n`);
    return 2;
  }

  const now = new Date();
  const { policy, problems: policyProblems } = parsePolicy(policyJson, { now });
  for (const p of policyProblems) err(`report: policy ${p.field}: ${p.message}\n`);

  const snapshot = await parseEml(eml);
  const verdict = scanMessage(snapshot, policy);
  const posture = evaluatePosture({}, policy, now);
  const includeOriginal = args.options['include-original'] === true;
  if (includeOriginal && policy.reportOriginal !== 'ask') err('report: --include-original: policy says reportOriginal "never", the original is not attached\n');

  const { report, problems } = buildReport({
    kind,
    snapshot,
    verdict,
    posture,
    policy,
    client: { host: 'eml' },
    reporter: optionString(args, 'reporter'),
    comment: optionString(args, 'comment'),
    includeOriginal,
    original: eml,
    now,
  });
  for (const p of problems) err(`report: ${p}\n`);
  out(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`report: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
