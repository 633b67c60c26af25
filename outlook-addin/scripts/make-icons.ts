/**
 * Draws the add-in's ribbon and store icons (a shield with a check mark, the same figure as the
 * extension's icons) as PNG files in outlook-addin/public/assets. Run once with
 * `npx tsx outlook-addin/scripts/make-icons.ts`; the PNGs are committed, so builds never need it.
 *
 * Why our own encoder: a PNG of a flat figure is a few lines with node:zlib, and an image library
 * would be a dependency for a one-off drawing.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Sizes Outlook asks for: ribbon 16/32/80, IconUrl 64, HighResolutionIconUrl 128, mobile 25/32/48 at scales 1–3. */
const SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144] as const;
const SHIELD: readonly [number, number, number] = [0x1f, 0x5a, 0x8c];
const CHECK: readonly [number, number, number] = [0xff, 0xff, 0xff];
/** Samples per pixel edge: edges are anti-aliased by averaging SAMPLES² points. */
const SAMPLES = 4;

/** Inside the shield: a square top that narrows to a point, in unit coordinates (0..1). */
function inShield(x: number, y: number): boolean {
  const left = 0.12;
  const right = 0.88;
  const top = 0.08;
  const shoulder = 0.6;
  const tip = 0.94;
  if (y < top || y > tip || x < left || x > right) return false;
  if (y <= shoulder) return true;
  const t = (y - shoulder) / (tip - shoulder);
  const half = (right - left) / 2;
  return Math.abs(x - 0.5) <= half * (1 - t);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The check mark: two thick strokes. */
function inCheck(x: number, y: number): boolean {
  const width = 0.075;
  return distanceToSegment(x, y, 0.3, 0.46, 0.45, 0.62) <= width || distanceToSegment(x, y, 0.45, 0.62, 0.72, 0.3) <= width;
}

function drawIcon(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let shield = 0;
      let check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (inShield(x, y)) {
            if (inCheck(x, y)) check++;
            else shield++;
          }
        }
      }
      const total = SAMPLES * SAMPLES;
      const covered = shield + check;
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(((SHIELD[c] ?? 0) * shield + (CHECK[c] ?? 0) * check) / covered);
      }
      rgba[o + 3] = Math.round((255 * covered) / total);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** PNG, 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

const outDir = fileURLToPath(new URL('../public/assets/', import.meta.url));
for (const size of SIZES) {
  writeFileSync(`${outDir}icon-${size}.png`, encodePng(size, drawIcon(size)));
}
