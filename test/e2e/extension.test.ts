/**
 * The built extension in Debian's Chromium on fixture pages served at the real webmail origins:
 * banner verdicts, the guard (a flagged link lands on the warning page and its destination is
 * never requested), the posture gate from a managed policy, and the popup/options pages.
 * Screenshots go to test/.tmp/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, screenshotPath, type Session } from './harness';

const BANNER = 'kokoroe-banner';

async function verdicts(page: Page): Promise<string[]> {
  await page.waitForSelector(`${BANNER}[data-kokoroe-verdict]`, { state: 'attached', timeout: 15_000 });
  // Give a conversation a moment to get a banner on every open message.
  await page.waitForTimeout(300);
  return page.$$eval(BANNER, (hosts) => hosts.map((h) => h.getAttribute('data-kokoroe-verdict') ?? ''));
}

async function openFixture(session: Session, fixture: string): Promise<Page> {
  const url = session.serveFixture(fixture);
  const page = await session.newPage();
  await page.goto(url);
  return page;
}

/**
 * Without IT configuration the device state is unknown and the daily warn gate greets the user;
 * it takes the keyboard focus, and Escape closes it for today (a block gate would stay).
 */
async function closeWarnGate(page: Page, screenshot?: string): Promise<void> {
  const gate = page.locator('kokoroe-gate');
  await gate.waitFor({ state: 'attached', timeout: 1_500 }).catch(() => undefined);
  if ((await gate.count()) === 0) return;
  expect(await gate.getAttribute('data-kokoroe-gate')).toBe('warn');
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot) });
  await page.keyboard.press('Escape');
  await gate.waitFor({ state: 'detached', timeout: 5_000 });
}

describe('banner, outline and guard on webmail pages', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    await session.serviceWorker();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Gmail: a phishing message gets a danger banner above it, and it stays text in its own root', async () => {
    const page = await openFixture(session, 'gmail/2026-11-20-single-message-with-attachments.html');
    expect(await verdicts(page)).toEqual(['danger']);
    await closeWarnGate(page, 'gate-warn.png');
    const banner = page.locator(BANNER).first();
    // Closed shadow root: the page sees the host and its label, never the insides.
    expect(await banner.evaluate((host) => host.shadowRoot)).toBeNull();
    expect(await page.locator('[data-kokoroe-flag]').count()).toBeGreaterThan(0);
    await banner.screenshot({ path: screenshotPath('banner-gmail-danger.png') });
    await page.screenshot({ path: screenshotPath('gmail-danger-page.png') });
    await page.close();
  });

  it('Gmail: a clean conversation gets only quiet marks', async () => {
    const page = await openFixture(session, 'gmail/2026-11-20-conversation-three-messages.html');
    const levels = await verdicts(page);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((level) => level === 'safe')).toBe(true);
    await closeWarnGate(page);
    await page.locator(BANNER).first().screenshot({ path: screenshotPath('banner-gmail-safe.png') });
    await page.close();
  });

  it('Outlook on the web: Safe Links-wrapped phishing is danger, a clean conversation is quiet', async () => {
    const phish = await openFixture(session, 'outlook-web/2026-11-20-reading-pane-safelinks.html');
    expect(await verdicts(phish)).toContain('danger');
    await closeWarnGate(phish);
    await phish.locator(BANNER).first().screenshot({ path: screenshotPath('banner-owa-danger.png') });
    await phish.close();
    const clean = await openFixture(session, 'outlook-web/2026-11-20-reading-pane-conversation.html');
    const levels = await verdicts(clean);
    expect(levels.every((level) => level === 'safe')).toBe(true);
    await clean.close();
  });

  it('a guarded click lands on the warning page and the destination is never requested', async () => {
    const page = await openFixture(session, 'gmail/2026-11-20-single-message-with-attachments.html');
    await verdicts(page);
    await closeWarnGate(page);
    expect(await page.evaluate(() => document.body.hasAttribute('inert'))).toBe(false);
    const link = page.locator('a[data-kokoroe-flag]').first();
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const destinationHost = new URL(href!).host;
    const before = session.requests.length;
    const [warning] = await Promise.all([
      session.context.waitForEvent('page', { timeout: 15_000 }),
      link.click(),
    ]);
    await warning.waitForURL(new RegExp(`^chrome-extension://${session.extensionId}/warning\\.html\\?id=`), { timeout: 15_000 });
    await warning.waitForSelector('#back');
    expect(await warning.evaluate(() => document.activeElement?.id)).toBe('back');
    const text = await warning.locator('main').innerText();
    expect(text).toContain(destinationHost.split('.').slice(-2).join('.'));
    await warning.screenshot({ path: screenshotPath('warning-page.png'), fullPage: true });
    // Middle click too: still no request for the destination.
    await link.click({ button: 'middle' }).catch(() => undefined);
    await page.waitForTimeout(500);
    const reached = session.requests.slice(before).filter((r) => {
      try {
        return new URL(r.url).host === destinationHost;
      } catch {
        return false;
      }
    });
    expect(reached).toEqual([]);
    expect(page.url()).toContain('mail.google.com');
    await warning.close();
    await page.close();
  });

  it('「それでも開く」 asks for confirmation first, then the worker opens the real destination in that tab', async () => {
    const page = await openFixture(session, 'gmail/2026-11-20-single-message-with-attachments.html');
    await verdicts(page);
    await closeWarnGate(page);
    const link = page.locator('a[data-kokoroe-flag]').first();
    const destinationHost = new URL((await link.getAttribute('href'))!).host;
    const [warning] = await Promise.all([session.context.waitForEvent('page', { timeout: 15_000 }), link.click()]);
    await warning.waitForSelector('#open-anyway');
    expect(await warning.locator('#confirm').isHidden()).toBe(true);
    await warning.click('#open-anyway');
    expect(await warning.locator('#confirm').isVisible()).toBe(true);
    expect(await warning.evaluate(() => document.activeElement?.id)).toBe('confirm-no');
    await warning.screenshot({ path: screenshotPath('warning-page-confirm.png'), fullPage: true });
    const before = session.requests.length;
    await warning.click('#confirm-yes');
    await expect
      .poll(() => session.requests.slice(before).some((r) => new URL(r.url).host === destinationHost), { timeout: 10_000 })
      .toBe(true);
    await warning.close().catch(() => undefined);
    await page.close();
  });

  it('the popup shows posture, the last verdict and contacts; options shows the effective policy', async () => {
    const popup = await session.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('.contacts');
    expect(await popup.locator('h1').innerText()).toBe('心得メールガード');
    expect(await popup.locator('.posture').count()).toBe(1);
    await popup.screenshot({ path: screenshotPath('popup.png'), fullPage: true });
    await popup.close();
    const options = await session.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('form');
    expect(await options.locator('#f-orgName').count()).toBe(1);
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
    await options.close();
  });
});
