import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectAttachmentBytes } from '../../../shared/mail/attachment-bytes';
import { inspectIso9660, isIso9660 } from '../../../shared/mail/disk-image';

const SECTOR = 2048;

function utf16be(text: string): number[] {
  const out: number[] = [];
  for (const c of text) out.push(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff);
  return out;
}

/** A directory record: length, extent and size (both byte orders), flags, name. */
function record(name: number[], extent: number, size: number, directory: boolean): number[] {
  const le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const be = (n: number): number[] => le(n).reverse();
  const body = [0, ...le(extent), ...be(extent), ...le(size), ...be(size), 126, 11, 26, 9, 0, 0, 36, directory ? 2 : 0, 0, 0, 1, 0, 0, 1, name.length, ...name];
  const length = body.length + 1 + ((body.length + 1) % 2);
  return [length, ...body, ...new Array(length - body.length - 1).fill(0)];
}

function directory(self: number, parent: number, entries: number[][]): number[] {
  return [...record([0], self, SECTOR, true), ...record([1], parent, SECTOR, true), ...entries.flat()];
}

/** A tiny ISO 9660 image with 8.3 names and, optionally, a Joliet tree. */
function iso(joliet: boolean): Uint8Array {
  const image = new Uint8Array(24 * SECTOR);
  const put = (sector: number, bytes: number[], offset = 0): void => image.set(bytes, sector * SECTOR + offset);
  put(16, [1, ...[...'CD001'].map((c) => c.charCodeAt(0)), 1]);
  put(16, record([0], 20, SECTOR, true), 156);
  if (joliet) {
    put(17, [2, ...[...'CD001'].map((c) => c.charCodeAt(0)), 1]);
    put(17, [0x25, 0x2f, 0x45], 88);
    put(17, record([0], 22, SECTOR, true), 156);
  }
  put(joliet ? 18 : 17, [255, ...[...'CD001'].map((c) => c.charCodeAt(0)), 1]);
  const a = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
  put(20, directory(20, 20, [record(a('INVOICE.LNK;1'), 19, 10, false), record(a('DOCS'), 21, SECTOR, true)]));
  put(21, directory(21, 20, [record(a('A.EXE;1'), 19, 10, false)]));
  put(22, directory(22, 22, [record(utf16be('請求書.pdf.lnk'), 19, 10, false), record(utf16be('資料'), 23, SECTOR, true)]));
  put(23, directory(23, 22, [record(utf16be('説明.exe'), 19, 10, false)]));
  return image;
}

describe('inspectIso9660', () => {
  it('lists 8.3 names, walking directories', () => {
    expect(inspectIso9660(iso(false))).toEqual({ innerNames: ['INVOICE.LNK', 'DOCS/', 'DOCS/A.EXE'], problems: [] });
  });

  it('prefers Joliet names', () => {
    expect(inspectIso9660(iso(true))).toEqual({ innerNames: ['請求書.pdf.lnk', '資料/', '資料/説明.exe'], problems: [] });
  });

  it('is used for attachments', () => {
    expect(inspectAttachmentBytes(iso(true)).innerNames).toEqual(['請求書.pdf.lnk', '資料/', '資料/説明.exe']);
  });

  it('truncated images report problems without throwing', () => {
    const full = iso(true);
    expect(isIso9660(full.subarray(0, 16 * SECTOR))).toBe(false);
    for (const cut of [16 * SECTOR + 10, 17 * SECTOR, 21 * SECTOR, 22 * SECTOR + 100, 23 * SECTOR]) {
      expect(() => inspectIso9660(full.subarray(0, cut))).not.toThrow();
    }
    expect(inspectIso9660(full.subarray(0, 21 * SECTOR))?.problems.length).toBeGreaterThan(0);
  });

  it('never throws on damaged images', () => {
    const base = iso(true);
    const spot = fc.tuple(fc.integer({ min: 16 * SECTOR, max: 24 * SECTOR - 1 }), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(spot, { maxLength: 40 }), (mutations) => {
        const image = new Uint8Array(base);
        for (const [at, value] of mutations) image[at] = value;
        const result = inspectIso9660(image);
        expect(result?.innerNames.length ?? 0).toBeLessThanOrEqual(10_000);
      }),
      { numRuns: 300 },
    );
  });

  it('a directory that contains itself is walked once', () => {
    const image = iso(false);
    // Point DOCS back at the root directory.
    const loop = new Uint8Array(image);
    const docs = 20 * SECTOR + 34 + 34 + (loop[20 * SECTOR + 68] ?? 0);
    loop.set([20, 0, 0, 0], docs + 2);
    const result = inspectIso9660(loop);
    expect(result?.innerNames).toEqual(['INVOICE.LNK', 'DOCS/']);
  });
});
