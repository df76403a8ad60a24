/**
 * A full pass over a scene (our writer; the mosaic pasted in a constant colour) with 256-pixel
 * tiles and the default overlap: the CLI's peak RSS stays far under 1 GiB, since it holds one
 * band of tile rows, not the scene. CI runs 4096 x 1024 (132 tiles); the figures of record in
 * bench/RESULTS.md are from FIANET_SCENE_FULL_PASS=8192x2048 (473 tiles).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGeoTiff } from '../helpers/read-geotiff.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { SCENES, dataPath } from '../helpers/test-data.js';
import { writeSceneAround } from '../helpers/write-scene.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const [WIDTH, HEIGHT] = (process.env.FIANET_SCENE_FULL_PASS ?? '4096x1024').split('x').map(Number) as [number, number];

describe(`a full pass over a ${WIDTH} x ${HEIGHT} scene`, () => {
  let dir: string;
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo('.') });
    dir = mkdtempSync(join(tmpdir(), 'fianet-full-pass-'));
    await writeSceneAround(dataPath(SCENES, 'public/mosaic.tif'), join(dir, 'scene.tif'), WIDTH, HEIGHT, (WIDTH - 768) >> 1, (HEIGHT - 512) >> 1);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports tiles/s and stays far under 1 GiB', async () => {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, repo('bin/fianet.js'), 'scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER,
      '--image', join(dir, 'scene.tif'), '--text', 'a gray ship', '--tile', '256', '--out', join(dir, 'mask.tif'), '--probs', join(dir, 'probs.tif')], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    expect(r.status, r.stderr).toBe(0);
    const peak = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
    const tiles = Number(/(\d+) tiles, /.exec(r.stderr)![1]);
    console.log(`full pass: ${tiles} tiles in ${seconds.toFixed(1)} s (${(tiles / seconds).toFixed(2)} tiles/s with load), peak RSS ${peak.toFixed(0)} MiB\n${r.stderr.split('\n').filter((l) => /took|window|values/.test(l)).join('\n')}`);
    const mask = await readGeoTiff(join(dir, 'mask.tif'));
    expect([mask.raster.width, mask.raster.height]).toEqual([WIDTH, HEIGHT]);
    expect(peak).toBeLessThan(1024);
  });
});
