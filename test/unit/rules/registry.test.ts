/**
 * The rule conventions, enforced: every rule file is registered, its id equals its file name,
 * it has Japanese and English texts, and it carries at least one flagged and one clean example —
 * each example checked through scanMessage exactly as hosts call it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../shared/rules/registry';
import type { Rule, RuleExample } from '../../../shared/rules/types';
import { scanMessage } from '../../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import type { Policy } from '../../../shared/policy/types';
import type { MailSnapshot } from '../../../shared/model';
import { hasRuleText, ruleTexts } from '../../../shared/i18n';

const RULES_DIR = join(__dirname, '../../../shared/rules');
const NOT_RULES = new Set(['types.ts', 'registry.ts']);
const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f));

function policyFor(example: RuleExample): Policy {
  const p = example.policy ?? {};
  return { ...DEFAULT_POLICY, ...p, scan: { ...DEFAULT_POLICY.scan, ...(p.scan ?? {}) }, posture: { ...DEFAULT_POLICY.posture, ...(p.posture ?? {}) } };
}

function snapshotFor(example: RuleExample): MailSnapshot {
  return { host: 'eml', ...example.snapshot } as MailSnapshot;
}

describe('rule registry', () => {
  it('registers every rule file in shared/rules exactly once', async () => {
    const registered = new Set(RULES.map((r) => r.id));
    for (const file of ruleFiles) {
      const id = file.replace(/\.ts$/, '');
      const mod = (await import(join(RULES_DIR, file))) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is Rule => !!v && typeof v === 'object' && 'check' in v && 'id' in v);
      expect(exported, `shared/rules/${file} must export one rule object ({ id, check, examples }); helpers belong in shared/rules/support/`).toHaveLength(1);
      expect(exported[0]!.id, `the rule in shared/rules/${file} must have id "${id}" (id = file name)`).toBe(id);
      expect(registered.has(id), `rule "${id}" is not registered: add it to the RULES array in shared/rules/registry.ts`).toBe(true);
    }
    expect(RULES.length, 'RULES lists a rule twice or lists one without a file in shared/rules/').toBe(ruleFiles.length);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: kebab-case id, texts in ja and en, examples on both sides', (id, rule) => {
    expect(id, 'rule ids are kebab-case').toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const lang of ['ja', 'en'] as const) {
      expect(hasRuleText(id, lang), `add a "${id}" entry (title and message) to shared/i18n/rule-texts-${lang}.ts`).toBe(true);
      const t = ruleTexts(lang)[id]!;
      expect(t.title.trim(), `the ${lang} title of "${id}" is empty`).not.toBe('');
      expect(t.message.trim(), `the ${lang} message of "${id}" is empty`).not.toBe('');
    }
    expect(rule.examples.flags.length, `give "${id}" at least one example in examples.flags`).toBeGreaterThan(0);
    expect(rule.examples.clean.length, `give "${id}" at least one example in examples.clean`).toBeGreaterThan(0);
  });

  const flagged = RULES.flatMap((r) => r.examples.flags.map((ex) => [r.id, ex.name, ex] as const));
  it.each(flagged)('%s flags: %s', (id, _name, example) => {
    const verdict = scanMessage(snapshotFor(example), policyFor(example));
    expect(verdict.findings.map((f) => f.rule), `example "${example.name}" in examples.flags must produce a "${id}" finding; fix the rule or the example`).toContain(id);
    expect(verdict.findings.filter((f) => f.rule === 'scan-error'), 'a rule threw while scanning this example').toEqual([]);
  });

  const clean = RULES.flatMap((r) => r.examples.clean.map((ex) => [r.id, ex.name, ex] as const));
  it.each(clean)('%s does not flag: %s', (id, _name, example) => {
    const verdict = scanMessage(snapshotFor(example), policyFor(example));
    expect(verdict.findings.map((f) => f.rule), `example "${example.name}" in examples.clean must not produce a "${id}" finding`).not.toContain(id);
    expect(verdict.findings.filter((f) => f.rule === 'scan-error'), 'a rule threw while scanning this example').toEqual([]);
  });

  it('has texts only for rules and scanner findings (no stale keys)', () => {
    const known = new Set([...RULES.map((r) => r.id), 'signals-combined', 'message-incomplete', 'scan-truncated', 'scan-error', 'parse-error']);
    for (const lang of ['ja', 'en'] as const) {
      const stale = Object.keys(ruleTexts(lang)).filter((k) => !known.has(k));
      expect(stale, `remove texts for unknown ids from shared/i18n/rule-texts-${lang}.ts`).toEqual([]);
    }
  });
});
