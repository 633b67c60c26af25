/**
 * Names of the files inside a TNEF blob (`winmail.dat`, application/ms-tnef): Outlook wraps a
 * rich-text message and ALL its attachments into one such part when it writes to a recipient
 * it takes for another Outlook, so without this the attachments of such a message are invisible
 * to the scanner. Only names are read ([MS-OXTNEF] 2.1.3): the attAttachTitle attribute, and
 * PR_ATTACH_LONG_FILENAME from the attAttachment MAPI properties when present (it wins, as the
 * title may be an 8.3 name).
 *
 * Must never: read past the buffer, or throw; loops are bounded by the buffer and MAX_ENTRIES.
 */
import { MAX_ENTRIES } from './archive';
import { decodeUnknown } from './header-text';

const TNEF_SIGNATURE = 0x223e9f78;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACHMENT = 0x00069005;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;

const utf16 = new TextDecoder('utf-16le');

export function isTnef(bytes: Uint8Array): boolean {
  return bytes.length >= 6 && u32(bytes, 0) === TNEF_SIGNATURE;
}

/** undefined when the bytes are not TNEF. */
export function inspectTnef(bytes: Uint8Array): { innerNames: string[]; problems: string[] } | undefined {
  if (!isTnef(bytes)) return undefined;
  const problems: string[] = [];
  // One entry per attachment (attAttachRendData starts each), its best name so far.
  const names: (string | undefined)[] = [];
  let p = 6; // signature (4) and legacy key (2)
  while (p + 9 <= bytes.length) {
    const level = bytes[p];
    const id = u32(bytes, p + 1);
    const length = u32(bytes, p + 5);
    const data = p + 9;
    if (data + length + 2 > bytes.length) {
      problems.push('TNEF attribute runs past the end of the data (truncated?)');
      break;
    }
    if (level === 2) {
      if (id === ATT_ATTACH_REND_DATA) {
        if (names.length >= MAX_ENTRIES) {
          problems.push(`TNEF has more than ${MAX_ENTRIES} attachments; the rest were not listed`);
          break;
        }
        names.push(undefined);
      } else if (id === ATT_ATTACH_TITLE && names.length > 0 && names[names.length - 1] === undefined) {
        names[names.length - 1] = cString(bytes.subarray(data, data + length));
      } else if (id === ATT_ATTACHMENT && names.length > 0) {
        const long = longFileName(bytes.subarray(data, data + length));
        if (long) names[names.length - 1] = long;
      }
    }
    p = data + length + 2; // data and its checksum
  }
  return { innerNames: names.filter((n): n is string => n !== undefined && n !== ''), problems };
}

/** A NUL-terminated string in the sender's code page (CP932 on Japanese Windows). */
function cString(raw: Uint8Array): string {
  const nul = raw.indexOf(0);
  return decodeUnknown(nul >= 0 ? raw.subarray(0, nul) : raw).text;
}

/**
 * Reads PR_ATTACH_LONG_FILENAME from a MAPI property list; stops at the first property it
 * cannot size (named or multi-valued properties of rare types), which only loses the long name.
 */
function longFileName(props: Uint8Array): string | undefined {
  const count = u32(props, 0);
  let p = 4;
  for (let i = 0; i < count && i < 1_000 && p + 4 <= props.length; i++) {
    const type = u16(props, p);
    const id = u16(props, p + 2);
    p += 4;
    if (id >= 0x8000) return undefined; // named property: GUID and name follow; not needed here
    const fixed = FIXED_SIZES[type & 0x0fff];
    if ((type & 0x1000) !== 0) return undefined; // multi-valued
    if (fixed !== undefined) {
      p += fixed;
      continue;
    }
    if (type !== PT_STRING8 && type !== PT_UNICODE && type !== 0x0102 && type !== 0x000d) return undefined;
    const values = u32(props, p);
    p += 4;
    for (let v = 0; v < values && p + 4 <= props.length; v++) {
      const size = u32(props, p);
      const start = p + 4;
      if (start + size > props.length) return undefined;
      if (id === PR_ATTACH_LONG_FILENAME && (type === PT_STRING8 || type === PT_UNICODE)) {
        const raw = props.subarray(start, start + size);
        const text = type === PT_UNICODE ? utf16.decode(raw) : decodeUnknown(raw).text;
        return text.replace(/\u0000+$/, '');
      }
      p = start + size + ((4 - (size % 4)) % 4);
    }
  }
  return undefined;
}

/** Value sizes of fixed-length MAPI property types, padded to 4 bytes as TNEF writes them. */
const FIXED_SIZES: Record<number, number> = {
  0x0002: 4, // PT_SHORT (padded)
  0x0003: 4, // PT_LONG
  0x0004: 4, // PT_FLOAT
  0x0005: 8, // PT_DOUBLE
  0x0006: 8, // PT_CURRENCY
  0x0007: 8, // PT_APPTIME
  0x000a: 4, // PT_ERROR
  0x000b: 4, // PT_BOOLEAN (padded)
  0x0014: 8, // PT_I8
  0x0040: 8, // PT_SYSTIME
  0x0048: 16, // PT_CLSID
};

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000;
}
