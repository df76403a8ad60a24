// Bilinear and nearest resizes against Pillow on shapes the fixtures do not cover: upscaling,
// non-square, one axis unchanged, extreme ratios, 1-pixel images, large nearest upscales.
// The cases come from resize-pil-cases.py (run with Pillow; the version is in the JSON).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nearestIndices, resizeMaskNearest } from '../../src/io/mask-resize.js';
import { resizeBilinear } from '../../src/io/resize-bilinear.js';

interface Cases {
  pillow: string;
  bilinear: Array<{ width: number; height: number; src: string; outWidth: number; outHeight: number; out: string }>;
  nearest: Array<{ in: number; out: number; index: number[] }>;
}
const cases = JSON.parse(readFileSync(new URL('resize-pil-cases.json', import.meta.url), 'utf8')) as Cases;
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe(`bilinear resize matches Pillow ${cases.pillow} bit for bit`, () => {
  it.each(cases.bilinear.map((c) => [`${c.width}x${c.height} -> ${c.outWidth}x${c.outHeight}`, c] as const))('%s', (_, c) => {
    const out = resizeBilinear({ width: c.width, height: c.height, rgb: bytes(c.src) }, c.outWidth, c.outHeight);
    expect([out.width, out.height]).toEqual([c.outWidth, c.outHeight]);
    const want = bytes(c.out);
    const bad: string[] = [];
    for (let i = 0; i < want.length && bad.length < 10; i++) {
      if (out.rgb[i] !== want[i]) bad.push(`pixel ${Math.floor(i / 3)} channel ${i % 3}: got ${out.rgb[i]}, expected ${want[i]}`);
    }
    expect(bad).toEqual([]);
  });
});

describe(`nearest resize matches Pillow ${cases.pillow}`, () => {
  it.each(cases.nearest.map((c) => [`${c.in} -> ${c.out}`, c] as const))('source indices %s', (_, c) => {
    expect(Array.from(nearestIndices(c.in, c.out))).toEqual(c.index);
  });

  it('hand-computed cases', () => {
    // 2x2 -> 4x4 doubles each pixel; 4x1 -> 2x1 picks columns 1 and 3 (centres 1.0 and 3.0).
    expect(Array.from(resizeMaskNearest(Uint8Array.of(1, 2, 3, 4), 2, 2, 4, 4))).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    expect(Array.from(resizeMaskNearest(Uint8Array.of(10, 20, 30, 40), 4, 1, 2, 1))).toEqual([20, 40]);
    // 3 -> 2: centres at 0.75 and 2.25 -> columns 0 and 2.
    expect(Array.from(resizeMaskNearest(Uint8Array.of(5, 6, 7), 3, 1, 2, 1))).toEqual([5, 7]);
    expect(Array.from(resizeMaskNearest(Uint8Array.of(9), 1, 1, 3, 2))).toEqual([9, 9, 9, 9, 9, 9]);
  });
});
