/**
 * The bench page (web/bench.html) in headless Chromium on SwiftShader: the matmul and
 * window-attention suites (one small case each, one run), their tables and the roofline on
 * the page, GPU timestamp figures beside the wall ones (Chromium has timestamp-query), and the
 * downloaded report read back by `fianet bench --compare` (the built CLI). Debian's Chromium
 * here gives unrounded timestamps without --enable-webgpu-developer-features (measured on
 * 2026-12-02: sums such as 269.429427 ms, with and without the flag), so it is not passed.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { parseReport } from '../../src/bench/schema.js';
import { chromiumSession, OUTPUT_DIR, watchPage } from './chromium.js';

const session = chromiumSession();
beforeAll(() => mkdir(OUTPUT_DIR, { recursive: true }));

test('bench page: matmul and window attention on SwiftShader, JSON read by fianet bench --compare', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchPage(page);
  const query = new URLSearchParams({ suites: 'matmul,window', runs: '1', cases: '512,stage 3 SW', variants: 'uniform,window-attention-blocked', autorun: '1' });
  await page.goto(`${session.url}/web/bench.html?${query}`);
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 840_000 });
  await page.screenshot({ path: `${OUTPUT_DIR}bench-page.png`, fullPage: true });
  expect(await page.getAttribute('#status', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');

  const cells = (suite: string) => page.locator(`table[data-suite="${suite}"] tr td:first-child`).allTextContents();
  expect(await cells('matmul')).toEqual(['512x512x512']);
  expect(await cells('window')).toEqual(['stage 3 SW-MSA 30x30 C512 16h w12']);
  expect(await page.locator('#roofline svg circle').count()).toBe(3); // best matmul, the 512^3 matmul, window attention

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const file = `${OUTPUT_DIR}bench-page.json`;
  await download.saveAs(file);
  const report = parseReport(JSON.parse(await readFile(file, 'utf8')), file);
  expect(report.adapter.kind).toBe('browser');
  expect(report.adapter.architecture).toMatch(/swiftshader/i);
  expect(report.versions.browser).toMatch(/Chrome/);
  expect(report.suites.map((s) => s.suite)).toEqual(['peaks', 'matmul', 'window']);
  const rows = report.suites.flatMap((s) => s.rows);
  for (const row of rows) {
    expect(row.figures.gpu, row.case).toMatchObject({ unit: 'ms', clock: 'gpu-timestamp' });
    expect(row.figures.gpu.value!, row.case).toBeGreaterThan(0);
    // Within the wall time of the same submits (1 ms for reading two clocks).
    expect(row.figures.gpu.value!, row.case).toBeLessThanOrEqual(row.figures.gpuWall.value! + 1);
    expect(row.figures.gflops?.clock ?? 'gpu-timestamp', row.case).toBe('gpu-timestamp');
  }
  expect(report.ceilings.clock).toBe('gpu-timestamp');
  // Timestamps rounded to 100 us would make every sum a multiple of 0.1 ms.
  const offGrid = rows.filter((r) => Math.abs(r.figures.gpu.value! * 10 - Math.round(r.figures.gpu.value! * 10)) > 1e-6);
  expect(offGrid.length, rows.map((r) => r.figures.gpu.value).join(', ')).toBeGreaterThan(0);
  expect(await page.locator('table[data-suite="matmul"] tr td:nth-child(6)').allTextContents()).toEqual(['GPU']);

  const { stdout } = await promisify(execFile)(process.execPath, ['bin/fianet.js', 'bench', '--compare', file, file]);
  expect(stdout).toContain('0 of 5 rows flagged');
  expect(stdout).toMatch(/\| window \| stage 3 SW-MSA 30x30 C512 16h w12 \| window-attention-blocked \| gpu-timestamp \| [\d.]+ \| [\d.]+ \| 1\.000 \|/);
  console.log(`bench page: ${(await page.textContent('#status'))!}; screenshot ${OUTPUT_DIR}bench-page.png`);
  expect(errors).toEqual([]);
});
