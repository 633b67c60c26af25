// @vitest-environment happy-dom
/**
 * The add-in's item reader and the .eml reader must see the same message the same way: the same
 * message, once as an Outlook item (office-addin-mock) and once as the .eml Outlook would export,
 * gives the same addresses, subject, threading, attachments and — through the shared scanner —
 * the same findings.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEml } from '../../shared/mail';
import { parsePolicy } from '../../shared/policy/parse-policy';
import { scanMessage } from '../../shared/scan/scan-message';
import { readMailboxItem } from '../../outlook-addin/mailbox/mailbox-snapshot';
import { PHISH_HEADERS, PHISH_HTML, PPAP_ZIP, officeMockData } from '../fixtures/outlook/items';
import { toBase64 } from '../fixtures/outlook/make-zip';

/** PHISH_HEADERS plus a MIME body: HTML and the zip, as Outlook's getAsFileAsync would give. */
function asEml(): string {
  const boundary = 'kokoroe-test-boundary';
  const base64 = toBase64(PPAP_ZIP).replace(/.{76}/g, '$&\r\n');
  return [
    PHISH_HEADERS.trimEnd(),
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    PHISH_HTML,
    `--${boundary}`,
    'Content-Type: application/x-zip-compressed; name="=?UTF-8?B?6KuL5rGC5pu4LnppcA==?="',
    'Content-Disposition: attachment; filename="=?UTF-8?B?6KuL5rGC5pu4LnppcA==?="',
    'Content-Transfer-Encoding: base64',
    '',
    base64,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('Outlook item reader vs .eml reader', () => {
  it('read the same fields and produce the same findings', async () => {
    const attachments = [{ id: 'att-1', name: '請求書.zip', contentType: 'application/x-zip-compressed', size: PPAP_ZIP.length, isInline: false, attachmentType: 'file' }];
    (globalThis as { Office?: unknown }).Office = new OfficeMockObject(officeMockData({ mailbox: '1.14', attachments }));
    const fromItem = await readMailboxItem();
    const fromEml = await parseEml(asEml());

    expect(fromItem.host).toBe('outlook-addin');
    expect(fromEml.host).toBe('eml');
    for (const field of ['from', 'replyTo', 'subject', 'date', 'messageId', 'inReplyTo', 'references'] as const) {
      expect(fromItem[field], field).toBeDefined();
      expect(fromItem[field], field).toEqual(fromEml[field]);
    }
    // Same header lines, apart from the MIME structure headers the item API does not carry.
    const withoutMime = (h: { name: string }[]) => h.filter((x) => !/^content-/i.test(x.name));
    expect(withoutMime(fromItem.headers ?? [])).toEqual(withoutMime(fromEml.headers ?? []));
    expect(fromItem.attachments?.map(({ name, encrypted, innerNames, sha256 }) => ({ name, encrypted, innerNames, sha256 }))).toEqual(
      fromEml.attachments?.map(({ name, encrypted, innerNames, sha256 }) => ({ name, encrypted, innerNames, sha256 })),
    );

    const policy = parsePolicy({ orgDomains: ['hospital.example.jp'] }).policy;
    const a = scanMessage(fromItem, policy);
    // Judged as the same host: some rules rightly apply to a parsed .eml only (e.g. whether a
    // text/plain part existed), and that is a property of the host, not of how it was read.
    const b = scanMessage({ ...fromEml, host: 'outlook-addin' }, policy);
    const key = (f: { rule: string; target: { kind: string; value: string } }) => `${f.rule}|${f.target.kind}|${f.target.value}`;
    expect(a.level).toBe(b.level);
    expect(a.findings.map(key).sort()).toEqual(b.findings.map(key).sort());
    expect(a.level).not.toBe('safe');
  });
});
