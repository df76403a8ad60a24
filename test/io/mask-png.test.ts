// Mask PNGs (gray 0/255) survive a round trip through our own decoder and through the size
// changes `--original-size` makes.
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { decodeImage } from '../../src/io/image-decode.js';
import { resizeMaskNearest } from '../../src/io/mask-resize.js';
import { concat, encodeMaskPng, resizedMaskPngParts } from '../../src/io/png-encode.js';

describe('encodeMaskPng', () => {
  it('writes nonzero as 255 and zero as 0, readable by the decoder', () => {
    const width = 5;
    const height = 3;
    const mask = Uint8Array.from({ length: width * height }, (_, i) => (i % 3 === 0 ? 1 : i % 7 === 0 ? 200 : 0));
    const png = encodeMaskPng(mask, width, height);
    const back = decodeImage(png, 'mask.png');
    expect([back.width, back.height, back.warnings]).toEqual([width, height, []]);
    for (let p = 0; p < width * height; p++) {
      const v = mask[p] ? 255 : 0;
      expect([back.rgb[3 * p], back.rgb[3 * p + 1], back.rgb[3 * p + 2]]).toEqual([v, v, v]);
    }
  });

  it('is an 8-bit gray PNG (colour type 0)', () => {
    const png = encodeMaskPng(new Uint8Array(4), 2, 2);
    expect(Array.from(png.subarray(24, 26))).toEqual([8, 0]); // IHDR bit depth, colour type
  });

  it('refuses a size that does not match the mask', () => {
    expect(() => encodeMaskPng(new Uint8Array(5), 2, 2)).toThrow(FianetError);
    expect(() => encodeMaskPng(new Uint8Array(0), 0, 0)).toThrow(/cannot write a 0 x 0 mask PNG/);
  });

  it('round-trips a mask resized back to a source size', () => {
    // Columns 2 -> 5: centres 0.2, 0.6, 1.0, 1.4, 1.8 -> 0, 0, 1, 1, 1.
    // Rows 2 -> 3: centres 1/3, 1, 5/3 -> 0, 1, 1.
    const mask = Uint8Array.of(0, 1, 1, 0);
    const big = resizeMaskNearest(mask, 2, 2, 5, 3);
    const back = decodeImage(encodeMaskPng(big, 5, 3));
    const red = Array.from(back.rgb.filter((_, i) => i % 3 === 0));
    expect(red).toEqual([0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 0]);
  });

  it('writing the mask resized row by row equals resizing it whole first', () => {
    for (const [w, h, ow, oh] of [[2, 2, 5, 3], [7, 5, 3, 11], [1, 1, 4, 4], [6, 6, 6, 6]] as const) {
      const mask = Uint8Array.from({ length: w * h }, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
      const whole = encodeMaskPng(resizeMaskNearest(mask, w, h, ow, oh), ow, oh);
      const rows = concat(resizedMaskPngParts(mask, w, h, ow, oh));
      expect(Array.from(decodeImage(rows).rgb), `${w}x${h} -> ${ow}x${oh}`).toEqual(Array.from(decodeImage(whole).rgb));
    }
  });
});
