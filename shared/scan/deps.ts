/**
 * The one place where the scanner binds to the mail, URL and look-alike modules, so a renamed
 * export is fixed here and nowhere else.
 */
export { extractHtml, extractTextLinks, readAuthentication, decodeHeaderText } from '../mail/index';
export type { AuthSummary } from '../mail/index';
export {
  analyzeUrl,
  registrableDomain,
  hostMatchesDomain,
  normalizeDomain,
  urlShownInText,
  isShortener,
  shortenerInfo,
  freeHostingKind,
  isKnownRedirector,
  redirectorKind,
  linkFileName,
} from '../url/index';
export { PROTECTED_NAMES, createBrandMatcher, createLookalikeIndex, isMixedScriptHomograph, skeleton } from '../lookalike/index';
