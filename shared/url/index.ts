/** URL analysis: what a link really points to, judged by the WHATWG URL parser and tldts. */
export type { UrlAnalysis, UrlObfuscation } from './types';
export { analyzeUrl, type AnalyzeUrlOptions } from './analyze-url';
export { registrableDomain, hostMatchesDomain, findDomainInList, normalizeDomain, canonicalHostname } from './domains';
export { urlShownInText } from './link-text';
export {
  isShortener,
  shortenerInfo,
  freeHostingKind,
  classifyHosting,
  isKnownRedirector,
  redirectorKind,
  type ShortenerInfo,
  type HostingKind,
  type HostingInfo,
  type RedirectorKind,
} from './lists';
export { linkFileName } from './file-name';
export { decodePunycode, toUnicodeHostname } from './punycode';
export { isIpHostname, isPrivateIpHostname } from './ip';
export { containsInvisible, isInvisibleCodePoint } from './obfuscations';
