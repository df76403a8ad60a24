/**
 * A whole scene (or a window of it) through the model, tile by tile, with bounded memory:
 * only one band of tile rows is accumulated at a time, and finished rows go straight to the
 * GeoTIFF writers. Each tile is preprocessed exactly as `fianet segment` does (the Segmenter
 * resizes and normalises it); the expression is encoded once (Segmenter.encodeText) and each
 * tile runs only the image part of the model. A tile
 * cache makes runs resumable and lets shards of tile rows run in separate processes.
 */
import { FianetError } from '../errors.js';
import type { EncodedText, Segmenter } from '../model/segmenter.js';
import { BlendBand } from './blend-band.js';
import { projDefinition } from './crs.js';
import { toGeoJson, type FeatureCollection } from './geojson.js';
import { polygonize } from './polygonize.js';
import { GeoTiffWriter, type ByteSink } from './geotiff-writer.js';
import { shiftAffine, shiftTags, type Georef } from './georef.js';
import type { SceneRaster } from './scene-raster.js';
import { tileGrid } from './tile-grid.js';
import { readTilePixels, type ValueRange } from './tile-pixels.js';
import { sceneValueRange } from './value-range.js';
import type { PixelWindow } from './window.js';

/** Logits of finished tiles ('empty' for a tile with no valid pixel, never run). */
export interface TileCache {
  get(row: number, col: number): Promise<Float32Array | 'empty' | undefined>;
  put(row: number, col: number, logits: Float32Array | 'empty'): Promise<void>;
}

export interface SceneProgress {
  done: number;
  total: number;
  /** Tiles run through the model (the rest came from the cache or had no valid pixel). */
  computed: number;
  elapsedMs: number;
}

export interface SceneOptions {
  raster: SceneRaster;
  segmenter: Segmenter;
  text: string;
  /** Tile size in source pixels (default: the model's input size) and overlap (default a quarter). */
  tile?: number;
  overlap?: number;
  /** 1-based bands: three (R, G, B) or one (gray); default the first three (or the only one). */
  bands?: number[];
  /** Linear range for wide types; default the scene's 2nd-98th percentile. */
  scaleRange?: ValueRange;
  window?: PixelWindow;
  mask?: ByteSink;
  probs?: ByteSink;
  /** Also trace the mask into GeoJSON polygons (holds the window's mask and probabilities: 2 bytes a pixel). */
  geojson?: boolean;
  cache?: TileCache;
  /** Only tile rows with row % count === index - 1 go to the cache; nothing is written. */
  shard?: { index: number; count: number };
  onProgress?: (p: SceneProgress) => void;
}

export interface SceneResult {
  window: PixelWindow;
  /** The window's georeferencing (affine shifted), if the scene has any. */
  georef?: Georef;
  range: ValueRange;
  tiles: number;
  computed: number;
  words?: string[];
  geojson?: FeatureCollection;
}

/** Polygons need the whole window's mask and probabilities (plus 4-byte labels) at once. */
const MAX_POLYGON_PIXELS = 2 ** 28;

export function defaultBands(raster: SceneRaster): number[] {
  const colour = Array.from({ length: raster.bands }, (_, i) => i + 1).filter((b) => b !== raster.alphaBand);
  return colour.length >= 3 ? colour.slice(0, 3) : [colour[0] ?? 1];
}

function checkBands(raster: SceneRaster, bands: number[]): void {
  if (bands.length !== 3 && bands.length !== 1) throw new FianetError('bad-input', `--bands takes three bands (R,G,B) or one (gray), got ${bands.length}`);
  for (const b of bands) {
    if (!Number.isInteger(b) || b < 1 || b > raster.bands) throw new FianetError('bad-input', `--bands: band ${b} does not exist in ${raster.label} (bands 1..${raster.bands})`);
  }
}

/** Bytes of accumulator per window column and tile row (sum w*d, sum w, valid). */
const BAND_BYTES_PER_PIXEL = 17;
const MAX_BAND_BYTES = 2 ** 32;

/** On any failure (bad options included) the output sinks are aborted: no partial file is left. */
export async function segmentScene(o: SceneOptions): Promise<SceneResult> {
  try {
    return await run(o);
  } catch (e) {
    for (const sink of [o.mask, o.probs]) await sink?.abort().catch(() => undefined);
    throw e;
  }
}

async function run(o: SceneOptions): Promise<SceneResult> {
  const { raster, segmenter } = o;
  const size = segmenter.config.input_size;
  const tile = o.tile ?? size;
  const overlap = o.overlap ?? Math.floor(tile / 4);
  const bands = o.bands ?? defaultBands(raster);
  checkBands(raster, bands);
  const win = o.window ?? { x0: 0, y0: 0, width: raster.width, height: raster.height };
  const grid = tileGrid(win.width, win.height, tile, overlap);
  if (grid.tileHeight * win.width * BAND_BYTES_PER_PIXEL > MAX_BAND_BYTES) {
    throw new FianetError('bad-input', `a ${win.width}-pixel-wide window with ${tile}-pixel tiles needs more than 4 GiB of accumulators; use --bbox to narrow it or a smaller --tile`);
  }
  if (o.geojson && !o.shard && win.width * win.height > MAX_POLYGON_PIXELS) {
    throw new FianetError('bad-input', `--geojson holds the whole window in memory: ${win.width} x ${win.height} is over ${MAX_POLYGON_PIXELS} pixels; use --bbox to narrow it`);
  }
  // An unsupported CRS fails now, not after an hour of tiles.
  if (o.geojson && raster.georef) projDefinition(raster.georef.epsg ?? 0);
  const range = await sceneValueRange(raster, bands, o.scaleRange);
  const total = grid.xs.length * grid.ys.length;
  const rows = grid.ys.map((_, r) => r).filter((r) => !o.shard || r % o.shard.count === o.shard.index - 1);
  const shardTotal = rows.length * grid.xs.length;
  const t0 = performance.now();
  let done = 0;
  let computed = 0;
  // The expression goes through the text encoder once, at the first tile computed (none on a merge from the cache).
  let encoded: Promise<EncodedText> | undefined;
  let words: string[] | undefined;

  const tileLogits = async (r: number, c: number, valid: number, image: Parameters<Segmenter['segment']>[0]['image']) => {
    const cached = await o.cache?.get(r, c);
    if (cached !== undefined) return cached === 'empty' ? undefined : cached;
    let logits: Float32Array | 'empty' = 'empty';
    if (valid > 0) {
      encoded ??= segmenter.encodeText(o.text);
      const result = await segmenter.segment({ image, encoded: await encoded }, { logits: true });
      words = result.tokens.words;
      logits = result.logits!;
      computed++;
    }
    await o.cache?.put(r, c, logits);
    return logits === 'empty' ? undefined : logits;
  };

  const writers = o.shard ? [] : [o.mask, o.probs].map((sink) => sink && new GeoTiffWriter(sink, win.width, win.height, raster.georef && shiftTags(raster.georef.tags, win.x0, win.y0)));
  const whole = o.geojson && !o.shard ? { mask: new Uint8Array(win.width * win.height), probs: new Uint8Array(win.width * win.height) } : undefined;
  for (const w of writers) await w?.start();
  const band = o.shard ? undefined : new BlendBand(grid, grid.tileHeight);
  for (const r of rows) {
    const y0 = grid.ys[r]!;
    for (const [c, x0] of grid.xs.entries()) {
      const px = await readTilePixels(raster, win.x0 + x0, win.y0 + y0, grid.tileWidth, grid.tileHeight, bands, range);
      const logits = await tileLogits(r, c, px.validCount, px.image);
      band?.add(x0, y0, logits, size, px.valid);
      done++;
      o.onProgress?.({ done, total: shardTotal, computed, elapsedMs: performance.now() - t0 });
    }
    if (band) {
      const end = r + 1 < grid.ys.length ? grid.ys[r + 1]! : win.height;
      const out = band.take(end);
      await writers[0]?.writeRows(out.mask);
      await writers[1]?.writeRows(out.probs);
      whole?.mask.set(out.mask, (end - out.rows) * win.width);
      whole?.probs.set(out.probs, (end - out.rows) * win.width);
    }
  }
  for (const w of writers) await w?.finish();
  const georef = raster.georef && { ...raster.georef, affine: shiftAffine(raster.georef.affine, win.x0, win.y0), tags: shiftTags(raster.georef.tags, win.x0, win.y0) };
  const geojson = whole && toGeoJson(polygonize(whole.mask, whole.probs, win.width, win.height), georef, o.text);
  return { window: win, ...(georef ? { georef } : {}), range, tiles: total, computed, ...(words ? { words } : {}), ...(geojson ? { geojson } : {}) };
}
