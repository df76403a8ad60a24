// `fianet eval` on the demo dataset with a stand-in model that answers with the
// reference's own predicted masks: everything but the model (listing, tokens file, ground
// truth, metrics, saved masks) must then reproduce the reference run sample for sample.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/eval.js';
import { binarize } from '../../src/eval/load-sample.js';
import { decodeImage } from '../../src/io/image-decode.js';
import { DEMO, demoPerSample } from './demo-data.js';
import { fakeSegmenter } from './fake-segmenter.js';
import { tempDir } from './synthetic.js';

const S = 128;
const prediction = (i: number) => {
  const name = `test_${String(i).padStart(5, '0')}.png`;
  return binarize(decodeImage(readFileSync(new URL(`predictions/${name}`, DEMO)), name), 'nonzero').data;
};

afterEach(() => vi.restoreAllMocks());

describe('fianet eval on test/demo/dataset', () => {
  it('with the reference predictions, reproduces the reference I and U of the first 20 samples', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const data = fileURLToPath(new URL('dataset/', DEMO));
    const out = tempDir('demo');
    const fake = fakeSegmenter(S, (_, call) => prediction(call));
    const argv = ['--weights', 'demo', '--data', data, '--format', 'jsonl', '--limit', '20', '--tokens', join(data, 'tokens.jsonl')];
    const code = await run([...argv, '--report', join(out, 'r.json'), '--save-masks', join(out, 'masks')], { loadSegmenter: async () => fake, stderr: { write: () => true } });
    expect(code).toBe(0);
    expect(fake.inputs[0]!.tokens!.input_ids.slice(0, 6)).toEqual([101, 1037, 3897, 2911, 102, 0]);

    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    const reference = demoPerSample().slice(0, 20);
    expect(report.samples).toMatchObject({ evaluated: 20, skipped: 0 });
    expect(report.per_sample.map((s: { I: number; U: number }) => [s.I, s.U])).toEqual(reference.map((s) => [s.I, s.U]));
    expect(report.per_sample.map((s: { category: string }) => s.category)).toEqual(reference.map((s) => s.category));
    for (let i = 0; i < 20; i++) {
      const name = `test_${String(i).padStart(5, '0')}.png`;
      expect(binarize(decodeImage(readFileSync(join(out, 'masks', name))), 'nonzero').data, name).toEqual(prediction(i));
    }
  });
});
