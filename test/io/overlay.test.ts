// The overlay is for people: check it is a valid PNG of the image's size, that the tint and
// outline land where the mask and its edge are, and leave the rest of the image untouched.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';
import { resizeMaskNearest } from '../../src/io/mask-resize.js';
import { encodeOverlayPng, maskColour, renderOverlay } from '../../src/io/overlay.js';
import { EXAMPLES } from '../helpers/test-data.js';

describe('overlay', () => {
  const width = 12;
  const height = 10;
  const image = { width, height, rgb: new Uint8Array(width * height * 3).fill(100) };
  // A 6 x 5 mask with a 2 x 2 square at (2..3, 1..2): 2x larger on the image.
  const mask = new Uint8Array(6 * 5);
  for (const [x, y] of [[2, 1], [3, 1], [2, 2], [3, 2]] as const) mask[y * 6 + x] = 1;

  it('is a PNG of the image size, whatever the mask size', () => {
    const png = encodeOverlayPng(image, mask, 6, 5);
    const back = decodeImage(png, 'overlay.png');
    expect([back.width, back.height]).toEqual([width, height]);
  });

  it('tints inside, outlines the edge, leaves the background alone', () => {
    const out = renderOverlay(image, mask, 6, 5);
    const px = (x: number, y: number) => Array.from(out.rgb.subarray(3 * (y * width + x), 3 * (y * width + x) + 3));
    // Object covers x 4..7, y 2..5 on the image; its interior is x 5..6, y 3..4.
    expect(px(5, 3)).toEqual([170, 55, 55]); // 0.55 * 100 + 0.45 * (255, 0, 0), rounded
    expect(px(4, 2)).toEqual([255, 255, 0]); // inner edge
    expect(px(3, 2)).toEqual([255, 255, 0]); // outer edge
    expect(px(0, 0)).toEqual([100, 100, 100]);
    expect(px(10, 8)).toEqual([100, 100, 100]);
  });

  // FIANET_OVERLAY_OUT=/tmp/overlay.png npx vitest run test/io/overlay.test.ts writes it out.
  it('on a demo image, for a human to look at', () => {
    const img = decodeImage(new Uint8Array(readFileSync(new URL('example1.png', EXAMPLES))), 'example1.png');
    const m = decodeImage(new Uint8Array(readFileSync(new URL('example1_mask.png', EXAMPLES))), 'example1_mask.png');
    const mask01 = m.rgb.filter((_, i) => i % 3 === 0);
    const png = encodeOverlayPng(img, mask01, m.width, m.height);
    if (process.env.FIANET_OVERLAY_OUT) writeFileSync(process.env.FIANET_OVERLAY_OUT, png);
    expect(decodeImage(png).width).toBe(img.width);
  });

  it('row by row equals resizing the whole mask then colouring each pixel, at awkward sizes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
    for (const [mw, mh, w, h] of [[1, 1, 1, 1], [5, 3, 17, 11], [7, 7, 3, 2], [6, 5, 6, 5], [4, 9, 13, 1]] as const) {
      const m = Uint8Array.from({ length: mw * mh }, () => (rand() < 0.4 ? 1 : 0));
      const img = { width: w, height: h, rgb: Uint8Array.from({ length: w * h * 3 }, () => Math.floor(rand() * 256)) };
      const big = resizeMaskNearest(m, mw, mh, w, h);
      const want = new Uint8Array(img.rgb);
      for (let p = 0; p < w * h; p++) {
        const colour = maskColour(big, w, h, p % w, Math.floor(p / w));
        if (!colour) continue;
        const a = colour[1] === 255 ? 1 : 0.45; // the outline is yellow, the tint red
        for (let c = 0; c < 3; c++) want[3 * p + c] = Math.round((1 - a) * img.rgb[3 * p + c]! + a * colour[c]!);
      }
      expect(Array.from(renderOverlay(img, m, mw, mh).rgb), `${mw}x${mh} -> ${w}x${h}`).toEqual(Array.from(want));
      expect(Array.from(decodeImage(encodeOverlayPng(img, m, mw, mh)).rgb), `${mw}x${mh} -> ${w}x${h} PNG`).toEqual(Array.from(want));
    }
  });
});
