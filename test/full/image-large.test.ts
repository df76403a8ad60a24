// `segment --original-size --overlay` on a 20000 x 20000 PNG peaked at 5.2 GiB (issue #13): a
// full-size mask, a second copy of the image for the overlay and whole raw rasters for the
// PNG encoder. Now decoding holds the RGB result and a row, the mask is resized and the
// overlay drawn row by row into a streaming deflate, and the files are written from their
// compressed parts. FIANET_LARGE_IMAGE=N sets the side: CI runs 8000 (64 megapixels, where the
// old path's 13 bytes a pixel would already break the bound); the figures below are from 20000
// (400 megapixels, over the default pixel limit, so this passes maxPixels as --max-pixels would).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { pngParts } from '../../src/io/png-encode.js';
import { writeFileAtomic } from '../../src/node/atomic-write.js';

const SIDE = Number(process.env.FIANET_LARGE_IMAGE ?? 8000);
const dir = mkdtempSync(join(tmpdir(), 'fianet-image-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The bound: the decoded RGB image (3 bytes per pixel), the two compressed outputs, and 300 MiB
 * for Node, the code and the deflate state. Measured at 20000^2 (2-core VM, load average ~20):
 * peak 1319 and 1321 MiB in two runs against a bound of 1504 (image 1144 MiB, outputs 59 MiB);
 * 430-590 s in the child (on that loaded machine), most of it deflating the two outputs.
 */
it(`a ${SIDE} x ${SIDE} PNG with --original-size --overlay stays near the decoded image's size`, async () => {
  const input = join(dir, 'big.png');
  // A texture with fine detail (so the PNGs do not compress to nothing), written as it is made.
  await writeFileAtomic(input, pngParts(SIDE, SIDE, 3, (y, row) => {
    for (let i = 0; i < row.length; i++) row[i] = (i * 7 + y * 13 + ((i * 2654435761 + y * 40503) >>> 27)) & 255;
  }));
  const child = join(dir, 'child.mjs');
  buildSync({ entryPoints: [fileURLToPath(new URL('image-large-child.ts', import.meta.url))], outfile: child, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  const out = join(dir, 'out');
  const report = JSON.parse(execFileSync(process.execPath, [child, input, out], { encoding: 'utf8' })) as { peakMiB: number; decodedS: number; totalS: number };
  const compressedMiB = (statSync(`${out}-mask.png`).size + statSync(`${out}-overlay.png`).size) / 2 ** 20;
  const bound = (3 * SIDE * SIDE) / 2 ** 20 + compressedMiB + 300;
  console.log(`${SIDE}^2: peak ${report.peakMiB.toFixed(0)} MiB (bound ${bound.toFixed(0)}; outputs ${compressedMiB.toFixed(0)} MiB), decode ${report.decodedS.toFixed(1)} s, all ${report.totalS.toFixed(1)} s`);
  expect(report.peakMiB).toBeLessThan(bound);
});
