/**
 * The service worker: loads policy without ever holding the UI on managed storage, answers the
 * runtime messages (sender and shape checked first), registers the Roundcube content script for
 * granted policy origins, and tells open webmail tabs when policy or posture changes.
 */
import { browser } from 'wxt/browser';
import { createPolicyStore, type EffectivePolicy } from '../../policy/policy-store';
import { readBrowserFacts } from '../../policy/browser-facts';
import { GATE_DISMISSAL_KEY } from '../../policy/gate-state';
import { LOCAL_SETTINGS_KEY } from '../../ui/page/storage-keys';
import type { PostureFacts } from '../../../shared/posture/types';
import { CONTEXT_CHANGED, WEBMAIL_ORIGINS } from '../../messages';
import { createRequestHandler, VERDICT_PREFIX, type StorageArea } from './handle-request';
import { syncRoundcubeScripts } from './roundcube-scripts';
import { registerOutbox } from '../../outbox';

/** Re-read policy and re-evaluate posture this often even without a storage change (minutes). */
const REFRESH_ALARM = 'kokoroe-refresh';
const REFRESH_MINUTES = 60;

export default defineBackground(() => {
  let roundcubeOrigins: string[] = [];
  let facts: Promise<PostureFacts> | undefined;

  const policy = createPolicyStore({
    readManaged: () => browser.storage.managed.get(null),
    local: browser.storage.local,
    onChange: (next, previous) => {
      void applyPolicy(next);
      if (previous) void notifyTabs();
    },
  });

  async function applyPolicy(p: EffectivePolicy): Promise<void> {
    roundcubeOrigins = await syncRoundcubeScripts(p.policy.roundcubeOrigins);
  }
  /** Settles once the Roundcube origins are known: a message that woke the worker waits for it. */
  let roundcubeKnown: Promise<void> | undefined;

  async function notifyTabs(): Promise<void> {
    const origins = [...WEBMAIL_ORIGINS, ...roundcubeOrigins];
    try {
      const tabs = await browser.tabs.query({ url: origins.map((o) => `${o}/*`) });
      for (const tab of tabs) {
        if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: CONTEXT_CHANGED }).catch(() => undefined);
      }
    } catch {
      // No tab to tell.
    }
    browser.runtime.sendMessage({ type: CONTEXT_CHANGED }).catch(() => undefined);
  }

  // Report outbox and the consult page's channel (extension/outbox); its listeners wake the worker.
  const outbox = registerOutbox({ getPolicy: async () => (await policy.current()).policy, webmailOrigins: async () => [...WEBMAIL_ORIGINS, ...roundcubeOrigins] });

  const onMessage = createRequestHandler({
    openConsult: (request, senderUrl) => outbox.openConsult(request, senderUrl),
    policy,
    session: browser.storage.session as unknown as StorageArea,
    local: browser.storage.local as unknown as StorageArea,
    browserFacts: () => {
      const runtime = browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
      facts ??= readBrowserFacts({
        // Called on the runtime object: WebExtension methods are not guaranteed to work unbound.
        getBrowserInfo: typeof runtime.getBrowserInfo === 'function' ? () => runtime.getBrowserInfo!() : undefined,
        userAgentData: (navigator as Navigator & { userAgentData?: never }).userAgentData,
        userAgent: navigator.userAgent,
      });
      return facts;
    },
    uiLanguage: () => browser.i18n.getUILanguage(),
    senderContext: async () => {
      await roundcubeKnown?.catch(() => undefined);
      return {
        extensionId: browser.runtime.id,
        extensionBaseUrl: browser.runtime.getURL('/'),
        webmailOrigins: [...WEBMAIL_ORIGINS, ...roundcubeOrigins],
      };
    },
    openPage: async (path, besideTabId) => {
      let index: number | undefined;
      if (besideTabId !== undefined) index = await browser.tabs.get(besideTabId).then((t) => t.index + 1).catch(() => undefined);
      await browser.tabs.create({
        url: browser.runtime.getURL(path as '/warning.html'),
        ...(index !== undefined ? { index } : {}),
        ...(besideTabId !== undefined ? { openerTabId: besideTabId } : {}),
      });
    },
    hasPage: async (path) => {
      try {
        const response = await fetch(browser.runtime.getURL(path as '/warning.html'), { method: 'HEAD' });
        return response.ok;
      } catch {
        return false;
      }
    },
    navigateTab: async (tabId, url) => {
      await browser.tabs.update(tabId, { url });
    },
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    newId: () => crypto.randomUUID(),
    now: () => new Date(),
  });


  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // sendResponse + `return true` works the same in Chrome and Firefox MV3.
    onMessage(message, sender).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void policy.refresh();
    if (area === 'local' && LOCAL_SETTINGS_KEY in changes) void policy.reloadLocal();
    if (area === 'local' && GATE_DISMISSAL_KEY in changes) void notifyTabs();
  });

  // The popup's "this message" belongs to a tab; forget it with the tab.
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(`${VERDICT_PREFIX}${tabId}`).catch(() => undefined));

  browser.permissions.onAdded.addListener(() => void policy.current().then(applyPolicy));
  browser.permissions.onRemoved.addListener(() => void policy.current().then(applyPolicy));

  // Create once: re-creating at every worker start would push the first firing back each time.
  void browser.alarms.get(REFRESH_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    // Posture ages with time even when nothing in storage changes: tell the tabs to re-ask.
    void policy.refresh().then(() => notifyTabs());
  });

  // Serve the cached policy at once; the managed read runs behind it.
  roundcubeKnown = policy.current().then(applyPolicy);
});
