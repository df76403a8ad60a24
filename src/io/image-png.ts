/**
 * PNG decoding (PNG spec, 3rd edition), our own: the chunk layer here, the image data in
 * image-png-rows.ts. We used `fast-png` before; it read a truecolor or gray + alpha image that
 * carries a suggested palette (an optional PLTE) as palette indices, refused interlaced images
 * with 1-, 2- or 4-bit pixels, and inflated IDAT and iCCP chunks without bound. Here:
 * - the colour type alone decides the meaning of a pixel; PLTE is used only for colour type 3;
 * - every chunk's CRC is checked (PIL refuses a broken chunk too); ancillary chunks are skipped
 *   unread (nothing in them changes convert('RGB'): tRNS, gAMA, iCCP... are ignored by it);
 * - the size is checked against the pixel limit before any allocation, and the image data is
 *   inflated with its output bounded by the exact size the header implies.
 */
import { FianetError, quote } from '../errors.js';
import { inflateBounded, MAX_DEFLATE_RATIO } from './image-inflate.js';
import { PngRows, pngDataSize, type PngLayout } from './image-png-rows.js';
import { RgbWriter } from './image-raster.js';
import { checkImageSize, type DecodedImage } from './image-types.js';
import { crc32 } from './zip.js';

const SIGNATURE_BYTES = 8;
/** Bit depths allowed per colour type, and samples per pixel (spec table 11.1). */
const COLOUR_TYPES: Record<number, { depths: number[]; channels: number; name: string }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1, name: 'gray' },
  2: { depths: [8, 16], channels: 3, name: 'RGB' },
  3: { depths: [1, 2, 4, 8], channels: 1, name: 'palette' },
  4: { depths: [8, 16], channels: 2, name: 'gray + alpha' },
  6: { depths: [8, 16], channels: 4, name: 'RGBA' },
};

interface Chunk {
  type: string;
  data: Uint8Array;
}

export function decodePng(bytes: Uint8Array, label: string, maxPixels: number): DecodedImage {
  const chunks = readChunks(bytes, label);
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw bad(label, 'it does not start with a valid IHDR header chunk');
  const layout = readHeader(ihdr.data, label, maxPixels);
  const colourType = ihdr.data[9]!;

  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  for (const { type, data } of chunks.slice(1)) {
    if (type === 'PLTE' && colourType === 3 && idat.length === 0) {
      if (data.length === 0 || data.length % 3 !== 0 || data.length > 3 * 256) {
        throw bad(label, `its palette (PLTE) is ${data.length} bytes, not 1 to 256 RGB entries`);
      }
      palette = data;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
  }
  if (colourType === 3 && !palette) throw bad(label, 'it is a palette image without a palette (PLTE) before its image data');
  if (idat.length === 0) throw bad(label, 'it has no image data (IDAT chunk)');

  // Before the result is allocated: a few bytes of image data cannot inflate to many megapixels.
  const stored = idat.reduce((n, c) => n + c.length, 0);
  const expected = pngDataSize(layout);
  if (stored * MAX_DEFLATE_RATIO < expected) {
    throw bad(label, `its image data is ${stored} bytes, too few for the ${expected} bytes ${layout.width} x ${layout.height} pixels need even at deflate's highest ratio; it is truncated or corrupt`);
  }
  const writer = new RgbWriter(
    { channels: layout.channels, bits: layout.bits, colour: colourType === 3 ? 'palette' : layout.channels >= 3 ? 'rgb' : 'gray', alpha: colourType === 4 || colourType === 6, ...(palette ? { palette } : {}) },
    layout.width,
    layout.height,
    label,
  );
  const rows = new PngRows(layout, writer, label);
  inflateBounded(idat, expected, (chunk) => rows.push(chunk), `${label}: cannot read this PNG file: its image data`);
  return writer.finish();
}

/** Every chunk up to IEND (or the end of the file), CRC-checked; the data are views, not copies. */
function readChunks(bytes: Uint8Array, label: string): Chunk[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Chunk[] = [];
  let at = SIGNATURE_BYTES;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) throw bad(label, `it is truncated (a chunk header at byte ${at} is cut off)`);
    const length = dv.getUint32(at);
    const typeBytes = bytes.subarray(at + 4, at + 8);
    const type = String.fromCharCode(...typeBytes);
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad(label, `the chunk at byte ${at} has an invalid type ${quote(type)}`);
    if (length > bytes.length - at - 12) {
      throw bad(label, `it is truncated (chunk ${type} at byte ${at} declares ${length} bytes, only ${Math.max(0, bytes.length - at - 12)} remain)`);
    }
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== dv.getUint32(at + 8 + length)) {
      throw bad(label, `chunk ${type} at byte ${at} is damaged (its CRC does not match)`);
    }
    chunks.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function readHeader(h: Uint8Array, label: string, maxPixels: number): PngLayout {
  const dv = new DataView(h.buffer, h.byteOffset, 13);
  const width = dv.getUint32(0);
  const height = dv.getUint32(4);
  const [bits, colourType, compression, filter, interlace] = [h[8]!, h[9]!, h[10]!, h[11]!, h[12]!];
  // The spec caps both at 2^31 - 1; the pixel limit then bounds every allocation.
  if (width > 0x7fffffff || height > 0x7fffffff) throw bad(label, `its header declares ${width} x ${height} pixels (at most 2^31 - 1 each)`);
  checkImageSize(width, height, label, maxPixels);
  const type = COLOUR_TYPES[colourType];
  if (!type) throw bad(label, `its header has colour type ${colourType} (valid: 0, 2, 3, 4, 6)`);
  if (!type.depths.includes(bits)) throw bad(label, `its header has ${bits}-bit ${type.name} pixels (valid: ${type.depths.join(', ')} bits)`);
  if (compression !== 0 || filter !== 0) throw bad(label, `its header has compression method ${compression} and filter method ${filter} (valid: 0 and 0)`);
  if (interlace > 1) throw bad(label, `its header has interlace method ${interlace} (valid: 0 none, 1 Adam7)`);
  return { width, height, bits, channels: type.channels, interlaced: interlace === 1 };
}

const bad = (label: string, why: string) => new FianetError('bad-input', `${label}: cannot read this PNG file: ${why}`);
