/**
 * upsample-bilinear, logits-mask and adaptive-pool-concat against float64 references, at
 * awkward sizes (1, primes, non-divisible pooling windows, non-square maps).
 * Tolerances: bilinear weights come from a float32 source coordinate (as PyTorch computes
 * it), off the exact one by ~2^-23 * src; with inputs in [-1, 1] that moves a value by up to
 * ~2.4e-7 * in_size, plus a few roundings of O(1) values: atol 1e-6 + 3e-7 * in_size.
 * Pooling averages at most (In/Out + 1)^2 values in [-1, 1] in float32: atol 2.5e-7 (measured
 * 6.5e-8 on llvmpipe and SwiftShader). Upsampling measured up to 2.1e-5 (0.57 of its tolerance).
 * The mask must match exactly except where the exact upsampled margin is within 1e-5 of 0.
 */
import { describe, expect, it } from 'vitest';
import { adaptivePoolConcatOp, adaptivePoolConcatReference } from '../../src/kernels/adaptive-pool-concat.js';
import { logitsMaskOp } from '../../src/kernels/logits-mask.js';
import { bilinearAt, upsampleBilinearOp, upsampleBilinearReference } from '../../src/kernels/upsample-bilinear.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';

describe('upsample-bilinear', () => {
  const cases: Array<[number, number, number, number, number]> = [
    // channels, in_h, in_w, out_h, out_w
    [1, 1, 1, 1, 1], [2, 1, 1, 5, 3], [3, 3, 3, 24, 24], [2, 5, 7, 11, 13], [1, 7, 5, 7, 5], [2, 13, 11, 5, 4], [2, 120, 120, 480, 480], [1, 2, 3, 1, 1],
  ];
  for (const [c, h, w, oh, ow] of cases) {
    for (const align of [true, false]) {
      it(`[${c}, ${h}, ${w}] -> ${oh} x ${ow}, align_corners=${align}`, async () => {
        const x = randomArray(c * h * w, c + h * w);
        const { y } = await runGraph((g) => ({ y: upsampleBilinearOp(g, 'up', { x: g.input('x', [c, h, w]), inSize: [h, w], size: [oh, ow], alignCorners: align }) }), { x });
        const tol = { atol: 1e-6 + 3e-7 * Math.max(h, w), rtol: 0 };
        expectClose('upsample', y, upsampleBilinearReference(x, c, h, w, oh, ow, align), tol, [c, oh, ow]);
      });
    }
  }

  it('is the identity at the same size and follows PyTorch at the borders', async () => {
    // align_corners=false, 2 -> 4: src = max((dst + 0.5) / 2 - 0.5, 0) = 0, 0.25, 0.75, 1 (clamped second tap).
    const x = Float32Array.from([0, 8]);
    const { y, same } = await runGraph(
      (g) => {
        const t = g.input('x', [1, 1, 2]);
        return { y: upsampleBilinearOp(g, 'up', { x: t, inSize: [1, 2], size: [1, 4], alignCorners: false }), same: upsampleBilinearOp(g, 'same', { x: t, inSize: [1, 2], size: [1, 2], alignCorners: false }) };
      },
      { x },
    );
    expect([...y]).toEqual([0, 2, 6, 8]);
    expect([...same]).toEqual([0, 8]);
  });
});

describe('logits-mask', () => {
  const cases: Array<[number, number, number, number]> = [[1, 1, 4, 4], [3, 3, 24, 24], [5, 7, 19, 11], [40, 40, 160, 160], [24, 24, 96, 96]];
  for (const [h, w, oh, ow] of cases) {
    it(`[2, ${h}, ${w}] -> ${oh} x ${ow}`, async () => {
      const logits = randomArray(2 * h * w, h * w + 1, -3, 3);
      const { mask } = await runGraph((g) => ({ mask: logitsMaskOp(g, 'mask', { logits: g.input('l', [2, h, w]), inSize: [h, w], size: [oh, ow] }) }), { l: logits });
      const margin = Float64Array.from({ length: h * w }, (_, i) => logits[h * w + i] - logits[i]);
      let bad = 0;
      for (let y = 0; y < oh; y++) {
        for (let x = 0; x < ow; x++) {
          const d = bilinearAt(margin, h, w, 0, y, x, oh, ow, true);
          if (Math.abs(d) >= 1e-5 && mask[y * ow + x] !== (d > 0 ? 1 : 0)) bad++;
        }
      }
      expect(bad).toBe(0);
      expect(mask.some((v) => v === 1) || h * w === 1).toBe(true);
    });
  }

  it('gives ties to the background', async () => {
    // [2, 1, 3]: l0 = (0.5, 2, 0.25), l1 = (0.5, 2, 0.75): margins 0, 0, 0.5.
    const logits = Float32Array.from([0.5, 2, 0.25, 0.5, 2, 0.75]);
    const { mask } = await runGraph((g) => ({ mask: logitsMaskOp(g, 'mask', { logits: g.input('l', [2, 1, 3]), inSize: [1, 3], size: [1, 3] }) }), { l: logits });
    expect([...mask]).toEqual([0, 0, 1]);
  });
});

describe('adaptive-pool-concat', () => {
  const cases: Array<{ sizes: Array<[number, number]>; channels: number[]; out: [number, number] }> = [
    { sizes: [[24, 24], [12, 12], [6, 6], [3, 3]], channels: [16, 32, 64, 128], out: [3, 3] },
    { sizes: [[1, 1], [1, 1], [1, 1], [1, 1]], channels: [1, 2, 1, 3], out: [1, 1] },
    { sizes: [[7, 5], [4, 3], [13, 10], [3, 2]], channels: [3, 5, 2, 7], out: [3, 2] },
    { sizes: [[40, 40], [20, 20], [10, 10], [5, 5]], channels: [32, 64, 128, 256], out: [5, 5] },
    { sizes: [[11, 17], [6, 9], [3, 5], [2, 3]], channels: [4, 1, 6, 2], out: [2, 3] },
  ];
  for (const c of cases) {
    it(`${c.sizes.map(([h, w], i) => `${c.channels[i]}x${h}x${w}`).join(' + ')} -> ${c.out.join(' x ')}`, async () => {
      const data = c.sizes.map(([h, w], i) => randomArray(c.channels[i] * h * w, 100 + i + h));
      const inputs = Object.fromEntries(data.map((d, i) => [`s${i}`, d]));
      const { y } = await runGraph(
        (g) => ({ y: adaptivePoolConcatOp(g, 'pool', c.sizes.map((size, i) => ({ tensor: g.input(`s${i}`, [c.channels[i], ...size]), channels: c.channels[i], size })), c.out) }),
        inputs,
      );
      const total = c.channels.reduce((a, b) => a + b, 0);
      const expected = adaptivePoolConcatReference(c.sizes.map((size, i) => ({ data: data[i], channels: c.channels[i], size })), c.out);
      expectClose('pool', y, expected, { atol: 2.5e-7, rtol: 0 }, [c.out[0] * c.out[1], total]);
    });
  }

  it('rejects a stage smaller than the pooled size', async () => {
    await expect(
      runGraph((g) => ({ y: adaptivePoolConcatOp(g, 'tmem.pool', [[4, 4], [2, 2], [1, 1], [2, 2]].map((s, i) => ({ tensor: g.input(`s${i}`, [1, s[0], s[1]]), channels: 1, size: s as [number, number] })), [2, 2]) }), {}),
    ).rejects.toThrow('tmem.pool: stage 2 (1 x 1) is smaller than the pooled size 2 x 2');
  });
});
