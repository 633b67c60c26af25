/**
 * The public entry of the core: scan a MailSnapshot, read an .eml, turn findings into words.
 * Hosts import from here; everything else in shared/ is an implementation detail.
 */
export { scanMessage } from './scan/scan-message';
export type * from './model';
export type { Policy } from './policy/types';
export { DEFAULT_POLICY } from './policy/defaults';
export { findingText, uiText } from './i18n';
export type { Lang, UiTextKey } from './i18n';
export { parseEml } from './mail/index';
export { parsePolicy } from './policy/parse-policy';
export { evaluatePosture } from './posture/evaluate-posture';
