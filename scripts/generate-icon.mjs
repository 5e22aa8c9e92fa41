// Draws media/icon.png (128×128): a report sheet with a table on a red tile, and a green
// check badge for "the totals hold". Shapes are rasterised here with 4×4 supersampling and
// written as a PNG with node's zlib, so the icon needs no image tools to rebuild.
// Run: node scripts/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;

const RED = [198, 40, 40];
const PALE_RED = [250, 224, 224];
const WHITE = [255, 255, 255];
const FOLD = [224, 224, 224];
const GREEN = [46, 125, 50];

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Within `w / 2` of the segment a–b. */
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};

// The sheet, with its top-right corner folded.
const SHEET = { x0: 26, y0: 16, x1: 90, y1: 110, fold: 18 };
const inSheet = (x, y) =>
  inRect(x, y, SHEET.x0, SHEET.y0, SHEET.x1, SHEET.y1) &&
  x - SHEET.x0 + (SHEET.y0 + SHEET.fold - y) <= SHEET.x1 - SHEET.x0;
const inFold = (x, y) =>
  x <= SHEET.x1 &&
  y >= SHEET.y0 &&
  y <= SHEET.y0 + SHEET.fold &&
  x >= SHEET.x1 - SHEET.fold &&
  x - (SHEET.x1 - SHEET.fold) <= y - SHEET.y0;

// The table on the sheet: a header row, four rows, three columns.
const TABLE = { x0: 34, x1: 82, rows: [44, 56, 66, 76, 86, 96], cols: [34, 56, 70, 82] };
const inTableLine = (x, y) => {
  const { x0, x1, rows, cols } = TABLE;
  const top = rows[0];
  const bottom = rows[rows.length - 1];
  if (x < x0 - 1 || x > x1 + 1 || y < top - 1 || y > bottom + 1) return false;
  return rows.some((r) => Math.abs(y - r) <= 1.1) || cols.some((c) => Math.abs(x - c) <= 1.1);
};
const inHeader = (x, y) => inRect(x, y, TABLE.x0, TABLE.rows[0], TABLE.x1, TABLE.rows[1]);
// Two title lines above the table.
const inTitle = (x, y) => nearSegment(x, y, 36, 27, 64, 27, 4) || nearSegment(x, y, 36, 35, 72, 35, 3);

const BADGE = { cx: 94, cy: 94, r: 24 };
const inCheck = (x, y) => nearSegment(x, y, 82, 95, 91, 104, 7) || nearSegment(x, y, 91, 104, 107, 85, 7);

function colorAt(x, y) {
  let c = null;
  if (inRoundRect(x, y, 0, 0, SIZE, SIZE, 24)) c = RED;
  if (inSheet(x, y)) c = WHITE;
  if (inFold(x, y)) c = FOLD;
  if (inHeader(x, y)) c = PALE_RED;
  if (inTitle(x, y) || inTableLine(x, y)) c = RED;
  if (inCircle(x, y, BADGE.cx, BADGE.cy, BADGE.r + 4)) c = WHITE;
  if (inCircle(x, y, BADGE.cx, BADGE.cy, BADGE.r)) c = GREEN;
  if (inCheck(x, y)) c = WHITE;
  return c;
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colorAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * SIZE + px) * 4;
      if (a) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return rgba;
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

export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../media/icon.png', import.meta.url);
writeFileSync(out, encodePng(SIZE, SIZE, render()));
console.log(`wrote ${out.pathname}`);
