/**
 * scanMessage: snapshot + policy → Verdict. Runs every registered rule over the prepared message,
 * honours policy (disabled rules, allowed/blocked domains, alert mode), adds up weak signs into
 * one explainable `signals-combined` finding, and never throws: a failing rule becomes a
 * `scan-error` finding and the rest still run. Work is bounded by the caps in prepare.ts.
 */
import type { Finding, MailSnapshot, Severity, Verdict, VerdictLevel } from '../model';
import type { Policy } from '../policy/types';
import { DEFAULT_POLICY } from '../policy/defaults';
import { RULES } from '../rules/registry';
import type { Rule, RuleNeed } from '../rules/types';
import { prepareMessage } from './prepare';
import type { PreparedLink, PreparedMessage } from './prepared-message';
import { authenticatedBrand, isTrusted } from '../rules/support/helpers';

/** Findings one rule may contribute; more would only bury the message. */
const MAX_FINDINGS_PER_RULE = 10;

/**
 * The combination step. Every rule counts once, by its most severe finding: an info finding by
 * its rule's weight (0 = neutral), a caution by `cautionWeight`.
 * - weak signs only: `cautionScore` (from at least two rules) make a caution, `infoDangerScore`
 *   from at least `infoDangerRules` rules make a danger;
 * - with a caution: a total of `dangerScore` (from at least two rules), or `dangerScoreManyRules`
 *   from at least three rules, makes a danger.
 */
export const COMBINATION = { cautionScore: 1.5, dangerScore: 4, dangerScoreManyRules: 3.5, infoDangerScore: 3.5, infoDangerRules: 3, cautionWeight: 3 } as const;

const SCANNER_FINDINGS = ['scan-error', 'scan-truncated', 'message-incomplete', 'signals-combined'] as const;
export type ScannerFindingId = (typeof SCANNER_FINDINGS)[number];

function hasData(msg: PreparedMessage, need: RuleNeed): boolean {
  const snap = msg.snapshot;
  const missing = Array.isArray(snap.missing) ? snap.missing : [];
  switch (need) {
    case 'headers':
      return msg.hasHeaders;
    case 'from':
      return !!msg.from;
    case 'body':
      return !missing.includes('body');
    case 'links':
      return !missing.includes('links');
    case 'attachments':
      return !missing.includes('attachments');
  }
}

function authFailed(msg: PreparedMessage): boolean {
  const a = msg.auth;
  if (!a) return false;
  const dkimPass = (a.dkim ?? []).some((d) => d.result === 'pass');
  return a.dmarc?.result === 'fail' || ((a.spf?.result === 'fail' || a.spf?.result === 'softfail') && !dkimPass);
}

/** Allowed/org/partner destinations and senders silence rules that are about reputation. */
function exempt(rule: Rule, finding: Finding, msg: PreparedMessage, linkByAnchor: ReadonlyMap<number, PreparedLink>): boolean {
  if (rule.exemptTrusted === false) return false;
  if (finding.target.kind === 'link' && typeof finding.target.index === 'number') {
    const link = linkByAnchor.get(finding.target.index);
    return !!link && isTrusted(link.trust);
  }
  if (rule.scope === 'sender' && msg.from && isTrusted(msg.from.trust)) {
    // A forged From with a trusted domain still fails authentication; then it is not exempt.
    return !authFailed(msg);
  }
  return false;
}

function levelOf(findings: readonly Finding[]): VerdictLevel {
  let level: VerdictLevel = 'safe';
  for (const f of findings) {
    if (f.severity === 'danger') return 'danger';
    if (f.severity === 'caution') level = 'caution';
  }
  return level;
}

function safePolicy(policy: Policy | undefined): Policy {
  if (!policy || typeof policy !== 'object') return DEFAULT_POLICY;
  return policy;
}

function errorVerdict(where: string): Verdict {
  return {
    level: 'caution',
    findings: [{ rule: 'scan-error', severity: 'caution', target: { kind: 'message', value: where }, params: { check: where } }],
    unchecked: [],
  };
}

export function scanMessage(snapshot: MailSnapshot, policy?: Policy): Verdict {
  const effective = safePolicy(policy);
  if (!snapshot || typeof snapshot !== 'object') return errorVerdict('snapshot');
  let msg: PreparedMessage;
  try {
    msg = prepareMessage(snapshot, effective);
  } catch {
    return errorVerdict('prepare');
  }
  const scanPolicy = effective.scan && typeof effective.scan === 'object' ? effective.scan : DEFAULT_POLICY.scan;
  const disabled = new Set(Array.isArray(scanPolicy.disabledRules) ? scanPolicy.disabledRules : []);
  const findings: Finding[] = [];
  const unchecked: string[] = [];
  const weightOf = new Map<string, Rule['weight']>();
  const cautionWeightOf = new Map<string, NonNullable<Rule['cautionWeight']>>();
  const linkByAnchor = new Map(msg.links.map((l) => [l.anchorIndex, l] as const));

  for (const rule of RULES) {
    if (disabled.has(rule.id)) continue;
    if (rule.needs && !rule.needs.every((n) => hasData(msg, n))) {
      unchecked.push(rule.id);
      continue;
    }
    weightOf.set(rule.id, rule.weight);
    if (rule.cautionWeight) cautionWeightOf.set(rule.id, rule.cautionWeight);
    let produced: Finding[];
    try {
      produced = rule.check(msg, { policy: effective });
    } catch {
      findings.push({ rule: 'scan-error', severity: 'caution', target: { kind: 'message', value: rule.id }, params: { check: rule.id } });
      continue;
    }
    if (!Array.isArray(produced)) continue;
    let kept = 0;
    for (const f of produced) {
      if (kept >= MAX_FINDINGS_PER_RULE) break;
      if (!f || exempt(rule, f, msg, linkByAnchor)) continue;
      findings.push(f);
      kept++;
    }
  }

  const missing = (Array.isArray(snapshot.missing) ? snapshot.missing : []).filter((m) => m === 'body' || m === 'links' || m === 'attachments');
  if (missing.length > 0) {
    findings.push({ rule: 'message-incomplete', severity: 'caution', target: { kind: 'message', value: missing.join(',') }, params: { parts: missing.join(', ') } });
  }
  if (msg.truncated.length > 0 && !disabled.has('scan-truncated')) {
    findings.push({ rule: 'scan-truncated', severity: 'info', target: { kind: 'message', value: msg.truncated.join(',') }, params: { parts: msg.truncated.join(', ') } });
  }

  // Weak signs from a known sender (organisation, partner, allowed; authentication not failing)
  // describe an ordinary mail of theirs, not an attack: they are shown but do not add up. The same
  // holds for a protected brand's own domain that passed authentication: a bank's transfer notice
  // says 振込先 and 至急 because it is one.
  const knownSender = (!!msg.from && isTrusted(msg.from.trust) && !authFailed(msg)) || !!authenticatedBrand(msg);
  const combined = knownSender ? undefined : combine(findings, weightOf, cautionWeightOf);
  if (combined && !disabled.has('signals-combined')) findings.push(combined);

  if (scanPolicy.alertMode === true) {
    for (const f of findings) if (f.severity === 'caution') f.severity = 'danger';
  }
  return { level: levelOf(findings), findings, unchecked };
}

/** Adds a `signals-combined` finding when several signs together outweigh each one alone. */
export function combine(
  findings: readonly Finding[],
  weightOf: ReadonlyMap<string, Rule['weight']>,
  cautionWeightOf: ReadonlyMap<string, NonNullable<Rule['cautionWeight']>> = new Map(),
): Finding | undefined {
  // Per rule: its most severe finding, and for info findings the heaviest weight.
  const best = new Map<string, { severity: Severity; weight: number }>();
  for (const f of findings) {
    if (!weightOf.has(f.rule)) continue;
    const spec = weightOf.get(f.rule);
    let weight = 1;
    try {
      weight = typeof spec === 'function' ? spec(f) : (spec ?? 1);
      if (f.severity === 'caution') {
        const cw = cautionWeightOf.get(f.rule)?.(f);
        weight = typeof cw === 'number' && Number.isFinite(cw) ? cw : COMBINATION.cautionWeight;
      }
    } catch {
      weight = f.severity === 'caution' ? COMBINATION.cautionWeight : 1;
    }
    const prev = best.get(f.rule);
    if (!prev || rank(f.severity) > rank(prev.severity) || (f.severity === prev.severity && weight > prev.weight)) best.set(f.rule, { severity: f.severity, weight });
  }
  if ([...best.values()].some((b) => b.severity === 'danger')) return undefined;
  let score = 0;
  let cautions = 0;
  const contributing: string[] = [];
  for (const [rule, { severity, weight }] of best) {
    const w = weight;
    if (w <= 0) continue;
    score += w;
    if (severity === 'caution') cautions++;
    contributing.push(rule);
  }
  if (contributing.length < 2) return undefined;
  let severity: Severity | undefined;
  if (cautions >= 1) {
    if (score >= COMBINATION.dangerScore || (score >= COMBINATION.dangerScoreManyRules && contributing.length >= 3)) severity = 'danger';
  } else if (score >= COMBINATION.infoDangerScore && contributing.length >= COMBINATION.infoDangerRules) {
    severity = 'danger';
  } else if (score >= COMBINATION.cautionScore) {
    severity = 'caution';
  }
  if (!severity) return undefined;
  return {
    rule: 'signals-combined',
    severity,
    target: { kind: 'message', value: contributing.join(',') },
    params: { rules: contributing.join(','), count: contributing.length },
  };
}

function rank(s: Severity): number {
  return s === 'danger' ? 2 : s === 'caution' ? 1 : 0;
}
