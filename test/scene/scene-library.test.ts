/**
 * segmentScene with a stub model whose logit difference is a pixel's red value - 128 (tile =
 * model input, so no resize): overlapping tiles agree on every pixel, so the blended mask must
 * be exactly red > 128 wherever tiles fall, shifted last row/column included; a constant
 * model gives one probability everywhere (no seams). The in-memory sink gives the same bytes
 * as the file sink, and georeferencing is built right from every tag layout.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segmenter } from '../../src/model/segmenter.js';
import { fileSink } from '../../src/node/file-sink.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { georefFromTags, shiftTags } from '../../src/scene/georef.js';
import { memorySink } from '../../src/scene/memory-sink.js';
import { openScene } from '../../src/scene/scene-raster.js';
import { segmentScene } from '../../src/scene/segment-scene.js';
import { sceneValueRange } from '../../src/scene/value-range.js';
import { readGeoTiff } from '../helpers/read-geotiff.js';
import { SCENES, dataPath } from '../helpers/test-data.js';

const MOSAIC = dataPath(SCENES, 'public/mosaic.tif');

function stubSegmenter(size: number, logit: (r: number) => number): Segmenter {
  return {
    config: { input_size: size } as Segmenter['config'],
    adapter: {} as Segmenter['adapter'],
    weights: { dtype: 'f32', bytes: 0 },
    async segment({ image }) {
      if (image.width !== size || image.height !== size) throw new Error(`stub: tile ${image.width} x ${image.height}`);
      const logits = new Float32Array(2 * size * size);
      for (let p = 0; p < size * size; p++) logits[size * size + p] = logit(image.rgb[3 * p]!);
      return { mask: new Uint8Array(0), size, logits, tokens: { input_ids: [], l_mask: [], t_mask: [], p_mask: [] }, timings: {}, warnings: [] };
    },
    async encodeText() {
      return { tokens: { input_ids: [], l_mask: [], t_mask: [], p_mask: [] }, warnings: [], ms: 0 };
    },
    async destroy() {},
  };
}

describe('segmentScene', () => {
  it('blends overlapping tiles without moving a pixel (stub model: red > 128)', async () => {
    const source = await fileSource(MOSAIC);
    const raster = await openScene(source);
    const [red] = await raster.read(0, 0, 768, 512, [1]);
    const sink = memorySink();
    // 61-pixel tiles with 17 overlap: strides of 44, last row and column shifted back.
    await segmentScene({ raster, segmenter: stubSegmenter(61, (r) => r - 128), text: 'x', tile: 61, overlap: 17, mask: sink });
    await source.close?.();
    const dir = mkdtempSync(join(tmpdir(), 'fianet-scene-lib-'));
    writeFileSync(join(dir, 'm.tif'), sink.bytes());
    const out = await readGeoTiff(join(dir, 'm.tif'));
    let wrong = 0;
    for (let p = 0; p < 768 * 512; p++) if (out.data[p] !== (red![p]! > 128 ? 1 : 0)) wrong++;
    expect(wrong).toBe(0);
  });

  it('a constant model gives one probability everywhere, and memory and file sinks the same bytes', async () => {
    const source = await fileSource(MOSAIC);
    const raster = await openScene(source);
    const dir = mkdtempSync(join(tmpdir(), 'fianet-scene-lib-'));
    const run = async (probs: Parameters<typeof segmentScene>[0]['probs']) =>
      segmentScene({ raster, segmenter: stubSegmenter(100, () => 0.7), text: 'x', tile: 100, overlap: 30, probs, mask: memorySink() });
    const inMemory = memorySink();
    await run(inMemory);
    await run(await fileSink(join(dir, 'p.tif')));
    await source.close?.();
    expect(readFileSync(join(dir, 'p.tif'))).toEqual(Buffer.from(inMemory.bytes()));
    const probs = (await readGeoTiff(join(dir, 'p.tif'))).data;
    expect(new Set(probs)).toEqual(new Set([Math.round(254 / (1 + Math.exp(-0.7)))]));
  });
});

describe('value range', () => {
  it('16-bit without --scale-range: the 2nd-98th percentile of the whole scene, reported', async () => {
    const open = async (name: string) => openScene(await fileSource(dataPath(SCENES, `public/${name}`)));
    const wide = await open('mosaic16.tif');
    const narrow = await open('mosaic.tif');
    const range = await sceneValueRange(wide, [1, 2, 3]);
    // mosaic16 stores each 8-bit value v as v * 257: its percentiles are the 8-bit ones times 257.
    const all = Float64Array.from((await narrow.read(0, 0, 768, 512, [1, 2, 3])).flatMap((b) => Array.from(b))).sort();
    const at = (q: number) => all[Math.floor(q * (all.length - 1) + 0.5)]!;
    expect(range).toEqual({ lo: at(0.02) * 257, hi: at(0.98) * 257, source: 'percentile' });
    expect(await sceneValueRange(narrow, [1, 2, 3])).toEqual({ lo: 0, hi: 255, source: 'identity' });
  });
});

describe('georeferencing', () => {
  const keys = (rasterType: number) => [1, 1, 0, 2, 1025, 0, 1, rasterType, 3072, 0, 1, 32633];
  it('tiepoint + pixel scale, PixelIsArea and PixelIsPoint (half a pixel up-left)', () => {
    const tags = { tiepoint: [2, 3, 0, 1000, 2000, 0], pixelScale: [10, 5, 0] };
    expect(georefFromTags({ ...tags, geoKeyDirectory: keys(1) }, 't')!.affine).toEqual({ a: 10, b: 0, c: 980, d: 0, e: -5, f: 2015 });
    expect(georefFromTags({ ...tags, geoKeyDirectory: keys(2) }, 't')!.affine).toEqual({ a: 10, b: 0, c: 975, d: 0, e: -5, f: 2017.5 });
    expect(georefFromTags({ ...tags, geoKeyDirectory: keys(1) }, 't')!.epsg).toBe(32633);
  });

  it('ModelTransformation with rotation, and windows shift it like the tiepoint', () => {
    const m = [2, 1, 0, 100, 0.5, -3, 0, 200, 0, 0, 0, 0, 0, 0, 0, 1];
    const g = georefFromTags({ transformation: m, geoKeyDirectory: keys(1) }, 't')!;
    expect(g.affine).toEqual({ a: 2, b: 1, c: 100, d: 0.5, e: -3, f: 200 });
    const shifted = georefFromTags(shiftTags(g.tags, 10, 4), 't')!.affine;
    expect([shifted.c, shifted.f]).toEqual([100 + 20 + 4, 200 + 5 - 12]);
    const t = georefFromTags(shiftTags({ tiepoint: [2, 3, 0, 1000, 2000, 0], pixelScale: [10, 5, 0] }, 7, 9), 't')!.affine;
    expect([t.c, t.f]).toEqual([980 + 70, 2015 - 45]);
  });
});
