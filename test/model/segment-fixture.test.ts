/**
 * The whole model, the way a user runs it: the fixture's PNG through the PIL-exact resize,
 * the safetensors weights with the fixture's config.json, the sample's own tokens, and the
 * library's Segmenter (the same path as `fianet segment --tokens`). Compared with the stored
 * sK.logits and sK.mask of the reference run.
 * Tolerance: the tiny README reports 3.5e-5 max abs on the logits for an independent float32
 * re-implementation and 2.7e-5 from float32-vs-float64 conditioning alone; end to end through
 * every module we allow 1e-4 (3x the independent implementation). Mask: exact except pixels
 * whose stored logit margin is below 1e-4 (the README counts 0 or 1 such pixels per sample).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafetensorsFile } from '../../src/io/safetensors.js';
import type { Segmenter } from '../../src/model/segmenter.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { readImageFile } from '../../src/node/image-file.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { expectClose, maskMismatches } from '../helpers/compare.js';
import { dataPath, FIXTURES, fixtureInts, fixtureTensor, fixtureTokens, openFixtureFile } from '../helpers/test-data.js';

const path = (p: string): string => dataPath(FIXTURES, p);

describe('segment from the PNG (tiny fixture)', () => {
  let segmenter: Segmenter;
  let tensors: SafetensorsFile;
  beforeAll(async () => {
    segmenter = await loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
    tensors = await openFixtureFile('tiny/tensors.safetensors');
  });
  afterAll(() => segmenter?.destroy());

  for (const s of ['s0', 's1', 's2']) {
    it(`${s}: logits and mask`, async () => {
      const image = await readImageFile(path('tiny/image.png'));
      const result = await segmenter.segment({ image, tokens: await fixtureTokens(tensors, s) }, { logits: true });
      const S = result.size;
      const expected = await fixtureTensor(tensors, `${s}.logits`, [1, 2, S, S]);
      expectClose(`${s}.logits`, result.logits!, expected, { atol: 1e-4, rtol: 0 }, [2, S, S]);
      const flips = maskMismatches(`${s}.mask`, result.mask, await fixtureInts(tensors, `${s}.mask`), expected, 1e-4);
      expect(flips.maxAbsErr, 'mask pixels that differ where the stored margin is >= 1e-4').toBe(0);
    });
  }

  it('parses the text itself when given no tokens, with the same masks as the reference', async () => {
    const image = await readImageFile(path('tiny/image.png'));
    const result = await segmenter.segment({ image, text: 'the white car parked on the left side of the road' });
    const stored = await fixtureTokens(tensors, 's0');
    expect(result.tokens.input_ids).toEqual(stored.input_ids);
    expect(result.tokens.p_mask).toEqual(stored.p_mask);
    expect(result.tokens.t_mask).toEqual(stored.t_mask);
  });
});

describe('segment from the PyTorch checkpoint (tiny checkpoint_full.pth, converted in memory)', () => {
  it('s0 logits equal those from the safetensors weights, within the same tolerance', async () => {
    const segmenter = await loadSegmenter({ weights: path('tiny/checkpoint_full.pth'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
    try {
      const tensors = await openFixtureFile('tiny/tensors.safetensors');
      const result = await segmenter.segment({ image: await readImageFile(path('tiny/image.png')), tokens: await fixtureTokens(tensors, 's0') }, { logits: true });
      expectClose('s0.logits from .pth', result.logits!, await fixtureTensor(tensors, 's0.logits'), { atol: 1e-4, rtol: 0 }, [2, result.size, result.size]);
    } finally {
      segmenter.destroy();
    }
  });
});
