/**
 * The model as a long-lived object: calls at once give the same masks as calls one after
 * another (issue 13: 25 of 27 concurrent results differed), destroy() lets the call in flight
 * finish and rejects the queued ones and later ones with a clear message, and a device lost
 * mid-run surfaces as a `device-error` after which a new model loads and runs normally.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import type { RgbImage } from '../../src/io/image-types.js';
import { bytesSource } from '../../src/io/safetensors.js';
import { createSegmenter } from '../../src/model/create-segmenter.js';
import { openWeights } from '../../src/model/open-weights.js';
import type { ExpressionTokens, Segmenter, SegmentResult } from '../../src/model/segmenter.js';
import { nodeGpu } from '../../src/node/gpu-node.js';
import { readImageFile } from '../../src/node/image-file.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { FIXTURES, dataPath, fixtureTokens, fixtureVocab, openFixtureFile } from '../helpers/test-data.js';

const path = (p: string): string => dataPath(FIXTURES, p);
const load = (): Promise<Segmenter> =>
  loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });

/** The fixture image, and three variants (flipped, inverted, channel-rotated) so every call has its own input. */
function variants(image: RgbImage): RgbImage[] {
  const { width: w, height: h, rgb } = image;
  const flipped = new Uint8Array(rgb.length);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) flipped[(y * w + x) * 3 + c] = rgb[(y * w + (w - 1 - x)) * 3 + c];
  const inverted = rgb.map((v) => 255 - v);
  const rotated = rgb.map((_, i) => rgb[i - (i % 3) + ((i + 1) % 3)]);
  return [image, { ...image, rgb: flipped }, { ...image, rgb: inverted }, { ...image, rgb: rotated }];
}

const TEXTS = ['the white car parked on the left side of the road', 'a building in the middle', 'the green field at the top right', 'the road'];

async function rejection(p: Promise<unknown>): Promise<FianetError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, 'the call should have been rejected').toBeInstanceOf(FianetError);
  return e as FianetError;
}

describe('segmenter lifecycle (tiny fixture)', () => {
  let model: Segmenter;
  let images: RgbImage[];
  let tokens: ExpressionTokens[];
  beforeAll(async () => {
    model = await load();
    images = variants(await readImageFile(path('tiny/image.png')));
    const file = await openFixtureFile('tiny/tensors.safetensors');
    tokens = [];
    for (const s of ['s0', 's1', 's2']) tokens.push(await fixtureTokens(file, s));
  });
  afterAll(() => model?.destroy());

  const call = (i: number): Promise<SegmentResult> =>
    model.segment({ image: images[i], ...(i < 3 ? { tokens: tokens[i] } : { text: TEXTS[i] }) }, { logits: true });

  it('4 calls at once equal the same 4 calls one after another', async () => {
    const sequential: SegmentResult[] = [];
    for (let i = 0; i < 4; i++) sequential.push(await call(i));
    // The inputs differ enough that a mixed-up result would show.
    expect(new Set(sequential.map((r) => r.logits!.slice(0, 64).join())).size).toBe(4);
    for (let round = 0; round < 2; round++) {
      const concurrent = await Promise.all([3, 1, 0, 2].map((i) => call(i)));
      for (const [k, i] of [3, 1, 0, 2].entries()) {
        expect(concurrent[k].mask, `call ${i}, round ${round}: mask`).toEqual(sequential[i].mask);
        expect(concurrent[k].logits, `call ${i}, round ${round}: logits`).toEqual(sequential[i].logits);
      }
    }
  });

  it('destroy() lets the call in flight finish and rejects the queued and later calls', async () => {
    const own = await load();
    const run = (i: number) => own.segment({ image: images[i], tokens: tokens[i % 3] });
    const first = run(0);
    const queued = [run(1), run(2)].map(rejection);
    const destroyed = own.destroy();
    expect((await first).mask.length).toBe(96 * 96);
    for (const q of queued) expect((await q).message).toMatch(/the model was destroyed/);
    await destroyed;
    const after = await rejection(run(0));
    expect(after.code).toBe('bad-input');
    expect(after.message).toBe('segment: the model was destroyed; load it again to segment more images');
    await own.destroy(); // twice is harmless
  });

  it('reports load progress with its phase: weights and pipelines, one count ending at its total', async () => {
    const reports: [number, number, string][] = [];
    const own = await loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt'), onProgress: (done, total, phase) => reports.push([done, total, phase]) });
    await own.destroy();
    expect(new Set(reports.map((r) => r[2]))).toEqual(new Set(['weights', 'pipelines']));
    const [done, total] = reports.at(-1)!;
    expect(done).toBe(total);
    expect(reports.every(([d, t]) => d <= t)).toBe(true);
    expect(reports[0][0]).toBeLessThan(reports[0][1]);
  });
});

describe('device loss', () => {
  it('a device destroyed mid-run gives a device-error, then a new model loads and runs', async () => {
    const gpu = await nodeGpu(TEST_ADAPTER);
    const config = JSON.parse(await readFile(path('tiny/config.json'), 'utf8')) as unknown;
    const opened = await openWeights(bytesSource(await readFile(path('tiny/weights.safetensors')), 'weights'), { config });
    const model = await createSegmenter(gpu, opened.store, opened.config, { vocab: fixtureVocab(), release: () => gpu.destroy() });
    const image = await readImageFile(path('tiny/image.png'));
    const before = await model.segment({ image, text: TEXTS[0] });

    const running = model.segment({ image, text: TEXTS[0] });
    await new Promise((r) => setTimeout(r, 0)); // the first phase is submitted and awaited
    gpu.device.destroy();
    const lost = await rejection(running);
    expect(lost.code).toBe('device-error');
    expect(lost.message).toMatch(/^the GPU device was lost \(destroyed/);
    // The model stays unusable with the same clear reason, not a stale result.
    expect((await rejection(model.segment({ image, text: TEXTS[0] }))).code).toBe('device-error');
    await model.destroy();

    const fresh = await load();
    try {
      const again = await fresh.segment({ image, text: TEXTS[0] });
      expect(again.mask).toEqual(before.mask);
    } finally {
      await fresh.destroy();
    }
  });
});
