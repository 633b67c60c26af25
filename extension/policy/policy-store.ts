/**
 * The extension's effective policy: managed storage (IT) → local settings (only keys IT did not
 * set) → embedded defaults, merged by the core's mergePolicySources.
 *
 * The first `storage.managed.get()` after browser start can take seconds, so nothing waits on
 * it: `current()` answers at once from memory or from the last managed value cached in
 * storage.local (or defaults), and starts one background refresh; when the refresh finds a
 * different policy, `onChange` fires and the worker tells the open webmail tabs.
 * Must never throw into the caller: unreadable storage counts as "nothing stored".
 */
import { mergePolicySources, type MergedPolicy } from '../../shared/policy/parse-policy';
import { LOCAL_SETTINGS_KEY } from '../ui/page/storage-keys';

/** storage.local key of the last managed policy seen (raw, as IT wrote it). */
export const MANAGED_CACHE_KEY = 'managedPolicyCache';

export type Lang = 'ja' | 'en';

export interface EffectivePolicy extends MergedPolicy {
  /** The user's language override from local settings, when set. */
  langOverride?: Lang;
  /** True once managed storage has been read in this worker's life (not just the cache). */
  managedFresh: boolean;
}

export interface PolicyStoreDeps {
  /** Reads managed storage; undefined when there is none (Firefox without policy throws: caught). */
  readManaged(): Promise<unknown>;
  /** The storage.local area (cache and local settings). */
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  onChange?(next: EffectivePolicy, previous: EffectivePolicy | undefined): void;
  now?(): Date;
}

export interface PolicyStore {
  /** The policy to use now; never waits for managed storage. */
  current(): Promise<EffectivePolicy>;
  /** Re-reads managed storage and local settings; resolves with the result. */
  refresh(): Promise<EffectivePolicy>;
  /**
   * Re-reads local settings only, with the managed value last seen (or cached): a change the
   * user just saved applies at once instead of waiting seconds for managed storage.
   */
  reloadLocal(): Promise<EffectivePolicy>;
}

export function createPolicyStore(deps: PolicyStoreDeps): PolicyStore {
  let memory: EffectivePolicy | undefined;
  let inflight: Promise<EffectivePolicy> | undefined;
  /** The managed value `memory` was built from (raw, as IT wrote it). */
  let lastManaged: unknown;

  const readLocalArea = async (): Promise<{ cachedManaged: unknown; local: unknown; lang?: Lang }> => {
    let stored: Record<string, unknown> = {};
    try {
      stored = (await deps.local.get(MANAGED_CACHE_KEY)) ?? {};
      const localStored = (await deps.local.get(LOCAL_SETTINGS_KEY)) ?? {};
      stored = { ...stored, ...localStored };
    } catch {
      stored = {};
    }
    const { settings, lang } = splitLocalSettings(stored[LOCAL_SETTINGS_KEY]);
    return { cachedManaged: stored[MANAGED_CACHE_KEY], local: settings, lang };
  };

  const build = (managed: unknown, local: unknown, lang: Lang | undefined, managedFresh: boolean): EffectivePolicy => {
    const merged = mergePolicySources({ managed: emptyToUndefined(managed), local }, { now: deps.now?.() ?? new Date() });
    return { ...merged, ...(lang ? { langOverride: lang } : {}), managedFresh };
  };

  const adopt = (next: EffectivePolicy, managed: unknown): EffectivePolicy => {
    const previous = memory;
    memory = next;
    lastManaged = managed;
    if (!previous || !samePolicy(previous, next)) deps.onChange?.(next, previous);
    return next;
  };

  const refresh = (): Promise<EffectivePolicy> => {
    if (inflight) return inflight;
    inflight = (async () => {
      let managed: unknown;
      try {
        managed = emptyToUndefined(await deps.readManaged());
      } catch {
        managed = undefined;
      }
      const { local, lang, cachedManaged } = await readLocalArea();
      if (!sameJson(managed, cachedManaged)) {
        try {
          await deps.local.set({ [MANAGED_CACHE_KEY]: managed ?? null });
        } catch {
          // The cache is an optimisation; the fresh value is still used.
        }
      }
      return adopt(build(managed, local, lang, true), managed);
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  return {
    async current() {
      if (memory) return memory;
      const { cachedManaged, local, lang } = await readLocalArea();
      // Another call may have finished the refresh while we read the cache.
      if (memory) return memory;
      memory = build(cachedManaged, local, lang, false);
      lastManaged = cachedManaged;
      void refresh();
      return memory;
    },
    refresh,
    async reloadLocal() {
      const { cachedManaged, local, lang } = await readLocalArea();
      const managed = memory ? lastManaged : cachedManaged;
      return adopt(build(managed, local, lang, memory?.managedFresh ?? false), managed);
    },
  };
}

/** Local settings = a partial policy plus `lang`; `lang` is not a policy key. */
export function splitLocalSettings(value: unknown): { settings: unknown; lang?: Lang } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { settings: undefined };
  const { lang, ...settings } = value as Record<string, unknown>;
  return { settings: Object.keys(settings).length > 0 ? settings : undefined, ...(lang === 'ja' || lang === 'en' ? { lang } : {}) };
}

function emptyToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0) return undefined;
  return value;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  } catch {
    return false;
  }
}

function samePolicy(a: EffectivePolicy, b: EffectivePolicy): boolean {
  return sameJson([a.policy, a.problems, a.managedKeys, a.langOverride], [b.policy, b.problems, b.managedKeys, b.langOverride]);
}
