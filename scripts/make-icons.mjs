#!/usr/bin/env node
// Writes the installers' icons into build/ (electron-builder's buildResources), with nothing
// but node:zlib, so they can be regenerated anywhere: node scripts/make-icons.mjs
//   build/icon.png            1024×1024 app icon; electron-builder derives .icns/.ico/Linux sizes
//   build/batchline-file.ico  256×256 .batchline document icon for Windows (PNG inside an ICO)
//   build/batchline-file.icns 1024 and 256 document icon for macOS (PNG inside 'ic10'/'ic08')
// File-association icons are copied as they are (never converted), hence the .ico and .icns.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA PNG of size×size; paint(x, y) (0..1 coordinates) returns [r, g, b, a]. */
function png(size, paint) {
  const SS = 4; // 4×4 supersampling: smooth edges without a drawing library
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let i = 0; i < SS * SS; i++) {
        const [r, g, b, a] = paint(
          (x + ((i % SS) + 0.5) / SS) / size,
          (y + (Math.floor(i / SS) + 0.5) / SS) / size,
        );
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
      const alpha = sum[3] / (SS * SS);
      const at = row + 1 + x * 4;
      for (let c = 0; c < 3; c++) {
        raw[at + c] = alpha === 0 ? 0 : Math.round(sum[c] / sum[3]);
      }
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function inRoundedRect(x, y, [left, top, right, bottom], radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const CLEAR = [0, 0, 0, 0];
const WHITE = [255, 255, 255, 1];
// Three "batch lines" of decreasing length: the product name, drawn.
const LINES = [0.36, 0.5, 0.64].map((top, i) => [0.26, top - 0.035, 0.74 - i * 0.12, top + 0.035]);

function appIcon(x, y) {
  if (!inRoundedRect(x, y, [0.08, 0.08, 0.92, 0.92], 0.18)) {
    return CLEAR;
  }
  if (LINES.some((box) => inRoundedRect(x, y, box, 0.035))) {
    return WHITE;
  }
  const t = (x + y) / 2; // diagonal gradient, teal to blue
  return [Math.round(20 + 10 * t), Math.round(150 - 70 * t), Math.round(160 + 60 * t), 1];
}

function documentIcon(x, y) {
  // A page with its top-right corner folded over: cut above the fold's diagonal, shade below.
  if (!inRoundedRect(x, y, [0.18, 0.06, 0.82, 0.94], 0.04) || x - 0.62 > y - 0.06) {
    return CLEAR;
  }
  if (x > 0.62 && y < 0.26) {
    return [200, 215, 228, 1];
  }
  if (
    LINES.some((box) =>
      inRoundedRect(
        x,
        y,
        box.map((v, i) => (i % 2 ? v + 0.08 : v)),
        0.03,
      ),
    )
  ) {
    return [30, 120, 190, 1];
  }
  return [245, 248, 250, 1];
}

function ico(pngData) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image; width/height bytes 0 mean 256
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(pngData.length, 14);
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, pngData]);
}

function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, part) => n + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const doc256 = png(256, documentIcon);
writeFileSync(path.join(out, 'icon.png'), png(1024, appIcon));
writeFileSync(path.join(out, 'batchline-file.ico'), ico(doc256));
writeFileSync(
  path.join(out, 'batchline-file.icns'),
  icns([
    ['ic10', png(1024, documentIcon)],
    ['ic08', doc256],
  ]),
);
process.stdout.write(`icons: written to ${path.relative(process.cwd(), out) || '.'}\n`);
