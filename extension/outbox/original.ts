/**
 * Fetches the raw message from the webmail provider's own origin (Roundcube's view source,
 * Gmail's "show original"), at send time, only when the user ticked 「元のメールも送る」 and
 * policy allows it. Only a plain-text or message/rfc822 answer counts as the .eml; anything
 * else (a sign-in page, an HTML viewer) means the original is unavailable.
 */
import { REPORT_LIMITS } from '../../shared/report/limits';

/** Kept well under the consult page's wait for an answer (20 s), since the fetch happens before saving. @default 10_000 */
const TIMEOUT_MS = 10_000;
const RAW_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];

export async function fetchOriginal(url: string): Promise<Uint8Array | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { credentials: 'include', redirect: 'error', cache: 'no-store', signal: controller.signal });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (response.status !== 200 || !RAW_TYPES.includes(type)) return undefined;
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > 0 && bytes.length <= REPORT_LIMITS.originalBytes ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
