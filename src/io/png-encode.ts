/**
 * PNG writers for the engine's outputs. Rows are produced, filtered and deflated one at a
 * time (fflate's streaming zlib), so writing an image never holds a second raw copy of it:
 * a 20000 x 20000 mask at the source size is 20000 bytes of row plus the compressed file,
 * not 400 MB. Masks are written as 8-bit gray 0/255 rather than 1-bit or 0/1: every viewer
 * shows them, and it is the format of the datasets' own ground-truth masks.
 */
import { Zlib } from 'fflate';
import { FianetError } from '../errors.js';
import type { RgbImage } from './image-types.js';
import { nearestIndices } from './mask-resize.js';
import { crc32 } from './zip.js';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * An 8-bit gray (channels 1) or RGB (channels 3) PNG whose row y is written by `fillRow(y, row)`
 * into `row` (width x channels bytes), rows in order; returned as its parts (signature and
 * chunks), so a large file can be written out without first joining it into one buffer.
 */
export function pngParts(width: number, height: number, channels: 1 | 3, fillRow: (y: number, row: Uint8Array) => void): Uint8Array[] {
  if (!(Number.isSafeInteger(width) && Number.isSafeInteger(height) && width > 0 && height > 0)) {
    throw new FianetError('bad-input', `cannot write a ${width} x ${height} PNG`);
  }
  const idat: Uint8Array[] = [];
  const deflate = new Zlib({ level: 6 }, (chunk) => idat.push(pngChunk('IDAT', chunk)));
  const pixels = new Uint8Array(width * channels);
  const row = new Uint8Array(1 + pixels.length);
  // Masks: no filter (their runs compress well as they are). Pictures: Sub (filter 1), the
  // difference from the pixel to the left, which deflate packs far better on photographs.
  row[0] = channels === 3 ? 1 : 0;
  for (let y = 0; y < height; y++) {
    fillRow(y, pixels);
    if (channels === 3) {
      for (let i = 0; i < pixels.length; i++) row[1 + i] = i < 3 ? pixels[i]! : pixels[i]! - pixels[i - 3]!;
    } else {
      row.set(pixels, 1);
    }
    deflate.push(row.slice());
  }
  deflate.push(new Uint8Array(0), true);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, channels === 3 ? 2 : 0, 0, 0, 0], 8);
  return [SIGNATURE, pngChunk('IHDR', ihdr), ...idat, pngChunk('IEND', new Uint8Array(0))];
}

export const encodePngRows = (width: number, height: number, channels: 1 | 3, fillRow: (y: number, row: Uint8Array) => void): Uint8Array =>
  concat(pngParts(width, height, channels, fillRow));

// mask: [height, width], nonzero = object -> PNG bytes, gray 0/255
export function encodeMaskPng(mask: Uint8Array, width: number, height: number): Uint8Array {
  checkSize('mask', mask.length, width, height, 1);
  return encodePngRows(width, height, 1, (y, row) => {
    for (let x = 0; x < width; x++) row[x] = mask[y * width + x] ? 255 : 0;
  });
}

/**
 * The mask ([height, width]) brought to outWidth x outHeight with PIL's NEAREST (as
 * resizeMaskNearest) and written as a mask PNG, one output row at a time: `--original-size`
 * on a huge image needs no full-size mask in memory. Returned as parts, like pngParts.
 */
export function resizedMaskPngParts(mask: Uint8Array, width: number, height: number, outWidth: number, outHeight: number): Uint8Array[] {
  checkSize('mask', mask.length, width, height, 1);
  const xs = nearestIndices(width, outWidth);
  const ys = nearestIndices(height, outHeight);
  return pngParts(outWidth, outHeight, 1, (y, row) => {
    const from = ys[y]! * width;
    for (let x = 0; x < outWidth; x++) row[x] = mask[from + xs[x]!] ? 255 : 0;
  });
}

export function encodeRgbPng(image: RgbImage): Uint8Array {
  checkSize('image', image.rgb.length, image.width, image.height, 3);
  const stride = image.width * 3;
  return encodePngRows(image.width, image.height, 3, (y, row) => row.set(image.rgb.subarray(y * stride, (y + 1) * stride)));
}

function checkSize(what: string, length: number, width: number, height: number, channels: number): void {
  if (width <= 0 || height <= 0 || length !== width * height * channels) {
    throw new FianetError('bad-input', `cannot write a ${width} x ${height} ${what} PNG from ${length} values (expected ${width * height * channels})`);
  }
}

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
