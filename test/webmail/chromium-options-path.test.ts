/**
 * The path `npm run demo` describes, in Chromium without any IT policy: the Roundcube address
 * typed on the extension's options page and saved is watched from then on — the daily warn gate
 * (device state unknown) greets the nurse on Roundcube and closes with Escape, and a message
 * she opens gets its banner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium-session';
import { startRoundcube, type RoundcubeServer } from './roundcube-server';
import { WEBMAIL_FIXTURES, WEBMAIL_MESSAGES } from './webmail-messages';

describe('chromium', () => {
  describe('roundcube origin from the options page (no IT policy)', () => {
    let rc: RoundcubeServer | undefined;
    let session: ChromiumSession | undefined;
    const message = WEBMAIL_MESSAGES[0]!;

    beforeAll(async () => {
      rc = await startRoundcube();
      rc.deliver(readFileSync(join(WEBMAIL_FIXTURES, message.file)));
      session = await launchChromium({ policy: {}, allowOrigins: [rc.origin] });
    });
    afterAll(async () => {
      await session?.close();
      await rc?.stop();
    });

    it('the address saved on the options page is watched: warn gate on Roundcube, then the banner', async () => {
      const options = await session!.newPage();
      await options.goto(`chrome-extension://${session!.extensionId}/options.html`);
      await options.fill('#f-roundcubeOrigins', rc!.origin);
      await options.click('#save');
      await expect.poll(() => options.locator('#save-status').innerText(), { timeout: 10_000 }).toBe('保存しました');
      await session!.waitForRoundcubeScript(rc!.origin, 15_000);
      await options.close();

      const page = await session!.newPage();
      await page.goto(`${rc!.origin}/`);
      const gate = page.locator('kokoroe-gate');
      await gate.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await gate.getAttribute('data-kokoroe-gate')).toBe('warn');
      await page.keyboard.press('Escape');
      await gate.waitFor({ state: 'detached', timeout: 5_000 });

      await page.fill('#rcmloginuser', rc!.user);
      await page.fill('#rcmloginpwd', rc!.password);
      await Promise.all([page.waitForURL(/_task=mail/, { timeout: 20_000 }), page.click('#rcmloginsubmit')]);
      await page.locator('#messagelist tbody tr', { hasText: message.subject }).locator('td.subject').click({ timeout: 20_000 });
      const frame = page.frameLocator('#messagecontframe');
      const banner = frame.locator('kokoroe-banner[data-kokoroe-verdict]');
      await banner.waitFor({ state: 'attached', timeout: 20_000 });
      expect(['danger', 'caution']).toContain(await banner.getAttribute('data-kokoroe-verdict'));
    });
  });
});
