/**
 * IP host recognition for hostnames already serialised by the WHATWG URL parser (which turns
 * `0x7f.1` and `2130706433` into `127.0.0.1` and writes IPv6 in brackets). Reads only that
 * canonical form; never tries to interpret other spellings itself.
 */

/** Dotted-quad as the parser serialises it: four decimal parts 0–255. */
export function parseIpv4(hostname: string): [number, number, number, number] | undefined {
  const parts = hostname.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    out.push(value);
  }
  return out as [number, number, number, number];
}

/** The eight 16-bit groups of a bracketed or bare IPv6 address, or undefined. */
export function parseIpv6(hostname: string): number[] | undefined {
  let text = hostname;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (!text.includes(':') || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups: number[] = [];
    const pieces = s.split(':');
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index] ?? '';
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return undefined;
      groups.push(parseInt(piece, 16));
    }
    return groups;
  };
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

export function isIpHostname(hostname: string): boolean {
  return parseIpv4(hostname) !== undefined || parseIpv6(hostname) !== undefined;
}

function isNonPublicIpv4([a, b]: [number, number, number, number]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 || // RFC 1918
    a === 127 || // loopback
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT, RFC 6598
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) || // RFC 1918
    (a === 192 && b === 168) || // RFC 1918
    (a === 192 && b === 0) || // IETF protocol assignments (192.0.0.0/24) and TEST-NET-1 (192.0.2.0/24)
    (a === 198 && (b === 18 || b === 19)) || // benchmarking, RFC 2544
    a >= 224 // multicast, reserved and broadcast
  );
}

/** Loopback, private, link-local, CGNAT, multicast and reserved addresses: never a public site. */
export function isPrivateIpHostname(hostname: string): boolean {
  const v4 = parseIpv4(hostname);
  if (v4) return isNonPublicIpv4(v4);
  const v6 = parseIpv6(hostname);
  if (!v6) return false;
  const g0 = v6[0] ?? 0;
  const g1 = v6[1] ?? 0;
  const g5 = v6[5] ?? 0;
  const g6 = v6[6] ?? 0;
  const g7 = v6[7] ?? 0;
  const allZeroBefore = (count: number) => v6.slice(0, count).every((g) => g === 0);
  if (allZeroBefore(7) && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (allZeroBefore(5) && g5 === 0xffff) {
    // IPv4-mapped: judge the embedded IPv4 address
    return isNonPublicIpv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  }
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  return false;
}
