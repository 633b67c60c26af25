/**
 * Small helpers around office.js for the mailbox modules: requirement-set checks and callback →
 * promise with a timeout. Only outlook-addin/mailbox/mailbox-* files may touch `Office.*`;
 * everything else in the add-in takes plain data.
 *
 * Must never: throw into the caller. A host call that fails, throws or never answers becomes
 * `{ ok: false, error }`.
 */

import type { HostResult } from '../core/pane-host';

export type { HostResult };

/** How long one host call may take before we stop waiting (Outlook on the web can stall). */
export const HOST_CALL_TIMEOUT_MS = 15_000;

/** `Office.context.requirements.isSetSupported('Mailbox', version)`, false when unknown. */
export function supportsMailbox(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}

/** Runs an office.js async method (`fn(callback)`) and settles once, with a timeout. */
export function callHost<T>(fn: (callback: (result: Office.AsyncResult<T>) => void) => void, timeoutMs = HOST_CALL_TIMEOUT_MS): Promise<HostResult<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: HostResult<T>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => settle({ ok: false, error: 'timed out' }), timeoutMs);
    try {
      fn((result) => {
        // AsyncResultStatus.Succeeded is the string 'succeeded'; compared as a string so that a
        // host (or a test double) without the enum still works.
        if (result && String(result.status) === 'succeeded') settle({ ok: true, value: result.value });
        else settle({ ok: false, error: describeError(result?.error) });
      });
    } catch (error) {
      settle({ ok: false, error: describeError(error) });
    }
  });
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown; code?: unknown };
    const parts = [e.name, e.code, e.message].filter((p) => typeof p === 'string' || typeof p === 'number');
    if (parts.length > 0) return parts.join(': ');
  }
  return typeof error === 'string' && error !== '' ? error : 'failed';
}
