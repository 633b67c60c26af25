/**
 * findingText / uiText: the only way hosts turn findings and UI keys into words. Placeholders are
 * replaced as plain text — hosts must render the result with textContent, never as HTML. An
 * unknown rule id still gets a readable title (the id) so no finding is ever hidden.
 */
import type { Finding } from '../model';
import { RULE_TEXTS_EN } from './rule-texts-en';
import { RULE_TEXTS_JA } from './rule-texts-ja';
import type { FindingTexts, Lang, RuleTexts } from './types';
import { UI_TEXTS, type UiTextKey } from './ui-texts';

const TABLES: Record<Lang, RuleTexts> = { ja: RULE_TEXTS_JA, en: RULE_TEXTS_EN };

/** Longest value placed into a sentence; the full value stays in the finding's target. */
const MAX_PARAM_CHARS = 120;

function pickLang(lang: unknown): Lang {
  return lang === 'en' ? 'en' : 'ja';
}

export function fill(template: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_, key: string) => {
    const v = params && Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string') return '';
    // Control characters (including bidi overrides) would reorder the sentence around them.
    const clean = v.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, ' ');
    return clean.length > MAX_PARAM_CHARS ? `${clean.slice(0, MAX_PARAM_CHARS - 1)}…` : clean;
  });
}

/** The rule texts table for a language (for tests and documentation). */
export function ruleTexts(lang: Lang): RuleTexts {
  return TABLES[pickLang(lang)];
}

export function hasRuleText(rule: string, lang: Lang): boolean {
  return Object.prototype.hasOwnProperty.call(TABLES[pickLang(lang)], rule);
}

export function findingText(finding: Finding, lang: Lang): FindingTexts {
  const l = pickLang(lang);
  const table = TABLES[l];
  const rule = finding && typeof finding.rule === 'string' ? finding.rule : '';
  const entry = Object.prototype.hasOwnProperty.call(table, rule) ? table[rule] : undefined;
  if (!entry) return { title: rule || '?', message: '' };
  const params: Record<string, unknown> = { ...(finding.params ?? {}) };
  if (rule === 'signals-combined') {
    // The combined finding lists the titles of the signs that added up, in the reader's language.
    const ids = typeof params.rules === 'string' ? params.rules.split(',') : [];
    params.reasons = ids
      .map((id) => (Object.prototype.hasOwnProperty.call(table, id) ? table[id]!.title : id))
      .join(l === 'ja' ? '、' : ', ');
    return { title: entry.title, message: fillLong(entry.message, params) };
  }
  return { title: fill(entry.title, params), message: fill(entry.message, params) };
}

function fillLong(template: string, params: Record<string, unknown>): string {
  const reasons = typeof params.reasons === 'string' ? params.reasons : '';
  return fill(template.replace('{reasons}', '\u0000'), params).replace('\u0000', reasons.slice(0, 400));
}

export function uiText(key: UiTextKey, lang: Lang, params?: Readonly<Record<string, string | number>>): string {
  const entry = UI_TEXTS[key];
  if (!entry) return String(key);
  return fill(entry[pickLang(lang)], params);
}

export type { UiTextKey };
