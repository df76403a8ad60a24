/**
 * A 30000 x 30000 RGB scene (made with our own writer, in a temp folder) with the mosaic pasted
 * at column 20000, row 12000 keeping its coordinates, as make_scenes.py --huge does: --bbox
 * around the mosaic gives the mosaic's result and transform, reads only the tiles it needs,
 * and the CLI's peak RSS stays under 1 GiB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromFile } from 'geotiff';
import type { ByteSource } from '../../src/io/safetensors.js';
import { fileSource } from '../../src/node/safetensors-file.js';
import { openScene } from '../../src/scene/scene-raster.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { SCENES, dataPath } from '../helpers/test-data.js';
import { writeSceneAround } from '../helpers/write-scene.js';

const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const MOSAIC = dataPath(SCENES, 'public/mosaic.tif');
const BBOX = '500000,4999744,500384,5000000';

/** Runs the built CLI under /usr/bin/time -v; returns the peak RSS in MiB. */
function sceneCli(...args: string[]): number {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, repo('bin/fianet.js'), 'scene', '--weights', repo('weights/demo.safetensors'), '--adapter', TEST_ADAPTER, '--quiet', '--text', 'a gray ship', '--tile', '256', '--overlap', '0', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fianet scene failed (${r.status}): ${r.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (!kb) throw new Error(`no peak RSS in: ${r.stderr}`);
  return Number(kb[1]) / 1024;
}

describe('a 30000 x 30000 scene', () => {
  let dir: string;
  let huge: string;
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo('.') });
    dir = mkdtempSync(join(tmpdir(), 'fianet-huge-'));
    huge = join(dir, 'huge.tif');
    await writeSceneAround(MOSAIC, huge, 30000, 30000, 20000, 12000);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reading the bbox window fetches only the 2 x 2 blocks it touches', async () => {
    const file = await fileSource(huge);
    const reads: Array<[number, number]> = [];
    const counting: ByteSource = { ...file, read: (o, n) => (reads.push([o, n]), file.read(o, n)) };
    const raster = await openScene(counting);
    await raster.read(20000, 12000, 768, 512, [1, 2, 3]);
    await file.close?.();
    const image = await (await fromFile(huge)).getImage();
    const offsets = Array.from((await image.fileDirectory.loadValue('TileOffsets')) as ArrayLike<number>);
    const counts = Array.from((await image.fileDirectory.loadValue('TileByteCounts')) as ArrayLike<number>);
    const across = Math.ceil(30000 / 512);
    // Columns 20000..20767 and rows 12000..12511 lie in blocks 39..40 and 23..24.
    const wanted = new Set([23 * across + 39, 23 * across + 40, 24 * across + 39, 24 * across + 40]);
    const touched = new Set<number>();
    // geotiff.js reads the first KiB for the header, which also spans the first (tiny) blocks.
    for (const [o, n] of reads.filter(([o]) => o > 0)) offsets.forEach((t, k) => t < o + n && o < t + counts[k]! && touched.add(k));
    expect([...touched].sort()).toEqual([...wanted].sort());
  });

  it('--bbox around the mosaic gives the mosaic run and its transform under 1 GiB peak RSS', async () => {
    const mosaicPeak = sceneCli('--image', MOSAIC, '--out', join(dir, 'mosaic-mask.tif'));
    const bboxPeak = sceneCli('--image', huge, '--out', join(dir, 'bbox-mask.tif'), '--bbox', BBOX);
    console.log(`peak RSS: mosaic ${mosaicPeak.toFixed(0)} MiB, 30000^2 --bbox ${bboxPeak.toFixed(0)} MiB`);
    // Same pixels, same tags (the tiepoint shifted back onto the mosaic's): the same bytes.
    expect(readFileSync(join(dir, 'bbox-mask.tif'))).toEqual(readFileSync(join(dir, 'mosaic-mask.tif')));
    // Measured: 456 MiB for the 30000^2 --bbox run, 462 MiB for the mosaic itself (Dawn, llvmpipe and the model dominate).
    expect(bboxPeak).toBeLessThan(1024);
  });
});
