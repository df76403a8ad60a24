/**
 * PNG decoding with `fast-png` (image-js project): pure TypeScript, ESM, no Node built-ins
 * (inflate via `fflate`), so the same code runs in Node and in browsers; it decodes every PNG
 * colour type and bit depth, interlaced or not, and can verify chunk CRCs like PIL does.
 */
import { decode as decodePngFile } from 'fast-png';
import { checkImageSize, type DecodedImage } from './image-types.js';
import { rasterToRgb } from './image-raster.js';

export function decodePng(bytes: Uint8Array, label: string): DecodedImage {
  // IHDR is always the first chunk: width and height are big-endian at bytes 16 and 20.
  if (bytes.length >= 24) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, 24);
    checkImageSize(dv.getUint32(16), dv.getUint32(20), label);
  }
  // PIL rejects chunks with a bad CRC ("broken PNG file"): a corrupt file should fail here too.
  const png = decodePngFile(bytes, { checkCrc: true });
  const { width, height, depth, channels } = png;
  const data = depth < 8 ? unpackRows(png.data, width, height, depth) : png.data;
  if (png.palette) {
    return { width, height, rgb: expandPalette(data, png.palette), warnings: [] };
  }
  return rasterToRgb(
    { width, height, channels, bits: depth, data, colour: channels >= 3 ? 'rgb' : 'gray', alpha: channels === 2 || channels === 4 },
    label,
  );
}

/** 1/2/4-bit rows (each padded to a whole byte, PNG spec 7.2) to one value per element. */
function unpackRows(packed: ArrayLike<number>, width: number, height: number, depth: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth;
      const byte = packed[y * rowBytes + (bit >> 3)]!;
      out[y * width + x] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

/** Palette indices to RGB; palette alpha (tRNS) is dropped like convert('RGB') does. */
function expandPalette(indices: ArrayLike<number>, palette: number[][]): Uint8Array {
  const rgb = new Uint8Array(indices.length * 3);
  for (let p = 0; p < indices.length; p++) {
    // An index past the palette's end reads PIL's default palette, a gray ramp (i, i, i).
    const i = indices[p]!;
    const c = palette[i] ?? [i, i, i];
    rgb[3 * p] = c[0]!;
    rgb[3 * p + 1] = c[1]!;
    rgb[3 * p + 2] = c[2]!;
  }
  return rgb;
}
