/**
 * The demo page (web/) driven like a person: pick examples/example1.png in the file input,
 * type the expression, click Segment, wait, save the mask through the page's link. The
 * mask's IoU with the reference's expected mask (examples/example1_mask.png, 256 x 256,
 * brought to the model's 128 x 128 with PIL nearest) must be >= 0.98 (the reference model
 * itself scores 0.9915). A full-page screenshot goes to test-output/browser/ for people, with
 * demo-page.json beside it: the model's ready time and the page's other timings (printed too).
 * Also: with navigator.gpu missing the page says so instead of failing silently.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { beforeAll, expect, test } from 'vitest';
import { decodeImage } from '../../src/io/image-decode.js';
import { resizeMaskNearest } from '../../src/io/mask-resize.js';
import { chromiumSession, OUTPUT_DIR, watchPage } from './chromium.js';

const EXPRESSION = 'a green tennis court on the far right';
const MIN_IOU = 0.98;

const session = chromiumSession();
beforeAll(() => mkdir(OUTPUT_DIR, { recursive: true }));

/** A 0/255 (or 0/1) grayscale or RGB PNG as a 0/1 mask. */
function maskOf(bytes: Uint8Array, label: string): { mask: Uint8Array; width: number; height: number } {
  const img = decodeImage(bytes, label);
  return { mask: Uint8Array.from({ length: img.width * img.height }, (_, p) => (img.rgb[3 * p]! > 0 ? 1 : 0)), width: img.width, height: img.height };
}

function iou(a: Uint8Array, b: Uint8Array): number {
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.length; i++) {
    inter += a[i]! & b[i]!;
    union += a[i]! | b[i]!;
  }
  return union === 0 ? 1 : inter / union;
}

test('demo page: image + expression -> the tennis court on the right', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1200, height: 1000 } });
  const errors = watchPage(page);
  await page.goto(`${session.url}/`);
  await expect.poll(() => page.textContent('#adapter'), { timeout: 60_000 }).toMatch(/swiftshader/i);

  await page.setInputFiles('#image-file', 'examples/example1.png');
  await page.fill('#text', EXPRESSION);
  await page.click('#run');
  // The demo model downloads, compiles and runs in about a minute on SwiftShader; a loaded
  // CI machine may take several.
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 840_000 });
  await page.screenshot({ path: `${OUTPUT_DIR}demo-page.png`, fullPage: true });
  expect(await page.getAttribute('#status', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-mask')]);
  const ours = maskOf(await readFile(await download.path()), 'saved mask');
  expect([ours.width, ours.height]).toEqual([128, 128]);
  const ref = maskOf(await readFile('examples/example1_mask.png'), 'example1_mask.png');
  const refSmall = resizeMaskNearest(ref.mask, ref.width, ref.height, 128, 128);
  const score = iou(ours.mask, refSmall);

  await page.fill('#opacity', '20');
  expect(await page.$eval('#mask-canvas', (c) => (c as HTMLElement).style.opacity)).toBe('0.2');

  const words = (cls: string) => page.locator(`#words .word.${cls}`).allTextContents();
  const timings = await page.locator('#timings th').allTextContents();
  // The model's ready time (download, weights, pipelines), recorded beside the screenshot for
  // people; not asserted (machines are noisy): bench/RESULTS.md has the figures of record.
  const ms = Object.fromEntries(await page.$$eval('#timings tr', (rows) => rows.map((r) => [r.querySelector('th')!.textContent!, parseFloat(r.querySelector('td')!.textContent!)])));
  const record = { readyMs: ms['load model'], timingsMs: ms, iou: score, date: new Date().toISOString(), screenshot: 'demo-page.png' };
  await writeFile(`${OUTPUT_DIR}demo-page.json`, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`demo page: ready in ${(record.readyMs / 1000).toFixed(1)} s; IoU ${score.toFixed(4)} (min ${MIN_IOU}); ${(await page.textContent('#status'))!}; screenshot ${OUTPUT_DIR}demo-page.png, times ${OUTPUT_DIR}demo-page.json`);
  expect(score).toBeGreaterThanOrEqual(MIN_IOU);
  expect(await words('object')).toEqual(['tennis', 'court']);
  expect(await words('position')).toEqual(['on', 'the', 'far', 'right']);
  expect(timings).toEqual(expect.arrayContaining(['load model', 'text', 'total']));
  expect(errors).toEqual([]);
});

test('demo page without WebGPU: a clear message, no run button', async () => {
  const page = await session.browser.newPage();
  const errors = watchPage(page);
  // What a browser without WebGPU looks like to the page.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined }));
  await page.goto(`${session.url}/web/`);
  await page.waitForSelector('#gpu-error:not([hidden])');
  expect(await page.textContent('#gpu-error')).toMatch(/WebGPU is not available.*navigator\.gpu is missing/);
  expect(await page.isDisabled('#run')).toBe(true);
  expect(errors).toEqual([]);
});
