/**
 * The Outlook task pane, built (.output/outlook-addin) and served over http on 127.0.0.1, in
 * Debian's Chromium with a fake `Office` injected before the pane script (the office.js CDN URL
 * is routed to an empty script; every other request is blocked). Checks: findings and posture
 * are shown, the notification bar is set, the pane follows ItemChanged, mail text stays text,
 * consult opens with the phone first and a preview, and the report that reaches the endpoint
 * matches the shared report schema (ajv) and carries exactly what the user chose.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reportSchema from '../../shared/report/report-schema.json';
import { installFakeOffice, type FakeItem, type FakeOfficeConfig, type FakeOfficeRecord } from '../fixtures/outlook/fake-office';
import { PHISH_HEADERS, PHISH_HTML, PPAP_ZIP } from '../fixtures/outlook/items';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(REPO, '.output/outlook-addin');
const CHROMIUM = '/usr/bin/chromium';
const CDN = 'https://appsforoffice.microsoft.com/';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateReport = ajv.compile(reportSchema);

const PHISH_EML = `${PHISH_HEADERS.trimEnd()}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${PHISH_HTML}\r\n`;

const PHISH_ITEM: FakeItem = {
  itemId: 'AAMkAD-phish-1',
  subject: '【至急】請求書のご確認',
  internetMessageId: '<abc123@billing.example.test>',
  dateTimeCreated: '2026-11-26T00:00:05Z',
  from: { displayName: '総務課', emailAddress: 'soumu@example.com' },
  to: [{ displayName: '看護師', emailAddress: 'nurse@hospital.example.jp' }],
  headers: PHISH_HEADERS,
  html: PHISH_HTML,
  attachments: [{ id: 'att-1', name: '請求書.zip', contentType: 'application/x-zip-compressed', size: PPAP_ZIP.length, isInline: false, attachmentType: 'file' }],
  contents: { 'att-1': Buffer.from(PPAP_ZIP).toString('base64') },
  eml: Buffer.from(PHISH_EML, 'utf8').toString('base64'),
};

/** Internal mail with a subject that is markup: it must show as text. */
const HOSTILE_SUBJECT = '<img src=x onerror="document.title=1">院内勉強会のお知らせ';
const INTERNAL_ITEM: FakeItem = {
  itemId: 'AAMkAD-internal-2',
  subject: HOSTILE_SUBJECT,
  internetMessageId: '<seminar-2@hospital.example.jp>',
  dateTimeCreated: '2026-11-26T01:00:00Z',
  from: { displayName: '教育委員会', emailAddress: 'kyouiku@hospital.example.jp' },
  to: [{ displayName: '看護師', emailAddress: 'nurse@hospital.example.jp' }],
  headers: [
    'Authentication-Results: mail.hospital.example.jp; spf=pass smtp.mailfrom=hospital.example.jp; dkim=pass header.d=hospital.example.jp; dmarc=pass header.from=hospital.example.jp',
    'From: kyouiku@hospital.example.jp',
    'To: nurse@hospital.example.jp',
    'Subject: seminar',
    'Date: Thu, 26 Nov 2026 10:00:00 +0900',
    'Message-ID: <seminar-2@hospital.example.jp>',
    '',
  ].join('\r\n'),
  html: '<p>来週の院内勉強会は 3 階会議室で行います。</p>',
  attachments: [],
  contents: {},
  eml: Buffer.from('From: kyouiku@hospital.example.jp\r\nSubject: seminar\r\n\r\nhello\r\n').toString('base64'),
};

function fakeConfig(overrides: Partial<FakeOfficeConfig> = {}): FakeOfficeConfig {
  return {
    mailbox: '1.14',
    version: '16.0.17000.10000',
    platform: 'PC',
    displayLanguage: 'ja-JP',
    userEmail: 'nurse@hospital.example.jp',
    items: [PHISH_ITEM, INTERNAL_ITEM],
    ...overrides,
  };
}

let server: Server;
let origin = '';
let policy: Record<string, unknown> = {};
const received: { path: string; body: string }[] = [];
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json', '.xml': 'application/xml' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
  }
  // Always the current source: the add-in build takes about a second.
  execFileSync('npx', ['vite', 'build', '--config', 'outlook-addin/vite.config.ts'], { cwd: REPO, stdio: 'pipe' });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/reports')) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (req.method === 'POST') received.push({ path: url.pathname, body });
        res.writeHead(req.method === 'POST' ? 202 : 200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 'pending' }));
      });
      return;
    }
    if (url.pathname === '/policy.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(policy));
      return;
    }
    const file = normalize(join(OUT, decodeURIComponent(url.pathname)));
    if (!file.startsWith(OUT) || !existsSync(file) || file === OUT) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

function basePolicy(): Record<string, unknown> {
  return {
    orgName: 'テスト病院',
    orgDomains: ['hospital.example.jp'],
    adminContact: { name: '情報システム課', phone: '03-1234-5678', hours: '平日 8:30–17:15' },
    reportEndpoint: `${origin}/reports`,
    reportOriginal: 'ask',
    posture: { mode: 'warn', minOfficeBuild: '16.0.18000.20000' },
  };
}

async function openPane(config: FakeOfficeConfig): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const blocked: string[] = [];
  // Registered first, so it runs last: anything not served below is blocked and noted.
  await context.route('**/*', (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await context.route(`${CDN}**`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js replaced by the test fake */' }));
  await context.route(`${origin}/**`, (route) => route.continue());
  await context.addInitScript(installFakeOffice, config);
  const page = await context.newPage();
  await page.goto(`${origin}/taskpane.html`);
  return { context, page };
}

const OFFICE_DIST = join(REPO, 'node_modules/@microsoft/office-js/dist');

const record = (page: Page): Promise<FakeOfficeRecord> => page.evaluate(() => (window as unknown as { __fakeOffice: FakeOfficeRecord }).__fakeOffice);

describe('Outlook task pane in Chromium', () => {
  it('shows findings and posture, puts a one-line notification on the item, and follows the selection', async () => {
    policy = basePolicy();
    const { context, page } = await openPane(fakeConfig());
    try {
      const verdict = page.locator('#kokoroe-verdict');
      await verdict.waitFor();
      const level = await verdict.getAttribute('data-kokoroe-verdict');
      expect(level === 'danger' || level === 'caution').toBe(true);
      const findings = await page.locator('#kokoroe-verdict .findings li').allTextContents();
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.join('\n')).toContain('192.0.2.55');
      expect(findings.join('\n')).toContain('請求書.zip');
      expect(await page.locator('#kokoroe-verdict .message-summary').textContent()).toContain('【至急】請求書のご確認');
      // Screen readers hear one line per message, from a status region outside the pane.
      await expect.poll(() => page.locator('#kokoroe-announce').textContent()).toContain(level === 'danger' ? '危険' : '注意');

      const posture = page.locator('#kokoroe-posture');
      expect(['warn', 'block']).toContain(await posture.getAttribute('data-kokoroe-posture'));
      await expect.poll(() => posture.locator('[data-check="office-build"]').count()).toBe(1);
      expect(await posture.locator('[data-check="office-build"]').textContent()).toContain('16.0.17000.10000');

      await expect.poll(async () => (await record(page)).notices.length).toBeGreaterThan(0);
      const notice = (await record(page)).notices.at(-1)!;
      expect(notice).toMatchObject({ op: 'replace', key: 'kokoroe-verdict', details: { type: 'insightMessage' } });
      expect(notice.details!.message.length).toBeLessThanOrEqual(150);
      expect(notice.details!.message).toContain(level === 'danger' ? '危険' : '注意');
      expect(notice.details!.actions).toEqual([expect.objectContaining({ actionType: 'showTaskPane', commandId: 'KokoroeOpenPane', actionText: '管理者に相談' })]);

      // The pinned pane follows the selection.
      await page.evaluate(() => (window as unknown as { __fakeOffice: FakeOfficeRecord }).__fakeOffice.selectItem(1));
      await expect.poll(() => page.locator('#kokoroe-verdict .message-summary').textContent()).toContain('院内勉強会のお知らせ');
      const summary = await page.locator('#kokoroe-verdict .message-summary').textContent();
      expect(summary).toContain(HOSTILE_SUBJECT);
      expect(await page.locator('#kokoroe-pane img').count()).toBe(0);
      expect(await page.title()).toBe('心得メールガード');
      const second = await page.locator('#kokoroe-verdict').getAttribute('data-kokoroe-verdict');
      await expect.poll(async () => (await record(page)).notices.length).toBeGreaterThan(1);
      const last = (await record(page)).notices.at(-1)!;
      expect(last.op).toBe(second === 'safe' ? 'remove' : 'replace');
    } finally {
      await context.close();
    }
  });

  it('consult: phone first, preview, comment and original; the report reaching the endpoint matches the schema', async () => {
    policy = basePolicy();
    received.length = 0;
    const { context, page } = await openPane(fakeConfig());
    try {
      await page.locator('#kokoroe-consult').click();
      const view = page.locator('#kokoroe-consult-view');
      await view.waitFor();
      expect(await view.getAttribute('data-channel')).toBe('endpoint');
      const tel = view.locator('a.phone');
      expect(await tel.getAttribute('href')).toBe('tel:0312345678');
      // Phone before the preview in reading order.
      const order = await page.evaluate(() => {
        const phone = document.querySelector('#kokoroe-consult-view a.phone');
        const preview = document.querySelector('#kokoroe-preview');
        return phone && preview ? phone.compareDocumentPosition(preview) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeGreaterThan(0);
      const preview = page.locator('#kokoroe-preview');
      expect(await preview.textContent()).toContain('【至急】請求書のご確認');
      expect(await preview.textContent()).not.toContain('パスワードは別のメールでお送りします');

      await page.locator('#kokoroe-comment').fill('心当たりのない請求書です');
      await expect.poll(() => preview.textContent()).toContain('心当たりのない請求書です');
      await page.locator('#kokoroe-include-original').check();
      const previewJson = JSON.parse((await page.locator('#kokoroe-preview-json').textContent()) ?? '{}') as { id: string };
      await page.locator('#kokoroe-send').click();
      await expect.poll(() => received.length).toBe(1);
      await expect.poll(() => page.locator('#kokoroe-consult-status').textContent()).toContain('送りました');

      const report = JSON.parse(received[0]!.body) as Record<string, any>;
      const valid = validateReport(report);
      expect(validateReport.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(report.id).toBe(previewJson.id);
      expect(report.kind).toBe('consult');
      expect(report.comment).toBe('心当たりのない請求書です');
      expect(report.reporter).toBe('nurse@hospital.example.jp');
      expect(report.client).toMatchObject({ host: 'outlook-addin', office: '16.0.17000.10000' });
      expect(report.message.subject).toBe('【至急】請求書のご確認');
      expect(report.message.attachments[0]).toMatchObject({ name: '請求書.zip', encrypted: true });
      expect(report.original).toMatchObject({ included: true, format: 'eml', encoding: 'base64' });
      expect(Buffer.from(report.original.data, 'base64').toString('utf8')).toBe(PHISH_EML);
      expect(report.posture.checks.some((c: { id: string }) => c.id === 'office-build')).toBe(true);

      // Back on the main view, the message is marked as waiting for IT.
      await page.locator('#kokoroe-back').click();
      await expect.poll(() => page.locator('#kokoroe-pending').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('without an endpoint, opens a new message to the policy mailbox with the item attached (Mailbox 1.9)', async () => {
    policy = { ...basePolicy(), reportEndpoint: undefined, reportMailbox: 'security@hospital.example.jp' };
    const { context, page } = await openPane(fakeConfig({ mailbox: '1.9' }));
    try {
      await page.locator('#kokoroe-consult').click();
      const view = page.locator('#kokoroe-consult-view');
      expect(await view.getAttribute('data-channel')).toBe('message-form');
      await page.locator('#kokoroe-include-original').check();
      await page.locator('#kokoroe-send').click();
      await expect.poll(() => view.getAttribute('data-mail-form')).toBe('opened');
      const forms = (await record(page)).messageForms as { toRecipients: string[]; subject: string; htmlBody: string; attachments: unknown[] }[];
      expect(forms).toHaveLength(1);
      expect(forms[0]!.toRecipients).toEqual(['security@hospital.example.jp']);
      expect(forms[0]!.subject).toContain('【至急】請求書のご確認');
      expect(forms[0]!.attachments).toEqual([{ type: 'item', name: '【至急】請求書のご確認', itemId: 'AAMkAD-phish-1' }]);
      // The notification falls back to an informational bar: no insight actions before 1.10.
      const notice = (await record(page)).notices.find((n) => n.op === 'replace');
      expect(notice?.details?.type).toBe('informationalMessage');
    } finally {
      await context.close();
    }
  });

  it('on an old client without a message form, offers a mailto: link to the policy mailbox only', async () => {
    policy = { ...basePolicy(), reportEndpoint: undefined, reportMailbox: 'security@hospital.example.jp' };
    const { context, page } = await openPane(fakeConfig({ mailbox: '1.5' }));
    try {
      // Headers need Mailbox 1.8: the verdict still comes from what the item API gives.
      await page.locator('#kokoroe-verdict').waitFor();
      expect(await page.locator('#kokoroe-verdict').getAttribute('data-kokoroe-verdict')).not.toBe('safe');
      await page.locator('#kokoroe-consult').click();
      expect(await page.locator('#kokoroe-consult-view').getAttribute('data-channel')).toBe('mailto');
      const href = (await page.locator('#kokoroe-mailto').getAttribute('href')) ?? '';
      expect(href.startsWith('mailto:security@hospital.example.jp?subject=')).toBe(true);
      expect(await page.locator('#kokoroe-include-original').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('with the real office.js (npm copy served at the CDN path) outside Outlook, says plainly that Outlook is needed', async () => {
    policy = basePolicy();
    const context = await browser.newContext();
    try {
      const loaded: string[] = [];
      await context.route('**/*', (route) => route.abort());
      // The whole dist folder: office.js loads its siblings (strings, host scripts) from beside itself.
      await context.route(`${CDN}lib/1/hosted/**`, (route) => {
        const path = new URL(route.request().url()).pathname.replace('/lib/1/hosted/', '');
        const file = normalize(join(OFFICE_DIST, path));
        if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
        loaded.push(path);
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
      });
      await context.route(`${origin}/**`, (route) => route.continue());
      const page = await context.newPage();
      await page.goto(`${origin}/taskpane.html`);
      await page.locator('#kokoroe-office-missing').waitFor({ timeout: 20_000 });
      expect(loaded).toContain('office.js');
      expect(await page.locator('#kokoroe-office-missing').textContent()).toContain('Outlook');
      expect(await page.locator('#kokoroe-verdict').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
