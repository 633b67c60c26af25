/**
 * Managed policy for real: a policy file in /etc/chromium/policies/managed (machine-wide, so
 * only as root, as CI runs; the file is removed afterwards). A stale device under `block`
 * gets the gate over the webmail; the popup shows IT's phone as a tel: link; the options page
 * marks managed keys read-only; a Roundcube origin from policy is watched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { launch, MANAGED_POLICY_FILE, screenshotPath, type Session } from './harness';

const DAY = 24 * 3600 * 1000;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

const ROUNDCUBE = 'https://webmail.example-clinic.jp';

const POLICY = {
  orgName: '心得病院',
  orgDomains: ['kokoroe-hospital.example'],
  adminContact: { name: '情報システム室', phone: '03-1234-5678', hours: '平日 8:30–17:15' },
  allowOpenAnyway: false,
  roundcubeOrigins: [ROUNDCUBE],
  posture: {
    mode: 'block',
    maxOsPatchAgeDays: 35,
    maxAvDefinitionsAgeHours: 48,
    maxFactsAgeHours: 48,
    osPatchedAt: iso(120 * DAY),
    avDefinitionsUpdatedAt: iso(2 * 3600 * 1000),
    avEnabled: true,
    factsUpdatedAt: iso(3600 * 1000),
  },
};

function requireRoot(): void {
  if (process.getuid?.() !== 0) throw new Error('the managed-policy tests write /etc/chromium/policies/managed and must run as root (as CI does)');
}

describe('managed policy: stale device under block', () => {
  let session: Session;
  beforeAll(async () => {
    requireRoot();
    session = await launch({ managedPolicy: POLICY, extraHosts: [`${ROUNDCUBE}/*`] });
    await session.serviceWorker();
  });
  afterAll(async () => {
    await session?.close();
    expect(existsSync(MANAGED_POLICY_FILE)).toBe(false);
  });

  it('a stale device under block gets the gate over Gmail, without a way to dismiss it', async () => {
    const url = session.serveFixture('gmail/2026-11-20-single-message-with-attachments.html');
    const page = await session.newPage();
    await page.goto(url);
    const gate = page.locator('kokoroe-gate');
    await gate.waitFor({ state: 'attached', timeout: 20_000 });
    expect(await gate.getAttribute('data-kokoroe-gate')).toBe('block');
    expect(await page.evaluate(() => document.body.hasAttribute('inert'))).toBe(true);
    // The webmail cannot be clicked through the gate.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(200);
    expect(await gate.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('gate-block.png') });
    await page.close();
  });

  it('the popup lists the failing check and calls IT by phone first', async () => {
    const popup = await session.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.waitForSelector('.contacts a.tel');
    expect(await popup.locator('.contacts a.tel').getAttribute('href')).toBe('tel:0312345678');
    expect(await popup.locator('.posture').getAttribute('data-posture')).toBe('block');
    await popup.screenshot({ path: screenshotPath('popup-managed.png'), fullPage: true });
    await popup.close();
  });

  it('options marks managed keys read-only', async () => {
    const options = await session.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.waitForSelector('form');
    expect(await options.locator('#f-orgName').count()).toBe(0);
    expect(await options.locator('[data-managed="orgName"]').count()).toBeGreaterThan(0);
    await options.screenshot({ path: screenshotPath('options-managed.png'), fullPage: true });
    await options.close();
  });

  it('a Roundcube origin from policy is watched (gate first, as on every webmail)', async () => {
    const url = session.serveFixture('roundcube/2026-11-20-full-page-text-message.html');
    const page = await session.newPage();
    await page.goto(url);
    const gate = page.locator('kokoroe-gate');
    await gate.waitFor({ state: 'attached', timeout: 20_000 });
    expect(await gate.getAttribute('data-kokoroe-gate')).toBe('block');
    await page.close();
  });
});

describe('managed policy: Roundcube origin, posture off', () => {
  let session: Session;
  beforeAll(async () => {
    requireRoot();
    session = await launch({
      managedPolicy: { ...POLICY, posture: { ...POLICY.posture, mode: 'off' } },
      extraHosts: [`${ROUNDCUBE}/*`],
    });
    await session.serviceWorker();
  });
  afterAll(async () => {
    await session?.close();
    expect(existsSync(MANAGED_POLICY_FILE)).toBe(false);
  });

  it('Roundcube preview with a mismatched link is danger; a plain text message is quiet', async () => {
    const phishUrl = session.serveFixture('roundcube/2026-11-20-preview-frame-html-message.html');
    const phish = await session.newPage();
    await phish.goto(phishUrl);
    await phish.waitForSelector('kokoroe-banner[data-kokoroe-verdict]', { state: 'attached', timeout: 20_000 });
    expect(await phish.locator('kokoroe-banner').first().getAttribute('data-kokoroe-verdict')).toBe('danger');
    expect(await phish.locator('kokoroe-gate').count()).toBe(0);
    await phish.locator('kokoroe-banner').first().screenshot({ path: screenshotPath('banner-roundcube-danger.png') });
    // Policy says allowOpenAnyway: false — the warning page offers going back and asking IT only.
    const link = phish.locator('a[data-kokoroe-flag]').first();
    const [warning] = await Promise.all([session.context.waitForEvent('page', { timeout: 15_000 }), link.click()]);
    await warning.waitForSelector('#back');
    expect(await warning.locator('#open-anyway').count()).toBe(0);
    expect(await warning.locator('.contacts a.tel').getAttribute('href')).toBe('tel:0312345678');
    await warning.screenshot({ path: screenshotPath('warning-page-managed.png'), fullPage: true });
    await warning.close();
    // The .exe attachment chip is guarded too: its file name on the warning page, no download.
    const before = session.requests.length;
    const chip = phish.locator('li[data-kokoroe-flag] a').first();
    const [fileWarning] = await Promise.all([session.context.waitForEvent('page', { timeout: 15_000 }), chip.click()]);
    await fileWarning.waitForSelector('#back');
    expect(await fileWarning.locator('.alert-box').innerText()).toContain('.exe');
    expect(await fileWarning.locator('#open-anyway').count()).toBe(0);
    await fileWarning.screenshot({ path: screenshotPath('warning-page-attachment.png'), fullPage: true });
    await fileWarning.close();
    expect(session.requests.slice(before).filter((r) => r.url.includes('_action=get'))).toEqual([]);
    await phish.close();
    const cleanUrl = session.serveFixture('roundcube/2026-11-20-full-page-text-message.html');
    const clean = await session.newPage();
    await clean.goto(cleanUrl);
    await clean.waitForSelector('kokoroe-banner[data-kokoroe-verdict]', { state: 'attached', timeout: 20_000 });
    expect(await clean.locator('kokoroe-banner').first().getAttribute('data-kokoroe-verdict')).toBe('safe');
    await clean.close();
  });
});
