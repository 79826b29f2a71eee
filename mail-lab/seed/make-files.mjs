// Generates the binary attachment fixtures in mail-lab/seed/files/ (run once; the outputs are
// committed, so tests compare against the stored bytes, not against this script's output).
//   node mail-lab/seed/make-files.mjs [--force]
// report.pdf (1-page PDF 1.4), team-photo.png (RGB PNG), project-files.zip (3 deflated entries),
// newsletter-logo.png (inline cid image of the newsletter). No randomness; pure Node (zlib).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');
const force = process.argv.includes('--force');
fs.mkdirSync(dir, { recursive: true });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- PNG ----------------------------------------------------------------------------------------
function png(width, height, pixel /* (x,y) => [r,g,b] */) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (None)
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from('Comment\0Postern mail lab fixture', 'latin1')),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// "team photo": sky gradient, grass, five round heads in different shirt colours
function teamPhoto() {
  const W = 160, H = 100;
  const people = [[24, '#e4572e'], [52, '#17bebb'], [80, '#ffc914'], [108, '#2e282a'], [136, '#76b041']]
    .map(([cx, hex]) => [cx, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))]);
  return png(W, H, (x, y) => {
    for (const [cx, shirt] of people) {
      const dxh = x - cx, dyh = y - 45;
      if (dxh * dxh + dyh * dyh <= 81) return [241, 194, 125]; // head r=9
      const dxb = x - cx, dyb = y - 75;
      if (y >= 56 && dxb * dxb / 196 + dyb * dyb / 400 <= 1) return shirt; // body ellipse
    }
    if (y >= 80) return [70 + (x % 7), 140 + (y % 5) * 3, 60];
    return [120 + Math.round(y * 0.8), 170 + Math.round(y * 0.5), 235];
  });
}
// newsletter logo: dark blue banner with a light envelope shape
function newsletterLogo() {
  const W = 120, H = 40;
  return png(W, H, (x, y) => {
    const inEnv = x >= 10 && x < 46 && y >= 8 && y < 32;
    if (inEnv) {
      const flap = Math.abs((x - 28) * 12 / 18) + 8; // V of the flap
      return Math.abs(y - flap) < 1.2 ? [30, 60, 120] : [245, 245, 250];
    }
    if (x >= 54 && x < 112 && (y === 14 || y === 15 || y === 22 || y === 23)) return [200, 215, 240]; // "text" lines
    return [30, 60, 120];
  });
}

// ---- PDF ----------------------------------------------------------------------------------------
function pdf() {
  const lines = [
    ['F2', 20, 'Quarterly report - Q3 2026'],
    ['F1', 12, 'Postern mail lab fixture (report.pdf).'],
    ['F1', 12, 'Revenue: 1,250,000 EUR (+12% quarter over quarter)'],
    ['F1', 12, 'Active users: 48,210'],
    ['F1', 12, 'Open issues: 37'],
  ];
  let y = 760;
  const content = ['BT'];
  for (const [font, size, text] of lines) {
    content.push(`/${font} ${size} Tf`, `1 0 0 1 72 ${y} Tm`, `(${text.replace(/[\\()]/g, (c) => '\\' + c)}) Tj`);
    y -= size === 20 ? 36 : 20;
  }
  content.push('ET', '0.2 0.4 0.8 RG 2 w 72 600 m 540 600 l S');
  const stream = content.join('\n') + '\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
    '<< /Title (Quarterly report) /Producer (Postern mail lab) /CreationDate (D:20261001120000Z) >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---- ZIP ----------------------------------------------------------------------------------------
function zip(entries /* [name, Buffer] */) {
  // fixed DOS timestamp 2026-10-01 12:00:00
  const dosTime = (12 << 11) | (0 << 5) | 0, dosDate = ((2026 - 1980) << 9) | (10 << 5) | 1;
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const comp = zlib.deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0); lh.writeUInt16LE(20, 4); lh.writeUInt16LE(0x0800, 6); lh.writeUInt16LE(8, 8);
    lh.writeUInt16LE(dosTime, 10); lh.writeUInt16LE(dosDate, 12); lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18); lh.writeUInt32LE(data.length, 22); lh.writeUInt16LE(nameBuf.length, 26); lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0); ch.writeUInt16LE(0x0314, 4); ch.writeUInt16LE(20, 6); ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10); ch.writeUInt16LE(dosTime, 12); ch.writeUInt16LE(dosDate, 14); ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20); ch.writeUInt32LE(data.length, 24); ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt16LE(0, 30); ch.writeUInt16LE(0, 32); ch.writeUInt16LE(0, 34); ch.writeUInt16LE(0, 36);
    ch.writeUInt32LE((0o100644 << 16) >>> 0, 38); ch.writeUInt32LE(offset, 42);
    locals.push(lh, nameBuf, comp);
    centrals.push(ch, nameBuf);
    offset += lh.length + nameBuf.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
function projectZip() {
  return zip([
    ['project-files/README.md', Buffer.from('# Project files\n\nFixture archive for the Postern mail lab.\n\n- src/main.js\n- docs/notes.txt\n')],
    ['project-files/src/main.js', Buffer.from("export function hello(name) {\n  return `Hello, ${name}!`;\n}\n\nconsole.log(hello('Postern'));\n")],
    ['project-files/docs/notes.txt', Buffer.from('Meeting notes\n=============\n' + 'Action items are tracked in the issue tracker.\n'.repeat(20))],
  ]);
}

const outputs = {
  'report.pdf': pdf,
  'team-photo.png': teamPhoto,
  'project-files.zip': projectZip,
  'newsletter-logo.png': newsletterLogo,
};
for (const [name, make] of Object.entries(outputs)) {
  const file = path.join(dir, name);
  if (fs.existsSync(file) && !force) { console.log(`exists ${file} (use --force to regenerate)`); continue; }
  const buf = make();
  fs.writeFileSync(file, buf);
  console.log(`wrote  ${file} (${buf.length} bytes)`);
}
