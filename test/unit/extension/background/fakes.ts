/**
 * In-memory stand-ins for the browser pieces the worker's request handler uses.
 */
import type { BackgroundDeps, StorageArea } from '../../../../extension/entrypoints/background/handle-request';
import { createPolicyStore } from '../../../../extension/policy/policy-store';

export function memoryArea(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      if (keys === null) return structuredClone(data);
      const list = Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of list) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

export const EXTENSION_ID = 'lmkjdfjhlnjcbofjjmdbbhmljdiikcgg';
export const BASE = `chrome-extension://${EXTENSION_ID}/`;

export function makeDeps(options: { managed?: unknown; local?: Record<string, unknown>; now?: Date; pages?: string[] } = {}) {
  const opened: { path: string; beside?: number }[] = [];
  const navigations: { tabId: number; url: string }[] = [];
  const local = memoryArea(options.local ?? {});
  const session = memoryArea();
  let ids = 0;
  const now = options.now ?? new Date('2026-11-20T09:00:00+09:00');
  const deps: BackgroundDeps = {
    policy: createPolicyStore({ readManaged: async () => options.managed, local, now: () => now }),
    session,
    local,
    browserFacts: async () => ({ browser: { name: 'chrome', version: '142.0.7444.60' } }),
    uiLanguage: () => 'ja',
    senderContext: async () => ({ extensionId: EXTENSION_ID, extensionBaseUrl: BASE, webmailOrigins: ['https://mail.google.com'] }),
    openPage: async (path, beside) => {
      opened.push({ path, ...(beside !== undefined ? { beside } : {}) });
    },
    hasPage: async (path) => (options.pages ?? []).includes(path),
    navigateTab: async (tabId, url) => {
      navigations.push({ tabId, url });
    },
    activeTabId: async () => 7,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    now: () => now,
  };
  return { deps, opened, navigations, local, session };
}

export const CONTENT = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox/x', tab: { id: 7 } };
export const WARNING_PAGE = { id: EXTENSION_ID, url: `${BASE}warning.html?id=x`, tab: { id: 12 } };
export const POPUP = { id: EXTENSION_ID, url: `${BASE}popup.html` };
