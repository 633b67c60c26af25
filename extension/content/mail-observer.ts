/**
 * One DOM watcher per page. The MutationObserver callback only notes that something changed
 * and schedules one run; it never looks at the mutation records or the DOM (webmail pages mutate
 * hundreds of times a second while idle: the callback must cost nothing). The run happens after
 * a short quiet period, then in idle time (or the next frame), so a burst of changes is one run.
 *
 * Budget: body appears → banner ≤ 150 ms. DEBOUNCE_MS + IDLE_TIMEOUT_MS stay well under it.
 */

/** Quiet period after the last change before processing. @default 40 */
export const DEBOUNCE_MS = 40;
/** Longest wait for idle time once the quiet period is over. @default 60 */
export const IDLE_TIMEOUT_MS = 60;
/**
 * A page that never goes quiet (a clock, an animation, a chat list) must not starve the run:
 * once changes have been pending this long, the next run is no longer pushed back. @default 100
 */
export const MAX_WAIT_MS = 100;

export interface ObserverScheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, monotonic enough for debouncing. @default Date.now */
  now?(): number;
  /** Runs fn in idle time (or the next animation frame where idle callbacks do not exist). */
  idle(fn: () => void, timeoutMs: number): void;
}

export interface MailObserver {
  /** Requests a run as if the page had changed (start-up, context change). */
  poke(): void;
  stop(): void;
}

export function defaultScheduler(win: Window): ObserverScheduler {
  return {
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
    idle: (fn, timeoutMs) => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => fn(), { timeout: timeoutMs });
      else win.requestAnimationFrame(() => fn());
    },
  };
}

export function createMailObserver(doc: Document, run: () => void, scheduler: ObserverScheduler): MailObserver {
  let timer: unknown;
  let stopped = false;
  let idlePending = false;
  let pendingSince = 0;
  const now = scheduler.now ?? Date.now;

  const schedule = (): void => {
    if (stopped) return;
    if (timer !== undefined) {
      // Already waiting: push the run back for a quiet period, but not past MAX_WAIT_MS.
      if (now() - pendingSince + DEBOUNCE_MS > MAX_WAIT_MS) return;
      scheduler.clearTimeout(timer);
    } else {
      pendingSince = now();
    }
    timer = scheduler.setTimeout(() => {
      timer = undefined;
      if (idlePending || stopped) return;
      idlePending = true;
      scheduler.idle(() => {
        idlePending = false;
        if (stopped) return;
        try {
          run();
        } catch (error) {
          // The page keeps working whatever happens in here.
          console.warn('Kokoroe: processing failed', error);
        }
      }, IDLE_TIMEOUT_MS);
    }, DEBOUNCE_MS);
  };

  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const Observer = view?.MutationObserver ?? MutationObserver;
  const observer = new Observer(schedule);
  observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true });

  return {
    poke: schedule,
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) scheduler.clearTimeout(timer);
      timer = undefined;
    },
  };
}
