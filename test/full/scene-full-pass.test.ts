/**
 * A full pass over an 8192 x 2048 scene (our writer; the mosaic pasted in a constant colour)
 * with 256-pixel tiles and the default overlap: tiles per second and the CLI's peak RSS, the
 * figures of record in bench/RESULTS.md. Peak memory holds one band of tile rows, not the scene.
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

describe('a full pass over an 8192 x 2048 scene', () => {
  let dir: string;
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo('.') });
    dir = mkdtempSync(join(tmpdir(), 'fianet-full-pass-'));
    await writeSceneAround(dataPath(SCENES, 'public/mosaic.tif'), join(dir, 'scene.tif'), 8192, 2048, 4000, 1000);
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
    expect([mask.raster.width, mask.raster.height]).toEqual([8192, 2048]);
    expect(peak).toBeLessThan(1024);
  });
});
