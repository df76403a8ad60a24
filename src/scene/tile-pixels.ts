/**
 * One tile of the scene as the model sees it: the selected bands mapped to 8-bit RGB (8-bit
 * bands as they are, wider types through one linear range for the whole scene) and which
 * pixels are valid (not GDAL_NODATA in every band, not NaN, alpha not 0).
 */
import type { RgbImage } from '../io/image-types.js';
import type { SceneRaster } from './scene-raster.js';

/** lo..hi maps linearly onto 0..255; identity for 8-bit input. */
export interface ValueRange {
  lo: number;
  hi: number;
  /** Where the range came from, for the report. */
  source: 'identity' | 'scale-range' | 'percentile';
}

export interface TilePixels {
  image: RgbImage;
  /** 1 = valid pixel, 0 = nodata. */
  valid: Uint8Array;
  validCount: number;
}

export function toByte(v: number, range: ValueRange): number {
  if (range.source === 'identity') return v;
  const s = Math.round(((v - range.lo) * 255) / (range.hi - range.lo));
  return s < 0 ? 0 : s > 255 ? 255 : s;
}

/** Pixel validity of band values at index p (the rules of the scene's nodata). */
export function validityTest(raster: SceneRaster): (values: ArrayLike<number>[], p: number, alpha?: ArrayLike<number>) => boolean {
  const { nodata } = raster;
  const nanNodata = nodata !== undefined && Number.isNaN(nodata);
  return (values, p, alpha) => {
    if (alpha && alpha[p] === 0) return false;
    let allNodata = nodata !== undefined && !nanNodata;
    for (const band of values) {
      const v = band[p]!;
      if (Number.isNaN(v)) return false;
      if (v !== nodata) allNodata = false;
    }
    return !allNodata;
  };
}

/** The selected bands of a window, and the alpha band beside them when the scene has one. */
export async function readBands(raster: SceneRaster, x0: number, y0: number, w: number, h: number, bands: readonly number[], overview = 0) {
  const read = await raster.read(x0, y0, w, h, raster.alphaBand ? [...bands, raster.alphaBand] : bands, overview);
  return { values: read.slice(0, bands.length), alpha: raster.alphaBand ? read[bands.length] : undefined };
}

export async function readTilePixels(raster: SceneRaster, x0: number, y0: number, w: number, h: number, bands: readonly number[], range: ValueRange): Promise<TilePixels> {
  const { values, alpha } = await readBands(raster, x0, y0, w, h, bands);
  const isValid = validityTest(raster);
  const n = w * h;
  const rgb = new Uint8Array(3 * n);
  const valid = new Uint8Array(n);
  let validCount = 0;
  const [r, g, b] = values.length >= 3 ? values : [values[0]!, values[0]!, values[0]!];
  for (let p = 0; p < n; p++) {
    rgb[3 * p] = toByte(r![p]!, range);
    rgb[3 * p + 1] = toByte(g![p]!, range);
    rgb[3 * p + 2] = toByte(b![p]!, range);
    if (isValid(values, p, alpha)) {
      valid[p] = 1;
      validCount++;
    }
  }
  return { image: { width: w, height: h, rgb }, valid, validCount };
}
