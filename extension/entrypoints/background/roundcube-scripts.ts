/**
 * Registers the Roundcube content script for exactly the Roundcube origins in policy that the
 * user (or IT) has granted, in every frame (Roundcube draws the message in a same-origin iframe).
 * Origins without a grant are skipped, never requested from here: permissions.request needs a
 * user gesture and lives on the options page.
 */
import { browser } from 'wxt/browser';

export const ROUNDCUBE_SCRIPT_ID = 'kokoroe-roundcube';
export const ROUNDCUBE_SCRIPT_FILE = 'content-scripts/roundcube.js';

/**
 * `https://webmail.example.jp:8443` → `https://webmail.example.jp/*`; anything else → undefined.
 * No port: Firefox refuses a match pattern with one (bug 1362809), so a Roundcube on its own
 * port was never watched there; without a port Chrome matches every port of the host. Messages
 * are still accepted only from the exact policy origins (the worker checks each sender).
 */
export function originPattern(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** The policy origins we hold a host permission for. */
export async function grantedRoundcubeOrigins(origins: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    const pattern = originPattern(origin);
    if (!pattern) continue;
    try {
      if (await browser.permissions.contains({ origins: [pattern] })) granted.push(new URL(origin).origin);
    } catch {
      // an origin the browser refuses to consider is simply not granted
    }
  }
  return granted;
}

export async function syncRoundcubeScripts(origins: readonly string[]): Promise<string[]> {
  const granted = await grantedRoundcubeOrigins(origins);
  const matches = [...new Set(granted.map((o) => originPattern(o)).filter((p): p is string => p !== undefined))];
  try {
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ROUNDCUBE_SCRIPT_ID] });
    if (matches.length === 0) {
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [ROUNDCUBE_SCRIPT_ID] });
      return granted;
    }
    const script = { id: ROUNDCUBE_SCRIPT_ID, matches, js: [ROUNDCUBE_SCRIPT_FILE], allFrames: true, runAt: 'document_idle' as const };
    if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
    else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
  } catch (error) {
    console.warn('Roundcube content script registration failed', error);
  }
  return granted;
}
