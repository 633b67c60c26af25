/**
 * Recognises link-rewriting services (mail-gateway wrappers and well-known open redirectors) and
 * recovers the target they carry in the URL itself. Pure string work on an already parsed URL:
 * never fetches anything, so services whose target lives on their server (Mimecast, t.co) are
 * reported as opaque instead.
 */
import { decodeProofpointV3 } from './proofpoint';

export interface UnwrapStep {
  /** Wrapper name recorded in `UrlAnalysis.wrappers`. */
  name: string;
  /** The carried target, as text still to be parsed; absent for opaque wrappers. */
  target?: string;
  /** True when the wrapper hides its target on its own server. */
  opaque?: boolean;
}

/** A redirector whose target sits in one query parameter. */
interface QueryRedirector {
  name: string;
  /** Exact lower-case hostnames. */
  hosts: readonly string[];
  /** Exact pathname. */
  path: string;
  /** Query parameters tried in order. */
  params: readonly string[];
}

// Open redirectors seen in mail, each keyed by exact host and path (observed 2026-11).
const QUERY_REDIRECTORS: readonly QueryRedirector[] = [
  // Facebook's outbound link shim (desktop and mobile).
  { name: 'facebook-redirect', hosts: ['l.facebook.com', 'lm.facebook.com', 'l.messenger.com'], path: '/l.php', params: ['u'] },
  // Instagram's outbound link shim.
  { name: 'instagram-redirect', hosts: ['l.instagram.com'], path: '/', params: ['u'] },
  // YouTube description and comment links.
  { name: 'youtube-redirect', hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com'], path: '/redirect', params: ['q'] },
  // LinkedIn outbound links.
  { name: 'linkedin-redirect', hosts: ['www.linkedin.com', 'linkedin.com'], path: '/redir/redirect', params: ['url'] },
  // Slack outbound links.
  { name: 'slack-redirect', hosts: ['slack-redir.net'], path: '/link', params: ['url'] },
  // VK outbound links.
  { name: 'vk-redirect', hosts: ['away.vk.com', 'vk.com'], path: '/away.php', params: ['to'] },
  // Tumblr outbound links.
  { name: 'tumblr-redirect', hosts: ['t.umblr.com'], path: '/redirect', params: ['z'] },
];

/** Mail-gateway click-time protection that carries the target in a query parameter. */
interface GatewayWrapper {
  name: string;
  pathPrefix: string;
  param: string;
}

const GATEWAYS: Record<string, GatewayWrapper> = {
  // Symantec / Broadcom Email Security.cloud click-time URL protection.
  'clicktime.symantec.com': { name: 'symantec-clicktime', pathPrefix: '/', param: 'u' },
  // Barracuda Link Protection.
  'linkprotect.cudasvc.com': { name: 'barracuda', pathPrefix: '/url', param: 'a' },
  // Trellix (FireEye) Email Security.
  'protect2.fireeye.com': { name: 'fireeye', pathPrefix: '/v1/url', param: 'u' },
};
const GATEWAY_BY_HOST = new Map(Object.entries(GATEWAYS));
/** Trend Micro Email Security time-of-click: `<region>.trendmicro.com/wis/clicktime/v1/query?url=…`. */
const TREND_MICRO: GatewayWrapper = { name: 'trendmicro', pathPrefix: '/wis/clicktime/', param: 'url' };

/** Hosts among QUERY_REDIRECTORS that do nothing but redirect (any path). */
const DEDICATED_REDIRECT_HOSTS = new Set([
  'l.facebook.com',
  'lm.facebook.com',
  'l.messenger.com',
  'l.instagram.com',
  'slack-redir.net',
  'away.vk.com',
  't.umblr.com',
]);

const QUERY_REDIRECTOR_BY_HOST = new Map<string, QueryRedirector[]>();
for (const redirector of QUERY_REDIRECTORS) {
  for (const host of redirector.hosts) {
    const list = QUERY_REDIRECTOR_BY_HOST.get(host) ?? [];
    list.push(redirector);
    QUERY_REDIRECTOR_BY_HOST.set(host, list);
  }
}

/** Microsoft Defender Safe Links: `<region>.safelinks.protection.outlook.com/?url=…` (also the US government cloud). */
function isSafeLinksHost(host: string): boolean {
  return host.endsWith('.safelinks.protection.outlook.com') || host.endsWith('.safelinks.protection.office365.us');
}

/** `google.<suffix>` or `www.google.<suffix>` for Google's country sites (google.com, google.co.jp …). */
function isGoogleSearchHost(host: string, registrable: string | undefined): boolean {
  if (!registrable || !registrable.startsWith('google.')) return false;
  return host === registrable || host === `www.${registrable}`;
}

/** Mimecast URL Protect: `protect-<region>.mimecast.com/s/…` and the newer `*.mimecastprotect.com`. */
function isMimecastHost(host: string): boolean {
  return /^protect-[a-z0-9-]+\.mimecast\.com$/.test(host) || host.endsWith('.mimecastprotect.com');
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Google's AMP viewer opens another site under Google's name: `/amp/s/<host>/<path>` over https,
 * `/amp/<host>/<path>` over http. The carried host must look like a domain.
 */
export function googleAmpTarget(pathname: string): string | undefined {
  const secure = pathname.startsWith('/amp/s/');
  const rest = pathname.slice(secure ? 7 : 5);
  const host = rest.split('/')[0] ?? '';
  if (!host.includes('.') || host.startsWith('.')) return undefined;
  return `${secure ? 'https' : 'http'}://${safeDecode(rest) ?? rest}`;
}

/** Proofpoint v2 `u=` parameter: `-` stands for `%` and `_` for `/` before percent-decoding. */
export function decodeProofpointV2(u: string): string | undefined {
  return safeDecode(u.replace(/-/g, '%').replace(/_/g, '/'));
}

/**
 * One unwrapping step for a parsed URL, or undefined when it is not a wrapper we know.
 * `registrable` is the URL's registrable domain (used for Google's country sites).
 */
export function unwrapStep(url: URL, registrable: string | undefined): UnwrapStep | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const params = url.searchParams;

  if (isSafeLinksHost(host)) {
    const target = params.get('url');
    return target ? { name: 'safelinks', target } : undefined;
  }
  if (isGoogleSearchHost(host, registrable) && url.pathname === '/url') {
    const target = params.get('q') || params.get('url');
    return target ? { name: 'google-url', target } : undefined;
  }
  if (isGoogleSearchHost(host, registrable) && url.pathname.startsWith('/amp/')) {
    const target = googleAmpTarget(url.pathname);
    return target ? { name: 'google-amp', target } : undefined;
  }
  if (host === 'urldefense.proofpoint.com') {
    if (url.pathname === '/v2/url') {
      const u = params.get('u');
      const target = u ? decodeProofpointV2(u) : undefined;
      return target ? { name: 'urldefense-v2', target } : undefined;
    }
    if (url.pathname === '/v1/url') {
      const target = params.get('u');
      return target ? { name: 'urldefense-v1', target } : undefined;
    }
    return undefined;
  }
  if (host === 'urldefense.com' && url.pathname.startsWith('/v3/__')) {
    const target = decodeProofpointV3(url.href);
    return target ? { name: 'urldefense-v3', target } : undefined;
  }
  if (isMimecastHost(host)) return { name: 'mimecast', opaque: true };

  const gateway = GATEWAY_BY_HOST.get(host) ?? (host.endsWith('.trendmicro.com') ? TREND_MICRO : undefined);
  if (gateway && url.pathname.startsWith(gateway.pathPrefix)) {
    const target = params.get(gateway.param);
    return target ? { name: gateway.name, target } : undefined;
  }
  if (host === 'secure-web.cisco.com') {
    // Cisco Secure Email: the target is the last path segment, percent-encoded.
    const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    const target = safeDecode(last);
    return target && /^https?:/i.test(target) ? { name: 'cisco-secure-web', target } : undefined;
  }

  const redirectors = QUERY_REDIRECTOR_BY_HOST.get(host);
  if (redirectors) {
    for (const redirector of redirectors) {
      if (url.pathname !== redirector.path) continue;
      for (const name of redirector.params) {
        const target = params.get(name);
        if (target) return { name: redirector.name, target };
      }
    }
  }
  return undefined;
}

/**
 * Hosts that exist only to rewrite or redirect links (gateway wrappers and link shims), whatever
 * the path. Hosts that redirect only on one path (google.com/url, youtube.com/redirect) are not
 * listed: `unwrapStep` recognises those by path.
 */
export function isRewritingServiceHost(host: string): boolean {
  return (
    isSafeLinksHost(host) ||
    host === 'urldefense.proofpoint.com' ||
    host === 'urldefense.com' ||
    isMimecastHost(host) ||
    GATEWAY_BY_HOST.has(host) ||
    host === 'secure-web.cisco.com' ||
    DEDICATED_REDIRECT_HOSTS.has(host)
  );
}
