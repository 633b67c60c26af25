/**
 * The shared durable outbox, wired for the task pane: records in the pane origin's localStorage
 * (they survive closing the pane and Outlook), POST/GET with fetch, the destination read from
 * policy at each attempt. The pane ticks it while it is open; what is still waiting is retried
 * the next time the pane opens.
 *
 * Must never: send to a destination that is not policy.reportEndpoint, or send before the user
 * pressed 「送る」 (enqueue is that action).
 */
import type { Policy } from '../../shared/policy/types';
import { createOutbox, reportChannel, type Outbox, type OutboxData, type OutboxTransport, type TransportResult } from '../../shared/outbox';

export const OUTBOX_STORAGE_KEY = 'kokoroe.outbox.v1';
/** One attempt may take this long before it counts as a timeout (and is retried). */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface PaneOutboxDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  fetch: typeof fetch;
  policy: () => Policy;
  now?: () => number;
}

export function createPaneOutbox(deps: PaneOutboxDeps): Outbox {
  return createOutbox({
    storage: {
      async load() {
        try {
          const text = deps.storage.getItem(OUTBOX_STORAGE_KEY);
          return text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          return undefined;
        }
      },
      async save(data: OutboxData) {
        deps.storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(data));
      },
    },
    transport: fetchTransport(deps.fetch),
    channel: { endpoint: async () => reportChannel(deps.policy()) },
    now: deps.now ?? (() => Date.now()),
    random: () => Math.random(),
  });
}

export function fetchTransport(fetchFn: typeof fetch): OutboxTransport {
  const request = async (url: string, init: RequestInit): Promise<TransportResult> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetchFn(url, { ...init, signal: controller.signal, credentials: 'omit', redirect: 'error', cache: 'no-store' });
      const body = await response.text().catch(() => '');
      return { ok: true, status: response.status, body };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: 'timeout' };
      return { ok: false, error: 'network', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };
  const headers = (token: string | undefined, extra: Record<string, string>): Record<string, string> =>
    token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
  return {
    // The id inside the body is the idempotency key; no extra headers, so the endpoint's CORS
    // only has to allow Content-Type and Authorization from the pane's origin.
    post: ({ url, token, body }) => request(url, { method: 'POST', headers: headers(token, { 'Content-Type': 'application/json' }), body }),
    get: ({ url, token }) => request(url, { method: 'GET', headers: headers(token, { Accept: 'application/json' }) }),
  };
}
