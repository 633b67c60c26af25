/**
 * What a consult is about, kept in storage.session (not readable by content scripts, gone when
 * the browser closes) under a fresh id while the consult page is open: the message key, the
 * snapshot and verdict the content script read, and where the provider serves the original.
 *
 * The original's URL comes from the content script, so it is only kept when it points at the
 * very webmail origin the request came from (Gmail's "show original", Roundcube's view source);
 * it is fetched only at send time and only when the user ticked 「元のメールも送る」.
 */
import { browser } from 'wxt/browser';
import type { MailSnapshot, Verdict } from '../../shared/model';
import { isLoopbackHost } from '../../shared/policy/value-formats';

const PREFIX = 'consultRequest:';
/** Consult requests kept at once (oldest dropped: they are only the open consult pages' data). @default 20 */
const MAX_REQUESTS = 20;

export interface ConsultRequest {
  key: string;
  snapshot?: MailSnapshot;
  verdict?: Verdict;
  originalUrl?: string;
  mode?: 'consult' | 'opened';
  createdAt: number;
}

/**
 * The provider's own URL for the raw message, if it is on the sender's webmail origin and https
 * (or plain http on loopback, which policy accepts as a Roundcube origin: local test servers).
 */
export function acceptOriginalUrl(originalUrl: string | undefined, senderUrl: string | undefined, webmailOrigins: readonly string[]): string | undefined {
  if (!originalUrl || !senderUrl || originalUrl.length > 4_096) return undefined;
  try {
    const url = new URL(originalUrl);
    const sender = new URL(senderUrl);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure || url.username || url.password) return undefined;
    if (url.origin !== sender.origin || !webmailOrigins.includes(url.origin)) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

export async function storeConsultRequest(request: Omit<ConsultRequest, 'createdAt'>): Promise<string> {
  const id = crypto.randomUUID();
  const all = await browser.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .sort(([, a], [, b]) => ((a as ConsultRequest).createdAt ?? 0) - ((b as ConsultRequest).createdAt ?? 0));
  const drop = old.slice(0, Math.max(0, old.length - (MAX_REQUESTS - 1))).map(([k]) => k);
  if (drop.length) await browser.storage.session.remove(drop);
  await browser.storage.session.set({ [PREFIX + id]: { ...request, createdAt: Date.now() } satisfies ConsultRequest });
  return id;
}

/** The background's `open-consult` handler keeps requests under this prefix (extension/entrypoints/background). */
const PLATFORM_PREFIX = 'consult:';

/** A consult request stored by `storeConsultRequest` or by the background's `open-consult`. */
export async function loadConsultRequest(id: string): Promise<ConsultRequest | undefined> {
  const stored = await browser.storage.session.get([PREFIX + id, PLATFORM_PREFIX + id]);
  const value = (stored[PREFIX + id] ?? stored[PLATFORM_PREFIX + id]) as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || typeof value.key !== 'string' || !value.key) return undefined;
  const out: ConsultRequest = { key: value.key, createdAt: typeof value.createdAt === 'number' ? value.createdAt : typeof value.at === 'number' ? value.at : 0 };
  if (value.snapshot && typeof value.snapshot === 'object') out.snapshot = value.snapshot as MailSnapshot;
  if (value.verdict && typeof value.verdict === 'object') out.verdict = value.verdict as Verdict;
  if (typeof value.originalUrl === 'string') out.originalUrl = value.originalUrl;
  if (value.mode === 'opened') out.mode = 'opened';
  return out;
}
