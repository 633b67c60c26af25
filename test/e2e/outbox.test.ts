/**
 * The report outbox end to end, in Chromium with the built extension: a consult page opened
 * for a message, 「送信」, and a local endpoint that answers 503, then hangs, then refuses
 * connections (with the service worker stopped in between), then recovers. Every report must
 * be delivered exactly once, the page must show each state, and nothing may reach the endpoint
 * before the user's click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launch, screenshotPath, type Session } from './harness';
import { ReportEndpoint } from './support/report-endpoint';

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    session: { set(items: Record<string, unknown>): Promise<void> };
  };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

const TOKEN = 'e2e-token-123';
const SECRET = '患者 山田花子様 診察券番号 0042-7781';
const CONSULT_ID = '6a0c2f4e-8b1d-4c3e-9f5a-2d7e1b3c4a5f';
const MESSAGE_KEY = 'gmail:e2e-outbox-1';

const snapshot = {
  host: 'gmail',
  from: { address: 'info@mhlw-go-jp.example', name: '厚生労働省' },
  replyTo: [{ address: 'collect@freemail.example' }],
  to: [{ address: 'ward3@hospital.example.jp' }],
  subject: '【至急】アカウント確認のお願い',
  date: '2026-11-20T01:02:03.000Z',
  messageId: '<e2e-1@mhlw-go-jp.example>',
  text: `${SECRET}\nhttps://login.example.net/verify`,
  anchors: [{ href: 'https://login.example.net/verify', text: 'こちら', source: 'dom' }],
  attachments: [{ name: '請求書.zip', contentType: 'application/zip', size: 2048, encrypted: true }],
};
const verdict = {
  level: 'danger',
  findings: [{ rule: 'link-credential-lure', severity: 'danger', target: { kind: 'link', value: 'https://login.example.net/verify', index: 0 }, params: { host: 'login.example.net' } }],
  unchecked: [],
};

interface StoredRecord {
  id: string;
  deliveredAt?: number;
  state: string;
  attempts: number;
  lastError?: string;
  kind: string;
}

let session: Session;
let endpoint: ReportEndpoint;
let extBase: string;

async function worker(): Promise<Worker> {
  return session.serviceWorker();
}

async function records(): Promise<StoredRecord[]> {
  // Read from an extension page, which works whether or not the worker is running.
  const page = session.context.pages().find((p) => p.url().startsWith(extBase)) ?? (await session.newPage());
  return page.evaluate(async () => {
    const stored = (await chrome.storage.local.get('outbox')).outbox as { records?: StoredRecord[] } | undefined;
    return stored?.records ?? [];
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    last = await probe().catch((e: unknown) => e);
    if (last && !(last instanceof Error)) return last as T;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
}

async function recordState(id: string, state: string, timeoutMs?: number): Promise<StoredRecord> {
  return waitFor(`record ${id} ${state}`, async () => (await records()).find((r) => r.id === id && r.state === state), timeoutMs);
}

/** Stops the extension's service worker (CDP), as Chrome does when it is idle or under memory pressure. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      if (event.versions.some((v) => v.scriptURL.startsWith(extBase) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('worker did not stop')), 10_000))]);
  await cdp.detach();
}

beforeAll(async () => {
  endpoint = new ReportEndpoint();
  await endpoint.listen();
  session = await launch();
  extBase = `chrome-extension://${session.extensionId}/`;
  // The harness blocks every other origin; the test endpoint is the one destination allowed.
  await session.context.route(`http://127.0.0.1:${endpoint.port}/**`, (route) => route.continue());
  const sw = await worker();
  await sw.evaluate(
    async ({ url, token, id, key, snapshot, verdict }) => {
      await chrome.storage.local.set({
        localSettings: {
          reportEndpoint: url,
          reportToken: token,
          reportMailbox: 'security@hospital.example.jp',
          adminContact: { name: '情報システム課 山本', phone: '内線 1234', hours: '平日 8:30–17:15' },
        },
      });
      // What the background's open-consult keeps for the consult page (validated snapshot + verdict).
      await chrome.storage.session.set({ [`consult:${id}`]: { key, snapshot, verdict, at: Date.now() } });
    },
    { url: endpoint.url, token: TOKEN, id: CONSULT_ID, key: MESSAGE_KEY, snapshot, verdict },
  );
});

afterAll(async () => {
  await session?.close();
  await endpoint?.close();
});

describe('report outbox in Chromium', () => {
  it('delivers each report exactly once through 503, a hung request, a stopped worker and refused connections', async () => {
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    // Phone first, as a tel: link with the digits; the preview shows what will be sent.
    const tel = page.locator('a.tel-big');
    await expect.poll(() => tel.getAttribute('href')).toBe('tel:1234');
    expect(await tel.textContent()).toBe('内線 1234');
    await expect.poll(() => page.locator('[data-field="subject"]').textContent()).toBe('【至急】アカウント確認のお願い');
    expect(await page.locator('[data-field="links"]').textContent()).toContain('https://login.example.net/verify');
    expect(await page.locator('[data-field="attachments"]').textContent()).toContain('請求書.zip');
    expect(await page.locator('#include-original').isChecked()).toBe(false);
    expect(await page.locator('main').textContent()).not.toContain('山田花子');

    await page.screenshot({ path: screenshotPath('consult-page.png'), fullPage: true });
    // Nothing reaches the endpoint before the click.
    await page.waitForTimeout(1_500);
    expect(endpoint.log).toEqual([]);

    endpoint.mode = '503';
    const clickedAt = Date.now();
    await page.locator('#comment').fill('見覚えのない差出人です');
    await page.locator('#send').click();
    const reportId = await waitFor('report id on the page', async () => /([0-9a-f-]{36})/.exec((await page.locator('#send-status').textContent()) ?? '')?.[1]);
    expect(endpoint.log.every((r) => r.at >= clickedAt)).toBe(true);

    // 503 → waiting to retry, shown on the page and in the popup.
    const popupView = await session.newPage();
    await popupView.goto(`${extBase}popup.html`);
    const popupState = () => popupView.locator(`[data-report-id="${reportId}"]`).getAttribute('data-state');
    const failed = await recordState(reportId, 'failed');
    await expect.poll(() => page.locator(`[data-report-id="${reportId}"]`).getAttribute('data-state'), { timeout: 10_000 }).toBe('failed');
    // The retry is armed as an alarm (which wakes a stopped worker) at the backoff time.
    const alarm = await waitFor('retry alarm', () => page.evaluate(() => chrome.alarms.get('kokoroe-outbox')));
    const nextAttemptAt = (failed as StoredRecord & { nextAttemptAt?: number }).nextAttemptAt!;
    expect(Math.abs(alarm.scheduledTime - nextAttemptAt)).toBeLessThan(2_000);
    expect(nextAttemptAt - Date.now()).toBeGreaterThan(5_000);
    await expect.poll(popupState, { timeout: 10_000 }).toBe('failed');
    expect(await popupView.locator(`[data-report-id="${reportId}"]`).textContent()).toContain('再送待ち');
    expect(endpoint.postsFor(reportId).map((r) => r.answered)).toEqual([503]);

    // The endpoint now takes the report but never answers; the worker is stopped mid-request.
    endpoint.mode = 'hang';
    await page.locator(`[data-report-id="${reportId}"] [data-action="retry"]`).click();
    await waitFor('hung POST', async () => endpoint.postsFor(reportId).some((r) => r.answered === 'hung'));
    await recordState(reportId, 'sending');
    await expect.poll(() => page.locator(`[data-report-id="${reportId}"]`).getAttribute('data-state'), { timeout: 10_000 }).toBe('sending');
    await expect.poll(popupState, { timeout: 10_000 }).toBe('sending');
    await stopWorker(page);

    // Connection refused while the worker comes back: the interrupted attempt is resent and fails.
    await endpoint.close();
    const popup = await session.newPage();
    await popup.goto(`${extBase}popup.html`);
    const afterRefused = await waitFor('interrupted attempt resent and refused', async () =>
      (await records()).find((r) => r.id === reportId && r.state === 'failed' && r.attempts >= 3),
    );
    expect(afterRefused.lastError).toMatch(/network|interrupted/);

    // The endpoint recovers on the same port; 「今すぐ再送」 delivers, with the same id.
    await endpoint.listen();
    endpoint.mode = 'ok';
    await page.locator(`[data-report-id="${reportId}"] [data-action="retry"]`).click();
    await recordState(reportId, 'delivered');
    await expect.poll(() => page.locator(`[data-report-id="${reportId}"]`).getAttribute('data-state'), { timeout: 10_000 }).toBe('delivered');
    await expect.poll(popupState, { timeout: 10_000 }).toBe('delivered');
    expect(await popupView.locator(`[data-report-id="${reportId}"]`).textContent()).toContain('送信済み');

    const posts = endpoint.postsFor(reportId);
    expect(posts.map((p) => p.answered)).toEqual([503, 'hung', 200]);
    expect(endpoint.accepted.get(reportId)).toBe(1);
    expect(posts.every((p) => p.authorization === `Bearer ${TOKEN}` && p.idempotencyKey === reportId)).toBe(true);
    const received = endpoint.reports.get(reportId)!;
    expect(received).toMatchObject({ schema: 'kokoroe.report/1', id: reportId, kind: 'consult', comment: '見覚えのない差出人です', original: { included: false, reason: 'not-requested' } });
    expect(JSON.stringify(received)).not.toContain('山田花子');
    expect(JSON.stringify(received)).not.toContain('ward3@');

    // The message is now "consult pending" for the banner.
    const consults = await page.evaluate(async () => (await chrome.storage.local.get('consults')).consults as Record<string, { reportId: string; status: string }>);
    expect(consults['gmail:e2e-outbox-1']).toMatchObject({ reportId, status: 'pending' });

    // Delivered means never sent again.
    await page.waitForTimeout(2_000);
    expect(endpoint.postsFor(reportId)).toHaveLength(3);
    await popup.close();
  });

  it('sends an opened-already report from the 「開いてしまった」 path, once, and shows the incident portal', async () => {
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    await page.locator('#switch-mode').click();
    await expect.poll(() => page.locator('main').getAttribute('data-mode')).toBe('opened');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('ネットワークから切断する');
    expect(text).toContain('管理者にすぐ電話する');
    expect(await page.locator('#incident-portal').getAttribute('href')).toBe('https://mhlw-training.saj.or.jp/');
    const before = endpoint.log.length;
    await page.waitForTimeout(500);
    expect(endpoint.log).toHaveLength(before);

    await page.locator('#send').click();
    const reportId = await waitFor('report id', async () => /([0-9a-f-]{36})/.exec((await page.locator('#send-status').textContent()) ?? '')?.[1]);
    await recordState(reportId, 'delivered');
    expect(endpoint.accepted.get(reportId)).toBe(1);
    expect(endpoint.reports.get(reportId)).toMatchObject({ kind: 'opened-already' });
    expect(endpoint.postsFor(reportId)).toHaveLength(1);

    // 「解決済みにする」 clears the pending state of the message.
    await page.locator('#resolve').click();
    await waitFor('consult resolved', async () => {
      const consults = await page.evaluate(async () => (await chrome.storage.local.get('consults')).consults as Record<string, unknown>);
      return !consults['gmail:e2e-outbox-1'];
    });
  });

  it('shows a report the endpoint refuses (401) as refused, never retries it, and offers the mail channel', async () => {
    endpoint.mode = '401';
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    await page.locator('#send').click();
    const reportId = await waitFor('report id', async () => /([0-9a-f-]{36})/.exec((await page.locator('#send-status').textContent()) ?? '')?.[1]);
    await recordState(reportId, 'rejected');
    const popup = await session.newPage();
    await popup.goto(`${extBase}popup.html`);
    const item = popup.locator(`[data-report-id="${reportId}"]`);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 10_000 }).toBe('rejected');
    expect(await item.textContent()).toContain('受け付けられませんでした');
    await item.locator('[data-action="mail"]').click();
    const href = await waitFor('mailto link', async () => (await popup.locator('a.mail-link').getAttribute('href')) ?? undefined);
    const mailto = new URL(href);
    expect(decodeURIComponent(mailto.pathname)).toBe('security@hospital.example.jp');
    expect([...mailto.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(mailto.searchParams.get('body')).toContain(reportId);
    await page.locator(`[data-report-id="${reportId}"] [data-action="dismiss"]`).waitFor();
    await popup.waitForTimeout(1_000);
    expect(endpoint.postsFor(reportId)).toHaveLength(1);
  });

  it('polls gently for IT\'s answer after delivery and shows it in the popup and the consult state', async () => {
    endpoint.mode = 'ok';
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    await page.locator('#send').click();
    const reportId = await waitFor('report id', async () => /([0-9a-f-]{36})/.exec((await page.locator('#send-status').textContent()) ?? '')?.[1]);
    const deliveredAt = (await recordState(reportId, 'delivered')).deliveredAt ?? Date.now();
    endpoint.answers.set(reportId, { status: 'answered', answer: 'delete', note: 'ごみ箱からも削除してください' });
    const popup = await session.newPage();
    await popup.goto(`${extBase}popup.html`);
    // The first poll is a minute after delivery (an alarm wakes the worker); nothing polls sooner.
    const item = popup.locator(`[data-report-id="${reportId}"]`);
    await expect.poll(() => item.getAttribute('data-answer'), { timeout: 100_000, interval: 1_000 }).toBe('delete');
    expect(await item.textContent()).toContain('危険なメールです。削除してください。');
    const gets = endpoint.log.filter((r) => r.method === 'GET' && r.id === reportId);
    expect(gets).toHaveLength(1);
    expect(gets[0]!.at - deliveredAt).toBeGreaterThanOrEqual(55_000);
    expect(gets[0]!.authorization).toBe(`Bearer ${TOKEN}`);
    const consults = await page.evaluate(async () => (await chrome.storage.local.get('consults')).consults as Record<string, { status: string; answer?: string; note?: string }>);
    expect(consults['gmail:e2e-outbox-1']).toMatchObject({ status: 'answered', answer: '危険なメールです。削除してください。', note: 'ごみ箱からも削除してください' });
    await expect.poll(() => page.locator('#answer').textContent(), { timeout: 5_000 }).toContain('削除してください');
  }, 150_000);

  it('offers the original only when policy says ask, unticked; never when policy forbids it', async () => {
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    await page.locator('#include-original').waitFor();
    expect(await page.locator('#include-original').isChecked()).toBe(false);
    // Ticked: this host had no .eml, so the body goes, labelled as the body only.
    endpoint.mode = 'ok';
    await page.locator('#include-original').check();
    await page.locator('#send').click();
    const reportId = await waitFor('report id', async () => /([0-9a-f-]{36})/.exec((await page.locator('#send-status').textContent()) ?? '')?.[1]);
    await recordState(reportId, 'delivered');
    const original = endpoint.reports.get(reportId)!.original as { included: boolean; format: string; data: string };
    expect(original).toMatchObject({ included: true, format: 'text', encoding: 'base64' });
    expect(Buffer.from(original.data, 'base64').toString('utf8')).toBe(snapshot.text);
    await page.evaluate(async () => {
      const current = (await chrome.storage.local.get('localSettings')).localSettings as Record<string, unknown>;
      await chrome.storage.local.set({ localSettings: { ...current, reportOriginal: 'never' } });
    });
    await expect
      .poll(async () => {
        await page.reload();
        await page.locator('#send').waitFor();
        return page.locator('#include-original').count();
      }, { timeout: 15_000 })
      .toBe(0);
  });

  it('without any IT policy: points to the hospital IT staff and the incident portal, and offers no send', async () => {
    const page = await session.newPage();
    await page.goto(`${extBase}consult.html?id=${CONSULT_ID}`);
    await page.evaluate(() => chrome.storage.local.set({ localSettings: {} }));
    const before = endpoint.log.length;
    await expect
      .poll(async () => {
        await page.reload();
        await page.locator('#send').waitFor();
        return page.locator('#send').isDisabled();
      }, { timeout: 15_000 })
      .toBe(true);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('院内の情報システム担当者に相談してください');
    expect(text).toContain('送信先が設定されていません');
    expect(await page.locator('a.tel-big').count()).toBe(0);
    expect(await page.locator('#incident-portal').getAttribute('href')).toBe('https://mhlw-training.saj.or.jp/');
    expect(endpoint.log).toHaveLength(before);
  });
});
