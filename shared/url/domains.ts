/**
 * Domain helpers over hostnames the WHATWG URL parser produced: registrable domain (tldts, private
 * suffixes honoured so `foo.github.io` is its own site), label-aligned suffix matching, and
 * normalisation of domains written in policy files. Never splits raw href text.
 */
import { getDomain } from 'tldts';
import { isIpHostname } from './ip';

/** Lower case, without one trailing dot (the parser keeps `example.com.` as written). */
export function canonicalHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** eTLD+1 of a parsed hostname (`www.amazon.co.jp` → `amazon.co.jp`); undefined for IPs and bare suffixes. */
export function registrableDomain(hostname: string): string | undefined {
  const host = canonicalHostname(hostname);
  if (host === '' || isIpHostname(host)) return undefined;
  try {
    return getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** True when `hostname` is `domain` or one of its subdomains (label-aligned, case-insensitive, trailing dots ignored). */
export function hostMatchesDomain(hostname: string, domain: string): boolean {
  const host = canonicalHostname(hostname);
  const dom = canonicalHostname(domain);
  if (host === '' || dom === '') return false;
  if (host === dom) return true;
  return host.length > dom.length && host.endsWith(dom) && host.charCodeAt(host.length - dom.length - 1) === 0x2e;
}

/** The first entry of `domains` that `hostname` equals or is a subdomain of. */
export function findDomainInList(hostname: string, domains: readonly string[]): string | undefined {
  for (const domain of domains) {
    if (hostMatchesDomain(hostname, domain)) return domain;
  }
  return undefined;
}

/**
 * A domain as written in a policy (`ＥＸＡＭＰＬＥ．jp`, `Example.COM.`, `https://example.com/`)
 * in the parser's canonical ASCII form, or undefined when it is not a plain hostname.
 */
export function normalizeDomain(input: string): string | undefined {
  const text = input.trim();
  if (text === '' || text.length > 253 * 4) return undefined;
  let url: URL;
  try {
    url = text.includes('://') ? new URL(text) : new URL(`https://${text}/`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // A policy value is a domain, not a link: userinfo, port, path or query mean it was something else.
  if (url.username || url.password || url.port) return undefined;
  if (!text.includes('://') && (url.pathname !== '/' || url.search || url.hash)) return undefined;
  const host = canonicalHostname(url.hostname);
  if (host === '' || host.startsWith('[')) return undefined;
  return host;
}
