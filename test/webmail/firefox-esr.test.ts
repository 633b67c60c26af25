/**
 * Firefox ESR (Debian) over WebDriver BiDi with the Firefox build installed temporarily: IT's
 * policy comes from /etc/firefox/policies/policies.json. A healthy device sees the banner on a
 * Gmail fixture page served at the real origin and on the real Roundcube (each test message's
 * verdict, and a guarded click); a stale device under `block` gets the gate over both. The
 * policy file is put back as it was afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { FIXTURES_DOM, fixtureUrl, screenshotPath } from '../e2e/harness';
import { requireRoot } from './managed-policy-file';
import { FIREFOX_POLICY_FILE, launchFirefox, type FirefoxSession } from './firefox-session';
import { startRoundcube, type RoundcubeServer } from './roundcube-server';
import { messageBytes, TEST_ORG, WEBMAIL_MESSAGES } from './webmail-messages';

const BANNER = 'kokoroe-banner';
const GATE = 'kokoroe-gate';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');
const GMAIL_PHISH = 'gmail/2026-11-20-single-message-with-attachments.html';
const GMAIL_CLEAN = 'gmail/2026-11-20-conversation-three-messages.html';

function policy(roundcube: string, osPatchedAgo: number, mode: 'warn' | 'block'): Record<string, unknown> {
  return {
    ...TEST_ORG,
    adminContact: { name: '情報システム室', phone: '内線 1234' },
    roundcubeOrigins: [roundcube],
    allowOpenAnyway: false,
    posture: {
      mode,
      maxOsPatchAgeDays: 35,
      maxAvDefinitionsAgeHours: 48,
      maxFactsAgeHours: 48,
      osPatchedAt: iso(osPatchedAgo),
      avDefinitionsUpdatedAt: iso(2 * HOUR),
      avEnabled: true,
      realTimeProtectionEnabled: true,
      factsUpdatedAt: iso(HOUR),
    },
  };
}

async function attribute(target: Page | Frame, selector: string, name: string, timeoutMs = 20_000): Promise<string[]> {
  await target.waitForSelector(`${selector}[${name}]`, { timeout: timeoutMs });
  await new Promise((r) => setTimeout(r, 300));
  return target.$$eval(selector, (hosts, n) => hosts.map((h) => h.getAttribute(n as string) ?? ''), name);
}

async function openFixture(session: FirefoxSession, fixture: string): Promise<Page> {
  const url = fixtureUrl(fixture);
  session.serve(url, readFileSync(join(FIXTURES_DOM, fixture), 'utf8'));
  const page = await session.newPage();
  await page.goto(url);
  return page;
}

async function login(page: Page, rc: RoundcubeServer): Promise<void> {
  await page.goto(`${rc.origin}/`);
  await page.waitForSelector('#rcmloginuser', { visible: true, timeout: 20_000 }).catch(async (error: unknown) => {
    await page.screenshot({ path: screenshotPath('webmail-firefox-login-failed.png') });
    throw error;
  });
  await page.type('#rcmloginuser', rc.user);
  await page.type('#rcmloginpwd', rc.password);
  await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.click('#rcmloginsubmit')]);
  await page.waitForSelector('#messagelist tbody tr', { timeout: 20_000 });
}

/** Clicks the row showing `subject` and returns the preview frame once it shows that message. */
async function openFromList(page: Page, uid: number, subject: string): Promise<Frame> {
  const rows = await page.$$('#messagelist tbody tr');
  let clicked = false;
  for (const row of rows) {
    const text = await row.evaluate((r) => r.textContent ?? '');
    if (!text.includes(subject)) continue;
    const cell = await row.$('td.subject');
    await (cell ?? row).click();
    clicked = true;
    break;
  }
  if (!clicked) throw new Error(`no row shows ${subject}`);
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const frame of page.frames()) {
      let url: URL;
      try {
        url = new URL(frame.url());
      } catch {
        continue;
      }
      if (url.searchParams.get('_action') !== 'preview' || url.searchParams.get('_uid') !== String(uid)) continue;
      const shown = await frame.$eval('#message-header h2.subject', (h) => h.textContent ?? '').catch(() => '');
      if (shown.includes(subject)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`Roundcube did not show uid ${uid} (${subject}) in its preview frame`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The tab that opened after `before` was taken and whose own location matches `url`. */
async function waitForNewPage(session: FirefoxSession, before: Set<Page>, url: RegExp, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const candidate of await session.browser.pages()) {
      if (before.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (url.test(href)) return candidate;
    }
    if (Date.now() > deadline) throw new Error(`no new tab at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('firefox-esr', () => {
  let rc: RoundcubeServer | undefined;

  beforeAll(async () => {
    requireRoot('the Firefox ESR test');
    rc = await startRoundcube();
    for (const m of WEBMAIL_MESSAGES) rc.deliver(messageBytes(m));
  });

  afterAll(async () => {
    await rc?.stop();
  });

  describe('healthy device, Roundcube origin from /etc/firefox/policies/policies.json', () => {
    let session: FirefoxSession | undefined;
    let page: Page;
    const hadPolicyFile = existsSync(FIREFOX_POLICY_FILE);

    beforeAll(async () => {
      session = await launchFirefox({ policy: policy(rc!.origin, 5 * DAY, 'warn'), allowOrigins: [rc!.origin] });
      // Names what runs where in CI logs, where passing tests are listed per file only.
      console.log(`firefox-esr: ${await session.browser.version()} over WebDriver BiDi with .output/firefox-mv3 (${session.extensionId}) against Roundcube 1.6 at ${rc!.origin}`);
    });
    afterAll(async () => {
      await session?.close();
      expect(existsSync(FIREFOX_POLICY_FILE)).toBe(hadPolicyFile);
    });

    it('the extension installs temporarily over WebDriver BiDi under its gecko id', () => {
      expect(session!.extensionId).toBe('mail-guard@kokoroe.jp');
    });

    it('fixture page at https://mail.google.com: a phishing message → danger', async () => {
      const p = await openFixture(session!, GMAIL_PHISH);
      expect(await attribute(p, BANNER, 'data-kokoroe-verdict')).toEqual(['danger']);
      await p.screenshot({ path: screenshotPath('webmail-firefox-gmail-danger.png') });
      await p.close();
    });

    it('fixture page at https://mail.google.com: a clean conversation → safe', async () => {
      const p = await openFixture(session!, GMAIL_CLEAN);
      const levels = await attribute(p, BANNER, 'data-kokoroe-verdict');
      expect(levels.length).toBeGreaterThan(0);
      expect(levels).toEqual(levels.map(() => 'safe'));
      await p.close();
    });

    it('roundcube: logs in and lists every delivered message', async () => {
      page = await session!.newPage();
      await login(page, rc!);
      const text = await page.$eval('#messagelist', (l) => l.textContent ?? '');
      for (const m of WEBMAIL_MESSAGES) expect(text).toContain(m.subject);
    });

    WEBMAIL_MESSAGES.forEach((message, index) => {
      const expected = message.kind === 'phishing' ? 'danger or caution' : 'safe';
      it(`roundcube: ${message.kind}: ${message.file} (${message.charset}) → ${expected}`, async () => {
        const frame = await openFromList(page, index + 1, message.subject);
        const [verdict] = await attribute(frame, BANNER, 'data-kokoroe-verdict');
        if (message.kind === 'phishing') expect(['danger', 'caution']).toContain(verdict);
        else expect(verdict).toBe('safe');
      });
    });

    it('roundcube: a guarded click lands on the warning page; the destination is never requested', async () => {
      const index = WEBMAIL_MESSAGES.findIndex((m) => m.guardedHost);
      const message = WEBMAIL_MESSAGES[index]!;
      const frame = await openFromList(page, index + 1, message.subject);
      await attribute(frame, BANNER, 'data-kokoroe-verdict');
      const link = await frame.waitForSelector('#messagebody a[data-kokoroe-flag]', { timeout: 10_000 });
      const href = await link!.evaluate((a) => a.getAttribute('href') ?? '');
      expect(new URL(href).host).toBe(message.guardedHost);
      const before = new Set(await session!.browser.pages());
      await link!.click();
      // BiDi reports extension tabs as about:blank; the tab itself knows where it is.
      const warning = await waitForNewPage(session!, before, /^moz-extension:\/\/[0-9a-f-]+\/warning\.html\?id=/);
      await warning.waitForSelector('#back');
      expect(await warning.$eval('main', (m) => m.textContent ?? '')).toContain(message.guardedHost);
      await warning.screenshot({ path: screenshotPath('webmail-firefox-warning.png') });
      await new Promise((r) => setTimeout(r, 500));
      expect(session!.requests.filter((r) => r.url.includes(message.guardedHost!))).toEqual([]);
      // The log is not blind: a tab the page opens by itself is seen (and refused) by the proxy.
      await page.evaluate(() => void window.open('http://proxy-control.invalid/seen', '_blank'));
      const deadline = Date.now() + 10_000;
      while (!session!.requests.some((r) => r.url.includes('proxy-control.invalid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const control = session!.requests.filter((r) => r.url.includes('proxy-control.invalid'));
      expect(control.map((r) => r.url)).toContain('http://proxy-control.invalid/seen');
      expect(control.every((r) => !r.allowed)).toBe(true);
      expect(page.url().startsWith(rc!.origin)).toBe(true);
      await page.screenshot({ path: screenshotPath('webmail-firefox-roundcube.png') });
    });
  });

  describe('stale device under block, from /etc/firefox/policies/policies.json', () => {
    let session: FirefoxSession | undefined;
    const hadPolicyFile = existsSync(FIREFOX_POLICY_FILE);

    beforeAll(async () => {
      session = await launchFirefox({ policy: policy(rc!.origin, 120 * DAY, 'block'), allowOrigins: [rc!.origin] });
    });
    afterAll(async () => {
      await session?.close();
      expect(existsSync(FIREFOX_POLICY_FILE)).toBe(hadPolicyFile);
    });

    it('the gate covers Gmail (fixture page) and cannot be dismissed', async () => {
      const p = await openFixture(session!, GMAIL_PHISH);
      expect(await attribute(p, GATE, 'data-kokoroe-gate')).toEqual(['block']);
      expect(await p.evaluate(() => document.body.hasAttribute('inert'))).toBe(true);
      await p.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 300));
      expect(await p.$$eval(GATE, (g) => g.length)).toBe(1);
      await p.screenshot({ path: screenshotPath('webmail-firefox-gate-gmail.png') });
      await p.close();
    });

    it('the gate covers the real Roundcube before anything is read', async () => {
      const p = await session!.newPage();
      await p.goto(`${rc!.origin}/`);
      expect(await attribute(p, GATE, 'data-kokoroe-gate')).toEqual(['block']);
      expect(await p.evaluate(() => document.body.hasAttribute('inert'))).toBe(true);
      await p.screenshot({ path: screenshotPath('webmail-firefox-gate-roundcube.png') });
      await p.close();
    });
  });
});
