/**
 * The end-to-end accuracy check (issue 7): `fianet eval` with the shipped demo model on the
 * first 20 samples of the demo dataset (the ones whose reference predictions ship in
 * the demo predictions), with the dataset's own tokens. Every saved mask must equal the
 * reference's predicted mask pixel for pixel, and every per-sample I and U must equal the
 * reference run's (per_sample_iou.jsonl). The whole 200-sample figures are in bench/RESULTS.md.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { decodeImage } from '../../src/io/image-decode.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { DEMO, dataPath } from '../helpers/test-data.js';

const demo = (p: string): string => dataPath(DEMO, p);
const repo = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));

it('reproduces the reference predictions and per-sample I/U on the first 20 demo samples', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const dir = mkdtempSync(join(tmpdir(), 'fianet-demo-eval-'));
  const code = await main([
    'eval', '--weights', repo('weights/demo.safetensors'), '--data', demo('dataset'), '--format', 'jsonl',
    '--tokens', demo('dataset/tokens.jsonl'), '--limit', '20', '--report', join(dir, 'r.json'), '--save-masks', join(dir, 'masks'), '--adapter', TEST_ADAPTER,
  ]);
  vi.restoreAllMocks();
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { per_sample: Array<{ name: string; I: number; U: number }> };
  const reference = readFileSync(demo('per_sample_iou.jsonl'), 'utf8').trim().split('\n').slice(0, 20).map((l) => JSON.parse(l) as { I: number; U: number });
  expect(report.per_sample.map((s) => [s.I, s.U])).toEqual(reference.map((r) => [r.I, r.U]));
  for (const s of report.per_sample) {
    const ours = decodeImage(readFileSync(join(dir, 'masks', `${s.name}.png`)), s.name);
    const theirs = decodeImage(readFileSync(demo(`predictions/${s.name}.png`)), s.name);
    let differ = 0;
    for (let i = 0; i < ours.rgb.length; i += 3) differ += Number(ours.rgb[i] > 0 !== theirs.rgb[i] > 0);
    expect(differ, `${s.name}: pixels differing from the reference prediction`).toBe(0);
  }
}, 900_000);
