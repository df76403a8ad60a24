/**
 * PNG writers for the engine's outputs, with `fast-png` (see image-png.ts for why that codec).
 * Masks are written as 8-bit gray 0/255 rather than 1-bit or 0/1: every viewer shows them,
 * and it is the format of the datasets' own ground-truth masks.
 */
import { encode } from 'fast-png';
import { FianetError } from '../errors.js';
import type { RgbImage } from './image-types.js';

// mask: [height, width], nonzero = object -> PNG bytes, gray 0/255
export function encodeMaskPng(mask: Uint8Array, width: number, height: number): Uint8Array {
  checkSize('mask', mask.length, width, height, 1);
  const data = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) data[i] = mask[i] ? 255 : 0;
  return encode({ width, height, data, depth: 8, channels: 1 });
}

export function encodeRgbPng(image: RgbImage): Uint8Array {
  checkSize('image', image.rgb.length, image.width, image.height, 3);
  return encode({ width: image.width, height: image.height, data: image.rgb, depth: 8, channels: 3 });
}

function checkSize(what: string, length: number, width: number, height: number, channels: number): void {
  if (width <= 0 || height <= 0 || length !== width * height * channels) {
    throw new FianetError('bad-input', `cannot write a ${width} x ${height} ${what} PNG from ${length} values (expected ${width * height * channels})`);
  }
}
