/**
 * Analyses one href the way a browser would navigate it: the WHATWG URL parser decides scheme and
 * host, tldts the registrable domain; tricks in the written form are listed; gateway wrappers and
 * open redirectors are peeled off (offline, depth-capped) so rules can judge the real destination.
 * Never throws and never fetches anything.
 */
import type { UrlAnalysis } from './types';
import { canonicalHostname, registrableDomain } from './domains';
import { isIpHostname, isPrivateIpHostname } from './ip';
import { detectObfuscations } from './obfuscations';
import { toUnicodeHostname } from './punycode';
import { unwrapStep } from './unwrap';

export interface AnalyzeUrlOptions {
  /** Base URL for relative hrefs (e.g. the message's Content-Base); without it relative hrefs are `ok: false`. */
  base?: string;
  /**
   * How many wrappers to peel at most.
   * @default 5
   */
  maxUnwrapDepth?: number;
}

const DEFAULT_MAX_UNWRAP_DEPTH = 5;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function failed(input: string): UrlAnalysis {
  const analysis: UrlAnalysis = {
    input,
    ok: false,
    isIp: false,
    isPrivateIp: false,
    obfuscations: [],
    wrappers: [],
    destination: undefined as unknown as UrlAnalysis,
  };
  analysis.destination = analysis;
  return analysis;
}

function parse(input: string, base: string | undefined): URL | undefined {
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    return undefined;
  }
}

function analyzeOnce(input: string, base: string | undefined, depth: number): UrlAnalysis {
  const url = parse(input, base);
  if (!url) {
    const analysis = failed(input);
    analysis.obfuscations = detectObfuscations(input, undefined);
    return analysis;
  }
  const hostname = url.hostname;
  const host = canonicalHostname(hostname);
  const isIp = host !== '' && isIpHostname(host);
  const userinfo = url.username || url.password ? safeDecode(url.username) + (url.password ? `:${safeDecode(url.password)}` : '') : undefined;
  const analysis: UrlAnalysis = {
    input,
    ok: true,
    href: url.href,
    scheme: url.protocol.toLowerCase(),
    hostname: hostname || undefined,
    unicodeHostname: hostname ? toUnicodeHostname(hostname) : undefined,
    registrableDomain: host && !isIp ? registrableDomain(host) : undefined,
    isIp,
    isPrivateIp: isIp && isPrivateIpHostname(host),
    userinfo,
    port: url.port || undefined,
    pathname: url.pathname,
    search: url.search || undefined,
    obfuscations: detectObfuscations(input, { hostname: host, hasUserinfo: userinfo !== undefined }),
    wrappers: [],
    destination: undefined as unknown as UrlAnalysis,
  };
  analysis.destination = analysis;

  const step = unwrapStep(url, analysis.registrableDomain);
  if (!step) return analysis;
  if (step.opaque || step.target === undefined) {
    analysis.wrappers = [step.name];
    analysis.opaqueWrapper = step.name;
    return analysis;
  }
  if (depth <= 0) {
    analysis.unwrapTruncated = true;
    return analysis;
  }
  // Only an absolute target counts: a wrapper carrying junk is judged as the wrapper itself.
  const inner = analyzeOnce(step.target, undefined, depth - 1);
  if (!inner.ok) return analysis;
  analysis.wrappers = [step.name, ...inner.wrappers];
  analysis.destination = inner.destination;
  if (inner.opaqueWrapper) analysis.opaqueWrapper = inner.opaqueWrapper;
  if (inner.unwrapTruncated) analysis.unwrapTruncated = true;
  return analysis;
}

/** Analyses `href`; relative hrefs need `options.base`. Never throws. */
export function analyzeUrl(href: string, options: AnalyzeUrlOptions = {}): UrlAnalysis {
  // Hosts call this with values from untrusted objects: tolerate non-strings too.
  const input = typeof href === 'string' ? href : '';
  const depth = options?.maxUnwrapDepth ?? DEFAULT_MAX_UNWRAP_DEPTH;
  try {
    return analyzeOnce(input, options?.base, Number.isFinite(depth) ? Math.max(0, Math.floor(depth)) : DEFAULT_MAX_UNWRAP_DEPTH);
  } catch {
    // Defensive: nothing above is expected to throw, but a host must never see an exception.
    return failed(input);
  }
}
