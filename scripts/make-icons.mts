// `npm run tsx -- scripts/make-icons.mts`: the PNG icons and favicon.ico in public/, drawn from the
// one source, src/app/icon.svg (which Next also serves as /icon.svg). Rerun after changing it.
// sharp comes with Next (its image optimiser), so this needs no package of its own.
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";

const svg = fs.readFileSync(path.join("src", "app", "icon.svg"));
const out = path.join("public", "icons");
fs.mkdirSync(out, { recursive: true });

/** The icon as drawn (its own rounded corners), `size` pixels square. */
const plain = (size: number) =>
  sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/**
 * Full-bleed: the icon at 80 % on a square of its own blue, for launchers that cut their own shape
 * (a manifest "maskable" icon keeps its content within the central 80 %; iOS rounds the corners).
 */
async function fullBleed(size: number) {
  const inner = Math.round(size * 0.8);
  const background = { r: 0x1d, g: 0x53, b: 0xf1, alpha: 1 }; // the icon's fill, brand-600
  return sharp({ create: { width: size, height: size, channels: 4, background } })
    .composite([{ input: await plain(inner), gravity: "center" }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding PNG images (allowed since Windows Vista, read by every browser). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 means 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const files: [string, Buffer][] = [
  [path.join(out, "icon-192.png"), await plain(192)],
  [path.join(out, "icon-512.png"), await plain(512)],
  [path.join(out, "maskable-512.png"), await fullBleed(512)],
  [path.join(out, "apple-touch-icon.png"), await fullBleed(180)],
  [
    path.join("public", "favicon.ico"),
    ico([
      { size: 16, png: await plain(16) },
      { size: 32, png: await plain(32) },
      { size: 48, png: await plain(48) },
    ]),
  ],
];
for (const [file, data] of files) {
  fs.writeFileSync(file, data);
  console.log(`${file} (${data.length} bytes)`);
}
