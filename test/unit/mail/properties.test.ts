import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectArchive, inspectZip } from '../../../shared/mail/archive';
import { inspectAttachmentBytes } from '../../../shared/mail/attachment-bytes';
import { readAuthentication } from '../../../shared/mail/auth-results';
import { decodeHeaderText } from '../../../shared/mail/header-text';
import { extractHtml } from '../../../shared/mail/html-content';
import { parseEml } from '../../../shared/mail/parse-eml';
import { extractTextLinks } from '../../../shared/mail/text-links';

const headerName = fc.constantFrom('From', 'To', 'Cc', 'Reply-To', 'Subject', 'Date', 'Content-Type', 'Content-Transfer-Encoding', 'Content-Disposition', 'X-Any', 'Received', 'Authentication-Results');
const headerValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    'multipart/mixed; boundary="b"',
    'multipart/alternative; boundary=b',
    'message/rfc822',
    'base64',
    'quoted-printable',
    'text/html; charset=iso-2022-jp',
    'attachment; filename*=UTF-8\'\'%E3%81%82.zip',
    '=?UTF-8?B?44GC?= <a@b>',
    '=??B?@@@?=',
    '"unclosed <x@y',
  ),
);
const headerBlock = fc.array(fc.tuple(headerName, headerValue), { maxLength: 12 }).map((pairs) => pairs.map(([n, v]) => `${n}: ${v}`).join('\r\n'));
const bodyLine = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('--b', '--b--', '', 'PCFkb2N0eXBlPg==', '=E3=81', '<a href="x">y</a>'));
const message = fc.tuple(headerBlock, fc.array(bodyLine, { maxLength: 20 })).map(([h, lines]) => `${h}\r\n\r\n${lines.join('\r\n')}`);

describe('properties', () => {
  it('parseEml resolves on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const snapshot = await parseEml(bytes);
        expect(snapshot.host).toBe('eml');
      }),
      { numRuns: 200 },
    );
  });

  it('parseEml resolves on arbitrary header-like messages', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const snapshot = await parseEml(text);
        expect(snapshot.host).toBe('eml');
        expect(snapshot.anchors).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('extractHtml never throws and respects its caps', () => {
    const html = fc.array(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('<a href="https://x.example/">', '</a>', '<base href="https://b.example/">', '<img alt="i">', '<script>', '</script>', '<!--', '-->', '<p>', '<area href=a>', '&amp;', '&#xffffff;', '<form action=f>')),
      { maxLength: 60 },
    ).map((parts) => parts.join(''));
    fc.assert(
      fc.property(html, fc.integer({ min: 1, max: 5 }), (input, maxAnchors) => {
        const result = extractHtml(input, { maxAnchors, maxChars: 400 });
        expect(result.anchors.length).toBeLessThanOrEqual(maxAnchors);
        expect(result.text.length).toBeLessThanOrEqual(400);
      }),
      { numRuns: 500 },
    );
  });

  it('the other readers never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (text, bytes) => {
        extractTextLinks(text);
        decodeHeaderText(text);
        readAuthentication([{ name: 'Authentication-Results', value: text }, { name: 'Received-SPF', value: text }], ['example.jp']);
        inspectZip(bytes);
        const zipLike = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]);
        expect(inspectArchive(zipLike)?.kind).toBe('zip');
        inspectArchive(new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, ...bytes]));
        inspectArchive(new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, ...bytes]));
        inspectArchive(new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, ...bytes]));
        inspectAttachmentBytes(new Uint8Array([0x78, 0x9f, 0x3e, 0x22, ...bytes]));
        inspectAttachmentBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...bytes]));
        inspectAttachmentBytes(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('large adversarial inputs stay bounded by the caps', async () => {
    // No timing assertion: the caps bound the work, and these finish only if the work is linear.
    const anchors = '<a href="https://x.example/">x'.repeat(50_000);
    expect(extractHtml(anchors).anchors).toHaveLength(2_000);
    const nested = '<div>'.repeat(100_000);
    expect(extractHtml(nested).truncated).toBe(false);
    const addresses = `From: ${'a@example.jp, '.repeat(20_000)}\r\nSubject: x\r\n\r\n${'mailto:a@b.jp '.repeat(20_000)}`;
    const snapshot = await parseEml(addresses);
    expect(snapshot.subject).toBe('x');
    expect(extractTextLinks(snapshot.text ?? '')).toEqual([]);
    const words = `Subject: ${'=?UTF-8?B?44GC?= '.repeat(20_000)}\r\n\r\nbody`;
    expect((await parseEml(words)).subject).toBe('あ'.repeat(20_000));
  });
});
