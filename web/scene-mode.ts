/**
 * The demo page's scene path: a GeoTIFF (a File, read lazily by blocks) goes through the same
 * tiled `segmentScene` as `fianet scene`, with progress; the page shows the mask over the
 * scene and offers the mask GeoTIFF and the GeoJSON as downloads.
 */
import { blobSource, bytesSource, memorySink, openScene, segmentScene, type SceneProgress, type SceneRaster, type Segmenter } from '../src/browser.js';
import type { RgbImage } from '../src/io/image-types.js';

/** Scenes up to this many pixels are drawn on the page; larger ones run without a preview. */
const MAX_PREVIEW = 4096 * 4096;

/** The file's scene when it is a georeferenced TIFF, else undefined (the single-image path). */
export async function openGeoTiff(file: Blob, label: string): Promise<SceneRaster | undefined> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const tiff = (head[0] === 0x49 && head[1] === 0x49) || (head[0] === 0x4d && head[1] === 0x4d);
  if (!tiff) return undefined;
  const raster = await openScene(blobSource(file, label));
  return raster.georef ? raster : undefined;
}

/** The first three bands (or the one) as 8-bit RGB for people to look at (wider types stretched min to max). */
export async function scenePreview(raster: SceneRaster): Promise<RgbImage | undefined> {
  const { width, height } = raster;
  if (width * height > MAX_PREVIEW) return undefined;
  const bands = raster.bands >= 3 ? [1, 2, 3] : [1, 1, 1];
  const values = await raster.read(0, 0, width, height, bands);
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of values) for (let p = 0; p < b.length; p++) if (Number.isFinite(b[p]!)) [lo, hi] = [Math.min(lo, b[p]!), Math.max(hi, b[p]!)];
  const scale = raster.bits === 8 ? 1 : 255 / Math.max(1, hi - lo);
  const offset = raster.bits === 8 ? 0 : lo;
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < 3; c++) rgb[3 * p + c] = (values[c]![p]! - offset) * scale;
  return { width, height, rgb };
}

export function sceneProgressText(p: SceneProgress): string {
  const rate = p.elapsedMs > 0 ? (1000 * p.done) / p.elapsedMs : 0;
  const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
  return `Tiles ${p.done} / ${p.total} (${rate.toFixed(2)} tiles/s, about ${eta} s left)`;
}

export interface SceneOutputs {
  maskTiff: Blob;
  geojson: Blob;
  /** width x height, 1 = object (nodata and background 0), for the overlay. */
  mask: Uint8Array;
  polygons: number;
}

export async function runScene(raster: SceneRaster, segmenter: Segmenter, text: string, onProgress: (p: SceneProgress) => void): Promise<SceneOutputs> {
  const sink = memorySink();
  const result = await segmentScene({ raster, segmenter, text, mask: sink, geojson: true, onProgress });
  const bytes = sink.bytes();
  // The mask as written, read back through the same reader: what the download holds.
  const written = await openScene(bytesSource(bytes, 'mask.tif'));
  const [band] = await written.read(0, 0, written.width, written.height, [1]);
  return {
    maskTiff: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/tiff' }),
    geojson: new Blob([JSON.stringify(result.geojson)], { type: 'application/geo+json' }),
    mask: Uint8Array.from(band!, (v) => (v === 1 ? 1 : 0)),
    polygons: result.geojson?.features.length ?? 0,
  };
}
