/**
 * Builds small, real ZIP files in memory for the archive tests: stored entries, a central
 * directory and an end record, with the flags and extra fields a test asks for. Entry data is
 * never compressed or really encrypted — the reader only looks at headers.
 */
export interface ZipEntry {
  /** Raw name bytes (so tests can write CP932 names), or a string written as UTF-8. */
  name: Uint8Array | string;
  data?: Uint8Array;
  flags?: number;
  method?: number;
  extra?: Uint8Array;
}

export function buildZip(entries: ZipEntry[], options: { centralDirectory?: boolean; prefix?: Uint8Array } = {}): Uint8Array {
  const parts: number[] = [];
  append(parts, options.prefix ?? []);
  const central: number[] = [];
  const base = parts.length;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? new TextEncoder().encode(entry.name) : entry.name;
    const data = entry.data ?? new Uint8Array(0);
    const extra = entry.extra ?? new Uint8Array(0);
    const flags = entry.flags ?? 0;
    const method = entry.method ?? 0;
    const offset = parts.length - base;
    parts.push(...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0x21), ...u32(0));
    parts.push(...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(extra.length));
    append(parts, name);
    append(parts, extra);
    append(parts, data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0x21), ...u32(0));
    central.push(...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0));
    central.push(...u32(0), ...u32(offset));
    append(central, name);
    append(central, extra);
  }
  if (options.centralDirectory !== false) {
    const cdOffset = parts.length - base;
    append(parts, central);
    parts.push(...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length));
    parts.push(...u32(central.length), ...u32(cdOffset), ...u16(0));
  }
  return new Uint8Array(parts);
}

/** WinZip AES extra field (0x9901): vendor version 2, "AE", strength 3, actual method 8. */
export function aesExtra(): Uint8Array {
  return new Uint8Array([...u16(0x9901), ...u16(7), ...u16(2), 0x41, 0x45, 3, ...u16(8)]);
}

/** Info-ZIP Unicode Path extra field (0x7075) carrying a UTF-8 name. */
export function unicodePathExtra(name: string): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  return new Uint8Array([...u16(0x7075), ...u16(5 + utf8.length), 1, ...u32(0), ...utf8]);
}

/** Element by element: spreading a large array into push() overflows the call stack. */
function append(target: number[], source: ArrayLike<number>): void {
  for (let i = 0; i < source.length; i++) target.push(source[i]!);
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}
