/**
 * PNG image data (the inflated IDAT stream) to pixels, row by row as it inflates: undo each
 * row's filter (PNG spec 9), split it into samples and hand them to the RGB writer, so no copy
 * of the whole filtered stream is ever held. Interlaced images are seven passes of smaller
 * images (Adam7, spec 8.2), each with its own rows and its own filter history; every bit depth
 * goes through the same path, interlaced or not.
 */
import { FianetError } from '../errors.js';
import type { RgbWriter } from './image-raster.js';

export interface PngLayout {
  width: number;
  height: number;
  /** bits per sample: 1, 2, 4, 8 or 16 */
  bits: number;
  /** samples per pixel: 1 (gray, palette), 2 (gray + alpha), 3 (RGB), 4 (RGBA) */
  channels: number;
  interlaced: boolean;
}

interface Pass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  width: number;
  height: number;
}

/** Adam7 pass origins and steps (x0, y0, dx, dy). */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The sub-images stored in order; an interlaced pass can be empty on a small image. */
function passesOf(l: PngLayout): Pass[] {
  if (!l.interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width: l.width, height: l.height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.ceil((l.width - x0) / dx),
    height: Math.ceil((l.height - y0) / dy),
  })).filter((p) => p.width > 0 && p.height > 0);
}

const rowBytes = (l: PngLayout, width: number): number => Math.ceil((width * l.channels * l.bits) / 8);

/** The exact size of the inflated image data: every row of every pass with its filter byte. */
export function pngDataSize(l: PngLayout): number {
  return passesOf(l).reduce((n, p) => n + p.height * (1 + rowBytes(l, p.width)), 0);
}

/** Consumes the inflated stream in arbitrary pieces and writes finished rows to `writer`. */
export class PngRows {
  private readonly passes: Pass[];
  private readonly bpp: number;
  private pass = 0;
  private y = 0;
  private filled = 0;
  private row: Uint8Array;
  private prev: Uint8Array;
  private readonly samples: Uint8Array | Uint16Array;

  constructor(
    private readonly layout: PngLayout,
    private readonly writer: RgbWriter,
    private readonly label: string,
  ) {
    this.passes = passesOf(layout);
    // Filters work on bytes, one pixel back (at least one byte for sub-byte pixels).
    this.bpp = Math.max(1, (layout.channels * layout.bits) / 8);
    const widest = 1 + rowBytes(layout, layout.width);
    this.row = new Uint8Array(widest);
    this.prev = new Uint8Array(widest);
    const samples = layout.width * layout.channels;
    this.samples = layout.bits === 16 ? new Uint16Array(samples) : new Uint8Array(samples);
    this.startPass();
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const pass = this.passes[this.pass]!;
      const size = 1 + rowBytes(this.layout, pass.width);
      const take = Math.min(size - this.filled, chunk.length - at);
      this.row.set(chunk.subarray(at, at + take), this.filled);
      this.filled += take;
      at += take;
      if (this.filled === size) this.finishRow(pass, size);
    }
  }

  private startPass(): void {
    this.prev.fill(0);
  }

  private finishRow(pass: Pass, size: number): void {
    const row = this.row.subarray(0, size);
    unfilter(row, this.prev.subarray(0, size), this.bpp, () => `${this.label}: cannot read this PNG file: row ${this.y} of its image data`);
    const samples = this.unpack(row, pass.width);
    this.writer.put(samples, 0, pass.width, (pass.y0 + this.y * pass.dy) * this.layout.width + pass.x0, pass.dx);
    [this.prev, this.row] = [this.row, this.prev];
    this.filled = 0;
    if (++this.y === pass.height) {
      this.y = 0;
      this.pass++;
      this.startPass();
    }
  }

  /** Row bytes (after the filter byte) to one sample per element, big-endian for 16 bits. */
  private unpack(row: Uint8Array, width: number): ArrayLike<number> {
    const { bits, channels } = this.layout;
    const n = width * channels;
    const out = this.samples;
    if (bits === 8) return row.subarray(1, 1 + n);
    if (bits === 16) {
      for (let i = 0; i < n; i++) out[i] = (row[1 + 2 * i]! << 8) | row[2 + 2 * i]!;
      return out;
    }
    const mask = (1 << bits) - 1;
    for (let i = 0; i < n; i++) {
      const bit = i * bits;
      out[i] = (row[1 + (bit >> 3)]! >> (8 - bits - (bit & 7))) & mask;
    }
    return out;
  }
}

/** Undoes one row's filter in place; row[0] is the filter type, prev the unfiltered row above. */
function unfilter(row: Uint8Array, prev: Uint8Array, bpp: number, where: () => string): void {
  const type = row[0]!;
  const n = row.length;
  switch (type) {
    case 0:
      return;
    case 1:
      for (let i = 1 + bpp; i < n; i++) row[i] = (row[i]! + row[i - bpp]!) & 255;
      return;
    case 2:
      for (let i = 1; i < n; i++) row[i] = (row[i]! + prev[i]!) & 255;
      return;
    case 3:
      for (let i = 1; i < n; i++) row[i] = (row[i]! + (((i > bpp ? row[i - bpp]! : 0) + prev[i]!) >> 1)) & 255;
      return;
    case 4:
      for (let i = 1; i < n; i++) {
        const a = i > bpp ? row[i - bpp]! : 0;
        const c = i > bpp ? prev[i - bpp]! : 0;
        row[i] = (row[i]! + paeth(a, prev[i]!, c)) & 255;
      }
      return;
    default:
      throw new FianetError('bad-input', `${where()} has filter type ${type} (valid: 0 to 4); the file is corrupt`);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
