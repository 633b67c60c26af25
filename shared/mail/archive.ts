/**
 * Looks inside archive attachments without unpacking them: the entry names and whether a
 * password protects them (PPAP — the "zip now, password in the next mail" habit that hides
 * malware from gateways). Our own small readers, because only headers are needed and no
 * general archive library is small, host-free and bounded.
 *
 * Must never: decompress or decrypt anything, read outside the given buffer, or throw. Every
 * loop is bounded by the buffer length and by MAX_ENTRIES; damage is reported in `problems`.
 *
 * ZIP (APPNOTE.TXT 6.3.x): the central directory is read when the end record is found, else the
 * local headers are walked. An entry is encrypted when general-purpose flag bit 0 is set
 * (traditional PKWARE or strong encryption) or it carries the WinZip AES extra field 0x9901.
 * Names: UTF-8 when flag bit 11 is set or the Info-ZIP Unicode Path field (0x7075) is present;
 * otherwise UTF-8 when the bytes are valid UTF-8 (macOS), else CP932 (Japanese Windows).
 *
 * RAR 4 / RAR 5 and 7z are recognised by their signatures; RAR headers are walked for names and
 * encryption flags; for 7z only the signature header and the (usually encoded) end header are
 * looked at: an AES coder id there means the archive is encrypted, and names are not listed.
 */

import type { Decoder } from './header-text';

export type ArchiveKind = 'zip' | 'rar' | '7z';

export interface ArchiveInspection {
  encrypted: boolean;
  innerNames: string[];
  problems: string[];
}

/** Entries listed per archive; more are counted as a problem and ignored. */
export const MAX_ENTRIES = 10_000;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextDecoder('utf-8');
let cp932: Decoder | undefined;

/** Which archive format the bytes start with, by magic bytes only. */
export function sniffArchive(bytes: Uint8Array): ArchiveKind | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) {
    return 'zip';
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  return undefined;
}

/** Inspects any archive sniffArchive recognises; undefined for other content. */
export function inspectArchive(bytes: Uint8Array): (ArchiveInspection & { kind: ArchiveKind }) | undefined {
  const kind = sniffArchive(bytes);
  if (kind === undefined) return undefined;
  try {
    if (kind === 'zip') return { kind, ...inspectZip(bytes) };
    if (kind === 'rar') return { kind, ...inspectRar(bytes) };
    return { kind, ...inspect7z(bytes) };
  } catch {
    return { kind, encrypted: false, innerNames: [], problems: [`${kind} archive could not be read`] };
  }
}

/**
 * True for ZIP files that are documents rather than archives: Office Open XML (a
 * `[Content_Types].xml` at the root) and OpenDocument / EPUB (a first entry named `mimetype`).
 */
export function isZipDocument(innerNames: readonly string[]): boolean {
  return innerNames[0] === 'mimetype' || innerNames.includes('[Content_Types].xml');
}

export function inspectZip(bytes: Uint8Array): ArchiveInspection {
  const result: ArchiveInspection = { encrypted: false, innerNames: [], problems: [] };
  try {
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd !== undefined && readCentralDirectory(bytes, eocd, result)) return result;
    // No usable central directory (truncated or damaged file): fall back to the local headers.
    result.innerNames = [];
    result.encrypted = false;
    result.problems.push(eocd === undefined ? 'ZIP end record missing (truncated archive?)' : 'ZIP central directory damaged');
    readLocalHeaders(bytes, result);
  } catch {
    result.problems.push('ZIP archive could not be read');
  }
  return result;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number | undefined {
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return undefined;
}

function readCentralDirectory(bytes: Uint8Array, eocd: number, result: ArchiveInspection): boolean {
  const total = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  const size = u32(bytes, eocd + 12);
  if (offset === 0xffffffff || total === 0xffff) {
    // ZIP64: the real offset sits in the ZIP64 end record, located just before.
    const zip64 = readZip64Offset(bytes, eocd);
    if (zip64 === undefined) return false;
    offset = zip64;
  } else if (u32(bytes, offset) !== 0x02014b50 && eocd - size >= 0 && u32(bytes, eocd - size) === 0x02014b50) {
    // Data prepended to the archive (self-extracting stubs) shifts every offset: the central
    // directory still ends where the end record starts.
    offset = eocd - size;
  }
  let p = offset;
  let count = 0;
  while (p + 46 <= bytes.length && u32(bytes, p) === 0x02014b50) {
    if (count >= MAX_ENTRIES) {
      result.problems.push(`ZIP has more than ${MAX_ENTRIES} entries; the rest were not listed`);
      return true;
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLength;
    const end = extraStart + extraLength + commentLength;
    if (end > bytes.length) {
      result.problems.push('ZIP central directory runs past the end of the file');
      break;
    }
    const extra = readExtra(bytes, extraStart, extraLength);
    if ((flags & 0x0001) !== 0 || extra.aes || method === 99) result.encrypted = true;
    result.innerNames.push(extra.unicodePath ?? decodeZipName(bytes.subarray(nameStart, extraStart), (flags & 0x0800) !== 0));
    count++;
    p = end;
  }
  return count > 0 || total === 0;
}

function readZip64Offset(bytes: Uint8Array, eocd: number): number | undefined {
  const locator = eocd - 20;
  if (locator < 0 || u32(bytes, locator) !== 0x07064b50) return undefined;
  const record = Number(u64(bytes, locator + 8));
  if (!Number.isSafeInteger(record) || record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) return undefined;
  const offset = Number(u64(bytes, record + 48));
  return Number.isSafeInteger(offset) && offset < bytes.length ? offset : undefined;
}

function readLocalHeaders(bytes: Uint8Array, result: ArchiveInspection): void {
  let p = 0;
  while (p + 30 <= bytes.length) {
    if (u32(bytes, p) !== 0x04034b50) {
      // Entries written with a data descriptor do not say their size up front: look for the
      // next local header signature (a forward scan, so still linear).
      p = nextLocalHeader(bytes, p + 1);
      if (p < 0) return;
      continue;
    }
    if (result.innerNames.length >= MAX_ENTRIES) {
      result.problems.push(`ZIP has more than ${MAX_ENTRIES} entries; the rest were not listed`);
      return;
    }
    const flags = u16(bytes, p + 6);
    const method = u16(bytes, p + 8);
    const compressedSize = u32(bytes, p + 18);
    const nameLength = u16(bytes, p + 26);
    const extraLength = u16(bytes, p + 28);
    const nameStart = p + 30;
    const extraStart = nameStart + nameLength;
    if (extraStart + extraLength > bytes.length) {
      result.problems.push('ZIP local header runs past the end of the file');
      return;
    }
    const extra = readExtra(bytes, extraStart, extraLength);
    if ((flags & 0x0001) !== 0 || extra.aes || method === 99) result.encrypted = true;
    result.innerNames.push(extra.unicodePath ?? decodeZipName(bytes.subarray(nameStart, extraStart), (flags & 0x0800) !== 0));
    const dataStart = extraStart + extraLength;
    p = (flags & 0x0008) !== 0 || compressedSize === 0xffffffff ? nextLocalHeader(bytes, dataStart) : dataStart + compressedSize;
    if (p < 0) return;
  }
}

function nextLocalHeader(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) return i;
  }
  return -1;
}

function readExtra(bytes: Uint8Array, start: number, length: number): { aes: boolean; unicodePath?: string } {
  const out: { aes: boolean; unicodePath?: string } = { aes: false };
  let p = start;
  const end = Math.min(start + length, bytes.length);
  while (p + 4 <= end) {
    const id = u16(bytes, p);
    const size = u16(bytes, p + 2);
    const data = p + 4;
    if (data + size > end) break;
    if (id === 0x9901) out.aes = true;
    // Info-ZIP Unicode Path: version 1, CRC-32 of the header name, then the UTF-8 name.
    if (id === 0x7075 && size > 5 && bytes[data] === 1) out.unicodePath = utf8.decode(bytes.subarray(data + 5, data + size));
    p = data + size;
  }
  return out;
}

function decodeZipName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8.decode(raw);
  return decodeLegacyName(raw);
}

/** Names without a declared encoding: ASCII and valid UTF-8 as such, else CP932. */
function decodeLegacyName(raw: Uint8Array): string {
  let ascii = true;
  for (const b of raw) {
    if (b >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return utf8.decode(raw);
  try {
    return utf8Fatal.decode(raw);
  } catch {
    cp932 ??= new TextDecoder('shift_jis');
    return cp932.decode(raw);
  }
}

// ---------------------------------------------------------------- RAR

function inspectRar(bytes: Uint8Array): ArchiveInspection {
  const result: ArchiveInspection = { encrypted: false, innerNames: [], problems: [] };
  if (bytes.length >= 8 && bytes[6] === 0x01 && bytes[7] === 0x00) readRar5(bytes, result);
  else readRar4(bytes, result);
  return result;
}

/** RAR 1.5–4.x: fixed 7-byte block headers (technote.txt). */
function readRar4(bytes: Uint8Array, result: ArchiveInspection): void {
  let p = 7;
  while (p + 7 <= bytes.length) {
    const type = bytes[p + 2] ?? 0;
    const flags = u16(bytes, p + 3);
    const headSize = u16(bytes, p + 5);
    if (headSize < 7) {
      result.problems.push('RAR block header damaged');
      return;
    }
    let addSize = (flags & 0x8000) !== 0 && p + 11 <= bytes.length ? u32(bytes, p + 7) : 0;
    if (type === 0x73 && (flags & 0x0080) !== 0) {
      // Archive header with "block headers are encrypted": nothing more can be read.
      result.encrypted = true;
      return;
    }
    if (type === 0x74) {
      if (result.innerNames.length >= MAX_ENTRIES) {
        result.problems.push(`RAR has more than ${MAX_ENTRIES} entries; the rest were not listed`);
        return;
      }
      addSize = u32(bytes, p + 7);
      if ((flags & 0x0004) !== 0) result.encrypted = true;
      const nameSize = u16(bytes, p + 26);
      const nameStart = p + 32 + ((flags & 0x0100) !== 0 ? 8 : 0);
      if (nameStart + nameSize <= bytes.length) {
        let raw = bytes.subarray(nameStart, nameStart + nameSize);
        // With the Unicode flag the name is "legacy\0packed-unicode"; the legacy part is enough
        // when there is one, and the bytes are UTF-8 in recent writers.
        const nul = raw.indexOf(0);
        if (nul > 0) raw = raw.subarray(0, nul);
        result.innerNames.push(decodeLegacyName(raw));
      }
    }
    if (type === 0x7b) return; // end of archive
    const next = p + headSize + addSize;
    if (next <= p) return;
    p = next;
  }
}

/** RAR 5.0: variable-length integers, typed headers (rarlab "RAR 5.0 archive format"). */
function readRar5(bytes: Uint8Array, result: ArchiveInspection): void {
  let p = 8;
  while (p + 6 <= bytes.length) {
    const sizeField = vint(bytes, p + 4);
    if (!sizeField) return;
    const bodyStart = sizeField.next;
    const headerEnd = bodyStart + sizeField.value;
    if (sizeField.value === 0 || headerEnd > bytes.length) {
      result.problems.push('RAR header runs past the end of the file');
      return;
    }
    const type = vint(bytes, bodyStart);
    const flags = type && vint(bytes, type.next);
    if (!type || !flags) return;
    let q = flags.next;
    let extraSize = 0;
    let dataSize = 0;
    if ((flags.value & 0x01) !== 0) {
      const v = vint(bytes, q);
      if (!v) return;
      extraSize = v.value;
      q = v.next;
    }
    if ((flags.value & 0x02) !== 0) {
      const v = vint(bytes, q);
      if (!v) return;
      dataSize = v.value;
      q = v.next;
    }
    if (type.value === 4) {
      // Archive encryption header: every following header is encrypted.
      result.encrypted = true;
      return;
    }
    if (type.value === 2) {
      if (result.innerNames.length >= MAX_ENTRIES) {
        result.problems.push(`RAR has more than ${MAX_ENTRIES} entries; the rest were not listed`);
        return;
      }
      readRar5File(bytes, q, headerEnd, extraSize, result);
    }
    if (type.value === 5) return; // end of archive
    const next = headerEnd + dataSize;
    if (next <= p) return;
    p = next;
  }
}

function readRar5File(bytes: Uint8Array, start: number, headerEnd: number, extraSize: number, result: ArchiveInspection): void {
  const fileFlags = vint(bytes, start);
  const unpacked = fileFlags && vint(bytes, fileFlags.next);
  const attributes = unpacked && vint(bytes, unpacked.next);
  if (!fileFlags || !attributes) return;
  let q = attributes.next;
  if ((fileFlags.value & 0x02) !== 0) q += 4;
  if ((fileFlags.value & 0x04) !== 0) q += 4;
  const compression = vint(bytes, q);
  const hostOs = compression && vint(bytes, compression.next);
  const nameLength = hostOs && vint(bytes, hostOs.next);
  if (!nameLength || nameLength.next + nameLength.value > headerEnd) return;
  result.innerNames.push(utf8.decode(bytes.subarray(nameLength.next, nameLength.next + nameLength.value)));
  // Extra area records: size, type, data. Type 1 is "file encryption".
  let e = headerEnd - extraSize;
  while (e < headerEnd) {
    const size = vint(bytes, e);
    const kind = size && vint(bytes, size.next);
    if (!size || !kind || size.value === 0) return;
    if (kind.value === 1) result.encrypted = true;
    e = size.next + size.value;
  }
}

function vint(bytes: Uint8Array, at: number): { value: number; next: number } | undefined {
  let value = 0;
  let shift = 1;
  for (let i = 0; i < 8 && at + i < bytes.length; i++) {
    const b = bytes[at + i] ?? 0;
    value += (b & 0x7f) * shift;
    shift *= 128;
    if ((b & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------- 7z

/** 7zAES coder id 06 F1 07 01, as it appears in a 7z header's coder list. */
const SEVEN_ZIP_AES = [0x06, 0xf1, 0x07, 0x01];

function inspect7z(bytes: Uint8Array): ArchiveInspection {
  const result: ArchiveInspection = { encrypted: false, innerNames: [], problems: [] };
  if (bytes.length < 32) {
    result.problems.push('7z archive truncated');
    return result;
  }
  const nextOffset = Number(u64(bytes, 12));
  const nextSize = Number(u64(bytes, 20));
  const start = 32 + nextOffset;
  const end = start + nextSize;
  if (!Number.isSafeInteger(end) || end > bytes.length || nextSize === 0) {
    result.problems.push('7z end header missing (truncated archive?)');
    return result;
  }
  // The end header is small (a few hundred bytes) unless it lists many files: bound the search.
  const limit = Math.min(end, start + 65_536);
  for (let i = start; i + 4 <= limit; i++) {
    if (bytes[i] === SEVEN_ZIP_AES[0] && bytes[i + 1] === SEVEN_ZIP_AES[1] && bytes[i + 2] === SEVEN_ZIP_AES[2] && bytes[i + 3] === SEVEN_ZIP_AES[3]) {
      result.encrypted = true;
      break;
    }
  }
  return result;
}

// ---------------------------------------------------------------- bytes

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000;
}

function u64(bytes: Uint8Array, at: number): bigint {
  return BigInt(u32(bytes, at)) + (BigInt(u32(bytes, at + 4)) << 32n);
}
