// Small dataset folders built on disk by the tests, in each layout the readers accept.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { encodeMaskPng, encodeRgbPng } from '../../src/io/png-encode.js';
import { buildTiff } from '../io/image-tiff-builder.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `fianet-eval-${prefix}-`));
}

export function writeFile(root: string, path: string, data: string | Uint8Array): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
}

/** A w x h RGB image whose pixels depend on (x, y, seed): enough to tell images apart. */
export function rgb(w: number, h: number, seed = 0): Uint8Array {
  const data = new Uint8Array(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    data[3 * i] = (i * 7 + seed) & 255;
    data[3 * i + 1] = (i * 13 + 2 * seed) & 255;
    data[3 * i + 2] = (i * 29 + 3 * seed) & 255;
  }
  return data;
}

/** Row-major 0/1 mask with the rectangle [x0, x1) x [y0, y1) set. */
export function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = 1;
  return m;
}

export const png = (w: number, h: number, seed = 0) => encodeRgbPng({ width: w, height: h, rgb: rgb(w, h, seed) });
export const maskPng = (mask: Uint8Array, w: number, h: number) => encodeMaskPng(mask, w, h);
export const jpg = (w: number, h: number, seed = 0): Uint8Array => {
  const rgba = new Uint8Array(w * h * 4);
  const c = rgb(w, h, seed);
  for (let i = 0; i < w * h; i++) rgba.set([c[3 * i]!, c[3 * i + 1]!, c[3 * i + 2]!, 255], 4 * i);
  return jpeg.encode({ width: w, height: h, data: rgba }, 90).data;
};
export const rgbTiff = (w: number, h: number, seed = 0) => buildTiff({ width: w, height: h, bits: 8, samples: 3, photometric: 2, data: rgb(w, h, seed) });
/** 8-bit gray TIFF with the given values (RefSegRS masks). */
export const grayTiff = (values: Uint8Array, w: number, h: number) => buildTiff({ width: w, height: h, bits: 8, samples: 1, photometric: 1, data: values });

/** COCO RLE run lengths of a row-major mask (runs go down the columns, background first). */
export function rleCounts(mask: Uint8Array, w: number, h: number): number[] {
  const counts: number[] = [];
  let value = 0;
  let run = 0;
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      if (mask[y * w + x] !== value) {
        counts.push(run);
        value = mask[y * w + x]!;
        run = 0;
      }
      run++;
    }
  }
  counts.push(run);
  return counts;
}

/** maskApi.c rleToString: the compressed form instances.json stores. */
export function rleString(counts: number[]): string {
  let s = '';
  counts.forEach((c, i) => {
    let x = i > 2 ? c - counts[i - 2]! : c;
    let more = true;
    while (more) {
      let ch = x & 0x1f;
      x = Math.floor(x / 32);
      more = ch & 0x10 ? x !== -1 : x !== 0;
      if (more) ch |= 0x20;
      s += String.fromCharCode(ch + 48);
    }
  });
  return s;
}
