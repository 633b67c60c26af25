import { describe, expect, it } from 'vitest';
import { inspectArchive, inspectZip, isZipDocument, MAX_ENTRIES, sniffArchive } from '../../../shared/mail/archive';
import { aesExtra, buildZip, unicodePathExtra } from './zip-builder';

/** "請求書.xlsm" as Japanese Windows writes it (CP932), and "資料/" likewise. */
const CP932_INVOICE = new Uint8Array([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x2e, 0x78, 0x6c, 0x73, 0x6d]);
const CP932_FOLDER = new Uint8Array([0x8e, 0x91, 0x97, 0xbf, 0x2f]);

describe('inspectZip', () => {
  const table: { name: string; zip: Uint8Array; encrypted: boolean; names: string[] }[] = [
    { name: 'plain entries', zip: buildZip([{ name: 'a.txt' }, { name: 'b/c.pdf' }]), encrypted: false, names: ['a.txt', 'b/c.pdf'] },
    { name: 'flag bit 0 (traditional encryption)', zip: buildZip([{ name: 'a.txt' }, { name: 'invoice.pdf', flags: 0x0001 }]), encrypted: true, names: ['a.txt', 'invoice.pdf'] },
    { name: 'WinZip AES extra field', zip: buildZip([{ name: 'x.docm', method: 99, extra: aesExtra() }]), encrypted: true, names: ['x.docm'] },
    { name: 'UTF-8 flag (bit 11)', zip: buildZip([{ name: '見積書.pdf', flags: 0x0800 }]), encrypted: false, names: ['見積書.pdf'] },
    { name: 'CP932 names without flag', zip: buildZip([{ name: CP932_INVOICE }, { name: CP932_FOLDER }]), encrypted: false, names: ['請求書.xlsm', '資料/'] },
    { name: 'UTF-8 without flag (macOS)', zip: buildZip([{ name: 'スキャン.pdf' }]), encrypted: false, names: ['スキャン.pdf'] },
    { name: 'Unicode Path extra field wins', zip: buildZip([{ name: CP932_INVOICE, extra: unicodePathExtra('請求書(改).xlsm') }]), encrypted: false, names: ['請求書(改).xlsm'] },
    { name: 'self-extracting stub before the archive', zip: buildZip([{ name: 'setup.exe' }], { prefix: new Uint8Array(64).fill(0x4d) }), encrypted: false, names: ['setup.exe'] },
    { name: 'empty archive', zip: buildZip([]), encrypted: false, names: [] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const result = inspectZip(row.zip);
      expect(result.encrypted).toBe(row.encrypted);
      expect(result.innerNames).toEqual(row.names);
      expect(result.problems).toEqual([]);
    });
  }

  it('falls back to local headers when the central directory is missing', () => {
    const result = inspectZip(buildZip([{ name: 'a.exe', data: new Uint8Array([1, 2, 3]) }, { name: 'b.js', flags: 1 }], { centralDirectory: false }));
    expect(result.innerNames).toEqual(['a.exe', 'b.js']);
    expect(result.encrypted).toBe(true);
    expect(result.problems.join()).toMatch(/end record missing/);
  });

  it('reads a truncated archive without reading past the buffer', () => {
    const full = buildZip([{ name: 'first.txt', data: new Uint8Array(10) }, { name: 'second-with-a-long-name.txt', data: new Uint8Array(10) }]);
    for (const cut of [0, 3, 10, 35, 60, full.length - 30, full.length - 1]) {
      const result = inspectZip(full.subarray(0, cut));
      expect(Array.isArray(result.innerNames)).toBe(true);
      for (const name of result.innerNames) expect(['first.txt', 'second-with-a-long-name.txt']).toContain(name);
    }
    expect(inspectZip(full.subarray(0, 50)).innerNames).toEqual(['first.txt']);
  });

  it(`stops listing after ${MAX_ENTRIES} entries`, () => {
    const entries = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => ({ name: `f${i}` }));
    const result = inspectZip(buildZip(entries));
    expect(result.innerNames).toHaveLength(MAX_ENTRIES);
    expect(result.problems.join()).toMatch(/more than 10000 entries/);
  });

  it('never throws on damaged bytes', () => {
    const zip = buildZip([{ name: 'a.txt' }, { name: 'b.txt' }]);
    for (let i = 0; i < zip.length; i++) {
      const copy = zip.slice();
      copy[i] = 0xff;
      expect(() => inspectZip(copy)).not.toThrow();
    }
  });
});

describe('isZipDocument', () => {
  it('tells documents from archives', () => {
    expect(isZipDocument(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])).toBe(true);
    expect(isZipDocument(['mimetype', 'content.xml'])).toBe(true);
    expect(isZipDocument(['invoice.pdf', 'mimetype'])).toBe(false);
    expect(isZipDocument(['invoice.exe'])).toBe(false);
    expect(isZipDocument([])).toBe(false);
  });
});

describe('sniffArchive and inspectArchive', () => {
  const rar4 = (encryptedFile: boolean, encryptedHeaders: boolean): Uint8Array => {
    const name = [...new TextEncoder().encode('doc.exe')];
    const archiveHeader = [0, 0, 0x73, encryptedHeaders ? 0x80 : 0, 0, 13, 0, 0, 0, 0, 0, 0, 0];
    const fileFlags = 0x8000 | (encryptedFile ? 0x0004 : 0);
    const headSize = 32 + name.length;
    const fileHeader = [
      ...[0, 0, 0x74, fileFlags & 0xff, fileFlags >> 8, headSize, 0], // CRC, type, flags, size
      ...[2, 0, 0, 0, 2, 0, 0, 0, 2], // packed size, unpacked size, host OS
      ...[0, 0, 0, 0, 0, 0, 0, 0, 29, 0x33], // CRC, time, version, method
      ...[name.length, 0, 0x20, 0, 0, 0, ...name], // name size, attributes, name
      ...[0xaa, 0xbb], // packed data
    ];
    const end = [0, 0, 0x7b, 0, 0x40, 7, 0];
    return new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, ...archiveHeader, ...fileHeader, ...end]);
  };
  const rar5 = (mode: 'plain' | 'file-encrypted' | 'headers-encrypted'): Uint8Array => {
    const sig = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
    const main = [0, 0, 0, 0, 3, 1, 0, 0];
    if (mode === 'headers-encrypted') return new Uint8Array([...sig, 0, 0, 0, 0, 3, 4, 0, 0, ...main]);
    const name = [...new TextEncoder().encode('請求書.js')];
    const extra = mode === 'file-encrypted' ? [2, 1, 0] : [];
    const body = [2, 0x01 | 0x02, extra.length, 1, 0, 1, 0, 0, 0, name.length, ...name, ...extra];
    return new Uint8Array([...sig, ...main, 0, 0, 0, 0, body.length, ...body, 0xee, 0, 0, 0, 0, 3, 5, 0, 0]);
  };
  const sevenZip = (encrypted: boolean): Uint8Array => {
    const header = encrypted ? [0x17, 0x06, 0x00, 0x24, 0x06, 0xf1, 0x07, 0x01] : [0x01, 0x04, 0x06, 0x00, 0x01, 0x09, 0x00, 0x00];
    const start = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, header.length, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    return new Uint8Array([...start, 1, 2, 3, 4, ...header]);
  };

  it('recognises formats by magic bytes only', () => {
    expect(sniffArchive(buildZip([{ name: 'a' }]))).toBe('zip');
    expect(sniffArchive(rar4(false, false))).toBe('rar');
    expect(sniffArchive(rar5('plain'))).toBe('rar');
    expect(sniffArchive(sevenZip(false))).toBe('7z');
    expect(sniffArchive(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
    expect(sniffArchive(new Uint8Array(0))).toBeUndefined();
    expect(inspectArchive(new TextEncoder().encode('MZ'))).toBeUndefined();
  });

  const table: { name: string; bytes: Uint8Array; encrypted: boolean; names: string[] }[] = [
    { name: 'RAR 4 plain', bytes: rar4(false, false), encrypted: false, names: ['doc.exe'] },
    { name: 'RAR 4 encrypted file', bytes: rar4(true, false), encrypted: true, names: ['doc.exe'] },
    { name: 'RAR 4 encrypted headers', bytes: rar4(false, true), encrypted: true, names: [] },
    { name: 'RAR 5 plain', bytes: rar5('plain'), encrypted: false, names: ['請求書.js'] },
    { name: 'RAR 5 file encryption record', bytes: rar5('file-encrypted'), encrypted: true, names: ['請求書.js'] },
    { name: 'RAR 5 archive encryption header', bytes: rar5('headers-encrypted'), encrypted: true, names: [] },
    { name: '7z plain', bytes: sevenZip(false), encrypted: false, names: [] },
    { name: '7z with AES coder', bytes: sevenZip(true), encrypted: true, names: [] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const result = inspectArchive(row.bytes);
      expect(result?.encrypted).toBe(row.encrypted);
      expect(result?.innerNames).toEqual(row.names);
    });
  }

  it('reports a truncated 7z without throwing', () => {
    const result = inspectArchive(sevenZip(true).subarray(0, 34));
    expect(result?.encrypted).toBe(false);
    expect(result?.problems.join()).toMatch(/7z/);
  });
});
