/**
 * The demo page with a GeoTIFF scene, driven like a person: pick the one-image scene
 * (single.tif, EPSG:32633), type the expression, click Segment, wait for the tiled run, save
 * the mask GeoTIFF and the GeoJSON through the page's links. Both must be the same bytes as
 * `fianet scene` in Node with the same (default) tiling on the same adapter kind (SwiftShader).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { SCENES, dataPath } from '../helpers/test-data.js';
import { chromiumSession, OUTPUT_DIR, watchPage } from './chromium.js';

const SCENE = dataPath(SCENES, 'public/single.tif');
const TEXT = 'a gray ship';

const session = chromiumSession();

test('demo page: a GeoTIFF scene -> the same mask GeoTIFF and GeoJSON as the CLI', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 1000 } });
  const errors = watchPage(page);
  await page.goto(`${session.url}/`);
  await expect.poll(() => page.textContent('#adapter'), { timeout: 60_000 }).toMatch(/swiftshader/i);
  await page.setInputFiles('#image-file', SCENE);
  await expect.poll(() => page.textContent('#status')).toMatch(/Scene: single\.tif \(256 x 256, EPSG:32633\)/);
  await page.fill('#text', TEXT);
  await page.click('#run');
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 840_000 });
  await page.screenshot({ path: `${OUTPUT_DIR}demo-scene.png`, fullPage: true });
  expect(await page.getAttribute('#status', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');
  const save = async (selector: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    return readFile(await download.path());
  };
  const [mask, geojson] = [await save('#save-mask'), await save('#save-geojson')];
  expect(errors).toEqual([]);

  const dir = mkdtempSync(join(tmpdir(), 'fianet-demo-scene-'));
  const code = await main(['scene', '--weights', 'weights/demo.safetensors', '--adapter', 'swiftshader', '--image', SCENE, '--text', TEXT, '--out', join(dir, 'm.tif'), '--geojson', join(dir, 'g.geojson'), '--quiet']);
  expect(code).toBe(0);
  expect(mask).toEqual(readFileSync(join(dir, 'm.tif')));
  expect(geojson.toString('utf8')).toBe(readFileSync(join(dir, 'g.geojson'), 'utf8'));
});
