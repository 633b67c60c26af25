/**
 * Rules about verdicts that hold wherever a scan runs: a message that could not be read fully
 * is never safe, and the one-line summary the popup shows. Pure functions, no browser APIs.
 */
import type { MailSnapshot, Verdict } from '../../shared/model';

/** A snapshot with missing parts is at least caution, with the reason stated. */
export function neverSafeWhenIncomplete(snapshot: MailSnapshot, verdict: Verdict): Verdict {
  const missing = snapshot.missing ?? [];
  if (missing.length === 0 || verdict.level !== 'safe') return verdict;
  const hasReason = verdict.findings.some((f) => f.rule === 'message-incomplete');
  return {
    ...verdict,
    level: 'caution',
    findings: hasReason
      ? verdict.findings
      : [...verdict.findings, { rule: 'message-incomplete', severity: 'caution', target: { kind: 'message', value: missing.join(',') }, params: { parts: missing.join(', ') } }],
  };
}

/** The verdict shown when the check itself could not run (worker unreachable): never safe. */
export function checkFailedVerdict(reason: string): Verdict {
  return {
    level: 'caution',
    findings: [{ rule: 'scan-error', severity: 'caution', target: { kind: 'message', value: reason.slice(0, 200) }, params: { check: reason.slice(0, 200) } }],
    unchecked: [],
  };
}

export function summaryOf(snapshot: MailSnapshot): { from?: string; subject?: string } {
  const from = snapshot.from?.name && snapshot.from.address ? `${snapshot.from.name} <${snapshot.from.address}>` : (snapshot.from?.address ?? snapshot.from?.name);
  return { ...(from ? { from: from.slice(0, 1_000) } : {}), ...(snapshot.subject ? { subject: snapshot.subject.slice(0, 1_000) } : {}) };
}
