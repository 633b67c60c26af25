/**
 * End-to-end harness: Debian's Chromium with the built extension, webmail origins served from
 * local fixture files, nothing else reachable. Used by the e2e tests and the extension benchmark.
 *
 * - The extension is `.output/chrome-mv3` (built by `npm test` / `npm run build`; built here if
 *   missing), copied to a temp dir with a test-only `key` so its id is known before launch.
 * - Every request goes through a catch-all route registered FIRST (Playwright tries the newest
 *   route first), which logs and aborts it; webmail routes registered after it serve fixtures.
 *   `requests` therefore lists everything the page tried to load, including destinations that
 *   must never be reached.
 * - A managed policy, when given, is written to /etc/chromium/policies/managed (machine-wide: it
 *   needs root and is always removed by `close()`).
 *
 * It installs nothing but Chromium itself, and only when /usr/bin/chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_SETTINGS_KEY } from '../../extension/ui/page/storage-keys';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const BUILT_EXTENSION = join(REPO_ROOT, '.output/chrome-mv3');
export const FIXTURES_DOM = join(REPO_ROOT, 'test/fixtures/dom');
export const SCREENSHOTS = join(REPO_ROOT, 'test/.tmp');
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
export const MANAGED_POLICY_FILE = join(MANAGED_POLICY_DIR, 'kokoroe-test.json');

/** Flags from TOOLCHAIN.md "Browsers for tests". */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=ja',
];

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing; install it with: apt-get install -y --no-install-recommends chromium`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
}

export function ensureBuilt(): void {
  if (existsSync(join(BUILT_EXTENSION, 'manifest.json'))) return;
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** Chromium's extension id for a DER public key: first 128 bits of SHA-256, hex digits mapped to a–p. */
export function extensionIdFromKey(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

const keyed = new Map<string, { dir: string; id: string }>();
let testKey: string | undefined;

/**
 * A copy of the built extension with a test key, so its id is known before Chromium starts.
 * `extraHosts` are added to host_permissions of the copy: Chromium has no switch or policy that
 * answers the options page's permission prompt, so the test grants the Roundcube origin the way
 * an install-time grant would.
 */
export function keyedExtension(extraHosts: readonly string[] = []): { dir: string; id: string } {
  const variant = extraHosts.join(' ');
  const cached = keyed.get(variant);
  if (cached && existsSync(cached.dir)) return cached;
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kokoroe-ext-'));
  cpSync(BUILT_EXTENSION, dir, { recursive: true });
  if (!testKey) {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    testKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  }
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.key = testKey;
  if (extraHosts.length) {
    const hosts = Array.isArray(manifest.host_permissions) ? (manifest.host_permissions as string[]) : [];
    manifest.host_permissions = [...hosts, ...extraHosts];
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const entry = { dir, id: extensionIdFromKey(testKey) };
  keyed.set(variant, entry);
  return entry;
}

/** The URL a DOM fixture declares it was captured at (`<meta name="kokoroe-fixture-url">`). */
export function fixtureUrl(relativePath: string): string {
  const html = readFileSync(join(FIXTURES_DOM, relativePath), 'utf8');
  const match = /<meta name="kokoroe-fixture-url" content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`fixture ${relativePath} declares no kokoroe-fixture-url`);
  return match[1].replace(/&amp;/g, '&');
}

export interface Served {
  /** Page URL (without fragment) → HTML body. */
  [url: string]: string;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  /** Every request URL seen by the catch-all (aborted) and the fixture routes (served). */
  requests: { url: string; served: boolean }[];
  /** Serve `html` at `url` (exact match without fragment). */
  serve(url: string, html: string): void;
  /** Serve a DOM fixture at the URL it declares; returns that URL. */
  serveFixture(relativePath: string): string;
  serviceWorker(): Promise<Worker>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Managed policy for the extension (written machine-wide, removed on close). */
  managedPolicy?: Record<string, unknown>;
  /** Host patterns granted at install in the test copy (e.g. a Roundcube origin). */
  extraHosts?: string[];
  /**
   * Language override written to the extension's local settings before any page opens.
   * Headless Chromium reports `en-US` from chrome.i18n.getUILanguage() whatever --lang or the
   * environment say, so the Japanese UI the nurses see is selected through the override.
   * @default 'ja'
   */
  lang?: 'ja' | 'en' | null;
  /**
   * Load the extension (default). The benchmark turns it off for a baseline run.
   * @default true
   */
  extension?: boolean;
}

const WEBMAIL_PATTERNS = [
  'https://mail.google.com/**',
  'https://outlook.office.com/**',
  'https://outlook.office365.com/**',
  'https://outlook.live.com/**',
  'https://webmail.example-clinic.jp/**',
];

export async function launch(options: LaunchOptions = {}): Promise<Session> {
  ensureChromium();
  const { dir, id } = keyedExtension(options.extraHosts);
  let wrotePolicy = false;
  if (options.managedPolicy) {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(MANAGED_POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: options.managedPolicy } } }, null, 2));
    wrotePolicy = true;
  }
  const profile = mkdtempSync(join(tmpdir(), 'kokoroe-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false,
      args: [
        ...CHROMIUM_FLAGS,
        ...(options.extension === false ? ['--disable-extensions'] : [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]),
      ],
      viewport: { width: 1200, height: 900 },
      locale: 'ja-JP',
    });
  } catch (error) {
    if (wrotePolicy) rmSync(MANAGED_POLICY_FILE, { force: true });
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const requests: Session['requests'] = [];
  const pages = new Map<string, string>();
  const key = (url: string): string => url.split('#')[0]!;

  // Catch-all first: anything not served below is logged and never reaches the network.
  // Extension pages load their own scripts over chrome-extension:, which stays untouched.
  await context.route((url: URL) => url.protocol !== 'chrome-extension:', (route: Route) => {
    requests.push({ url: route.request().url(), served: false });
    return route.abort('blockedbyclient');
  });
  for (const pattern of WEBMAIL_PATTERNS) {
    await context.route(pattern, (route: Route) => {
      const url = route.request().url();
      const body = pages.get(key(url));
      if (body === undefined) return route.fallback();
      requests.push({ url, served: true });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
  }

  const session: Session = {
    context,
    extensionId: id,
    requests,
    serve(url, html) {
      pages.set(key(url), html);
    },
    serveFixture(relativePath) {
      const url = fixtureUrl(relativePath);
      pages.set(key(url), readFileSync(join(FIXTURES_DOM, relativePath), 'utf8'));
      return url;
    },
    async serviceWorker() {
      const existing = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
      if (existing) return existing;
      return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`), timeout: 15_000 });
    },
    newPage: () => context.newPage(),
    async close() {
      try {
        await context.close();
      } finally {
        if (wrotePolicy) rmSync(MANAGED_POLICY_FILE, { force: true });
        rmSync(profile, { recursive: true, force: true });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  const lang = options.lang === undefined ? 'ja' : options.lang;
  if (lang && options.extension !== false) {
    const worker = await session.serviceWorker();
    await worker.evaluate(
      ([key, value]) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: { lang: value } }),
      [LOCAL_SETTINGS_KEY, lang] as const,
    );
    // Make the worker re-read its settings now (as 「再確認」 does) rather than on its own time.
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'gate-recheck' }));
    await page.close();
  }
  return session;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}
