/**
 * HTTPS transport of the outbox: `fetch` from the service worker with a timeout. The URL and
 * token come from policy only (via the outbox channel). Redirects are refused, so a report can
 * never be carried to a host IT did not configure; no cookies are sent.
 *
 * Endpoint requirements (documented in README): accept `POST` with `Content-Type:
 * application/json`, `Authorization: Bearer <token>` and `Idempotency-Key: <report id>`, and
 * answer CORS preflights from the extension's origin, unless the extension holds a host
 * permission for the endpoint.
 */
import type { OutboxTransport, TransportResult } from '../../shared/outbox';

export interface FetchTransportOptions {
  /** An attempt that has not answered within this is abandoned and retried later. @default 30_000 */
  timeoutMs?: number;
  /** Bytes of a response body read (answers are small). @default 65_536 */
  maxResponseBytes?: number;
}

export function fetchTransport(options: FetchTransportOptions = {}): OutboxTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? 65_536;

  async function call(url: string, init: RequestInit, readBody: boolean): Promise<TransportResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(url, {
        ...init,
        signal: controller.signal,
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      const body = readBody ? await readCapped(response, maxResponseBytes) : undefined;
      if (!readBody) void response.body?.cancel().catch(() => undefined);
      return body === undefined ? { ok: true, status: response.status } : { ok: true, status: response.status, body };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: 'timeout' };
      return { ok: false, error: 'network', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    post({ url, token, body, id }) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': id };
      if (token) headers.Authorization = `Bearer ${token}`;
      return call(url, { method: 'POST', headers, body }, false);
    },
    get({ url, token }) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      return call(url, { method: 'GET', headers }, true);
    },
  };
}

async function readCapped(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    total += value.length;
    if (total >= max) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const all = new Uint8Array(Math.min(total, max));
  let offset = 0;
  for (const c of chunks) {
    const take = Math.min(c.length, all.length - offset);
    all.set(c.subarray(0, take), offset);
    offset += take;
  }
  return new TextDecoder().decode(all);
}
