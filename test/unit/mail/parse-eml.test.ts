import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEml } from '../../../shared/mail/parse-eml';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/eml/${name}`, import.meta.url))));
const parse = (name: string) => parseEml(fixture(name));

describe('parseEml: charsets and transfer encodings', () => {
  const table: { file: string; subject: string; body: string; fromName?: string }[] = [
    { file: 'iso-2022-jp.eml', subject: '【重要】パスワードの確認', body: 'パスワードの有効期限が切れます。', fromName: '総務課' },
    { file: 'shift-jis.eml', subject: '①ご請求のお知らせ', body: '㈱サンプル商事です。' },
    { file: 'euc-jp.eml', subject: '配送のお知らせ', body: 'ヤマト運輸です。' },
    { file: 'utf-8-base64.eml', subject: 'アカウント確認', body: 'アカウントを確認してください。', fromName: 'Example サポート' },
    { file: 'quoted-printable.eml', subject: 'Newsletter', body: 'soft-line-breaks?token=abc' },
    { file: 'broken-encoded-words.eml', subject: '重要なお知らせ [テスト]', body: 'body', fromName: '経理部' },
    { file: 'raw-8bit-header.eml', subject: '請求書の送付について', body: '本文です。', fromName: '山田太郎' },
    { file: 'raw-iso-2022-jp-header.eml', subject: '至急ご確認ください', body: 'ご確認ください。' },
    { file: 'no-charset-iso-2022-jp.eml', subject: 'お知らせ', body: '口座が凍結されました。至急ご確認ください。' },
    { file: 'mislabeled-shift-jis.eml', subject: 'Account', body: 'お客様のアカウントは一時停止されています。<a href="https://example.net/">こちら</a>' },
  ];
  for (const row of table) {
    it(row.file, async () => {
      const snapshot = await parse(row.file);
      expect(snapshot.host).toBe('eml');
      expect(snapshot.subject).toBe(row.subject);
      expect(`${snapshot.text ?? ''}${snapshot.html ?? ''}`).toContain(row.body);
      if (row.fromName) expect(snapshot.from?.name).toBe(row.fromName);
      expect(snapshot.anchors).toBeUndefined();
      expect(`${snapshot.subject}${snapshot.text ?? ''}${snapshot.html ?? ''}`).not.toContain('\ufffd');
    });
  }

  it('notes header text that was never encoded', async () => {
    expect((await parse('raw-8bit-header.eml')).problems).toEqual(['Header text not RFC 2047 encoded; read as shift_jis']);
    expect((await parse('raw-iso-2022-jp-header.eml')).problems).toEqual(['Header text not RFC 2047 encoded; read as iso-2022-jp']);
    expect((await parse('iso-2022-jp.eml')).problems).toBeUndefined();
  });

  it('names the charset of text parts that declare none or the wrong one', async () => {
    for (const file of ['no-charset-iso-2022-jp.eml', 'mislabeled-shift-jis.eml']) {
      const s = await parse(file);
      expect(s.problems).toEqual(['1 text part(s) with a missing or wrong charset; charset guessed']);
      // The header lines stay as written.
      expect(s.headers?.find((h) => h.name === 'Content-Type')?.value).not.toMatch(/shift_jis|iso-2022-jp/);
    }
    const latin = new Uint8Array([...new TextEncoder().encode('From: a@example.jp\r\nContent-Type: text/plain\r\n\r\nCaf'), 0xe9, 0x20, 0x6f, 0x75, 0x20, 0x74, 0x68, 0xe9]);
    expect((await parseEml(latin)).text?.trim()).toBe('Café ou thé');
    // One stray byte in UTF-8 text does not make the part Shift_JIS.
    const stray = new Uint8Array([...new TextEncoder().encode('From: a@example.jp\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nお知らせです'), 0xff]);
    const strayText = (await parseEml(stray)).text ?? '';
    expect(strayText).toContain('お知らせです');
  });

  it('fills the envelope fields', async () => {
    const s = await parse('iso-2022-jp.eml');
    expect(s.from).toEqual({ address: 'soumu@example.jp', name: '総務課' });
    expect(s.to).toEqual([{ address: 'staff@hospital.example.jp' }]);
    expect(s.date).toBe('2026-11-26T00:15:00.000Z');
    expect(s.messageId).toBe('<iso2022@example.jp>');
    expect(s.headers?.map((h) => h.name)).toEqual(['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']);
    expect(s.headers?.[2]?.value).toMatch(/^=\?ISO-2022-JP\?B\?/);
  });

  it('keeps header lines unfolded, in order, names as written', async () => {
    const s = await parseEml(
      'Received: from a\r\n by b;\r\n\tThu, 26 Nov 2026 09:00:00 +0900\r\nX-weird-Case: 1\r\nReply-To: "Desk" <desk@example.jp>, other@example.jp\r\nCC: c@example.jp\r\nSender: agent@example.net\r\nFrom: a@example.jp\r\nIn-Reply-To: <p@x>\r\nReferences: <a@x>\r\n <b@x>\r\nDate: not a date\r\n\r\nbody',
    );
    expect(s.headers).toEqual([
      { name: 'Received', value: 'from a by b;\tThu, 26 Nov 2026 09:00:00 +0900' },
      { name: 'X-weird-Case', value: '1' },
      { name: 'Reply-To', value: '"Desk" <desk@example.jp>, other@example.jp' },
      { name: 'CC', value: 'c@example.jp' },
      { name: 'Sender', value: 'agent@example.net' },
      { name: 'From', value: 'a@example.jp' },
      { name: 'In-Reply-To', value: '<p@x>' },
      { name: 'References', value: '<a@x> <b@x>' },
      { name: 'Date', value: 'not a date' },
    ]);
    expect(s.replyTo).toEqual([{ address: 'desk@example.jp', name: 'Desk' }, { address: 'other@example.jp' }]);
    expect(s.cc).toEqual([{ address: 'c@example.jp' }]);
    expect(s.sender).toEqual({ address: 'agent@example.net' });
    expect(s.inReplyTo).toBe('<p@x>');
    expect(s.references).toEqual(['<a@x>', '<b@x>']);
    expect(s.date).toBe('not a date');
    expect(s.text?.trim()).toBe('body');
  });

  it('returns only the bodies the message has (none synthesized from the other)', async () => {
    const htmlOnly = await parse('utf-8-base64.eml');
    expect(htmlOnly.html).toContain('<a href=');
    expect(htmlOnly.text).toBeUndefined();
    const textOnly = await parse('iso-2022-jp.eml');
    expect(textOnly.text).toContain('https://example.jp/login');
    expect(textOnly.html).toBeUndefined();
    const noContentType = await parseEml('From: a@example.jp\r\n\r\nhello https://x.example/');
    expect(noContentType.text).toContain('https://x.example/');
    expect(noContentType.html).toBeUndefined();
  });

  it('repairs broken encoded words in display names and file names', async () => {
    // "三井住友カード" and "請求書.exe" split inside a character, the first word padded.
    const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
    const name = new TextEncoder().encode('三井住友カード');
    const file = new TextEncoder().encode('請求書.exe');
    const nameWords = `=?UTF-8?B?${b64(name.subarray(0, 7))}?= =?UTF-8?B?${b64(name.subarray(7))}?=`;
    const fileWords = `=?UTF-8?B?${b64(file.subarray(0, 4))}?=\r\n =?UTF-8?B?${b64(file.subarray(4))}?=`;
    const eml = `From: ${nameWords} <info@example.net>\r\nTo: "${nameWords}, 会員" <a@example.jp>\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;\r\n filename="${fileWords}"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVo=\r\n--b--\r\n`;
    const s = await parseEml(eml);
    expect(s.from).toEqual({ address: 'info@example.net', name: '三井住友カード' });
    expect(s.to).toEqual([{ address: 'a@example.jp', name: '三井住友カード, 会員' }]);
    expect(s.attachments?.[0]?.name).toBe('請求書.exe');
  });

  it('leaves out Sender when it is the From address', async () => {
    const s = await parseEml('From: A <a@example.jp>\r\nSender: a@EXAMPLE.jp\r\n\r\nx');
    expect(s.sender).toBeUndefined();
  });
});

describe('parseEml: structure and attachments', () => {
  it('reads nested multipart/alternative inside multipart/mixed', async () => {
    const s = await parse('nested-multipart.eml');
    expect(s.text).toContain('https://example.jp/plain');
    expect(s.html).toContain('https://example.jp/html');
    expect(s.attachments).toHaveLength(1);
    expect(s.attachments?.[0]).toMatchObject({ name: '見積書.pdf', contentType: 'application/pdf', size: 18 });
    expect(s.attachments?.[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes attachment content with SHA-256', async () => {
    const s = await parse('raw-8bit-filename.eml');
    // "MZ" — the two bytes of the attachment.
    expect(s.attachments?.[0]?.sha256).toBe('9b8db510ef42b8ed54a3712636fda55a4f8cfcd5493e20b74ab00cd4f3979f2d');
    expect(s.attachments?.[0]?.name).toBe('請求書.exe');
  });

  it('sees an encrypted zip', async () => {
    const s = await parse('encrypted-zip.eml');
    expect(s.attachments?.[0]).toMatchObject({ name: 'invoice.zip', contentType: 'application/zip', encrypted: true, innerNames: ['invoice.pdf'] });
  });

  it('treats ZIP-based documents as documents, not archives', async () => {
    const { buildZip } = await import('./zip-builder');
    const docx = buildZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }, { name: 'word/vbaProject.bin' }]);
    const b64 = btoa(String.fromCharCode(...docx));
    const s = await parseEml(`From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=a.docx\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n--b--\r\n`);
    expect(s.attachments?.[0]).toMatchObject({ name: 'a.docx', encrypted: false });
    expect(s.attachments?.[0]?.innerNames).toBeUndefined();
  });

  it('lists what an Outlook winmail.dat carries', async () => {
    const s = await parse('tnef-winmail.eml');
    expect(s.attachments?.[0]).toMatchObject({ name: 'winmail.dat', contentType: 'application/ms-tnef', innerNames: ['scan-2026-11-26.pdf.lnk', '見積書.xlsm'] });
  });

  it('decodes CP932 entry names of a Japanese zip', async () => {
    const s = await parse('cp932-zip-name.eml');
    expect(s.attachments?.[0]).toMatchObject({ name: '書類.zip', encrypted: false, innerNames: ['請求書.xlsm', '資料/説明.txt'] });
  });

  it('lists an attached message by its subject, with what it carries', async () => {
    const s = await parse('attached-message-zip.eml');
    expect(s.text).toContain('Forwarding this as an attachment.');
    expect(s.text).not.toContain('Inner body');
    expect(s.attachments).toHaveLength(1);
    expect(s.attachments?.[0]).toMatchObject({
      name: '転送: 請求書',
      contentType: 'message/rfc822',
      encrypted: true,
      innerNames: ['doc.zip', 'doc.zip/payload.exe'],
    });
  });

  it('opens attached messages only to the configured depth', async () => {
    let message = 'From: a@example.jp\r\nSubject: level 0\r\n\r\nbottom';
    for (let i = 1; i <= 5; i++) {
      message = `From: a@example.jp\r\nSubject: level ${i}\r\nContent-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\nContent-Type: message/rfc822\r\n\r\n${message}\r\n--b${i}--\r\n`;
    }
    const s = await parseEml(message, { maxAttachedMessageDepth: 2 });
    expect(s.attachments?.[0]?.name).toBe('level 4');
    // level 4 and level 3 are opened; the message inside level 3 is listed but not opened.
    expect(s.attachments?.[0]?.innerNames).toEqual(['level 3', 'level 3/message.eml']);
    expect(s.problems?.join('\n')).toMatch(/nested deeper than 2 levels/);
  });
});

describe('parseEml: malformed input yields problems, never exceptions', () => {
  it('boundary never closed', async () => {
    const s = await parse('no-closing-boundary.eml');
    expect(s.text).toContain('https://example.jp/cut');
    expect(s.attachments?.[0]?.name).toBe('data.bin');
    expect(s.problems).toEqual(['1 multipart boundary(ies) never closed (message may be truncated)']);
  });

  it('truncated base64', async () => {
    const s = await parse('truncated-base64.eml');
    expect(s.html).toContain('https://example.jp/t');
    expect(s.problems).toEqual(['1 base64 part(s) truncated or damaged']);
  });

  it('binary garbage', async () => {
    const s = await parse('garbage.eml');
    expect(s.problems).toContain('No header block found; this does not look like a mail message');
    expect(s.missing).toEqual(['body', 'links', 'attachments']);
  });

  it('NUL bytes', async () => {
    const s = await parse('nul-bytes.eml');
    expect(s.subject).toBe('NUL inside');
    expect(s.problems).toEqual(['Message contains 3 NUL byte(s)']);
  });

  it('empty input', async () => {
    const s = await parseEml(new Uint8Array(0));
    expect(s.host).toBe('eml');
    expect(s.missing).toEqual(['body', 'links', 'attachments']);
  });

  it('input that is not bytes or a string', async () => {
    const s = await parseEml(42 as unknown as string);
    expect(s.host).toBe('eml');
    expect(s.problems?.length).toBeGreaterThan(0);
  });

  it('caps the bytes read', async () => {
    const body = 'x'.repeat(5000);
    const s = await parseEml(`From: a@example.jp\r\nSubject: big\r\n\r\n${body}`, { maxBytes: 1000 });
    expect(s.subject).toBe('big');
    expect(s.text?.length).toBeLessThan(1000);
    expect(s.problems?.[0]).toBe('Message is larger than 1000 bytes; the rest was not read');
    expect(s.missing).toEqual(['links', 'attachments']);
  });

  it('caps the header lines kept', async () => {
    const headers = Array.from({ length: 50 }, (_, i) => `X-H${i}: ${i}`).join('\r\n');
    const s = await parseEml(`${headers}\r\nSubject: many\r\n\r\nbody`, { maxHeaders: 10 });
    expect(s.headers).toHaveLength(10);
    expect(s.problems).toContain('More than 10 header lines; the rest were ignored');
  });

  it('huge headers: headers read, MIME structure reported as not read', async () => {
    const s = await parseEml(`Subject: huge\r\nX-Big: ${'a'.repeat(3000)}\r\n\r\nbody`, { maxHeaderBytes: 1000 });
    expect(s.subject).toBe('huge');
    expect(s.problems?.join('\n')).toMatch(/MIME structure not read/);
    expect(s.missing).toEqual(['body', 'links', 'attachments']);
  });

  it('deep multipart nesting', async () => {
    let message = 'text';
    for (let i = 0; i < 60; i++) message = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${message}\r\n--n${i}--\r\n`;
    const s = await parseEml(`From: a@example.jp\r\nSubject: deep\r\n${message}`, { maxNestingDepth: 20 });
    expect(s.subject).toBe('deep');
    expect(s.problems?.join('\n')).toMatch(/MIME structure not read: Maximum MIME nesting depth/);
  });

  it('skips a byte order mark and leading blank lines', async () => {
    const s = await parseEml(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, ...new TextEncoder().encode('Subject: bom\r\nFrom: a@example.jp\r\n\r\nbody')]));
    expect(s.subject).toBe('bom');
    expect(s.problems).toBeUndefined();
  });

  it('reports duplicate From and Subject fields and uses the first', async () => {
    const s = await parseEml('From: "Bank" <info@bank.example>\r\nFrom: x@evil.example\r\nSubject: one\r\nSubject: two\r\n\r\nbody');
    expect(s.from?.address).toBe('info@bank.example');
    expect(s.subject).toBe('one');
    expect(s.problems).toEqual(['2 from header fields; the first one is used', '2 subject header fields; the first one is used']);
  });

  it('caps address lists', async () => {
    const s = await parseEml(`To: ${Array.from({ length: 1_200 }, (_, i) => `u${i}@example.jp`).join(', ')}\r\nSubject: many\r\n\r\nbody`);
    expect(s.to).toHaveLength(1_000);
    expect(s.problems).toEqual(['More than 1000 to addresses; the rest were not listed']);
  });

  it('accepts an mbox "From " line before the headers', async () => {
    const s = await parseEml('From someone@example.jp Thu Nov 26 09:00:00 2026\r\nFrom: a@example.jp\r\nSubject: mbox\r\n\r\nbody');
    expect(s.subject).toBe('mbox');
    expect(s.from?.address).toBe('a@example.jp');
    expect(s.problems).toBeUndefined();
  });
});
