/**
 * What `scan`, `eval` and `bench` share: finding .eml files under the given paths, loading a
 * policy file, and reading + parsing + scanning one file with the two phases timed separately.
 * Errors are values: an unreadable file becomes a `parse-error` result, never an exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Finding, MailSnapshot, Verdict } from '../model';
import type { Policy } from '../policy/types';
import { DEFAULT_POLICY } from '../policy/defaults';
import { parsePolicy } from '../policy/parse-policy';
import { unwrapPolicyDocument } from '../policy/unwrap-policy-document';
import { parseEml } from '../mail/index';
import { scanMessage } from '../scan/scan-message';

/** Files to scan: a file path as given, directories searched recursively for *.eml (sorted). */
export function collectEmlFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.eml')) files.push(p);
    }
  };
  for (const p of paths) {
    let st: import('node:fs').Stats;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else files.push(p);
  }
  return { files, missing };
}

export interface LoadedPolicy {
  policy: Policy;
  problems: string[];
  error?: string;
}

/** Reads a policy JSON file (plain, or as deployed for Chrome/Firefox) through parsePolicy. */
export function loadPolicy(file: string | undefined): LoadedPolicy {
  if (!file) return { policy: DEFAULT_POLICY, problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { policy: DEFAULT_POLICY, problems: [], error: `--policy ${file}: cannot read the file (${(e as { code?: string }).code ?? 'read error'})` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { policy: DEFAULT_POLICY, problems: [], error: `--policy ${file}: not valid JSON (${(e as Error).message.slice(0, 200)})` };
  }
  const unwrapped = unwrapPolicyDocument(doc, undefined);
  const parsed = parsePolicy(unwrapped.policy);
  const problems = [...unwrapped.problems, ...parsed.problems].map((p) => `${p.field}: ${p.message}`);
  return { policy: parsed.policy, problems };
}

export interface FileResult {
  path: string;
  bytes: number;
  verdict: Verdict;
  /** Milliseconds spent in parseEml. */
  parseMs: number;
  /** Milliseconds spent in scanMessage (excludes reading and parsing). */
  scanMs: number;
  snapshot?: MailSnapshot;
}

function parseErrorVerdict(reason: string): Verdict {
  const finding: Finding = { rule: 'parse-error', severity: 'caution', target: { kind: 'message', value: reason }, params: { reason } };
  return { level: 'caution', findings: [finding], unchecked: [] };
}

export async function scanFile(path: string, policy: Policy): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'read error';
    return { path, bytes: 0, verdict: parseErrorVerdict(`cannot read: ${code}`), parseMs: 0, scanMs: 0 };
  }
  return scanBytes(path, bytes, policy);
}

export async function scanBytes(path: string, bytes: Uint8Array, policy: Policy): Promise<FileResult> {
  const t0 = performance.now();
  let snapshot: MailSnapshot;
  try {
    snapshot = await parseEml(bytes);
  } catch (e) {
    return { path, bytes: bytes.length, verdict: parseErrorVerdict(`cannot parse: ${String((e as Error)?.message ?? e).slice(0, 100)}`), parseMs: performance.now() - t0, scanMs: 0 };
  }
  const t1 = performance.now();
  if (bytes.length === 0) {
    return { path, bytes: 0, verdict: parseErrorVerdict('empty file'), parseMs: t1 - t0, scanMs: 0 };
  }
  const looksLikeMail = (snapshot.headers?.length ?? 0) > 0 || !!snapshot.from || !!snapshot.subject;
  if (!looksLikeMail) {
    const why = snapshot.problems?.[0] ?? 'no mail headers found';
    return { path, bytes: bytes.length, verdict: parseErrorVerdict(`not a mail message: ${why.slice(0, 100)}`), parseMs: t1 - t0, scanMs: 0, snapshot };
  }
  const verdict = scanMessage(snapshot, policy);
  const t2 = performance.now();
  return { path, bytes: bytes.length, verdict, parseMs: t1 - t0, scanMs: t2 - t1, snapshot };
}
