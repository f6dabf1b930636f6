// Draws Fieldnote's icons as PNG files in public/: a white house-shaped note (a house outline
// with three ruled lines) on the theme colour. Pure Node (node:zlib), no image libraries, so the
// output is reproducible byte for byte. Run after changing the mark or the colours:
//
//   npx tsx scripts/make-icons.ts
//
// Files written:
//   icon-192.png, icon-512.png   purpose "any": rounded square, transparent corners
//   icon-maskable-512.png        purpose "maskable": full bleed, glyph inside the central 80%
//   apple-touch-icon.png         180×180, opaque full bleed (iOS rounds the corners itself)
//   favicon.ico                  16, 32 and 48 px PNG images in one ICO container
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** Theme colour (also in vite.config.ts and index.html). White on it has a 7.9:1 contrast. */
export const THEME = { r: 0x1d, g: 0x5c, b: 0x63 };
const WHITE = { r: 0xff, g: 0xff, b: 0xff };

type Rgb = { r: number; g: number; b: number };
type Vec = readonly [number, number];

// ---------------------------------------------------------------------------------------------
// Signed distance functions, in glyph units: the glyph spans [-1, 1] on both axes.

/** Distance to a closed polygon (negative inside), after Inigo Quilez's sdPolygon. */
function sdPolygon(p: Vec, v: readonly Vec[]): number {
  const first = v[0]!;
  let d = (p[0] - first[0]) ** 2 + (p[1] - first[1]) ** 2;
  let s = 1;
  for (let i = 0, j = v.length - 1; i < v.length; j = i, i++) {
    const vi = v[i]!;
    const vj = v[j]!;
    const e: Vec = [vj[0] - vi[0], vj[1] - vi[1]];
    const w: Vec = [p[0] - vi[0], p[1] - vi[1]];
    const t = Math.min(Math.max((w[0] * e[0] + w[1] * e[1]) / (e[0] * e[0] + e[1] * e[1]), 0), 1);
    const b: Vec = [w[0] - e[0] * t, w[1] - e[1] * t];
    d = Math.min(d, b[0] * b[0] + b[1] * b[1]);
    const c1 = p[1] >= vi[1];
    const c2 = p[1] < vj[1];
    const c3 = e[0] * w[1] > e[1] * w[0];
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s;
  }
  return s * Math.sqrt(d);
}

/** Distance to a horizontal capsule from (x0, y) to (x1, y) with radius r. */
function sdCapsule(p: Vec, x0: number, x1: number, y: number, r: number): number {
  const x = Math.min(Math.max(p[0], x0), x1);
  return Math.hypot(p[0] - x, p[1] - y) - r;
}

/** Distance to a rounded square centred on 0 with half-size h and corner radius r. */
function sdRoundedSquare(p: Vec, h: number, r: number): number {
  const qx = Math.abs(p[0]) - h + r;
  const qy = Math.abs(p[1]) - h + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// The house: a pentagon shrunk by the corner radius, then grown back by it (rounded corners).
const CORNER = 0.1;
const HOUSE: readonly Vec[] = [
  [0, -0.86 + CORNER * 1.5],
  [0.86 - CORNER, -0.12],
  [0.86 - CORNER, 0.86 - CORNER],
  [-0.86 + CORNER, 0.86 - CORNER],
  [-0.86 + CORNER, -0.12],
];
const LINE_R = 0.075;
const LINES: readonly [number, number, number][] = [
  [-0.42, 0.42, 0.12],
  [-0.42, 0.42, 0.36],
  [-0.42, 0.12, 0.6],
];

/** Coverage of the glyph at a point in glyph units: 1 = white note, 0 = background. */
function glyph(p: Vec): boolean {
  if (sdPolygon(p, HOUSE) - CORNER > 0) return false;
  return !LINES.some(([x0, x1, y]) => sdCapsule(p, x0, x1, y, LINE_R) <= 0);
}

// ---------------------------------------------------------------------------------------------
// Rasterising.

type IconSpec = {
  size: number;
  /** Glyph half-extent as a fraction of the icon size (0.5 would touch the edges). */
  glyphScale: number;
  /** Corner radius as a fraction of the size for a transparent-cornered tile; null = full bleed. */
  tileRadius: number | null;
};

const SAMPLES = 4; // 4×4 supersampling per pixel

function render({ size, glyphScale, tileRadius }: IconSpec): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES - half;
          const py = y + (sy + 0.5) / SAMPLES - half;
          const inTile =
            tileRadius === null || sdRoundedSquare([px, py], half, tileRadius * size) <= 0;
          if (!inTile) continue;
          tile++;
          if (glyph([px / (glyphScale * size), py / (glyphScale * size)])) mark++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const i = (y * size + x) * 4;
      if (tile === 0) continue; // fully transparent
      const t = mark / tile;
      const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
      const c: Rgb = {
        r: mix(THEME.r, WHITE.r),
        g: mix(THEME.g, WHITE.g),
        b: mix(THEME.b, WHITE.b),
      };
      rgba[i] = c.r;
      rgba[i + 1] = c.g;
      rgba[i + 2] = c.b;
      rgba[i + 3] = Math.round((tile / total) * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG and ICO encoding.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter "none"). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Wraps PNG images in an ICO container (PNG entries are valid since Windows Vista). */
function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

// ---------------------------------------------------------------------------------------------

// "any" icons: the tile fills the square; the glyph sits at ~70% of it.
const ANY = { glyphScale: 0.34, tileRadius: 0.22 } as const;
// Maskable: the safe zone is a circle of radius 40% of the size. The glyph's farthest points
// (its bottom corners, at (±0.86, 0.86) glyph units) lie at 0.86·√2·0.26 ≈ 0.32 of the size
// from the centre, well inside it.
const MASKABLE = { glyphScale: 0.26, tileRadius: null } as const;
// Apple touch icon: opaque, iOS masks it to its own rounded square; glyph a little larger.
const APPLE = { glyphScale: 0.3, tileRadius: null } as const;

function png(spec: IconSpec): Buffer {
  return encodePng(spec.size, render(spec));
}

function main(): void {
  const out = path.resolve(import.meta.dirname, '..', 'public');
  mkdirSync(out, { recursive: true });
  const files: [string, Buffer][] = [
    ['icon-192.png', png({ size: 192, ...ANY })],
    ['icon-512.png', png({ size: 512, ...ANY })],
    ['icon-maskable-512.png', png({ size: 512, ...MASKABLE })],
    ['apple-touch-icon.png', png({ size: 180, ...APPLE })],
    [
      'favicon.ico',
      encodeIco(
        [16, 32, 48].map((size) => ({
          size,
          png: png({ size, glyphScale: 0.38, tileRadius: 0.2 }),
        })),
      ),
    ],
  ];
  for (const [name, data] of files) {
    writeFileSync(path.join(out, name), data);
    console.log(`public/${name}  ${data.length} bytes`);
  }
}

main();
