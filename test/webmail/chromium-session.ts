/**
 * Debian's Chromium with the built extension (.output/chrome-mv3, keyed copy) against the local
 * Roundcube: a managed policy names the Roundcube origin and the report endpoint, and every
 * request the browser makes is logged; only the Roundcube and endpoint origins are let through,
 * everything else (a phishing destination, for one) is aborted and stays in the log.
 *
 * The test copy is granted `http://127.0.0.1/*` at install: Chromium has no switch or policy
 * that answers the options page's permission prompt, and the release manifest's optional host
 * permissions cover https only (see the report of issue 7).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, ensureChromium, keyedExtension } from '../e2e/harness';
import { writePolicyFile, type PolicyFileHandle } from './managed-policy-file';

export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/kokoroe-webmail-test.json';
export const LOOPBACK_HOSTS = ['http://127.0.0.1/*'];

export interface LoggedRequest {
  url: string;
  allowed: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  requests: LoggedRequest[];
  serviceWorker(): Promise<Worker>;
  /** Waits until the worker has registered the Roundcube content script for `origin`. */
  waitForRoundcubeScript(origin: string, timeoutMs?: number): Promise<void>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(options: { policy: Record<string, unknown>; allowOrigins: string[] }): Promise<ChromiumSession> {
  ensureChromium();
  const { dir, id } = keyedExtension(LOOPBACK_HOSTS);
  const policyFile: PolicyFileHandle = writePolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [id]: options.policy } } });
  const profile = mkdtempSync(join(tmpdir(), 'kokoroe-webmail-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false,
      args: [
        ...CHROMIUM_FLAGS,
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
      ],
      viewport: { width: 1400, height: 900 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
  } catch (error) {
    policyFile.restore();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const requests: LoggedRequest[] = [];
  const allowed = new Set(options.allowOrigins);
  await context.route(
    (url: URL) => url.protocol !== 'chrome-extension:',
    (route) => {
      const url = route.request().url();
      let origin = '';
      try {
        origin = new URL(url).origin;
      } catch {
        // not a URL we can place: blocked
      }
      const ok = allowed.has(origin);
      requests.push({ url, allowed: ok });
      return ok ? route.continue() : route.abort('blockedbyclient');
    },
  );

  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`), timeout: 15_000 });
  };

  return {
    context,
    extensionId: id,
    requests,
    serviceWorker,
    async waitForRoundcubeScript(origin, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const worker = await serviceWorker();
        const matches = await worker.evaluate(async () => {
          const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome;
          return (await c.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
        });
        // The worker registers host patterns without the port (Firefox has no port in patterns).
        const url = new URL(origin);
        if (matches.includes(`${origin}/*`) || matches.includes(`${url.protocol}//${url.hostname}/*`)) return;
        if (Date.now() > deadline) throw new Error(`the Roundcube content script was not registered for ${origin} within ${timeoutMs} ms (registered: ${matches.join(', ') || 'none'})`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    newPage: () => context.newPage(),
    async close() {
      try {
        await context.close();
      } finally {
        policyFile.restore();
        rmSync(profile, { recursive: true, force: true });
        // The keyed copy is rebuilt on the next launch if needed.
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
