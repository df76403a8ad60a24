/**
 * The whole model with its weights stored as f16 on the device (weightsDtype 'f16') against
 * the same model with f32 weights, on the test adapter (tiny and small fixtures, every
 * sample): the logits' max abs difference and the same relative to the f32 logits' max-abs,
 * the argmax mask, and the bytes uploaded. The tolerances are ~3x what was measured on
 * llvmpipe (the figures are stated at each case; SwiftShader measured the same to 2 digits).
 * Rounding each weight to f16 is a relative change of up to 2^-11 (4.9e-4) per weight,
 * which averages out over each dot product; the mask may flip only where the f32 logit
 * margin is within the tolerance.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as convert } from '../../src/cli/convert.js';
import type { SafetensorsFile } from '../../src/io/safetensors.js';
import type { Segmenter } from '../../src/model/segmenter.js';
import { readImageFile } from '../../src/node/image-file.js';
import { storedDtypeOf } from '../../src/model/weights.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { compareLogits } from '../helpers/compare.js';
import { FIXTURES, fixtureTokens, openFixtureFile } from '../helpers/test-data.js';

const path = (p: string): string => fileURLToPath(new URL(p, FIXTURES));

// Measured on llvmpipe: tiny s0/s1/s2 1.6e-2/1.3e-2/3.5e-2 abs (3.2e-3/5.5e-3/1.4e-2 of max-abs;
// 11/11/20 of 9216 mask pixels differ), small s0 1.4e-2 (3.1e-3 of max-abs; 37 of 25600 pixels).
// These fixtures' weights are scaled up so that every path contributes (fixture READMEs), which
// also amplifies rounding; the trained demo model's figures are in test/eval/f16-demo.test.ts.
const CASES = [
  { fixture: 'tiny', samples: ['s0', 's1', 's2'], atol: 0.1, rtol: 0.04 },
  { fixture: 'small', samples: ['s0'], atol: 0.05, rtol: 0.01 },
];

for (const c of CASES) {
  describe(`f16 weights against f32, ${c.fixture} fixture`, () => {
    const models: Partial<Record<'f32' | 'f16', Segmenter>> = {};
    let tensors: SafetensorsFile;
    beforeAll(async () => {
      for (const weightsDtype of ['f32', 'f16'] as const) {
        models[weightsDtype] = await loadSegmenter({ weights: path(`${c.fixture}/weights.safetensors`), config: path(`${c.fixture}/config.json`), adapter: TEST_ADAPTER, vocab: path('vocab.txt'), weightsDtype });
      }
      tensors = await openFixtureFile(`${c.fixture}/tensors.safetensors`);
    });
    afterAll(async () => {
      await models.f32?.destroy();
      await models.f16?.destroy();
    });

    it('uploads about half the bytes (biases, norms and position tables stay f32)', () => {
      const [f32, f16] = [models.f32!.weights, models.f16!.weights];
      expect([f32.dtype, f16.dtype]).toEqual(['f32', 'f16']);
      expect(f16.bytes / f32.bytes).toBeGreaterThan(0.5);
      expect(f16.bytes / f32.bytes).toBeLessThan(0.53);
    });

    for (const s of c.samples) {
      it(`${s}: logits within ${c.atol} (${c.rtol} of max-abs), mask equal where the margin allows`, async () => {
        const image = await readImageFile(path(`${c.fixture}/image.png`));
        const tokens = await fixtureTokens(tensors, s);
        const [a, b] = [await models.f32!.segment({ image, tokens }, { logits: true }), await models.f16!.segment({ image, tokens }, { logits: true })];
        const d = compareLogits(a.logits!, b.logits!, c.atol);
        console.log(`${c.fixture} ${s} (${TEST_ADAPTER}): f16 vs f32 logits max abs ${d.maxAbs.toExponential(2)}, ${d.rel.toExponential(2)} of max-abs; ${d.flips} mask pixels differ`);
        expect(d.maxAbs).toBeLessThanOrEqual(c.atol);
        expect(d.rel).toBeLessThanOrEqual(c.rtol);
        expect(d.flipsBeyond).toBe(0);
      });
    }
  });
}

it('a file whose float tensors are all F16 (fianet convert --fp16) defaults to f16 weights', () => {
  expect(storedDtypeOf(['F16', 'I64', 'F16'])).toBe('f16');
  expect(storedDtypeOf(['F16', 'F32'])).toBe('f32');
  expect(storedDtypeOf(['BF16'])).toBe('f32');
  expect(storedDtypeOf(['I64'])).toBe('f32');
});

it('a --fp16 file loads as f16 by default (f32 when asked) and segments like the f32 model', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fianet-fp16-'));
  try {
    const file = join(dir, 'tiny16.safetensors');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await convert([path('tiny/checkpoint_full.pth'), file, '--fp16', '--config', path('tiny/config.json')])).toBe(0);
    vi.restoreAllMocks();
    const tokens = await fixtureTokens(await openFixtureFile('tiny/tensors.safetensors'), 's0');
    const image = await readImageFile(path('tiny/image.png'));
    const logits: Float32Array[] = [];
    for (const [weights, weightsDtype, expected] of [[file, undefined, 'f16'], [file, 'f32', 'f32'], [path('tiny/weights.safetensors'), undefined, 'f32']] as const) {
      const model = await loadSegmenter({ weights, config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt'), ...(weightsDtype ? { weightsDtype } : {}) });
      try {
        expect(model.weights.dtype).toBe(expected);
        logits.push((await model.segment({ image, tokens }, { logits: true })).logits!);
      } finally {
        await model.destroy();
      }
    }
    // The --fp16 file rounds biases, norms and BatchNorm statistics too (measured on llvmpipe: 2.7e-2
    // max abs, 5.4e-3 of max-abs): within the tiny cases' tolerance of the f32 model.
    const d = compareLogits(logits[2], logits[0], 0.1);
    console.log(`tiny s0 from the --fp16 file (${TEST_ADAPTER}): logits max abs ${d.maxAbs.toExponential(2)} from the f32 model, ${d.rel.toExponential(2)} of max-abs`);
    expect(d.maxAbs).toBeLessThanOrEqual(0.1);
    expect(d.flipsBeyond).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it('refuses an unknown weightsDtype by code, quoting it safely (a BigInt too)', async () => {
  const load = (weightsDtype: unknown) => loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt'), weightsDtype: weightsDtype as 'f16' });
  await expect(load('f64')).rejects.toMatchObject({ code: 'bad-input', message: 'weightsDtype is "f64", expected one of f32, f16' });
  await expect(load(16n)).rejects.toMatchObject({ code: 'bad-input', message: 'weightsDtype is 16, expected one of f32, f16' });
});
