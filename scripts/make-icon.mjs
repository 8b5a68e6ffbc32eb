#!/usr/bin/env node
// Draws images/icon.png (the marketplace icon): "424" in white strokes on a rounded blue square with an amber
// lens bar. No image library: strokes are distance fields, 4x4 supersampled, written as a PNG with node's zlib.
// Usage: node scripts/make-icon.mjs [SIZE] [OUT]   (default 128 images/icon.png)
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = Number(process.argv[2] ?? 128);
const OUT = resolve(root, process.argv[3] ?? 'images/icon.png');
const SS = 4; // supersampling per axis

// Glyphs as polylines in a box 0.62 wide, 1 high (y down).
function arc(cx, cy, r, from, to, steps = 24) {
  const pts = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return pts;
}
const GLYPHS = {
  4: [
    [
      [0.46, 0.0],
      [0.0, 0.66],
      [0.62, 0.66],
    ],
    [
      [0.46, 0.0],
      [0.46, 1.0],
    ],
  ],
  2: [[...arc(0.31, 0.29, 0.29, Math.PI * 1.05, Math.PI * 2.2), [0.02, 1.0], [0.62, 1.0]]],
};

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Layout of "424" in pixels.
const S = SIZE / 128;
const glyphH = 46 * S,
  glyphW = 0.62 * glyphH,
  gap = 9 * S,
  stroke = 9.5 * S;
const textW = 3 * glyphW + 2 * gap;
const x0 = (SIZE - textW) / 2,
  y0 = 32 * S;
const segments = [];
'424'.split('').forEach((ch, i) => {
  const ox = x0 + i * (glyphW + gap);
  for (const line of GLYPHS[ch]) {
    for (let k = 0; k + 1 < line.length; k++) {
      segments.push([
        [ox + line[k][0] * glyphH, y0 + line[k][1] * glyphH],
        [ox + line[k + 1][0] * glyphH, y0 + line[k + 1][1] * glyphH],
      ]);
    }
  }
});

function roundedRectInside(x, y, x1, y1, x2, y2, r) {
  const cx = Math.max(x1 + r, Math.min(x, x2 - r));
  const cy = Math.max(y1 + r, Math.min(y, y2 - r));
  return x >= x1 && x <= x2 && y >= y1 && y <= y2 && Math.hypot(x - cx, y - cy) <= r;
}

const lerp = (a, b, t) => a + (b - a) * t;
const TOP = [37, 99, 235],
  BOTTOM = [30, 58, 138],
  AMBER = [251, 191, 36],
  WHITE = [255, 255, 255];
const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS,
          y = py + (sy + 0.5) / SS;
        if (!roundedRectInside(x, y, 2 * S, 2 * S, SIZE - 2 * S, SIZE - 2 * S, 26 * S)) continue;
        const t = y / SIZE;
        let c = [lerp(TOP[0], BOTTOM[0], t), lerp(TOP[1], BOTTOM[1], t), lerp(TOP[2], BOTTOM[2], t)];
        if (roundedRectInside(x, y, 30 * S, 95 * S, SIZE - 30 * S, 103 * S, 4 * S)) c = AMBER;
        if (segments.some(([p, q]) => segDist(x, y, p, q) <= stroke / 2)) c = WHITE;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 255;
      }
    }
    const n = SS * SS,
      i = (py * SIZE + px) * 4;
    const cov = a / n;
    // premultiplied sum -> straight alpha
    pixels[i] = cov ? Math.round(r / (a / 255)) : 0;
    pixels[i + 1] = cov ? Math.round(g / (a / 255)) : 0;
    pixels[i + 2] = cov ? Math.round(b / (a / 255)) : 0;
    pixels[i + 3] = Math.round(cov);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, png);
console.log(`wrote ${OUT} (${SIZE}x${SIZE}, ${png.length} bytes)`);
