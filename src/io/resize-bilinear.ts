/**
 * PIL's `Image.resize(size, Image.BILINEAR)` on 8-bit RGB, bit for bit (Pillow >= 7, the
 * reference's preprocessing). A port of Pillow's src/libImaging/Resample.c:
 * - the bilinear kernel is a triangle whose support grows with the downscale factor, so
 *   downscaling averages (antialiases) instead of sampling 2 x 2 pixels;
 * - coefficients are computed in double (`precompute_coeffs`), normalised to sum 1, then turned
 *   into 22-bit fixed point (`normalize_coeffs_8bpc`, PRECISION_BITS = 32 - 8 - 2);
 * - separable: a horizontal pass into an 8-bit image, then a vertical pass, each rounding
 *   (accumulators start at 1/2) and clamping to 0..255 (`clip8`);
 * - a pass is skipped when its dimension does not change, and the horizontal pass only
 *   computes the rows the vertical pass will read (`ImagingResampleInner`).
 * All arithmetic below is exact in JS doubles (sums stay below 2^31, as int32 in C), so the
 * result matches PIL exactly, not approximately.
 */
import type { RgbImage } from './image-types.js';

const PRECISION_BITS = 32 - 8 - 2;

interface Coefficients {
  /** taps per output sample */
  ksize: number;
  /** per output sample: first input index and number of taps */
  bounds: Int32Array;
  /** fixed-point weights, ksize per output sample */
  kk: Int32Array;
}

export function resizeBilinear(image: RgbImage, outWidth: number, outHeight: number): RgbImage {
  const { width, height } = image;
  if (outWidth === width && outHeight === height) return { width, height, rgb: image.rgb.slice() };
  const horiz = precomputeCoeffs(width, outWidth);
  const vert = precomputeCoeffs(height, outHeight);

  let src = image.rgb;
  let srcWidth = width;
  let firstRow = 0;
  if (outWidth !== width) {
    // Only rows [firstRow, lastRow) feed the vertical pass.
    firstRow = vert.bounds[0]!;
    const lastRow = vert.bounds[2 * outHeight - 2]! + vert.bounds[2 * outHeight - 1]!;
    src = resampleHorizontal(src, width, firstRow, lastRow - firstRow, outWidth, horiz);
    srcWidth = outWidth;
  }
  if (outHeight === height) return { width: outWidth, height, rgb: src };
  const rgb = resampleVertical(src, srcWidth, firstRow, outHeight, vert);
  return { width: outWidth, height: outHeight, rgb };
}

/** Pillow's bilinear filter: a triangle of support 1. */
function triangle(x: number): number {
  const a = Math.abs(x);
  return a < 1 ? 1 - a : 0;
}

/** Pillow's `precompute_coeffs` for the whole-image box [0, inSize), then `normalize_coeffs_8bpc`. */
function precomputeCoeffs(inSize: number, outSize: number): Coefficients {
  const scale = inSize / outSize;
  const filterscale = Math.max(scale, 1);
  const support = 1 * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const kk = new Int32Array(outSize * ksize);
  const w = new Float64Array(ksize);
  const ss = 1 / filterscale;
  for (let xx = 0; xx < outSize; xx++) {
    const center = (xx + 0.5) * scale;
    // C's (int) cast truncates toward zero; the clamp makes that equal to floor here.
    const xmin = Math.max(Math.trunc(center - support + 0.5), 0);
    const xmax = Math.min(Math.trunc(center + support + 0.5), inSize) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      w[x] = triangle((x + xmin - center + 0.5) * ss);
      ww += w[x]!;
    }
    for (let x = 0; x < xmax; x++) {
      const k = ww !== 0 ? w[x]! / ww : w[x]!;
      // Round half away from zero, then truncate, as `normalize_coeffs_8bpc` does.
      kk[xx * ksize + x] = k < 0 ? Math.trunc(-0.5 + k * (1 << PRECISION_BITS)) : Math.trunc(0.5 + k * (1 << PRECISION_BITS));
    }
    bounds[2 * xx] = xmin;
    bounds[2 * xx + 1] = xmax;
  }
  return { ksize, bounds, kk };
}

/** Pillow's `clip8`: drop the fixed-point fraction, clamp to 0..255. */
function clip8(v: number): number {
  if (v >= 1 << (PRECISION_BITS + 8)) return 255;
  if (v <= 0) return 0;
  return v >> PRECISION_BITS;
}

const HALF = 1 << (PRECISION_BITS - 1);

// src: [*, inWidth, 3], rows [firstRow, firstRow + rows) -> out: [rows, outWidth, 3]
function resampleHorizontal(src: Uint8Array, inWidth: number, firstRow: number, rows: number, outWidth: number, c: Coefficients): Uint8Array {
  const out = new Uint8Array(rows * outWidth * 3);
  for (let yy = 0; yy < rows; yy++) {
    const rowBase = (yy + firstRow) * inWidth * 3;
    for (let xx = 0; xx < outWidth; xx++) {
      const xmin = c.bounds[2 * xx]!;
      const xmax = c.bounds[2 * xx + 1]!;
      const k0 = xx * c.ksize;
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      for (let x = 0; x < xmax; x++) {
        const k = c.kk[k0 + x]!;
        const i = rowBase + (x + xmin) * 3;
        s0 += src[i]! * k;
        s1 += src[i + 1]! * k;
        s2 += src[i + 2]! * k;
      }
      const o = (yy * outWidth + xx) * 3;
      out[o] = clip8(s0);
      out[o + 1] = clip8(s1);
      out[o + 2] = clip8(s2);
    }
  }
  return out;
}

// src: [*, width, 3] whose row 0 is input row `rowOffset` -> out: [outHeight, width, 3]
function resampleVertical(src: Uint8Array, width: number, rowOffset: number, outHeight: number, c: Coefficients): Uint8Array {
  const out = new Uint8Array(outHeight * width * 3);
  const stride = width * 3;
  for (let yy = 0; yy < outHeight; yy++) {
    const ymin = c.bounds[2 * yy]! - rowOffset;
    const ymax = c.bounds[2 * yy + 1]!;
    const k0 = yy * c.ksize;
    for (let i = 0; i < stride; i++) {
      let s = HALF;
      for (let y = 0; y < ymax; y++) s += src[(y + ymin) * stride + i]! * c.kk[k0 + y]!;
      out[yy * stride + i] = clip8(s);
    }
  }
  return out;
}
