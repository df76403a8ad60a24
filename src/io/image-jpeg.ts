/**
 * JPEG decoding with `jpeg-js`: pure JavaScript, no dependencies, works in Node and browsers
 * when asked for typed arrays (`useTArray`), baseline and progressive, gray, YCbCr and Adobe
 * CMYK; it throws on truncated files ("marker was not found") as PIL does. It is not libjpeg:
 * it upsamples chroma by replication and converts YCbCr in floating point, where PIL
 * (libjpeg-turbo) uses "fancy" triangle upsampling and fixed-point tables, so pixels can
 * differ from PIL's by a few levels (measured in test/io/image-conformance.test.ts). A
 * bit-exact JPEG decoder would mean shipping libjpeg-turbo as WebAssembly.
 *
 * The frame header is read here first, so the pixel limit is checked and unsupported coding
 * processes are named before jpeg-js allocates anything.
 */
import jpeg from 'jpeg-js';
import { FianetError, quote } from '../errors.js';
import { checkImageSize, type DecodedImage } from './image-types.js';

/** Start-of-frame markers jpeg-js decodes: baseline, extended sequential, progressive (Huffman). */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Other start-of-frame markers (lossless, hierarchical, arithmetic coding). */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function decodeJpeg(bytes: Uint8Array, label: string, maxPixels: number): DecodedImage {
  const frame = readFrameHeader(bytes, label);
  checkImageSize(frame.width, frame.height, label, maxPixels);
  // Every 8 x 8 block codes at least one bit (its DC difference): a file with fewer bits than
  // blocks is truncated, and is refused before jpeg-js allocates the declared frame.
  if (bytes.length * 8 * 64 < frame.width * frame.height) {
    throw bad(label, `it is ${bytes.length} bytes, too small for ${frame.width} x ${frame.height} pixels; it is truncated or corrupt`);
  }
  let img: { width: number; height: number; data: Uint8Array };
  try {
    img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: maxPixels / 1e6,
      // jpeg-js's working set: the output plus a few bytes per pixel of component planes.
      maxMemoryUsageInMB: Math.max(512, Math.ceil((16 * frame.width * frame.height) / 2 ** 20)),
    });
  } catch (e) {
    if (e instanceof FianetError) throw e;
    // jpeg-js's own errors say what it found ("marker was not found"); a TypeError or
    // RangeError from inside it only says where it tripped, which means nothing to a user.
    const detail = e instanceof TypeError || e instanceof RangeError ? '' : ` (${quote((e as Error).message)})`;
    throw bad(label, `it is truncated or corrupt${detail}`);
  }
  return { width: img.width, height: img.height, rgb: img.data, warnings: [] };
}

/** The first start-of-frame segment's size, walking the marker segments from SOI. */
function readFrameHeader(bytes: Uint8Array, label: string): { width: number; height: number } {
  let at = 2; // after SOI
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw bad(label, `it is corrupt (no marker at byte ${at})`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) {
      at += 2; // markers without a segment
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) throw bad(label, `it is corrupt (a segment at byte ${at} has length ${length})`);
    if (SUPPORTED_FRAMES.has(marker)) {
      if (at + 9 > bytes.length || length < 8) break;
      if (bytes[at + 4] !== 8) throw bad(label, `it has ${bytes[at + 4]}-bit samples (supported: 8)`);
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      if (height === 0) throw bad(label, 'its height is given after the image data (DNL marker), which is not supported');
      return { width, height };
    }
    if (OTHER_FRAMES.has(marker)) {
      throw bad(label, 'it uses a lossless, hierarchical or arithmetic-coded JPEG process (supported: baseline and progressive)');
    }
    if (marker === 0xda || marker === 0xd9) throw bad(label, 'it has no frame header before its image data');
    at += 2 + length;
  }
  throw bad(label, 'it is truncated (no frame header)');
}

const bad = (label: string, why: string) => new FianetError('bad-input', `${label}: cannot read this JPEG file: ${why}`);
