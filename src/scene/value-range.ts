/**
 * The one linear range that maps a wide-typed scene (16-bit, float) onto 0..255: given by the
 * user (--scale-range), or the 2nd-98th percentile of the whole scene, estimated once from
 * the smallest overview or from a grid of sample windows. Never per tile, so that tiles agree.
 */
import { FianetError } from '../errors.js';
import type { SceneRaster } from './scene-raster.js';
import { readBands, validityTest, type ValueRange } from './tile-pixels.js';

/** Sample grid when there is no overview: GRID x GRID windows of SAMPLE x SAMPLE pixels. */
const GRID = 8;
const SAMPLE = 128;
/** An overview up to this many pixels is read whole. */
const WHOLE_OVERVIEW = 1 << 20;

export function parseScaleRange(text: string): ValueRange {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[1]! > parts[0]!)) {
    throw new FianetError('bad-input', `--scale-range must be LO,HI with LO < HI (numbers), got ${JSON.stringify(text)}`);
  }
  return { lo: parts[0]!, hi: parts[1]!, source: 'scale-range' };
}

export async function sceneValueRange(raster: SceneRaster, bands: readonly number[], given?: ValueRange): Promise<ValueRange> {
  if (raster.kind === 'uint' && raster.bits === 8) return { lo: 0, hi: 255, source: 'identity' };
  if (given) return given;
  const k = raster.overviews;
  const [w, h] = raster.overviewSize(k);
  const windows: Array<[number, number, number, number]> = [];
  if (w * h <= WHOLE_OVERVIEW) {
    windows.push([0, 0, w, h]);
  } else {
    const sw = Math.min(SAMPLE, w);
    const sh = Math.min(SAMPLE, h);
    for (let j = 0; j < GRID; j++) {
      for (let i = 0; i < GRID; i++) windows.push([Math.floor(((w - sw) * i) / (GRID - 1)), Math.floor(((h - sh) * j) / (GRID - 1)), sw, sh]);
    }
  }
  const isValid = validityTest(raster);
  const samples: number[] = [];
  for (const [x0, y0, ww, wh] of windows) {
    const { values, alpha } = await readBands(raster, x0, y0, ww, wh, bands, k);
    for (let p = 0; p < ww * wh; p++) if (isValid(values, p, alpha)) for (const band of values) samples.push(band[p]!);
  }
  if (samples.length === 0) throw new FianetError('bad-input', `${raster.label}: no valid pixels found to estimate the value range; give --scale-range LO,HI`);
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]!;
  const lo = at(0.02);
  const hi = at(0.98);
  return { lo, hi: hi > lo ? hi : lo + 1, source: 'percentile' };
}
