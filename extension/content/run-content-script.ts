/**
 * The content-script runtime shared by every webmail: asks the worker for the context (posture,
 * gate, language), shows the gate in the top frame, watches the page with one observer, reads
 * open messages through the provider adapter, has the worker scan them (it holds the core and
 * the effective policy), mounts banners and outlines, and guards flagged links and attachments.
 * Everything stops when WXT invalidates the context (extension reloaded or removed).
 *
 * Never waits long on the worker: the page is watched after CONTEXT_WAIT_MS whatever happens,
 * and a scan that does not come back in SCAN_TIMEOUT_MS shows the message as "could not be
 * checked" (caution), never as safe. Never sends anything off the device; the worker decides
 * where a consult goes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MailSnapshot, Verdict } from '../../shared/model';
import type { MailProviderAdapter } from '../hosts/types';
import { CONTEXT_CHANGED, type Answer, type ContextAnswer, type Lang, type Request, type ScanAnswer } from '../messages';
import { mountBanner, type ConsultState } from '../ui/banner';
import { CONSULTS_KEY } from '../outbox/consults';
import { mountGate, type GateHandle } from '../ui/gate';
import { installGuard } from '../ui/guard';
import { outlineElements } from '../ui/outline';
import { createMailObserver, type ObserverScheduler } from './mail-observer';
import { createMessageProcessor } from './message-processor';
import { checkFailedVerdict } from './verdict-rules';
import { fitSnapshot } from './fit-snapshot';

/** Longest wait for the worker's first context answer before watching the page anyway (ms). */
export const CONTEXT_WAIT_MS = 800;
/** Longest wait for a scan; after it the message shows as "could not be checked" (caution). */
export const SCAN_TIMEOUT_MS = 5_000;
/**
 * The worker sleeps after ~30 s without events and a cold start costs 100–250 ms, which would
 * land between the message body appearing and the banner. A click or key press in the mailbox
 * usually precedes opening a message by the time the webmail needs to fetch it, so it wakes
 * the worker then — at most once per WARM_INTERVAL_MS, and only on user input, never on a timer.
 */
export const WARM_INTERVAL_MS = 20_000;

export async function runContentScript(ctx: ContentScriptContext, adapter: MailProviderAdapter): Promise<void> {
  const doc = document;
  const isTopFrame = window.top === window;
  const send = async <T extends object>(request: Request): Promise<Answer<T>> => {
    try {
      const answer = (await browser.runtime.sendMessage(request)) as Answer<T> | undefined;
      return answer && typeof answer === 'object' && 'ok' in answer ? answer : { ok: false, error: 'no answer' };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  };

  const uiLang = (): Lang => ((navigator.language || '').toLowerCase().startsWith('ja') ? 'ja' : 'en');
  const first = await Promise.race([
    send<ContextAnswer>({ type: 'get-context' }),
    new Promise<undefined>((resolve) => ctx.setTimeout(() => resolve(undefined), CONTEXT_WAIT_MS)),
  ]);
  if (ctx.isInvalid) return;
  let context: ContextAnswer | undefined = first?.ok ? first : undefined;

  const processor = createMessageProcessor(
    {
      doc,
      adapter,
      ui: { mountBanner, outlineElements },
      // The worker scans with the effective policy and records the verdict for the popup.
      scan: async (key, snapshot): Promise<Verdict> => {
        const answer = await Promise.race([
          send<ScanAnswer>({ type: 'scan-message', key, snapshot: trimForMessage(snapshot) }),
          new Promise<undefined>((resolve) => ctx.setTimeout(() => resolve(undefined), SCAN_TIMEOUT_MS)),
        ]);
        if (answer?.ok) return answer.verdict;
        return checkFailedVerdict(answer ? answer.error : 'timeout');
      },
      onConsult: (key, snapshot, verdict, originalUrl) => {
        void send({ type: 'open-consult', key, snapshot: trimForMessage(snapshot), verdict, ...(originalUrl ? { originalUrl } : {}) });
      },
    },
    { lang: context?.lang ?? uiLang() },
  );

  const uninstallGuard = installGuard(doc, (el) => processor.resolveGuarded(el), (target) => {
    void send({ type: 'open-warning', key: processor.keyOf(target) ?? 'unknown', target });
  });

  // ---- the posture gate (top frame only: it covers the whole mailbox) ----
  let gate: GateHandle | undefined;
  const showGate = (c: ContextAnswer | undefined): void => {
    if (!isTopFrame) return;
    const mode = c?.gate ?? null;
    if (!c || !mode) {
      gate?.remove();
      gate = undefined;
      return;
    }
    const options = {
      posture: c.posture,
      mode,
      lang: c.lang,
      onRecheck: () => {
        void send<ContextAnswer>({ type: 'gate-recheck' }).then((answer) => {
          if (answer.ok) applyContext(answer);
        });
      },
      onConsult: () => {
        void send({ type: 'open-consult', key: 'posture' });
      },
      ...(mode === 'warn'
        ? {
            onDismiss: () => {
              void send({ type: 'gate-dismiss' });
              gate?.remove();
              gate = undefined;
            },
          }
        : {}),
    };
    if (gate) gate.update(options);
    else gate = mountGate(doc, options);
  };

  const applyContext = (next: ContextAnswer): void => {
    const policyChanged = JSON.stringify(next.policy) !== JSON.stringify(context?.policy);
    context = next;
    processor.setContext({ policyChanged, lang: next.lang });
    showGate(next);
    observer.poke();
  };

  const scheduler: ObserverScheduler = {
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as number),
    idle: (fn, timeoutMs) => {
      if (typeof window.requestIdleCallback === 'function') ctx.requestIdleCallback(() => fn(), { timeout: timeoutMs });
      else ctx.requestAnimationFrame(() => fn());
    },
  };
  const observer = createMailObserver(doc, () => processor.process(), scheduler);

  showGate(context);
  observer.poke();

  // The worker did not answer in time: keep asking in the background, apply when it does.
  if (!context) {
    void send<ContextAnswer>({ type: 'get-context' }).then((answer) => {
      if (answer.ok && !ctx.isInvalid) applyContext(answer);
    });
  }

  const onRuntimeMessage = (message: unknown, sender: { id?: string; tab?: unknown }): void => {
    // Only the worker (our id, no tab) may tell us to refresh; the refresh is a request anyway.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    if (!message || typeof message !== 'object' || (message as { type?: unknown }).type !== CONTEXT_CHANGED) return;
    void send<ContextAnswer>({ type: 'get-context' }).then((answer) => {
      if (answer.ok && !ctx.isInvalid) applyContext(answer);
    });
  };
  browser.runtime.onMessage.addListener(onRuntimeMessage);

  let lastWarm = Date.now();
  const warmWorker = (event: Event): void => {
    if (!event.isTrusted || Date.now() - lastWarm < WARM_INTERVAL_MS) return;
    lastWarm = Date.now();
    void send({ type: 'get-context' });
  };
  const warmOptions = { capture: true, passive: true } as const;
  window.addEventListener('pointerdown', warmWorker, warmOptions);
  window.addEventListener('keydown', warmWorker, warmOptions);

  // Consult state (written by the worker's outbox): banners say IT was asked, links stay guarded.
  const readConsultStates = async (): Promise<void> => {
    try {
      const stored = await browser.storage.local.get(CONSULTS_KEY);
      if (!ctx.isInvalid) processor.setConsults(consultStates(stored[CONSULTS_KEY]));
    } catch {
      // No consult state readable: banners show none.
    }
  };
  const onStorageChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && CONSULTS_KEY in changes) void readConsultStates();
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  void readConsultStates();

  ctx.onInvalidated(() => {
    observer.stop();
    uninstallGuard();
    processor.stop();
    gate?.remove();
    browser.runtime.onMessage.removeListener(onRuntimeMessage);
    browser.storage.onChanged.removeListener(onStorageChanged);
    window.removeEventListener('pointerdown', warmWorker, warmOptions);
    window.removeEventListener('keydown', warmWorker, warmOptions);
  });
}

/** The outbox's `consults` map → the banner's consult state per message key. */
export function consultStates(raw: unknown): Record<string, ConsultState> {
  const out: Record<string, ConsultState> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const entry = value as { status?: unknown; reportId?: unknown; answer?: unknown; note?: unknown };
    if (entry.status === 'pending' && typeof entry.reportId === 'string') out[key] = { status: 'pending', reportId: entry.reportId };
    else if (entry.status === 'answered') {
      out[key] = { status: 'answered', answer: typeof entry.answer === 'string' ? entry.answer : '', ...(typeof entry.note === 'string' ? { note: entry.note } : {}) };
    }
  }
  return out;
}

/** The adapters cap what they read; fitSnapshot is the last guard so a huge page is scanned in part, not refused. */
function trimForMessage(snapshot: MailSnapshot): MailSnapshot {
  return fitSnapshot(snapshot);
}
