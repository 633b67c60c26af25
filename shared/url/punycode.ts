/**
 * Punycode (RFC 3492) decoding of IDN labels, so look-alike checks and texts can see the Unicode
 * a browser may display for an `xn--` label. Decoding only: hostnames are always produced by the
 * WHATWG URL parser, never built here. Never throws: a malformed label decodes to `undefined`.
 */

// Parameters fixed by RFC 3492 §5 for IDNA.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;
/** DNS labels are at most 63 octets; anything much longer is not a label we need to read. */
const MAX_LABEL_LENGTH = 256;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26; // 0-9 → 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  return BASE;
}

/** Decodes the part of a label after `xn--`. */
export function decodePunycode(input: string): string | undefined {
  if (input.length > MAX_LABEL_LENGTH) return undefined;
  const output: number[] = [];
  const delimiter = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let pos = delimiter > 0 ? delimiter + 1 : 0;
  while (pos < input.length) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE) return undefined;
      if (digit > Math.floor((MAX_INT - i) / w)) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return undefined;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    if (Math.floor(i / length) > MAX_INT - n) return undefined;
    n += Math.floor(i / length);
    i %= length;
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) || n < 0x80) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Hostname with every decodable `xn--` label shown in Unicode; other labels unchanged. */
export function toUnicodeHostname(hostname: string): string {
  if (!hostname.includes('xn--') && !hostname.includes('XN--')) return hostname;
  return hostname
    .split('.')
    .map((label) => {
      if (label.length > 4 && label.slice(0, 4).toLowerCase() === 'xn--') {
        return decodePunycode(label.slice(4)) ?? label;
      }
      return label;
    })
    .join('.');
}
