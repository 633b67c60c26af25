/**
 * Turns a verdict's findings into the lines a person reads, for every host: plain sentences from
 * findingText, the most severe first, each sentence once with everything it pointed at. It only
 * prepares plain data; each host renders it with its own DOM code, as text.
 *
 * Must never: drop a danger finding in favour of a lesser one, hide a finding whose rule has no
 * texts (it is shown by its rule id), or return anything meant to be read as markup.
 */
import type { Finding, Severity, TargetKind } from '../model';
import { findingText, ruleTexts } from './finding-text';
import type { Lang } from './types';

export interface FindingLineTarget {
  kind: TargetKind;
  /** The finding's target value (real destination, file name …), clipped for display. */
  value: string;
}

export interface FindingLine {
  severity: Severity;
  title: string;
  message: string;
  /** What the findings with this sentence pointed at, in order, each kind and value once. */
  targets: FindingLineTarget[];
  /** The rules that produced this sentence, in order, each once. */
  rules: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { danger: 0, caution: 1, info: 2 };

/** Longest target value shown (a URL can be very long); the full value stays in the finding. */
export const MAX_TARGET_CHARS = 300;

/** Groups findings by their sentence, most severe first (stable within a severity). */
export function findingLines(findings: readonly Finding[], lang: Lang): FindingLine[] {
  const byMessage = new Map<string, FindingLine>();
  const order = findings
    .map((finding, position) => ({ finding, position }))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.position - b.position);
  for (const { finding } of order) {
    const text = safeFindingText(finding, lang);
    const key = `${text.title}\u0000${text.message}`;
    let line = byMessage.get(key);
    if (!line) {
      line = { severity: finding.severity, title: text.title, message: text.message, targets: [], rules: [] };
      byMessage.set(key, line);
    }
    if (!line.rules.includes(finding.rule)) line.rules.push(finding.rule);
    // A target without a kind (malformed input) is still shown, as being about the message.
    const kind: TargetKind = finding.target?.kind ?? 'message';
    const value = typeof finding.target?.value === 'string' ? clip(finding.target.value) : '';
    if (value !== '' && !line.targets.some((x) => x.kind === kind && x.value === value)) {
      line.targets.push({ kind, value });
    }
  }
  return [...byMessage.values()];
}

function safeFindingText(finding: Finding, lang: Lang): { title: string; message: string } {
  try {
    const text = findingText(finding, lang);
    return { title: String(text.title ?? finding.rule), message: String(text.message ?? '') };
  } catch {
    // A rule without texts must still be shown, never hidden.
    return { title: finding.rule, message: '' };
  }
}

function clip(value: string): string {
  return value.length > MAX_TARGET_CHARS ? `${value.slice(0, MAX_TARGET_CHARS)}…` : value;
}

/** A rule's title for people (for checks that could not run); the id when it has no text. */
export function checkTitle(rule: string, lang: Lang): string {
  try {
    const table = ruleTexts(lang);
    const entry = Object.prototype.hasOwnProperty.call(table, rule) ? table[rule] : undefined;
    return entry && !entry.title.includes('{') ? entry.title : rule;
  } catch {
    return rule;
  }
}
