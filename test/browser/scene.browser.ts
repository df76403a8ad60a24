/**
 * A whole scene in a page: the library bundle reads the 3 x 2 mosaic GeoTIFF as a Blob (read
 * lazily through blobSource, as a picked File would be), runs the demo model over it tile by
 * tile with progress, and returns the mask GeoTIFF, the probabilities and the GeoJSON. They
 * must be the same bytes as `fianet scene` in Node on the same adapter kind (SwiftShader).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import type * as Fianet from '../../src/browser.js';
import { chromiumSession, watchPage } from './chromium.js';
import { SCENES, dataPath } from '../helpers/test-data.js';

const TEXT = 'the white storage tank at the top left corner';
const ARGS = ['--tile', '256', '--overlap', '64'];

const session = chromiumSession();

test('the mosaic GeoTIFF in a page gives the same mask, probabilities and GeoJSON bytes as Node', async () => {
  const page = await session.browser.newPage();
  const errors = watchPage(page);
  await page.goto(`${session.url}/test-pages/harness.html`);
  await page.waitForFunction(() => 'fianet' in window);
  const out = await page.evaluate(async (text) => {
    const lib = (window as unknown as { fianet: typeof Fianet }).fianet;
    const model = await lib.loadModel({ weights: '/weights/demo.safetensors', vocab: '/weights/vocab.txt' });
    try {
      const blob = await (await fetch('/scenes/public/mosaic.tif')).blob();
      const raster = await lib.openScene(lib.blobSource(blob, 'mosaic.tif'));
      const [mask, probs] = [lib.memorySink(), lib.memorySink()];
      let reports = 0;
      const result = await lib.segmentScene({ raster, segmenter: model, text, tile: 256, overlap: 64, mask, probs, geojson: true, onProgress: () => reports++ });
      return { mask: Array.from(mask.bytes()), probs: Array.from(probs.bytes()), geojson: JSON.stringify(result.geojson), reports, tiles: result.tiles };
    } finally {
      model.destroy();
    }
  }, TEXT);
  expect(errors).toEqual([]);
  expect(out.reports).toBe(out.tiles);

  const dir = mkdtempSync(join(tmpdir(), 'fianet-scene-browser-'));
  const code = await main(['scene', '--weights', 'weights/demo.safetensors', '--adapter', 'swiftshader', '--image', dataPath(SCENES, 'public/mosaic.tif'), '--text', TEXT, ...ARGS,
    '--out', join(dir, 'm.tif'), '--probs', join(dir, 'p.tif'), '--geojson', join(dir, 'g.geojson'), '--quiet']);
  expect(code).toBe(0);
  expect(Buffer.from(out.mask)).toEqual(readFileSync(join(dir, 'm.tif')));
  expect(Buffer.from(out.probs)).toEqual(readFileSync(join(dir, 'p.tif')));
  expect(out.geojson).toBe(readFileSync(join(dir, 'g.geojson'), 'utf8'));
});
