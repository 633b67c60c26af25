/**
 * What the extension can see of the device itself: the browser's name and version, for the
 * posture check `browser-version`. Firefox answers runtime.getBrowserInfo(); Chromium browsers
 * answer navigator.userAgentData (full version list), else the user-agent string (whose minor
 * parts are frozen, so the major is what counts). Never throws: unknown means no fact.
 */
import type { PostureFacts } from '../../shared/posture/types';

export interface BrowserFactsEnv {
  getBrowserInfo?: () => Promise<{ name: string; version: string }>;
  userAgentData?: {
    brands?: { brand: string; version: string }[];
    getHighEntropyValues?(hints: string[]): Promise<{ fullVersionList?: { brand: string; version: string }[] }>;
  };
  userAgent?: string;
}

export async function readBrowserFacts(env: BrowserFactsEnv): Promise<PostureFacts> {
  try {
    if (env.getBrowserInfo) {
      const info = await env.getBrowserInfo();
      if (info && typeof info.version === 'string') return { browser: { name: info.name.toLowerCase().includes('firefox') ? 'firefox' : info.name.toLowerCase(), version: info.version } };
    }
  } catch {
    // fall through to the user agent
  }
  try {
    const data = env.userAgentData;
    if (data) {
      const full = data.getHighEntropyValues ? (await data.getHighEntropyValues(['fullVersionList'])).fullVersionList : undefined;
      const fromBrands = pickBrand(full ?? data.brands ?? []);
      if (fromBrands) return { browser: fromBrands };
    }
  } catch {
    // fall through to the user agent
  }
  const fromUa = env.userAgent ? browserFromUserAgent(env.userAgent) : undefined;
  return fromUa ? { browser: fromUa } : {};
}

/** Edge first (its list also names Chromium), then Chrome, then plain Chromium. */
function pickBrand(list: { brand: string; version: string }[]): { name: string; version: string } | undefined {
  const find = (name: string) => list.find((b) => b.brand === name);
  const edge = find('Microsoft Edge');
  if (edge) return { name: 'edge', version: edge.version };
  const chrome = find('Google Chrome');
  if (chrome) return { name: 'chrome', version: chrome.version };
  const chromium = find('Chromium');
  if (chromium) return { name: 'chromium', version: chromium.version };
  return undefined;
}

/** `… Edg/142.0.0.0`, `… Chrome/142.0.0.0 …`, `… Firefox/140.0`. */
export function browserFromUserAgent(ua: string): { name: string; version: string } | undefined {
  for (const [token, name] of [['Edg/', 'edge'], ['Firefox/', 'firefox'], ['Chrome/', 'chrome']] as const) {
    const at = ua.indexOf(token);
    if (at < 0) continue;
    let end = at + token.length;
    while (end < ua.length && ((ua[end]! >= '0' && ua[end]! <= '9') || ua[end] === '.')) end++;
    const version = ua.slice(at + token.length, end);
    if (version) return { name, version };
  }
  return undefined;
}
