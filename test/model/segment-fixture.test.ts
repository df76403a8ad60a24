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
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, openSafetensors, type SafetensorsFile } from '../../src/io/safetensors.js';
import type { Segmenter } from '../../src/model/segmenter.js';
import { loadSegmenter } from '../../src/node/load-segmenter.js';
import { readImageFile } from '../../src/node/image-file.js';
import { TEST_ADAPTER } from '../helpers/gpu.js';
import { expectClose } from '../helpers/compare.js';
import { FIXTURES } from '../helpers/test-data.js';

const path = (p: string): string => fileURLToPath(new URL(p, FIXTURES));

describe('segment from the PNG (tiny fixture)', () => {
  let segmenter: Segmenter;
  let tensors: SafetensorsFile;
  beforeAll(async () => {
    segmenter = await loadSegmenter({ weights: path('tiny/weights.safetensors'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
    tensors = await openSafetensors(bytesSource(await readFile(path('tiny/tensors.safetensors')), 'tiny/tensors.safetensors'));
  });
  afterAll(() => segmenter?.destroy());

  for (const s of ['s0', 's1', 's2']) {
    it(`${s}: logits and mask`, async () => {
      const image = await readImageFile(path('tiny/image.png'));
      const ids = async (n: string) => [...(await tensors.readInt32(`${s}.${n}`))];
      const tokens = { input_ids: await ids('input_ids'), l_mask: await ids('l_mask'), t_mask: await ids('t_mask'), p_mask: await ids('p_mask') };
      const result = await segmenter.segment({ image, tokens }, { logits: true });
      const S = result.size;
      const expected = await tensors.readF32(`${s}.logits`);
      expectClose(`${s}.logits`, result.logits!, expected, { atol: 1e-4, rtol: 0 }, [2, S, S]);
      const mask = await tensors.readInt32(`${s}.mask`);
      let flips = 0;
      for (let i = 0; i < S * S; i++) {
        if (result.mask[i] !== mask[i] && Math.abs(expected[S * S + i] - expected[i]) >= 1e-4) flips++;
      }
      expect(flips, 'mask pixels that differ where the stored margin is >= 1e-4').toBe(0);
    });
  }

  it('parses the text itself when given no tokens, with the same masks as the reference', async () => {
    const image = await readImageFile(path('tiny/image.png'));
    const result = await segmenter.segment({ image, text: 'the white car parked on the left side of the road' });
    expect(result.tokens.input_ids).toEqual([...(await tensors.readInt32('s0.input_ids'))]);
    expect(result.tokens.p_mask).toEqual([...(await tensors.readInt32('s0.p_mask'))]);
    expect(result.tokens.t_mask).toEqual([...(await tensors.readInt32('s0.t_mask'))]);
  });
});

describe('segment from the PyTorch checkpoint (tiny checkpoint_full.pth, converted in memory)', () => {
  it('s0 logits equal those from the safetensors weights, within the same tolerance', async () => {
    const segmenter = await loadSegmenter({ weights: path('tiny/checkpoint_full.pth'), config: path('tiny/config.json'), adapter: TEST_ADAPTER, vocab: path('vocab.txt') });
    try {
      const tensors = await openSafetensors(bytesSource(await readFile(path('tiny/tensors.safetensors')), 'tiny/tensors.safetensors'));
      const ids = async (n: string) => [...(await tensors.readInt32(`s0.${n}`))];
      const tokens = { input_ids: await ids('input_ids'), l_mask: await ids('l_mask'), t_mask: await ids('t_mask'), p_mask: await ids('p_mask') };
      const result = await segmenter.segment({ image: await readImageFile(path('tiny/image.png')), tokens }, { logits: true });
      expectClose('s0.logits from .pth', result.logits!, await tensors.readF32('s0.logits'), { atol: 1e-4, rtol: 0 }, [2, result.size, result.size]);
    } finally {
      segmenter.destroy();
    }
  });
});
