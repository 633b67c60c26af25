/**
 * The content-script runtime shared by every webmail: asks the worker for the context (policy,
 * posture, gate, language), shows the gate in the top frame, watches the page with one observer,
 * scans open messages with the core, mounts banners and outlines, guards flagged links and
 * attachments, and reports verdicts for the popup. Everything stops when WXT invalidates the
 * context (extension reloaded or removed).
 *
 * Never holds a banner on a slow worker: after CONTEXT_WAIT_MS it scans with the defaults and
 * rescans when the real policy arrives. Never sends anything off the device; the worker decides
 * where a consult goes.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { scanMessage } from '../../shared/scan/scan-message';
import { DEFAULT_POLICY } from '../../shared/policy/defaults';
import type { MailSnapshot } from '../../shared/model';
import type { MailProviderAdapter } from '../hosts/types';
import { CONTEXT_CHANGED, type Answer, type ContextAnswer, type Lang, type Request } from '../messages';
import { mountBanner } from '../ui/banner';
import { mountGate, type GateHandle } from '../ui/gate';
import { installGuard } from '../ui/guard';
import { outlineElements } from '../ui/outline';
import { createMailObserver, type ObserverScheduler } from './mail-observer';
import { createMessageProcessor } from './message-processor';

/** Longest wait for the worker's first answer before scanning with default policy (ms). */
export const CONTEXT_WAIT_MS = 800;

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
      scan: (snapshot, policy) => scanMessage(snapshot, policy),
      onVerdict: (key, snapshot, verdict) => {
        void send({ type: 'message-verdict', key, verdict, summary: summaryOf(snapshot) });
      },
      onConsult: (key, snapshot, verdict) => {
        void send({ type: 'open-consult', key, snapshot: trimForMessage(snapshot), verdict });
      },
    },
    { policy: context?.policy ?? (DEFAULT_POLICY as ContextAnswer['policy']), lang: context?.lang ?? uiLang() },
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
    context = next;
    processor.setContext(next.policy, next.lang);
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

  ctx.onInvalidated(() => {
    observer.stop();
    uninstallGuard();
    processor.stop();
    gate?.remove();
    browser.runtime.onMessage.removeListener(onRuntimeMessage);
  });
}

function summaryOf(snapshot: MailSnapshot): { from?: string; subject?: string } {
  const from = snapshot.from?.name && snapshot.from.address ? `${snapshot.from.name} <${snapshot.from.address}>` : (snapshot.from?.address ?? snapshot.from?.name);
  return { ...(from ? { from: from.slice(0, 1_000) } : {}), ...(snapshot.subject ? { subject: snapshot.subject.slice(0, 1_000) } : {}) };
}

/** The consult preview needs what was seen, not megabytes of body. */
function trimForMessage(snapshot: MailSnapshot): MailSnapshot {
  return { ...snapshot, ...(snapshot.text ? { text: snapshot.text.slice(0, 100_000) } : {}) };
}
