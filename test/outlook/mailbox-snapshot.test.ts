// @vitest-environment happy-dom
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { readMailboxItem } from '../../outlook-addin/mailbox/mailbox-snapshot';
import { inspectAttachmentBytes } from '../../shared/mail';
import { PHISH_HTML, officeMockData } from '../fixtures/outlook/items';
import { makeZip, toBase64 } from '../fixtures/outlook/make-zip';

function installOffice(data: Record<string, unknown>): void {
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject(data);
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('readMailboxItem on a current client (Mailbox 1.14)', () => {
  it('reads addresses, subject and ids from the item', async () => {
    installOffice(officeMockData({ mailbox: '1.14' }));
    const snapshot = await readMailboxItem();
    expect(snapshot.host).toBe('outlook-addin');
    expect(snapshot.from).toEqual({ address: 'soumu@example.com', name: '総務課' });
    expect(snapshot.sender).toBeUndefined();
    expect(snapshot.to).toEqual([{ address: 'nurse@hospital.example.jp', name: '看護師' }]);
    expect(snapshot.cc).toBeUndefined();
    expect(snapshot.subject).toBe('【至急】請求書のご確認');
    expect(snapshot.messageId).toBe('<abc123@billing.example.test>');
    expect(snapshot.missing).toBeUndefined();
  });

  it('parses the internet headers: unfolded, in order, raw values, plus Reply-To and threading', async () => {
    installOffice(officeMockData({ mailbox: '1.14' }));
    const snapshot = await readMailboxItem();
    const headers = snapshot.headers ?? [];
    expect(headers.map((h) => h.name)).toEqual([
      'Received', 'Authentication-Results', 'From', 'Reply-To', 'To', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References', 'MIME-Version',
    ]);
    expect(headers[0]?.value).toBe('from mx.example.test (mx.example.test [192.0.2.10])\tby mail.hospital.example.jp; Thu, 26 Nov 2026 09:00:00 +0900');
    expect(headers[1]?.value).toBe('mail.hospital.example.jp; spf=fail smtp.mailfrom=billing.example.test; dkim=none; dmarc=fail header.from=example.com');
    expect(headers.find((h) => h.name === 'Subject')?.value).toBe('=?UTF-8?B?44CQ6Iez5oCl44CR6KuL5rGC5pu444Gu44GU56K66KqN?=');
    expect(snapshot.replyTo).toEqual([{ address: 'collect@billing.example.test', name: '総務課' }]);
    expect(snapshot.inReplyTo).toBe('<prev@hospital.example.jp>');
    expect(snapshot.references).toEqual(['<first@hospital.example.jp>', '<prev@hospital.example.jp>']);
    expect(snapshot.date).toBe('2026-11-25T23:59:00.000Z');
  });

  it('reads the HTML body', async () => {
    installOffice(officeMockData({ mailbox: '1.14' }));
    const snapshot = await readMailboxItem();
    expect(snapshot.html).toBe(PHISH_HTML);
  });

  it('lists every attachment and looks inside the zip (encrypted, entry names, hash)', async () => {
    installOffice(officeMockData({ mailbox: '1.14' }));
    const snapshot = await readMailboxItem();
    const [zip, logo, attachedMail] = snapshot.attachments ?? [];
    expect(zip).toMatchObject({ name: '請求書.zip', contentType: 'application/x-zip-compressed', encrypted: true, innerNames: ['請求書.xlsm', 'readme.txt'] });
    expect(zip?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(logo).toEqual({ name: 'logo.png', contentType: 'image/png', size: 1200 });
    expect(attachedMail).toEqual({ name: '前回のご連絡', contentType: 'message/rfc822', size: 5000 });
    expect(snapshot.problems).toBeUndefined();
  });

  it('describes the bytes as the .eml reader does: a document saved as .zip lists no entries', async () => {
    const docx = makeZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]);
    installOffice(officeMockData({ mailbox: '1.14', contents: { 'att-1': { format: 'base64', content: toBase64(docx) } } }));
    const snapshot = await readMailboxItem();
    const [zip] = snapshot.attachments ?? [];
    const shared = inspectAttachmentBytes(docx);
    expect(shared.innerNames).toBeUndefined();
    expect(zip?.innerNames).toBeUndefined();
    expect(zip?.encrypted).toBe(shared.encrypted);
  });

  it('notes an archive whose contents the host would not give', async () => {
    installOffice(officeMockData({ mailbox: '1.14', contents: {} }));
    const snapshot = await readMailboxItem();
    expect(snapshot.attachments?.[0]?.encrypted).toBeUndefined();
    expect(snapshot.problems?.some((p) => p.includes('請求書.zip') && p.includes('not read'))).toBe(true);
  });
});

describe('readMailboxItem on older clients', () => {
  it('Mailbox 1.5: no headers, no archive contents, says so; body and list still read', async () => {
    installOffice(officeMockData({ mailbox: '1.5' }));
    const snapshot = await readMailboxItem();
    expect(snapshot.headers).toBeUndefined();
    expect(snapshot.replyTo).toBeUndefined();
    expect(snapshot.html).toBe(PHISH_HTML);
    expect(snapshot.date).toBe('2026-11-26T00:00:05.000Z');
    expect(snapshot.attachments?.[0]).toEqual({ name: '請求書.zip', contentType: 'application/x-zip-compressed', size: expect.any(Number) });
    expect(snapshot.problems).toEqual(expect.arrayContaining([expect.stringContaining('Mailbox 1.8')]));
    expect(snapshot.missing).toBeUndefined();
  });

  it('marks the body and links missing when the body cannot be read', async () => {
    installOffice(officeMockData({ mailbox: '1.14', bodyFails: true }));
    const snapshot = await readMailboxItem();
    expect(snapshot.html).toBeUndefined();
    expect(snapshot.missing).toEqual(['body', 'links']);
  });

  it('marks attachments missing when the host gives no list', async () => {
    const data = officeMockData({ mailbox: '1.1' });
    const item = ((data.context as Record<string, unknown>).mailbox as Record<string, Record<string, unknown>>).item!;
    delete item.attachments;
    installOffice(data);
    const snapshot = await readMailboxItem();
    expect(snapshot.missing).toContain('attachments');
  });

  it('answers with everything missing when no item is selected', async () => {
    installOffice({ host: 'outlook', context: { mailbox: { userProfile: { emailAddress: 'nurse@hospital.example.jp' } }, requirements: { isSetSupported: () => true } } });
    const snapshot = await readMailboxItem();
    expect(snapshot).toEqual({ host: 'outlook-addin', missing: ['body', 'links', 'attachments'], problems: ['No message is selected'] });
  });
});
