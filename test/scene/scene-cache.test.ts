/**
 * The tile cache through the CLI: two --shard runs then a merge from the cache, and a run
 * stopped after a few tiles then --resume, both give the same bytes as one uninterrupted run
 * (mask and probabilities); a cache made for another expression is refused.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { SCENES, dataPath } from '../helpers/test-data.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const MOSAIC = dataPath(SCENES, 'public/mosaic.tif');
const TEXT = 'the white storage tank at the top left corner';

describe('fianet scene --cache', () => {
  let dir: string;
  let errors: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fianet-scene-cache-'));
    errors = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
  });
  afterAll(() => vi.restoreAllMocks());

  // 256-pixel tiles with the default overlap (64): a 4 x 3 grid whose last row and column are shifted back.
  const run = (...extra: string[]) =>
    main(['scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--image', MOSAIC, '--text', TEXT, '--tile', '256', '--quiet', ...extra]);
  const bytes = (name: string) => readFileSync(join(dir, name));

  let oneRun: [Buffer, Buffer];
  beforeAll(async () => {
    expect(await run('--out', join(dir, 'one.tif'), '--probs', join(dir, 'one-p.tif')), errors.join('\n')).toBe(0);
    oneRun = [bytes('one.tif'), bytes('one-p.tif')];
  });

  it('two shards then a merge from the cache equal one run, byte for byte', async () => {
    const cache = join(dir, 'shards');
    expect(await run('--cache', cache, '--shard', '1/2'), errors.join('\n')).toBe(0);
    expect(await run('--cache', cache, '--shard', '2/2'), errors.join('\n')).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith('.f32'))).toHaveLength(12);
    errors.length = 0;
    expect(await run('--cache', cache, '--out', join(dir, 'merged.tif'), '--probs', join(dir, 'merged-p.tif')), errors.join('\n')).toBe(0);
    expect([bytes('merged.tif'), bytes('merged-p.tif')]).toEqual(oneRun);
  });

  it('a run stopped after 5 tiles then --resume equals an uninterrupted run', async () => {
    const cache = join(dir, 'resume');
    const { loadSegmenter } = await import('../../src/node/load-segmenter.js');
    // Stop the run from its progress callback after 5 tiles, as Ctrl-C would between tiles.
    const { segmentScene } = await import('../../src/scene/segment-scene.js');
    const { fileSource } = await import('../../src/node/safetensors-file.js');
    const { openScene } = await import('../../src/scene/scene-raster.js');
    const { tileCacheDir, sceneCacheManifest } = await import('../../src/node/tile-cache-dir.js');
    const { fileSink } = await import('../../src/node/file-sink.js');
    const segmenter = await loadSegmenter({ weights: repo('weights/demo.safetensors'), adapter: TEST_ADAPTER });
    const source = await fileSource(MOSAIC);
    const manifest = await sceneCacheManifest(source, { text: TEXT, weightsPath: repo('weights/demo.safetensors'), tile: 256, overlap: 64, inputSize: 128 });
    const out = join(dir, 'stopped.tif');
    try {
      const stop = segmentScene({
        raster: await openScene(source), segmenter, text: TEXT, tile: 256, cache: await tileCacheDir(cache, manifest, 2 * 128 * 128), mask: await fileSink(out),
        onProgress: (p) => {
          if (p.done === 5) throw new Error('stopped');
        },
      });
      await expect(stop).rejects.toThrow('stopped');
    } finally {
      segmenter.destroy();
      await source.close?.();
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(cache).filter((f) => f.endsWith('.f32'))).toHaveLength(5);
    errors.length = 0;
    expect(await run('--cache', cache, '--resume', '--out', join(dir, 'resumed.tif'), '--probs', join(dir, 'resumed-p.tif')), errors.join('\n')).toBe(0);
    expect([bytes('resumed.tif'), bytes('resumed-p.tif')]).toEqual(oneRun);
  });

  it('refuses a cache made for another expression', async () => {
    errors.length = 0;
    const code = await main(['scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--image', MOSAIC, '--text', 'a gray ship', '--tile', '256', '--quiet', '--cache', join(dir, 'shards'), '--out', join(dir, 'never.tif')]);
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/holds tiles of another run \(different expression\)/);
    expect(existsSync(join(dir, 'never.tif'))).toBe(false);
  });
});
