import { describe, expect, it } from 'vitest';
import { inspectAttachmentBytes } from '../../../shared/mail/attachment-bytes';
import { inspectTnef, isTnef } from '../../../shared/mail/tnef';
import { buildZip } from './zip-builder';

const u16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
/** "請求書.js" in CP932. */
const CP932_NAME = [0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, ...ascii('.js')];

function attribute(level: number, id: number, data: number[]): number[] {
  const checksum = data.reduce((sum, b) => (sum + b) & 0xffff, 0);
  return [level, ...u32(id), ...u32(data.length), ...data, ...u16(checksum)];
}

/** MAPI properties: a PT_LONG, then PR_ATTACH_LONG_FILENAME as PT_STRING8. */
function props(longName: string): number[] {
  const name = [...ascii(longName), 0];
  const padded = [...name, ...new Array((4 - (name.length % 4)) % 4).fill(0)];
  return [...u32(2), ...u16(0x0003), ...u16(0x0e20), ...u32(1234), ...u16(0x001e), ...u16(0x3707), ...u32(1), ...u32(name.length), ...padded];
}

function tnef(): Uint8Array {
  return new Uint8Array([
    ...u32(0x223e9f78),
    ...u16(0x0001),
    ...attribute(1, 0x00089006, u32(0x00010000)),
    ...attribute(2, 0x00069002, new Array(14).fill(0)),
    ...attribute(2, 0x00018010, [...ascii('INVOIC~1.EXE'), 0]),
    ...attribute(2, 0x00069005, props('invoice-2026-11.pdf.exe')),
    ...attribute(2, 0x00069002, new Array(14).fill(0)),
    ...attribute(2, 0x00018010, [...CP932_NAME, 0]),
  ]);
}

describe('inspectTnef', () => {
  it('lists attachment names, preferring the long file name', () => {
    expect(isTnef(tnef())).toBe(true);
    expect(inspectTnef(tnef())).toEqual({ innerNames: ['invoice-2026-11.pdf.exe', '請求書.js'], problems: [] });
  });

  it('reports truncation and never reads past the end', () => {
    const full = tnef();
    for (let cut = 0; cut < full.length; cut += 7) expect(() => inspectTnef(full.subarray(0, cut))).not.toThrow();
    expect(inspectTnef(full.subarray(0, full.length - 5))?.problems).toEqual(['TNEF attribute runs past the end of the data (truncated?)']);
  });

  it('is not TNEF', () => {
    expect(inspectTnef(new Uint8Array([1, 2, 3, 4, 5, 6, 7]))).toBeUndefined();
  });
});

describe('inspectAttachmentBytes', () => {
  it('archives list their entries', () => {
    expect(inspectAttachmentBytes(buildZip([{ name: 'a.exe', flags: 1 }]))).toEqual({ encrypted: true, innerNames: ['a.exe'], problems: [] });
  });

  it('ZIP-based documents are not archives', () => {
    expect(inspectAttachmentBytes(buildZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]))).toEqual({ encrypted: false, problems: [] });
    expect(inspectAttachmentBytes(buildZip([{ name: 'mimetype' }, { name: 'content.xml' }]))).toEqual({ encrypted: false, problems: [] });
  });

  it('TNEF lists the packed attachments', () => {
    expect(inspectAttachmentBytes(tnef()).innerNames).toEqual(['invoice-2026-11.pdf.exe', '請求書.js']);
  });

  it('anything else', () => {
    expect(inspectAttachmentBytes(new TextEncoder().encode('just text'))).toEqual({ problems: [] });
    expect(inspectAttachmentBytes(new Uint8Array(0))).toEqual({ problems: [] });
  });
});
