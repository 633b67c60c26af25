/**
 * Japanese holdout set (test/fixtures/holdout, see its README.md): real-world shaped mail that the
 * rules were not tuned on. Legitimate mail from the real brand domains must stay quiet; brand
 * phishing, Emotet-style attachments, BEC and look-alikes must warn. Every file is its own test,
 * so a failure names the message. Expectations are what a careful user would expect — they are
 * not adjusted to the current rules.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../../shared/mail/index';
import { parsePolicy } from '../../../shared/policy/parse-policy';
import { scanMessage } from '../../../shared/scan/scan-message';
import type { Verdict } from '../../../shared/model';

const ROOT = join(__dirname, '../../fixtures/holdout');
const { policy, problems } = parsePolicy(JSON.parse(readFileSync(join(ROOT, 'policy.json'), 'utf8')));

/** Legitimate mail where a caution (never danger) is acceptable; README.md says why. */
const HAM_MAY_CAUTION = new Set(['30-job-application-resume-pdf.eml']);

const emlFiles = (side: 'ham' | 'phish') =>
  readdirSync(join(ROOT, side))
    .filter((f) => f.endsWith('.eml'))
    .sort();

async function scan(side: 'ham' | 'phish', file: string): Promise<Verdict> {
  const snapshot = await parseEml(readFileSync(join(ROOT, side, file)));
  return scanMessage(snapshot, policy);
}

/** The findings a person would see, for the failure message. */
const loud = (v: Verdict) => v.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}:${f.severity}`);

describe('holdout policy', () => {
  it('parses without problems and names the hospital', () => {
    expect(problems).toEqual([]);
    expect(policy.orgName).toBe('さくら総合病院');
    expect(policy.orgDomains).toEqual(['hospital.example']);
  });

  it('has about thirty messages on each side', () => {
    expect(emlFiles('ham').length).toBeGreaterThanOrEqual(30);
    expect(emlFiles('phish').length).toBeGreaterThanOrEqual(30);
  });

  it('README.md lists every message', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const side of ['ham', 'phish'] as const) {
      for (const f of emlFiles(side)) expect(readme, f).toContain(`${side}/${f}`);
    }
  });
});

describe('holdout ham: legitimate Japanese mail gives no warning', () => {
  it.each(emlFiles('ham'))('%s', async (file) => {
    const v = await scan('ham', file);
    const detail = JSON.stringify(loud(v));
    expect(v.level, detail).not.toBe('danger');
    if (!HAM_MAY_CAUTION.has(file)) expect(v.level, detail).toBe('safe');
  });
});

describe('holdout phish: Japanese phishing is flagged', () => {
  it.each(emlFiles('phish'))('%s', async (file) => {
    const v = await scan('phish', file);
    expect(['caution', 'danger'], JSON.stringify(v.findings.map((f) => `${f.rule}:${f.severity}`))).toContain(v.level);
  });
});
