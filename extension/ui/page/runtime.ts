/**
 * How the extension pages (warning, popup, options) talk to the service worker. Every answer is
 * checked for `{ ok: true }` before use and turned into a value; a page never throws because the
 * worker was asleep, restarting or answered something unexpected.
 */
import { browser } from 'wxt/browser';
import type { Request } from '../../messages';

export type Answer<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Sends one request (see extension/messages.ts) and returns the answer as a value. */
export async function request<T extends object>(message: Request): Promise<Answer<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(message)) as unknown;
    if (answer && typeof answer === 'object' && (answer as { ok?: unknown }).ok === true) {
      return answer as { ok: true } & T;
    }
    const error = answer && typeof answer === 'object' ? (answer as { error?: unknown }).error : undefined;
    return { ok: false, error: typeof error === 'string' ? error : 'no-answer' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
