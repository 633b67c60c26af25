/**
 * Turns a verdict's findings into the lines a person reads: plain sentences from shared/i18n,
 * the most severe first, each sentence once. It only prepares text; rendering (as text) is the
 * caller's job. It must never drop a danger finding in favour of a lesser one.
 */
import type { Finding, Severity, TargetKind } from '../../shared/model';
import { findingText, ruleTexts } from '../../shared/i18n';
import { t, type TextKey, type UiLang } from './texts';

export interface FindingLine {
  severity: Severity;
  title: string;
  message: string;
  /** What each finding with this sentence pointed at (real destination, file name …), deduplicated. */
  targets: { kind: TargetKind; label: string; value: string }[];
  rules: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { danger: 0, caution: 1, info: 2 };

const TARGET_LABEL: Record<TargetKind, TextKey> = {
  link: 'targetLink',
  attachment: 'targetAttachment',
  sender: 'targetSender',
  header: 'targetHeader',
  subject: 'targetSubject',
  body: 'targetBody',
  message: 'targetMessage',
};

/** Longest target value shown; the full value stays on the warning page. */
const MAX_TARGET_CHARS = 300;

/** Groups findings by their sentence, most severe first (stable within a severity). */
export function findingLines(findings: readonly Finding[], lang: UiLang): FindingLine[] {
  const byMessage = new Map<string, FindingLine>();
  const order = [...findings]
    .map((finding, position) => ({ finding, position }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.position - b.position,
    );
  for (const { finding } of order) {
    const text = safeFindingText(finding, lang);
    const key = `${text.title}\u0000${text.message}`;
    let line = byMessage.get(key);
    if (!line) {
      line = { severity: finding.severity, title: text.title, message: text.message, targets: [], rules: [] };
      byMessage.set(key, line);
    }
    if (!line.rules.includes(finding.rule)) line.rules.push(finding.rule);
    const value = clip(finding.target.value ?? '');
    if (value && !line.targets.some((x) => x.kind === finding.target.kind && x.value === value)) {
      line.targets.push({ kind: finding.target.kind, label: t(TARGET_LABEL[finding.target.kind] ?? 'targetMessage', lang), value });
    }
  }
  return [...byMessage.values()];
}

function safeFindingText(finding: Finding, lang: UiLang): { title: string; message: string } {
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
export function checkTitle(rule: string, lang: UiLang): string {
  try {
    const table = ruleTexts(lang);
    const entry = Object.prototype.hasOwnProperty.call(table, rule) ? table[rule] : undefined;
    return entry && !entry.title.includes('{') ? entry.title : rule;
  } catch {
    return rule;
  }
}
