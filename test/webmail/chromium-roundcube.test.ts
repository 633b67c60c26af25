/**
 * Chromium (Debian) with the built extension against a real Roundcube 1.6 + Dovecot on loopback:
 * the test messages are delivered over IMAP's own tools, the nurse logs in through Roundcube's
 * login form, opens each message from the list (Roundcube draws it in its preview frame), and
 * the banner's verdict is checked; a flagged link's click lands on the extension's warning page
 * and its destination is never requested; 「管理者に相談」 opens the consult page, whose report
 * carries the original fetched from Roundcube's own view-source, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { screenshotPath } from '../e2e/harness';
import { clickInShadow } from './closed-shadow';
import { launchChromium, type ChromiumSession } from './chromium-session';
import { startReportEndpoint, type ReportEndpoint } from './report-endpoint';
import { roundcubeErrors, startRoundcube, type RoundcubeServer } from './roundcube-server';
import { messageBytes, TEST_ORG, WEBMAIL_MESSAGES, type WebmailMessage } from './webmail-messages';

const BANNER = 'kokoroe-banner';
const HOUR = 3600 * 1000;
const iso = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** IT's policy for this device: healthy posture (no gate), the local Roundcube, the local endpoint. */
function testPolicy(roundcube: string, endpoint: ReportEndpoint): Record<string, unknown> {
  return {
    ...TEST_ORG,
    adminContact: { name: '情報システム室', phone: '内線 1234', hours: '平日 8:30–17:15' },
    roundcubeOrigins: [roundcube],
    reportEndpoint: endpoint.url,
    reportToken: endpoint.token,
    reportOriginal: 'ask',
    allowOpenAnyway: false,
    posture: {
      mode: 'warn',
      maxOsPatchAgeDays: 35,
      maxAvDefinitionsAgeHours: 48,
      maxFactsAgeHours: 48,
      osPatchedAt: iso(5 * 24 * HOUR),
      avDefinitionsUpdatedAt: iso(2 * HOUR),
      avEnabled: true,
      realTimeProtectionEnabled: true,
      factsUpdatedAt: iso(HOUR),
    },
  };
}

async function login(page: Page, rc: RoundcubeServer): Promise<void> {
  await page.goto(`${rc.origin}/`);
  await page.fill('#rcmloginuser', rc.user);
  await page.fill('#rcmloginpwd', rc.password);
  await Promise.all([page.waitForURL(/_task=mail/, { timeout: 20_000 }), page.click('#rcmloginsubmit')]);
  await page.waitForSelector('#messagelist tbody tr', { timeout: 20_000 });
}

/** Clicks the message's row in the list and returns Roundcube's preview frame once it shows it. */
async function openFromList(page: Page, uid: number, subject: string): Promise<Frame> {
  // Rows are `tr#rcmrow<base64 uid>`; the subject is what a person looks for.
  await page.locator('#messagelist tbody tr', { hasText: subject }).locator('td.subject').click({ timeout: 10_000 });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const frame = page.frames().find((f) => f.name() === 'messagecontframe' && new URL(f.url()).searchParams.get('_uid') === String(uid));
    if (frame) {
      await frame.waitForSelector('#message-header h2.subject', { timeout: 20_000 });
      const shown = await frame.locator('#message-header h2.subject').innerText();
      if (shown.includes(subject)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`Roundcube did not show uid ${uid} (${subject}) in its preview frame`);
    await page.waitForTimeout(100);
  }
}

async function verdictIn(frame: Frame): Promise<string> {
  const host = frame.locator(`${BANNER}[data-kokoroe-verdict]`);
  await host.first().waitFor({ state: 'attached', timeout: 20_000 });
  expect(await host.count()).toBe(1);
  return (await host.getAttribute('data-kokoroe-verdict')) ?? '';
}

describe('chromium', () => {
  describe('roundcube', () => {
    let rc: RoundcubeServer | undefined;
    let endpoint: ReportEndpoint | undefined;
    let session: ChromiumSession | undefined;
    let page: Page;
    const uidOf = new Map<WebmailMessage, number>();

    beforeAll(async () => {
      rc = await startRoundcube();
      WEBMAIL_MESSAGES.forEach((m, i) => {
        rc!.deliver(messageBytes(m));
        uidOf.set(m, i + 1);
      });
      endpoint = await startReportEndpoint();
      session = await launchChromium({ policy: testPolicy(rc.origin, endpoint), allowOrigins: [rc.origin, new URL(endpoint.url).origin] });
      await session.waitForRoundcubeScript(rc.origin);
      page = await session.newPage();
      await login(page, rc);
      // Names what runs where in CI logs, where passing tests are listed per file only.
      const version = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(await page.evaluate(() => navigator.userAgent))?.[1] ?? '?';
      console.log(`chromium › roundcube: Chromium ${version} with .output/chrome-mv3 against Roundcube 1.6 at ${rc.origin} (${WEBMAIL_MESSAGES.length} messages)`);
    });

    afterAll(async () => {
      await session?.close();
      await endpoint?.stop();
      await rc?.stop();
    });

    it('logs in through Roundcube and lists every delivered message, Japanese subjects decoded', async () => {
      const subjects = await page.locator('#messagelist tbody tr td.subject').allInnerTexts();
      for (const m of WEBMAIL_MESSAGES) expect(subjects.join('\n')).toContain(m.subject);
      expect(roundcubeErrors(rc!)).not.toMatch(/PHP (Fatal|Parse) error/);
    });

    for (const message of WEBMAIL_MESSAGES) {
      const expected = message.kind === 'phishing' ? 'danger or caution' : 'safe';
      it(`${message.kind}: ${message.file} (${message.charset}, ${message.pattern}) → ${expected}`, async () => {
        const frame = await openFromList(page, uidOf.get(message)!, message.subject);
        const verdict = await verdictIn(frame);
        if (message.kind === 'phishing') expect(['danger', 'caution']).toContain(verdict);
        else expect(verdict).toBe('safe');
        await page.screenshot({ path: screenshotPath(`webmail-chromium-${message.file.replace(/\.eml$/, '')}.png`) });
      });
    }

    it('a guarded click on a flagged link lands on the warning page; the destination is never requested', async () => {
      const message = WEBMAIL_MESSAGES.find((m) => m.guardedHost)!;
      const frame = await openFromList(page, uidOf.get(message)!, message.subject);
      await verdictIn(frame);
      const link = frame.locator('#messagebody a[data-kokoroe-flag]').first();
      await link.waitFor({ timeout: 10_000 });
      const href = (await link.getAttribute('href')) ?? '';
      expect(new URL(href).host).toBe(message.guardedHost);
      const before = session!.requests.length;
      const [warning] = await Promise.all([session!.context.waitForEvent('page', { timeout: 15_000 }), link.click()]);
      await warning.waitForURL(new RegExp(`^chrome-extension://${session!.extensionId}/warning\\.html\\?id=`), { timeout: 15_000 });
      await warning.waitForSelector('#back');
      expect(await warning.locator('main').innerText()).toContain(message.guardedHost!);
      await warning.screenshot({ path: screenshotPath('webmail-chromium-warning.png'), fullPage: true });
      // A middle click too: still nothing reaches the destination.
      await link.click({ button: 'middle' }).catch(() => undefined);
      await page.waitForTimeout(500);
      const reached = session!.requests.slice(before).filter((r) => new URL(r.url).host === message.guardedHost);
      expect(reached).toEqual([]);
      expect(session!.requests.filter((r) => r.url.includes(message.guardedHost!))).toEqual([]);
      expect(page.url().startsWith(rc!.origin)).toBe(true);
      await warning.close();
    });

    it('consult: the report reaching the endpoint carries the original from Roundcube view-source', async () => {
      const message = WEBMAIL_MESSAGES.find((m) => m.file.startsWith('03-'))!;
      const delivered = messageBytes(message);
      await verdictIn(await openFromList(page, uidOf.get(message)!, message.subject));
      const requestsBefore = endpoint!.requests.length;
      const [consult] = await Promise.all([session!.context.waitForEvent('page', { timeout: 15_000 }), clickInShadow(page, BANNER, 'data-action', 'consult')]);
      await consult.waitForURL(new RegExp(`^chrome-extension://${session!.extensionId}/consult\\.html\\?id=`), { timeout: 15_000 });
      await consult.waitForSelector('#preview');
      // Phone first, then what will be sent: the subject as Roundcube showed it.
      expect(await consult.locator('a.tel-big').first().innerText()).toBe('内線 1234');
      expect(await consult.locator('#preview [data-field="subject"]').innerText()).toContain(message.subject);
      // Read by the adapter from Roundcube's real page: sender and the attachment chip.
      expect(await consult.locator('#preview [data-field="from"]').innerText()).toContain('keiri@medical-shizai.example');
      expect(await consult.locator('#preview [data-field="attachments"]').innerText()).toContain('請求書_2026年11月.zip');
      // The original is offered as the .eml (Roundcube serves it), never ticked by default.
      const original = consult.locator('#include-original');
      expect(await original.isChecked()).toBe(false);
      // 「元のメールも送る」 (the .eml), not 「メールの本文も送る」 (the fallback when there is none).
      expect(await consult.locator('label[for="include-original"]').innerText()).toContain('元のメールも送る');
      // Nothing was sent before the click.
      expect(endpoint!.requests.slice(requestsBefore).filter((r) => r.startsWith('POST'))).toEqual([]);
      await original.check();
      await consult.fill('#comment', '請求書のZIPが届きました。開いていません。');
      await consult.screenshot({ path: screenshotPath('webmail-chromium-consult.png'), fullPage: true });
      await consult.click('#send');
      const received = await endpoint!.waitForReport();
      const report = received.report as {
        schema: string; kind: string; id: string; comment?: string;
        message: { subject?: string; attachments: { name: string }[] };
        original: { included: boolean; format?: string; encoding?: string; bytes?: number; data?: string };
      };
      expect(report.schema).toBe('kokoroe.report/1');
      expect(report.kind).toBe('consult');
      expect(received.idempotencyKey).toBe(report.id);
      expect(report.comment).toBe('請求書のZIPが届きました。開いていません。');
      expect(report.message.subject).toContain(message.subject);
      expect(report.message.attachments.map((a) => a.name)).toContain('請求書_2026年11月.zip');
      expect(report.original).toMatchObject({ included: true, format: 'eml', encoding: 'base64' });
      const decoded = Buffer.from(report.original.data ?? '', 'base64');
      expect(report.original.bytes).toBe(decoded.length);
      // Exactly what Roundcube's view-source serves to this session…
      const viewSource = `${rc!.origin}/?_task=mail&_action=viewsource&_uid=${uidOf.get(message)}&_mbox=INBOX`;
      const served = Buffer.from(
        await page.evaluate(async (url) => {
          const bytes = new Uint8Array(await (await fetch(url, { credentials: 'include' })).arrayBuffer());
          let binary = '';
          for (const b of bytes) binary += String.fromCharCode(b);
          return btoa(binary);
        }, viewSource),
        'base64',
      );
      expect(decoded.equals(served)).toBe(true);
      // …which is the delivered message in Roundcube's display form of the source: line ends as
      // LF, no final line end (the byte-exact CRLF download needs the session's request token).
      expect(decoded.toString('latin1')).toBe(delivered.toString('latin1').replace(/\r\n/g, '\n').replace(/\n$/, ''));
      await consult.waitForSelector('#send-status p');
      await consult.screenshot({ path: screenshotPath('webmail-chromium-consult-sent.png'), fullPage: true });
      await consult.close();
    });
  });
});
