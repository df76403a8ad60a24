/**
 * `fianet eval --weights-dtype f16` against f32 with the shipped demo model on the demo test
 * split in the repository (test/demo: the first 20 samples, the dataset's own tokens): the
 * saved masks agree on >= 99.5% of the pixels (issue 19) and mIoU and oIoU stay within 0.3
 * points of the f32 run. Measured on llvmpipe: 99.999% of the 327,680 pixels agree (2
 * differ), mIoU 57.16 against 57.15, oIoU 46.42 against 46.40 (the log line prints them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';
import { run, type SegmenterFactory } from '../../src/cli/eval.js';
import { binarize } from '../../src/eval/load-sample.js';
import { decodeImage } from '../../src/io/image-decode.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { DEMO } from './demo-data.js';
import { tempDir } from './synthetic.js';

// The CLI's request (--weights-dtype included) to the library loader, quietly.
const load: SegmenterFactory = (r) => loadSegmenter({ weights: r.weights, adapter: r.adapter, ...(r.weightsDtype ? { weightsDtype: r.weightsDtype } : {}) });
const weights = fileURLToPath(new URL('../../weights/demo.safetensors', import.meta.url));

it('f16 weights keep the demo split: >= 99.5% of mask pixels, mIoU and oIoU within 0.3 points', async () => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const data = fileURLToPath(new URL('dataset/', DEMO));
  const runs = {} as Record<'f32' | 'f16', { dir: string; metrics: { mIoU: number; oIoU: number } }>;
  for (const dtype of ['f32', 'f16'] as const) {
    const dir = tempDir(`demo-${dtype}`);
    const argv = ['--weights', weights, '--data', data, '--format', 'jsonl', '--tokens', join(data, 'tokens.jsonl'), '--limit', '20', '--adapter', TEST_ADAPTER, '--weights-dtype', dtype];
    expect(await run([...argv, '--report', join(dir, 'r.json'), '--save-masks', join(dir, 'masks')], { loadSegmenter: load, stderr: { write: () => true } })).toBe(0);
    runs[dtype] = { dir, metrics: JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).metrics };
  }
  let [same, total] = [0, 0];
  for (let i = 0; i < 20; i++) {
    const name = `test_${String(i).padStart(5, '0')}.png`;
    const [a, b] = (['f32', 'f16'] as const).map((d) => binarize(decodeImage(readFileSync(join(runs[d].dir, 'masks', name))), 'nonzero').data);
    for (let p = 0; p < a.length; p++) same += a[p] === b[p] ? 1 : 0;
    total += a.length;
  }
  const [f32, f16] = [runs.f32.metrics, runs.f16.metrics];
  vi.restoreAllMocks();
  console.log(`demo split (${TEST_ADAPTER}): f16 masks agree on ${((100 * same) / total).toFixed(3)}% of ${total} pixels (${total - same} differ); mIoU ${(100 * f16.mIoU).toFixed(2)} vs ${(100 * f32.mIoU).toFixed(2)}, oIoU ${(100 * f16.oIoU).toFixed(2)} vs ${(100 * f32.oIoU).toFixed(2)}`);
  expect(same / total).toBeGreaterThanOrEqual(0.995);
  expect(Math.abs(f16.mIoU - f32.mIoU) * 100).toBeLessThanOrEqual(0.3);
  expect(Math.abs(f16.oIoU - f32.oIoU) * 100).toBeLessThanOrEqual(0.3);
});
