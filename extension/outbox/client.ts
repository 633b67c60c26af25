/**
 * Page side of the outbox channel: one Port per request, answered once. Never throws: a
 * sleeping or restarting worker becomes `{ ok: false, error }`.
 */
import { browser } from 'wxt/browser';
import { OUTBOX_PORT, type OutboxAnswer, type OutboxRequest } from './protocol';

/** How long a page waits for the worker (a send answers once the report is saved, not delivered). @default 20_000 */
const ANSWER_TIMEOUT_MS = 20_000;

export function outboxRequest<T extends object>(request: OutboxRequest): Promise<OutboxAnswer<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: OutboxAnswer<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
      try {
        port?.disconnect();
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => done({ ok: false, error: 'timeout' }), ANSWER_TIMEOUT_MS);
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    try {
      port = browser.runtime.connect({ name: OUTBOX_PORT });
      port.onMessage.addListener((message: unknown) => {
        if (message && typeof message === 'object' && typeof (message as { ok?: unknown }).ok === 'boolean') done(message as OutboxAnswer<T>);
        else done({ ok: false, error: 'bad answer' });
      });
      port.onDisconnect.addListener(() => done({ ok: false, error: 'disconnected' }));
      port.postMessage(request);
    } catch (error) {
      done({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
