/**
 * File names inside an ISO 9660 disk image (.iso, and .img files that are ISO inside): images
 * are mailed to carry shortcuts and programs past gateways that do not open them, and Windows
 * mounts them with a double click. Joliet names (UTF-16BE) are preferred over the 8.3 ones.
 * UDF-only and FAT images are recognised by nothing here.
 *
 * Must never: read past the buffer or throw; directories are walked to MAX_DEPTH levels and at
 * most MAX_ENTRIES names, each directory extent once, MAX_DIRECTORY_BYTES in all.
 */
import { MAX_ENTRIES } from './archive';

const SECTOR = 2048;
const MAX_DEPTH = 8;
/** Directory bytes read in all; crafted extents may overlap, so the walk has its own budget. */
const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;
const utf16be = new TextDecoder('utf-16be');
const ascii = new TextDecoder('windows-1252');

/** True when the bytes hold an ISO 9660 primary volume descriptor at sector 16. */
export function isIso9660(bytes: Uint8Array): boolean {
  return volumeDescriptorType(bytes, 16) === 1;
}

/** undefined when the bytes are not ISO 9660. */
export function inspectIso9660(bytes: Uint8Array): { innerNames: string[]; problems: string[] } | undefined {
  if (!isIso9660(bytes)) return undefined;
  const problems: string[] = [];
  // Volume descriptors from sector 16 until the terminator (type 255); a Joliet supplementary
  // descriptor (type 2, escape %/@ %/C or %/E) has the long Unicode names.
  let root = rootRecord(bytes, 16 * SECTOR);
  let joliet = false;
  for (let sector = 17; sector < 16 + 32; sector++) {
    const type = volumeDescriptorType(bytes, sector);
    if (type === undefined || type === 255) break;
    const at = sector * SECTOR;
    if (type === 2 && bytes[at + 88] === 0x25 && bytes[at + 89] === 0x2f && [0x40, 0x43, 0x45].includes(bytes[at + 90] ?? 0)) {
      const jolietRoot = rootRecord(bytes, at);
      if (jolietRoot) {
        root = jolietRoot;
        joliet = true;
      }
      break;
    }
  }
  const innerNames: string[] = [];
  if (!root) {
    problems.push('ISO image root directory missing (truncated?)');
    return { innerNames, problems };
  }
  const seen = new Set<number>();
  let budget = MAX_DIRECTORY_BYTES;
  const walk = (extent: number, size: number, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH || seen.has(extent)) return;
    seen.add(extent);
    const start = extent * SECTOR;
    const end = Math.min(start + size, bytes.length);
    budget -= Math.max(0, end - start);
    if (budget < 0) {
      if (budget + (end - start) >= 0) problems.push('ISO directories too large; listing stopped');
      return;
    }
    if (start >= bytes.length) {
      problems.push('ISO directory lies past the end of the image (truncated?)');
      return;
    }
    let p = start;
    while (p < end) {
      const length = bytes[p] ?? 0;
      if (length === 0) {
        // Records do not cross sectors: the rest of this sector is padding.
        p = (Math.floor(p / SECTOR) + 1) * SECTOR;
        continue;
      }
      if (length < 34 || p + length > end) break;
      const nameLength = bytes[p + 32] ?? 0;
      const flags = bytes[p + 25] ?? 0;
      const child = u32(bytes, p + 2);
      const childSize = u32(bytes, p + 10);
      const raw = bytes.subarray(p + 33, Math.min(p + 33 + nameLength, p + length));
      p += length;
      // "\0" and "\1" are the directory itself and its parent.
      if (nameLength === 1 && (raw[0] === 0 || raw[0] === 1)) continue;
      if (innerNames.length >= MAX_ENTRIES) {
        problems.push(`ISO image has more than ${MAX_ENTRIES} entries; the rest were not listed`);
        return;
      }
      const name = `${prefix}${(joliet ? utf16be.decode(raw) : ascii.decode(raw)).replace(/;\d+$/, '').replace(/\.$/, '')}`;
      if ((flags & 0x02) !== 0) {
        innerNames.push(`${name}/`);
        walk(child, childSize, `${name}/`, depth + 1);
      } else {
        innerNames.push(name);
      }
    }
  };
  walk(root.extent, root.size, '', 0);
  return { innerNames, problems };
}

function volumeDescriptorType(bytes: Uint8Array, sector: number): number | undefined {
  const at = sector * SECTOR;
  if (at + 7 > bytes.length) return undefined;
  // "CD001" after the type byte.
  if (bytes[at + 1] !== 0x43 || bytes[at + 2] !== 0x44 || bytes[at + 3] !== 0x30 || bytes[at + 4] !== 0x30 || bytes[at + 5] !== 0x31) return undefined;
  return bytes[at];
}

/** The root directory record of a volume descriptor (at offset 156, 34 bytes). */
function rootRecord(bytes: Uint8Array, descriptor: number): { extent: number; size: number } | undefined {
  const at = descriptor + 156;
  if (at + 34 > bytes.length || bytes[at] !== 34) return undefined;
  return { extent: u32(bytes, at + 2), size: u32(bytes, at + 10) };
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16)) + (bytes[at + 3] ?? 0) * 0x1000000;
}
