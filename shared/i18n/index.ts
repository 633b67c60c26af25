/** Texts for findings and for the generic UI words, Japanese first. */
export { findingText, uiText, ruleTexts, hasRuleText } from './finding-text';
export type { Lang, FindingTexts, RuleTexts } from './types';
export type { UiTextKey } from './finding-text';
export { UI_TEXTS } from './ui-texts';
