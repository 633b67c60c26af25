/**
 * Debian's Firefox ESR driven over WebDriver BiDi (puppeteer-core 24) with the Firefox build
 * (.output/firefox-mv3) installed temporarily, and IT's policy in
 * /etc/firefox/policies/policies.json (`3rdparty.Extensions["mail-guard@kokoroe.jp"]`), which
 * Firefox reads at start-up; `close()` puts back whatever file was there before.
 *
 * Requests of pages opened by the test are intercepted: the Gmail origin is served from a DOM
 * fixture, the local Roundcube passes, everything else is aborted and logged. Tabs the browser
 * opens by itself are not intercepted, so Firefox also sends every non-loopback request of every
 * tab and of the extension through a local proxy that logs and refuses it: a phishing
 * destination must never appear in `requests` with `allowed: true`, and any attempt shows up.
 * The copy of the extension is granted `http://127.0.0.1/*` at install, as in Chromium (see
 * chromium-session.ts).
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { REPO_ROOT } from '../e2e/harness';
import { writePolicyFile, type PolicyFileHandle } from './managed-policy-file';
import { LOOPBACK_HOSTS, type LoggedRequest } from './chromium-session';

export const FIREFOX_ESR = '/usr/bin/firefox-esr';
/** The Firefox build under test; KOKOROE_FIREFOX_BUILD points at another build folder. */
export const FIREFOX_BUILD = process.env.KOKOROE_FIREFOX_BUILD ?? join(REPO_ROOT, '.output/firefox-mv3');
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';
export const GECKO_ID = 'mail-guard@kokoroe.jp';

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  requests: LoggedRequest[];
  /** A new tab whose requests go through the log and the fixture map. */
  newPage(): Promise<Page>;
  /** Serve `html` at `url` (without fragment) in pages from newPage(). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

/** A copy of the Firefox build granted the loopback origin at install. */
function firefoxCopy(): string {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`${FIREFOX_BUILD} is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'kokoroe-firefox-ext-'));
  cpSync(FIREFOX_BUILD, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...LOOPBACK_HOSTS];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/** A proxy that logs every request (plain or CONNECT) and refuses it. */
async function startRefusingProxy(log: (url: string) => void): Promise<{ port: number; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    log(req.url ?? '');
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused by the test proxy');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, socket) => {
    log(`https://${req.url ?? ''}/`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server, sockets };
}

export async function launchFirefox(options: { policy: Record<string, unknown>; allowOrigins: string[] }): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX_ESR)) throw new Error(`${FIREFOX_ESR} is missing: run \`bash test/setup/system-deps.sh\` as root`);
  const extensionDir = firefoxCopy();
  const requests: LoggedRequest[] = [];
  const proxy = await startRefusingProxy((url) => requests.push({ url, allowed: false }));
  const stopProxy = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of proxy.sockets) socket.destroy();
      proxy.server.close(() => resolve());
    });
  const policyFile: PolicyFileHandle = writePolicyFile(FIREFOX_POLICY_FILE, { policies: { '3rdparty': { Extensions: { [GECKO_ID]: options.policy } } } });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_ESR,
      protocol: 'webDriverBiDi',
      headless: true,
      defaultViewport: { width: 1400, height: 900 },
      extraPrefsFirefox: {
        'intl.accept_languages': 'ja, en',
        // Everything but loopback (never proxied by default) goes to the logging proxy.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
  } catch (error) {
    await stopProxy();
    policyFile.restore();
    rmSync(extensionDir, { recursive: true, force: true });
    throw error;
  }
  const pages = new Map<string, string>();
  const allowed = new Set(options.allowOrigins);
  const key = (url: string): string => url.split('#')[0]!;

  let extensionId: string;
  try {
    extensionId = await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    await stopProxy();
    policyFile.restore();
    rmSync(extensionDir, { recursive: true, force: true });
    throw error;
  }

  const onRequest = (request: HTTPRequest): void => {
    const url = request.url();
    if (url.startsWith('data:')) {
      void request.continue();
      return;
    }
    const body = pages.get(key(url));
    if (body !== undefined) {
      requests.push({ url, allowed: true });
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return;
    }
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      // unplaceable: blocked
    }
    const ok = allowed.has(origin);
    requests.push({ url, allowed: ok });
    void (ok ? request.continue() : request.abort('blockedbyclient'));
  };

  return {
    browser,
    extensionId,
    requests,
    serve(url, html) {
      pages.set(key(url), html);
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', onRequest);
      return page;
    },
    async close() {
      try {
        await browser.close();
      } finally {
        await stopProxy();
        policyFile.restore();
        rmSync(extensionDir, { recursive: true, force: true });
      }
    },
  };
}
