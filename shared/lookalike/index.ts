/** Look-alike detection: confusable skeletons, protected names, brand mentions and imitation domains. */
export type { ProtectedName, BrandMention, LookalikeMatch } from './types';
export { skeleton } from './skeleton';
export { PROTECTED_NAMES } from './brands';
export { createBrandMatcher, normaliseForBrandSearch, type BrandMatcher, type BrandFindOptions } from './brand-mentions';
export { createLookalikeIndex, withinOneEdit, type LookalikeIndex } from './lookalike-domain';
export { isMixedScriptHomograph, mixesLatinAndJapanese } from './homograph';
