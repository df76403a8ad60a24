/**
 * COCO `segmentation` -> binary mask, as the reference gets RRSIS-D ground truth:
 * `refer.getMask` decodes with pycocotools (`mask.frPyObjects` for polygons, compressed RLE
 * as stored) and sums the segments, then the dataset keeps the pixels where that sum is
 * exactly 1 (`annot[ref_mask == 1] = 1`): where two segments of one annotation overlap the
 * reference sees background, and so do we. RLE and polygon rasterisation are ports of
 * pycocotools' maskApi.c (`rleFrString`, `rleFrPoly`, `rleDecode`) so masks match pixel for
 * pixel. RLE runs alternate background / object over the image in column-major order.
 */
import { FianetError } from '../errors.js';

export interface BinaryMask {
  width: number;
  height: number;
  /** Row-major [height, width], 1 = object. */
  data: Uint8Array;
}

type Rle = { height: number; width: number; counts: ArrayLike<number> };

/** `width` and `height` are the image's (instances.json), used for polygons. */
export function cocoMask(segmentation: unknown, width: number, height: number, label: string): BinaryMask {
  const fail = (what: string): never => {
    throw new FianetError('bad-input', `${label}: ${what}`);
  };
  const parts = Array.isArray(segmentation) ? segmentation : [segmentation];
  if (parts.length === 0) fail('the segmentation is empty');
  const rles: Rle[] = parts.map((p, i) => {
    if (Array.isArray(p)) {
      if (p.length < 6 || p.length % 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        fail(`polygon ${i} must be a flat list of at least 3 x, y pairs`);
      }
      return { height, width, counts: rleFromPolygon(p as number[], height, width) };
    }
    const o = p as { size?: unknown; counts?: unknown } | null;
    const size = o?.size;
    if (!Array.isArray(size) || size.length !== 2 || !size.every((v) => Number.isInteger(v) && v > 0)) {
      return fail(`segment ${i} is neither a polygon nor an RLE {"size": [h, w], "counts": ...}`);
    }
    const [h, w] = size as [number, number];
    if (typeof o!.counts === 'string') return { height: h, width: w, counts: rleFromString(o!.counts) };
    if (Array.isArray(o!.counts) && o!.counts.every((v) => Number.isInteger(v) && v >= 0)) return { height: h, width: w, counts: o!.counts as number[] };
    return fail(`segment ${i}: RLE counts must be a string or a list of run lengths`);
  });
  const { height: h, width: w } = rles[0]!;
  if (rles.some((r) => r.height !== h || r.width !== w)) fail('its segments have different sizes');
  const sum = new Uint8Array(h * w);
  for (const r of rles) {
    let p = 0;
    for (let j = 0; j < r.counts.length; j++) {
      const run = r.counts[j]!;
      if (p + run > h * w) fail(`RLE runs cover ${p + run} pixels, more than the ${w} x ${h} image`);
      if (j % 2 === 1) {
        for (let q = p; q < p + run; q++) {
          const y = q % h;
          const x = (q - y) / h;
          sum[y * w + x]++;
        }
      }
      p += run;
    }
  }
  for (let i = 0; i < sum.length; i++) sum[i] = sum[i] === 1 ? 1 : 0;
  return { width: w, height: h, data: sum };
}

/** maskApi.c rleFrString: LEB128-like, 6 bits per character from '0', deltas from the 3rd run on. */
export function rleFromString(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      const c = s.charCodeAt(p) - 48;
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (5 * k); // sign extension of the last group
    }
    if (counts.length > 2) x += counts[counts.length - 2]!;
    counts.push(x >>> 0);
  }
  return counts;
}

/**
 * maskApi.c rleFrPoly: walk the polygon's edges on a 5x finer grid, keep the points where an
 * edge crosses a pixel column's centre, and turn them into column-major run boundaries.
 * C's (int) casts truncate toward zero; Math.trunc does the same.
 */
export function rleFromPolygon(xy: readonly number[], h: number, w: number): number[] {
  const scale = 5;
  const k = xy.length / 2;
  const x = new Int32Array(k + 1);
  const y = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) x[j] = Math.trunc(scale * xy[2 * j]! + 0.5);
  for (let j = 0; j < k; j++) y[j] = Math.trunc(scale * xy[2 * j + 1]! + 0.5);
  x[k] = x[0]!;
  y[k] = y[0]!;
  const u: number[] = [];
  const v: number[] = [];
  for (let j = 0; j < k; j++) {
    let xs = x[j]!;
    let xe = x[j + 1]!;
    let ys = y[j]!;
    let ye = y[j + 1]!;
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) [xs, xe, ys, ye] = [xe, xs, ye, ys];
    // A zero-length edge gives s = NaN in C too; its point never becomes a boundary (same u as its neighbours).
    const s = dx >= dy ? (ye - ys) / dx : (xe - xs) / dy;
    if (dx >= dy) {
      for (let d = 0; d <= dx; d++) {
        const t = flip ? dx - d : d;
        u.push(t + xs);
        v.push(Math.trunc(ys + s * t + 0.5));
      }
    } else {
      for (let d = 0; d <= dy; d++) {
        const t = flip ? dy - d : d;
        v.push(t + ys);
        u.push(Math.trunc(xs + s * t + 0.5));
      }
    }
  }
  const a: number[] = [];
  for (let j = 1; j < u.length; j++) {
    if (u[j] === u[j - 1]) continue;
    let xd = u[j]! < u[j - 1]! ? u[j]! : u[j]! - 1;
    xd = (xd + 0.5) / scale - 0.5;
    if (Math.floor(xd) !== xd || xd < 0 || xd > w - 1) continue;
    let yd = v[j]! < v[j - 1]! ? v[j]! : v[j - 1]!;
    yd = (yd + 0.5) / scale - 0.5;
    yd = Math.ceil(yd < 0 ? 0 : yd > h ? h : yd);
    a.push(xd * h + yd);
  }
  a.push(h * w);
  a.sort((p, q) => p - q);
  let prev = 0;
  for (let j = 0; j < a.length; j++) {
    const t = a[j]!;
    a[j] = t - prev;
    prev = t;
  }
  const b = [a[0]!];
  for (let j = 1; j < a.length; ) {
    if (a[j]! > 0) b.push(a[j++]!);
    else if (++j < a.length) b[b.length - 1]! += a[j++]!;
  }
  return b;
}
