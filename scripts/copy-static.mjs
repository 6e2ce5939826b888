// Second half of `npm run build` (the first compiles the scss): puts the vendored
// scripts, our own script and our icons into carepath/static/carepath/.
//
// Nothing is downloaded: everything comes from node_modules (installed by `npm ci`)
// or from assets/. GOV.UK's crown, crest, logo and fonts are never copied: every
// image in govuk-frontend's dist/govuk/assets is the crown or crest, so the icons are
// our own, drawn in assets/images/favicon.svg and rasterised here for favicon.ico
// and apple-touch-icon.png.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "carepath", "static", "carepath");
const nm = join(root, "node_modules");

// destination name -> source path
const copies = {
  "htmx.min.js": join(nm, "htmx.org", "dist", "htmx.min.js"),
  "govuk-frontend.min.js": join(nm, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"),
  // Kept beside it: the bundle names it in a sourceMappingURL comment, and
  // Django's manifest storage refuses a reference to a missing file.
  "govuk-frontend.min.js.map": join(nm, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js.map"),
  "carepath.js": join(root, "assets", "js", "carepath.js"),
  "js-enabled.js": join(root, "assets", "js", "js-enabled.js"),
  "favicon.svg": join(root, "assets", "images", "favicon.svg"),
};

// --- A tiny rasteriser for the icon in assets/images/favicon.svg -------------
// Same geometry, in a 32×32 design space: teal rounded square, a white arc
// open to the right (radius 8, stroke 3.5, round caps) and a white dot.
const TEAL = [0x00, 0x66, 0x5e];
const WHITE = [0xff, 0xff, 0xff];

function inRoundedSquare(x, y, radius) {
  if (x < 0 || y < 0 || x > 32 || y > 32) return false;
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inMark(x, y) {
  const half = 3.5 / 2;
  const dx = x - 16;
  const dy = y - 16;
  const angle = Math.atan2(dy, dx); // 0 points right
  const distance = Math.hypot(dx, dy);
  const onRing = Math.abs(distance - 8) <= half && Math.abs(angle) >= Math.PI / 4;
  const end = 8 * Math.SQRT1_2;
  const onCap =
    Math.hypot(x - (16 + end), y - (16 - end)) <= half ||
    Math.hypot(x - (16 + end), y - (16 + end)) <= half;
  const onDot = Math.hypot(x - 25, y - 16) <= 2.4;
  return onRing || onCap || onDot;
}

function render(size, radius) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 32) / size;
          const y = ((py + (sy + 0.5) / samples) * 32) / size;
          if (!inRoundedSquare(x, y, radius)) continue;
          cover++;
          if (inMark(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const w = cover ? white / cover : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TEAL[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * cover) / samples ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, n) => {
    const at = 6 + 16 * n;
    head[at] = size % 256;
    head[at + 1] = size % 256;
    head.writeUInt16LE(1, at + 4); // colour planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

// --- Pictograms -----------------------------------------------------------------
// The portal shows a pictogram beside every main action (easy read). One SVG sprite of
// Tabler's outline icons (MIT): templates point at a symbol with <use href="…#name">, and
// the symbol takes the text colour. Template name -> Tabler icon.
const PICTOGRAMS = {
  today: "calendar-event",
  goals: "target",
  plan: "list-check",
  notes: "notes",
  write: "pencil",
  wish: "star",
  talk: "mood-smile",
  looked: "eye",
  followers: "users",
  data: "folder",
  phone: "device-mobile",
  listen: "volume",
  stop: "player-stop",
  files: "folders",
};

function sprite() {
  const symbols = Object.entries(PICTOGRAMS).map(([name, icon]) => {
    const svg = readFileSync(join(nm, "@tabler", "icons", "icons", "outline", `${icon}.svg`), "utf8");
    const inner = svg
      .slice(svg.indexOf(">", svg.indexOf("<svg")) + 1, svg.lastIndexOf("</svg>"))
      .replace(/<path stroke="none" d="M0 0h24v24H0z" fill="none"\s*\/>/, "")
      .replace(/\s+/g, " ")
      .trim();
    return `<symbol id="${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${symbols.join("")}</svg>\n`;
}

// --- Build ----------------------------------------------------------------------
mkdirSync(out, { recursive: true });

const generated = {
  "favicon.ico": ico([16, 32, 48].map((size) => ({ size, data: png(size, render(size, 6)) }))),
  // iOS rounds the corners itself and wants no transparency.
  "apple-touch-icon.png": png(180, render(180, 0)),
  "pictograms.svg": sprite(),
};

const keep = new Set([".gitkeep", "carepath.css", ...Object.keys(copies), ...Object.keys(generated)]);
for (const name of readdirSync(out)) {
  if (!keep.has(name)) rmSync(join(out, name), { recursive: true, force: true });
}
for (const [name, source] of Object.entries(copies)) copyFileSync(source, join(out, name));
for (const [name, data] of Object.entries(generated)) writeFileSync(join(out, name), data);
