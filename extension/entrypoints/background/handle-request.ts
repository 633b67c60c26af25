/**
 * The service worker's answers to runtime messages. Every message passes `acceptRequest`
 * (sender + shape) first; what is left here is the behaviour, written against small injected
 * dependencies so it is tested without a browser.
 *
 * Must never: take a destination from a message (report addresses come from policy only),
 * navigate anywhere but http(s), open a link when policy or alert mode forbids it, or throw
 * into the messaging layer (every failure is an `{ ok: false, error }` answer).
 */
import type { Verdict } from '../../../shared/model';
import { evaluatePosture } from '../../../shared/posture/evaluate-posture';
import { scanMessage } from '../../../shared/scan/scan-message';
import { neverSafeWhenIncomplete, summaryOf } from '../../content/verdict-rules';
import type { PostureFacts, PostureVerdict } from '../../../shared/posture/types';
import {
  acceptRequest, type Answer, type ContextAnswer, type Lang, type PopupStateAnswer, type Request, type SenderContext, type SenderLike,
  type WarningAnswer,
} from '../../messages';
import type { EffectivePolicy, PolicyStore } from '../../policy/policy-store';
import { asDismissal, gateFor, GATE_DISMISSAL_KEY, localDate } from '../../policy/gate-state';
import type { GuardedTarget } from '../../ui/guard';

/** storage.session key prefixes. */
export const WARNING_PREFIX = 'warning:';
export const CONSULT_PREFIX = 'consult:';
export const VERDICT_PREFIX = 'verdict:';
/** Older stored warnings/consults beyond this many are dropped. */
export const MAX_STORED_ITEMS = 50;

interface StoredWarning {
  target: GuardedTarget;
  key: string;
  tabId?: number;
  at: number;
}

interface StoredVerdict {
  key: string;
  verdict: Verdict;
  summary: { from?: string; subject?: string };
  at: number;
}

export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface BackgroundDeps {
  policy: PolicyStore;
  /** storage.session: warnings, consults, per-tab verdicts (gone when the browser closes). */
  session: StorageArea;
  /** storage.local: the gate dismissal. */
  local: StorageArea;
  browserFacts(): Promise<PostureFacts>;
  uiLanguage(): string;
  senderContext(): Promise<SenderContext>;
  /** Opens an extension page (path like `/warning.html?id=…`) in a new tab next to `besideTabId`. */
  openPage(path: string, besideTabId?: number): Promise<void>;
  /** True when the build contains that page (the consult page arrives later). */
  hasPage(path: string): Promise<boolean>;
  navigateTab(tabId: number, url: string): Promise<void>;
  activeTabId(): Promise<number | undefined>;
  /**
   * The outbox's consult opener (extension/outbox): keeps the request for the consult page and
   * opens it; checks originalUrl against the sender's own origin. Absent in builds without it.
   */
  openConsult?(request: Omit<Extract<Request, { type: 'open-consult' }>, 'type'>, senderUrl: string | undefined): Promise<{ id: string }>;
  newId(): string;
  now(): Date;
}

export function createRequestHandler(deps: BackgroundDeps) {
  const langOf = (p: EffectivePolicy): Lang => p.langOverride ?? (deps.uiLanguage().toLowerCase().startsWith('ja') ? 'ja' : 'en');

  const posture = async (p: EffectivePolicy): Promise<PostureVerdict> => evaluatePosture(await deps.browserFacts(), p.policy, deps.now());

  const context = async (p: EffectivePolicy): Promise<ContextAnswer> => {
    const verdict = await posture(p);
    const stored = await deps.local.get(GATE_DISMISSAL_KEY).catch(() => ({}) as Record<string, unknown>);
    return {
      policy: p.policy,
      problems: p.problems,
      managedKeys: p.managedKeys,
      posture: verdict,
      gate: gateFor(verdict, asDismissal(stored[GATE_DISMISSAL_KEY]), deps.now()),
      lang: langOf(p),
    };
  };

  /** Keeps at most MAX_STORED_ITEMS entries under a prefix, dropping the oldest. */
  const prune = async (prefix: string): Promise<void> => {
    const all = await deps.session.get(null);
    const entries = Object.entries(all)
      .filter(([k]) => k.startsWith(prefix))
      .sort(([, a], [, b]) => ((a as { at?: number }).at ?? 0) - ((b as { at?: number }).at ?? 0));
    const excess = entries.length - MAX_STORED_ITEMS;
    if (excess > 0) await deps.session.remove(entries.slice(0, excess).map(([k]) => k));
  };

  const allowOpenAnyway = (p: EffectivePolicy, target: GuardedTarget): boolean =>
    p.policy.allowOpenAnyway && !p.policy.scan.alertMode && target.kind === 'link' && isWebUrl(target.href);

  async function handle(request: Request, sender: SenderLike): Promise<Answer> {
    const p = await deps.policy.current();
    const tabId = sender.tab?.id;
    switch (request.type) {
      case 'get-context':
        return { ok: true, ...(await context(p)) };

      case 'gate-recheck':
        return { ok: true, ...(await context(await deps.policy.refresh())) };

      case 'gate-dismiss': {
        const now = await context(p);
        if (now.gate === 'block') return { ok: false, error: 'the block gate cannot be dismissed' };
        await deps.local.set({ [GATE_DISMISSAL_KEY]: { date: localDate(deps.now()), at: deps.now().getTime() } });
        return { ok: true };
      }

      case 'scan-message': {
        const verdict = neverSafeWhenIncomplete(request.snapshot, scanMessage(request.snapshot, p.policy));
        if (tabId !== undefined) {
          const stored: StoredVerdict = { key: request.key, verdict, summary: summaryOf(request.snapshot), at: deps.now().getTime() };
          await deps.session.set({ [`${VERDICT_PREFIX}${tabId}`]: stored });
        }
        return { ok: true, verdict } as Answer;
      }

      case 'message-verdict': {
        if (tabId === undefined) return { ok: false, error: 'no tab' };
        const stored: StoredVerdict = { key: request.key, verdict: request.verdict, summary: request.summary, at: deps.now().getTime() };
        await deps.session.set({ [`${VERDICT_PREFIX}${tabId}`]: stored });
        return { ok: true };
      }

      case 'open-warning': {
        const id = deps.newId();
        const stored: StoredWarning = { target: request.target, key: request.key, tabId, at: deps.now().getTime() };
        await deps.session.set({ [`${WARNING_PREFIX}${id}`]: stored });
        await prune(WARNING_PREFIX);
        await deps.openPage(`/warning.html?id=${encodeURIComponent(id)}`, tabId);
        return { ok: true, id } as Answer;
      }

      case 'get-warning': {
        const stored = await readWarning(request.id);
        if (!stored) return { ok: false, error: 'unknown warning' };
        const answer: WarningAnswer = { target: stored.target, allowOpenAnyway: allowOpenAnyway(p, stored.target), lang: langOf(p) };
        return { ok: true, ...answer };
      }

      case 'warning-proceed': {
        const stored = await readWarning(request.id);
        if (!stored) return { ok: false, error: 'unknown warning' };
        if (!allowOpenAnyway(p, stored.target)) return { ok: false, error: 'opening is not allowed by policy' };
        if (tabId === undefined) return { ok: false, error: 'no tab' };
        // One decision per warning: the same id cannot be replayed to open the link again.
        await deps.session.remove(`${WARNING_PREFIX}${request.id}`);
        await deps.navigateTab(tabId, stored.target.href!);
        return { ok: true };
      }

      case 'open-consult': {
        if (deps.openConsult) {
          const { type: _type, ...consult } = request;
          const { id } = await deps.openConsult(consult, sender.url);
          return { ok: true, id } as Answer;
        }
        const id = deps.newId();
        await deps.session.set({
          [`${CONSULT_PREFIX}${id}`]: { key: request.key, snapshot: request.snapshot, verdict: request.verdict, tabId, at: deps.now().getTime() },
        });
        await prune(CONSULT_PREFIX);
        // Until the consult page ships, the popup page (posture, verdict, contacts with the
        // phone first) opened as a tab is where 「管理者に相談」 leads.
        const page = (await deps.hasPage('/consult.html')) ? `/consult.html?id=${encodeURIComponent(id)}` : `/popup.html?consult=${encodeURIComponent(id)}`;
        await deps.openPage(page, tabId);
        return { ok: true, id } as Answer;
      }

      case 'get-popup-state': {
        const active = await deps.activeTabId();
        const stored = active === undefined ? undefined : asStoredVerdict((await deps.session.get(`${VERDICT_PREFIX}${active}`))[`${VERDICT_PREFIX}${active}`]);
        const answer: PopupStateAnswer = {
          posture: await posture(p),
          contacts: { adminContact: p.policy.adminContact, afterHoursContact: p.policy.afterHoursContact },
          lang: langOf(p),
          ...(stored ? { lastVerdict: { verdict: stored.verdict, summary: stored.summary } } : {}),
        };
        return { ok: true, ...answer };
      }
    }
  }

  async function readWarning(id: string): Promise<StoredWarning | undefined> {
    const key = `${WARNING_PREFIX}${id}`;
    const value = (await deps.session.get(key))[key] as StoredWarning | undefined;
    return value && typeof value === 'object' && value.target ? value : undefined;
  }

  /** The entry point for runtime.onMessage: sender and shape first, then the answer. */
  return async function onMessage(message: unknown, sender: SenderLike | undefined): Promise<Answer> {
    try {
      const accepted = acceptRequest(message, sender, await deps.senderContext());
      if (!accepted.ok) return { ok: false, error: accepted.error };
      return await handle(accepted.request, sender ?? {});
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'failed' };
    }
  };
}

function asStoredVerdict(value: unknown): StoredVerdict | undefined {
  return value && typeof value === 'object' && (value as StoredVerdict).verdict ? (value as StoredVerdict) : undefined;
}

export function isWebUrl(href: string | undefined): href is string {
  if (!href) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
