/**
 * JPEG decoding with `jpeg-js`: pure JavaScript, no dependencies, works in Node and browsers
 * when asked for typed arrays (`useTArray`), baseline and progressive, gray, YCbCr and Adobe
 * CMYK; it throws on truncated files ("marker was not found") as PIL does. It is not libjpeg:
 * it upsamples chroma by replication and converts YCbCr in floating point, where PIL
 * (libjpeg-turbo) uses "fancy" triangle upsampling and fixed-point tables, so pixels can
 * differ from PIL's by a few levels. A bit-exact JPEG decoder would mean shipping
 * libjpeg-turbo as WebAssembly; PNG and TIFF decoding are exact.
 */
import jpeg from 'jpeg-js';
import type { DecodedImage } from './image-types.js';

export function decodeJpeg(bytes: Uint8Array): DecodedImage {
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false });
  return { width: img.width, height: img.height, rgb: img.data, warnings: [] };
}
