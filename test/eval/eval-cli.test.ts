import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, type EvalDeps, type SegmenterRequest } from '../../src/cli/eval.js';
import { main } from '../../src/cli/main.js';
import { FianetError } from '../../src/errors.js';
import { decodeImage } from '../../src/io/image-decode.js';
import type { SegmentInput } from '../../src/model/segmenter.js';
import { fakeSegmenter, type FakeSegmenter } from './fake-segmenter.js';
import { maskPng, png, rect, tempDir, writeFile } from './synthetic.js';

const S = 4;
const LEFT = rect(S, S, 0, 0, 2, S);
const RIGHT_TOP = rect(S, S, 2, 0, 4, 3);

/** Left half for "left", a 6-pixel block on the right for "right", nothing otherwise. */
const predict = (input: SegmentInput) => (input.text?.includes('left') ? LEFT : input.text?.includes('right') ? RIGHT_TOP : new Uint8Array(S * S));

function dataset(): string {
  const root = tempDir('cli');
  const lines = [
    { name: 'a', mask: LEFT, expression: 'the ship on the left', category: 'ship' }, // IoU 1
    { name: 'b', mask: rect(S, S, 0, 0, 2, 2), expression: 'the plane on the left', category: 'airplane' }, // 4 / 8
    { name: 'c', mask: rect(S, S, 2, 0, 4, 4), expression: 'the ship on the right', category: 'ship' }, // 6 / 8
    { name: 'd', expression: 'a mask that is missing', category: 'ship' },
    { name: 'e', mask: rect(2, 2, 0, 0, 1, 1), size: 2, expression: 'a mask of another size', category: 'ship' },
    { name: 'f', mask: new Uint8Array(S * S), expression: 'nothing here', category: 'airplane' }, // empty union: 0
  ];
  const listing: string[] = [];
  for (const l of lines) {
    writeFile(root, `images/${l.name}.png`, png(S, S, l.name.charCodeAt(0)));
    if (l.mask) writeFile(root, `masks/${l.name}.png`, maskPng(l.mask, l.size ?? S, l.size ?? S));
    listing.push(JSON.stringify({ image: `images/${l.name}.png`, mask: `masks/${l.name}.png`, expression: l.expression, category: l.category }));
  }
  listing.splice(5, 0, '{"image": broken');
  writeFile(root, 'test.jsonl', listing.join('\n'));
  return root;
}

function harness(segmenter: FakeSegmenter) {
  const stderr: string[] = [];
  const requests: SegmenterRequest[] = [];
  const deps: EvalDeps = {
    loadSegmenter: async (r) => (requests.push(r), segmenter),
    stderr: { write: (s: string) => stderr.push(s) },
  };
  const stdout: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void stdout.push(s));
  return { deps, stderr, stdout, requests };
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

afterEach(() => vi.restoreAllMocks());

describe('fianet eval', () => {
  it('is a command of the CLI', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    expect(await main(['eval', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: fianet eval --weights W --data DIR --format rrsisd\|refsegrs\|jsonl/);
    await main(['--help']);
    expect(out.join('\n')).toMatch(/^ {2}eval {7}mIoU, oIoU and Pr@0\.5\.\.0\.9/m);
  });

  it('passes --weights-dtype to the loader and refuses other values before loading', async () => {
    const root = dataset();
    const h = harness(fakeSegmenter(S, predict));
    const argv = ['--weights', 'w.safetensors', '--data', root, '--format', 'jsonl', '--adapter', 'llvmpipe'];
    expect(await run([...argv, '--weights-dtype', 'f16'], h.deps)).toBe(0);
    expect(h.requests).toEqual([{ weights: 'w.safetensors', adapter: 'llvmpipe', weightsDtype: 'f16' }]);
    await expect(run([...argv, '--weights-dtype', 'half'], h.deps)).rejects.toThrow('--weights-dtype is "half", expected f32 or f16');
    expect(h.requests).toHaveLength(1);
  });

  it('evaluates, skips bad samples with reasons, writes the reports and masks', async () => {
    const root = dataset();
    const out = tempDir('cli-out');
    const fake = fakeSegmenter(S, predict);
    const h = harness(fake);
    const argv = ['--weights', 'w.safetensors', '--config', 'c.json', '--data', root, '--format', 'jsonl', '--adapter', 'llvmpipe'];
    const code = await run([...argv, '--report', join(out, 'r.json'), '--markdown', join(out, 'r.md'), '--save-masks', join(out, 'masks')], h.deps);
    expect(code).toBe(0);
    expect(h.requests).toEqual([{ weights: 'w.safetensors', config: 'c.json', adapter: 'llvmpipe' }]);
    expect(fake.destroyed).toBe(true);
    expect(fake.inputs.map((i) => i.text)).toEqual(['the ship on the left', 'the plane on the left', 'the ship on the right', 'nothing here']);

    const r = readJson(join(out, 'r.json'));
    expect(r.status).toBe('complete');
    expect(r.note).toBeUndefined();
    expect(r).toMatchObject({ weights: 'w.safetensors', config: 'c.json', input_size: S, adapter: { kind: 'fake' } });
    expect(r.dataset).toMatchObject({ format: 'jsonl', path: root, split: 'test', listing: [join(root, 'test.jsonl')] });
    expect(Date.parse(r.date)).toBeGreaterThan(0);
    expect(r.samples).toEqual({ listed: 7, evaluated: 4, skipped: 3, not_run: 0, skipped_by_reason: { 'missing-mask': 1, 'size-mismatch': 1, 'bad-listing': 1 } });
    expect(r.metrics.mIoU).toBeCloseTo((1 + 0.5 + 0.75 + 0) / 4, 15);
    expect(r.metrics).toMatchObject({ oIoU: 18 / 24, cum_I: 18, cum_U: 24, precision: { 'Pr@0.5': 0.75, 'Pr@0.6': 0.5, 'Pr@0.7': 0.5, 'Pr@0.8': 0.25, 'Pr@0.9': 0.25 } });
    expect(r.per_category).toEqual({ airplane: { samples: 2, mIoU: 0.25 }, ship: { samples: 2, mIoU: 0.875 } });
    expect(r.per_sample.map((s: { name: string; iou: number }) => [s.name, s.iou])).toEqual([['a', 1], ['b', 0.5], ['c', 0.75], ['f', 0]]);
    expect(r.per_sample[1]).toEqual({ name: 'b', image: 'images/b.png', expression: 'the plane on the left', category: 'airplane', I: 4, U: 8, iou: 0.5, pred_pixels: 8, target_pixels: 4 });
    expect(r.skipped).toEqual([
      { name: 'd', source: 'test.jsonl:4', image: 'images/d.png', reason: 'missing-mask', message: `${join(root, 'masks/d.png')}: no such file` },
      expect.objectContaining({ name: 'e', reason: 'size-mismatch', message: expect.stringContaining('masks/e.png is 2 x 2 but image') }),
      expect.objectContaining({ name: 'line6', reason: 'bad-listing', message: expect.stringMatching(/^test\.jsonl:6: not valid JSON/) }),
    ]);
    expect(r.throughput.samples_per_s).toBeGreaterThan(0);
    expect(r.throughput.phases_ms).toMatchObject({ 'segment.vision': 12, 'segment.total': 40 });
    for (const k of ['read_samples', 'wait_for_samples', 'save_masks']) expect(r.throughput.phases_ms[k]).toBeGreaterThanOrEqual(0);
    expect(r.throughput.first_sample_ms).toBeGreaterThan(0);

    const md = readFileSync(join(out, 'r.md'), 'utf8');
    expect(md).toContain('| samples | mIoU | oIoU | Pr@0.5 | Pr@0.6 | Pr@0.7 | Pr@0.8 | Pr@0.9 |');
    expect(md).toContain('| 4 | 56.25 | 75.00 | 75.00 | 50.00 | 50.00 | 25.00 | 25.00 |');
    expect(md).toContain('| ship | 2 | 87.50 |');
    expect(md).toContain('| size-mismatch | 1 |');
    expect(h.stdout.join('\n')).toBe(md.trimEnd());

    expect(readdirSync(join(out, 'masks')).sort()).toEqual(['a.png', 'b.png', 'c.png', 'f.png']);
    const saved = decodeImage(readFileSync(join(out, 'masks', 'c.png')));
    expect(Array.from(saved.rgb.filter((_, i) => i % 3 === 0))).toEqual(Array.from(RIGHT_TOP, (v) => v * 255));

    const log = h.stderr.join('');
    expect(log).toContain(`fianet eval: skipped d (missing-mask): ${join(root, 'masks/d.png')}: no such file\n`);
    expect(log).toMatch(/^eval: 7\/7 {2}100% {2}[\d.]+ samples\/s {2}took 0:00 {2}mIoU 56\.25 {2}skipped 3$/m);
    expect(log).not.toContain('\r');
  });

  it('passes dataset tokens instead of the text; a model-input refusal skips the sample', async () => {
    const root = dataset();
    const ids = { input_ids: [101, 102], l_mask: [1, 1], t_mask: [0, 0], p_mask: [1, 1] };
    writeFile(root, 'tokens.jsonl', Array.from({ length: 7 }, () => JSON.stringify(ids)).join('\n'));
    const fake = fakeSegmenter(S, (input, call) => {
      if (call === 1) throw new FianetError('bad-input', 'expression has no words');
      return input.tokens ? LEFT : RIGHT_TOP;
    });
    const h = harness(fake);
    const out = tempDir('cli-out');
    const code = await run(['--weights', 'w', '--data', join(root, 'test.jsonl'), '--format', 'jsonl', '--tokens', join(root, 'tokens.jsonl'), '--report', join(out, 'r.json')], h.deps);
    expect(code).toBe(0);
    expect(fake.inputs.every((i) => i.tokens !== undefined && i.text === undefined)).toBe(true);
    const r = readJson(join(out, 'r.json'));
    expect(r.dataset.tokens).toBe(join(root, 'tokens.jsonl'));
    expect(r.skipped[0]).toMatchObject({ name: 'b', reason: 'model-input', message: 'test.jsonl:2: expression has no words' });
    expect(r.samples.evaluated).toBe(3);
  });

  it('Ctrl-C finishes the sample in flight and writes reports marked PARTIAL', async () => {
    const root = dataset();
    const out = tempDir('cli-out');
    const fake = fakeSegmenter(S, (input, call) => {
      if (call === 1) process.emit('SIGINT');
      return predict(input);
    });
    const h = harness(fake);
    const code = await run(['--weights', 'w', '--data', root, '--format', 'jsonl', '--report', join(out, 'r.json'), '--markdown', join(out, 'r.md')], h.deps);
    expect(code).toBe(130);
    expect(process.listenerCount('SIGINT')).toBe(0);
    expect(fake.destroyed).toBe(true);
    const r = readJson(join(out, 'r.json'));
    expect(r.status).toBe('interrupted');
    expect(r.note).toBe('PARTIAL RESULTS: the run was interrupted after 2 of 7 samples; the metrics cover only the 2 evaluated');
    expect(r.samples).toMatchObject({ listed: 7, evaluated: 2, skipped: 0, not_run: 5 });
    expect(r.metrics.mIoU).toBe(0.75);
    expect(readFileSync(join(out, 'r.md'), 'utf8')).toMatch(/^\*\*PARTIAL RESULTS: the run was interrupted after 2 of 7 samples/);
    expect(h.stderr.join('')).toContain('interrupted; finishing the sample in flight');
    expect(readdirSync(out).sort()).toEqual(['r.json', 'r.md']);
  });

  it('a device error ends the run: partial reports marked failed, then the error', async () => {
    const root = dataset();
    const out = tempDir('cli-out');
    const fake = fakeSegmenter(S, (input, call) => {
      if (call === 2) throw new FianetError('device-error', 'the device was lost');
      return predict(input);
    });
    const h = harness(fake);
    await expect(run(['--weights', 'w', '--data', root, '--format', 'jsonl', '--report', join(out, 'r.json')], h.deps)).rejects.toThrow('the device was lost');
    const r = readJson(join(out, 'r.json'));
    expect(r).toMatchObject({ status: 'failed', error: 'the device was lost', samples: { evaluated: 2 } });
    expect(r.note).toMatch(/^PARTIAL RESULTS: the run was stopped by an error after 2 of 7 samples/);
    expect(fake.destroyed).toBe(true);
  });

  it('--limit takes the first samples; bad arguments fail before the model loads', async () => {
    const root = dataset();
    const fake = fakeSegmenter(S, predict);
    const h = harness(fake);
    expect(await run(['--weights', 'w', '--data', root, '--format', 'jsonl', '--limit', '2'], h.deps)).toBe(0);
    expect(fake.inputs).toHaveLength(2);
    expect(h.stdout.join('\n')).toContain('| 2 | 75.00 |');

    const fails = async (argv: string[], message: RegExp) => {
      await expect(run(argv, h.deps)).rejects.toThrow(message);
    };
    await fails(['--weights', 'w', '--data', root], /--weights, --data and --format are required/);
    await fails(['--weights', 'w', '--data', root, '--format', 'coco'], /--format must be one of rrsisd, refsegrs, jsonl, got 'coco'/);
    await fails(['--weights', 'w', '--data', root, '--format', 'jsonl', '--limit', '0'], /--limit takes a whole number >= 1, got '0'/);
    await fails(['--weights', 'w', '--data', root, '--format', 'jsonl', '--report', '/nonexistent/r.json'], /cannot write \/nonexistent\/r\.json: the folder \/nonexistent does not exist/);
    await fails(['--weights', 'w', '--data', root, '--format', 'jsonl', '--split', 'val'], /val\.jsonl: no such file/);
    await fails(['--weights', 'w', '--data', root, '--format', 'jsonl', '--adapter', 'tpu'], /unknown adapter 'tpu'/);
    expect(h.requests).toHaveLength(1);
    expect(existsSync('/nonexistent')).toBe(false);
  });
});
