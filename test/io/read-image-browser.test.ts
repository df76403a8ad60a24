// The browser entry point (src/browser/read-image.ts) under Node, which has Blob: bytes and
// Blobs go through the same decoder and limits as files; an oversized Blob is refused unread.
import { describe, expect, it } from 'vitest';
import { readImage } from '../../src/browser/read-image.js';
import { encodeMaskPng } from '../../src/io/png-encode.js';

describe('readImage (browser)', () => {
  const png = new Uint8Array(encodeMaskPng(Uint8Array.of(0, 1, 1), 3, 1));

  it('decodes bytes and Blobs alike, with the pixel limit', async () => {
    expect(Array.from((await readImage(png, 'a.png')).rgb)).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 255]);
    expect((await readImage(new Blob([png]), 'b.png', { maxPixels: 3 })).width).toBe(3);
    await expect(readImage(new Blob([png]), 'b.png', { maxPixels: 2 })).rejects.toThrow(/b\.png: the image is 3 x 1 pixels, over the limit of 2 pixels/);
  });

  it('refuses a Blob larger than any image within the limit, before reading it', async () => {
    // 8 bytes per allowed pixel + 16 MiB: one pixel allows 16 MiB + 8 bytes.
    const big = new Blob([new Uint8Array(16 * 2 ** 20 + 9)]);
    await expect(readImage(big, 'big.png', { maxPixels: 1 })).rejects.toThrow(/big\.png: the file is 16777225 bytes, too large for an image within the pixel limit/);
  });
});
