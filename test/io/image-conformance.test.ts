// The image conformance set (test/data/images, written by make.py there): every PNG bit depth
// and colour type, interlaced or not, palettes with tRNS, suggested palettes on truecolor and
// gray + alpha; JPEG baseline and progressive, colour and gray; TIFF strips and tiles, none /
// LZW / Deflate / PackBits, the horizontal predictor, 1- to 16-bit, both byte orders. Each file
// must decode to PIL's Image.open(f).convert('RGB') (Pillow 9.4), pixel for pixel for PNG and
// TIFF. JPEG: jpeg-js is not libjpeg-turbo (see src/io/image-jpeg.ts), so it gets a tolerance.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';

const DIR = new URL('../data/images/', import.meta.url);

interface Expected {
  mode: string;
  width: number;
  height: number;
  rgb: string;
}

const { images } = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as { images: Record<string, Expected> };
const names = Object.keys(images);

/**
 * jpeg-js vs PIL per 8-bit channel, measured on these files (max |diff|, mean |diff|): gray
 * 1, 0.083; 4:4:4 colour 3, 0.560 (floating-point vs fixed-point IDCT and colour conversion);
 * 4:2:0 colour 20, 3.961 (jpeg-js replicates subsampled chroma where libjpeg-turbo interpolates
 * it, so edges in colour differ most). Baseline and progressive measure the same. The bounds
 * are those figures; the mean catches a systematic error the max alone would let through.
 */
function jpegTolerance(name: string): { max: number; mean: number } {
  if (name.includes('gray')) return { max: 1, mean: 0.09 };
  return name.includes('420') ? { max: 20, mean: 4 } : { max: 3, mean: 0.6 };
}

function decodeFile(name: string) {
  return decodeImage(new Uint8Array(readFileSync(new URL(name, DIR))), name);
}

describe('image conformance set', () => {
  it('covers every format and layout it promises', () => {
    expect(names.filter((n) => n.endsWith('.png')).length).toBeGreaterThanOrEqual(50);
    expect(names.filter((n) => n.endsWith('.tif')).length).toBeGreaterThanOrEqual(30);
    expect(names.filter((n) => n.endsWith('.jpg')).length).toBeGreaterThanOrEqual(6);
    for (const part of ['adam7', 'plte', 'trns', 'gray1', 'gray16', 'palette1', 'tiles', 'lzw', 'deflate', 'packbits', 'predictor', 'progressive']) {
      expect(names.some((n) => n.includes(part)), part).toBe(true);
    }
  });

  for (const name of names.filter((n) => !n.endsWith('.jpg'))) {
    it(`${name} (PIL mode ${images[name]!.mode}) decodes exactly as PIL`, () => {
      const want = images[name]!;
      const got = decodeFile(name);
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      const expected = Buffer.from(want.rgb, 'base64');
      const wrong: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        if (got.rgb[i] !== expected[i]) wrong.push(`pixel ${Math.floor(i / 3) % want.width},${Math.floor(i / 3 / want.width)} c${i % 3}: got ${got.rgb[i]}, PIL ${expected[i]}`);
      }
      expect(wrong.slice(0, 10), `${wrong.length} samples differ`).toEqual([]);
    });
  }

  for (const name of names.filter((n) => n.endsWith('.jpg'))) {
    const tolerance = jpegTolerance(name);
    it(`${name} is within ${tolerance.max} levels of PIL (mean ${tolerance.mean})`, () => {
      const want = images[name]!;
      const got = decodeFile(name);
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      const expected = Buffer.from(want.rgb, 'base64');
      let worst = 0;
      let sum = 0;
      for (let i = 0; i < expected.length; i++) {
        const d = Math.abs(got.rgb[i]! - expected[i]!);
        worst = Math.max(worst, d);
        sum += d;
      }
      expect(worst).toBeLessThanOrEqual(tolerance.max);
      expect(sum / expected.length).toBeLessThanOrEqual(tolerance.mean);
    });
  }
});
