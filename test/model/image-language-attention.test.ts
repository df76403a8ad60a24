/**
 * The image-language attention module (SILA) with random weights against the float64
 * reference in src/bench/sila-reference.ts, at awkward sizes, with several heads, partial / full /
 * all-zero masks, the fused multiply and residual, and at a real FIANet shape (base480
 * stage 3: 225 tokens, C 1024, BERT width 768, 22 words); both lowerings of the attention
 * matmuls (uniform-window blocks for one head on CPU adapters, strided tiles otherwise).
 * Tolerance: outputs are InstanceNorm'ed (O(1)); float32 rounding of the projections and the
 * softmax, amplified by rstd, at about 4x the error measured on llvmpipe: atol 2e-5 at the
 * small cases (measured <= 4.9e-6), 6e-5 at the base480 stage-3 shape (1.55e-5), 5e-6 for the
 * all-zero mask (1.2e-6), 1.5e-5 for the fused multiply and residual (3.6e-6).
 */
import { describe, expect, it } from 'vitest';
import { imageLanguageAttention } from '../../src/model/image-language-attention.js';
import { WeightBinder } from '../../src/model/weights.js';
import { Graph } from '../../src/runtime/graph.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { LOWERINGS, runGraph, type Lowering } from '../helpers/gpu.js';
import { memoryStore, type StoredTensor } from '../helpers/memory-store.js';
import { silaReference, type SilaWeights } from '../../src/bench/sila-reference.js';

interface Case {
  hw: number;
  c: number;
  ct: number;
  mask: number[];
  heads: number;
}

function weights(c: number, ct: number, seed: number): SilaWeights {
  // Uniform in +-sqrt(3 / fan_in): unit-variance projections, like the fixtures' init.
  const w = (n: number, fanIn: number, s: number) => randomArray(n, s, -Math.sqrt(3 / fanIn), Math.sqrt(3 / fanIn));
  return {
    q: w(c * c, c, seed), qb: randomArray(c, seed + 1, -0.1, 0.1),
    k: w(c * ct, ct, seed + 2), kb: randomArray(c, seed + 3, -0.1, 0.1),
    v: w(c * ct, ct, seed + 4), vb: randomArray(c, seed + 5, -0.1, 0.1),
    o: w(c * c, c, seed + 6), ob: randomArray(c, seed + 7, -0.1, 0.1),
  };
}

function store(prefix: string, c: number, ct: number, w: SilaWeights): Map<string, StoredTensor> {
  return new Map<string, StoredTensor>([
    [`${prefix}.f_query.0.weight`, { shape: [c, c, 1], data: w.q }], [`${prefix}.f_query.0.bias`, { shape: [c], data: w.qb }],
    [`${prefix}.f_key.0.weight`, { shape: [c, ct, 1], data: w.k }], [`${prefix}.f_key.0.bias`, { shape: [c], data: w.kb }],
    [`${prefix}.f_value.0.weight`, { shape: [c, ct, 1], data: w.v }], [`${prefix}.f_value.0.bias`, { shape: [c], data: w.vb }],
    [`${prefix}.W.0.weight`, { shape: [c, c, 1], data: w.o }], [`${prefix}.W.0.bias`, { shape: [c], data: w.ob }],
  ]);
}

async function check(k: Case, seed: number, atol: number, linear?: Lowering): Promise<void> {
  const n = k.mask.length;
  const w = weights(k.c, k.ct, seed);
  const x = randomArray(k.hw * k.c, seed + 10, -2, 2);
  const f = randomArray(n * k.ct, seed + 11, -1, 1);
  const mask = Float32Array.from(k.mask);
  const { y } = await runGraph((g) => {
    const b = new WeightBinder(g, memoryStore('test', store('sila', k.c, k.ct, w)));
    const lang = { features: g.input('f', [n, k.ct]), mask: g.input('m', [n]) };
    const y = imageLanguageAttention(g, b, 'sila', 'sila', g.input('x', [k.hw, k.c]), lang, { heads: k.heads, eps: 1e-5 });
    expect(b.finish()).toEqual([]);
    return { y };
  }, { x, f, m: mask }, linear && LOWERINGS[linear]);
  const ref = silaReference(x, k.hw, k.c, f, n, mask, w, k.heads, 1e-5);
  expectClose(`sila ${JSON.stringify(k)}`, y, ref, { atol, rtol: 0 }, [k.hw, k.c]);
}

describe('image-language attention', () => {
  const partial = [1, 1, 0, 1, 1, 0, 0];
  const cases: Case[] = [
    { hw: 1, c: 4, ct: 3, mask: [1], heads: 1 },
    { hw: 37, c: 24, ct: 20, mask: partial, heads: 1 },
    { hw: 37, c: 24, ct: 20, mask: partial, heads: 3 },
    { hw: 53, c: 16, ct: 32, mask: [1, 1, 1, 1, 1], heads: 2 },
    { hw: 576, c: 16, ct: 32, mask: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], heads: 1 }, // tiny stage 0
  ];
  cases.forEach((k, i) => it(`${k.hw} tokens, C ${k.c}, Ct ${k.ct}, ${k.mask.length} words, ${k.heads} head(s)`, () => check(k, 100 * i + 1, 2e-5)));
  // The adapter picks one lowering of the attention matmuls; test the other one too.
  for (const linear of ['blocked', 'tiled'] as const) {
    it(`runs the ${linear} lowering (one head and several)`, async () => {
      await check(cases[1], 501, 2e-5, linear);
      await check(cases[2], 502, 2e-5, linear);
    });
  }

  it('gives ~0 for an all-zero mask (zero values; InstanceNorm of a constant)', () => check({ hw: 29, c: 8, ct: 12, mask: [0, 0, 0, 0], heads: 1 }, 7, 5e-6));

  it('covers the base480 stage-3 shape (225 tokens, C 1024, Ct 768, 22 words)', () => {
    const mask = Array.from({ length: 22 }, (_, i) => (i < 15 ? 1 : 0));
    return check({ hw: 225, c: 1024, ct: 768, mask, heads: 1 }, 9, 6e-5);
  });

  it('fuses the multiply and the residual into the last InstanceNorm', async () => {
    const [hw, c, ct, n] = [31, 12, 10, 5];
    const w = weights(c, ct, 3);
    const x = randomArray(hw * c, 4);
    const f = randomArray(n * ct, 5);
    const m = Float32Array.from([1, 0, 1, 1, 0]);
    const mul = randomArray(hw * c, 6);
    const res = randomArray(hw * c, 7);
    const out = await runGraph((g) => {
      const b = new WeightBinder(g, memoryStore('test', store('p', c, ct, w)));
      const lang = { features: g.input('f', [n, ct]), mask: g.input('m', [n]) };
      const xt = g.input('x', [hw, c]);
      return {
        mul: imageLanguageAttention(g, b, 'a', 'p', xt, lang, { heads: 1, eps: 1e-5, mul: g.input('mul', [hw, c]) }),
        res: imageLanguageAttention(g, b, 'b', 'p', xt, lang, { heads: 1, eps: 1e-5, residual: g.input('res', [hw, c]) }),
      };
    }, { x, f, m, mul, res });
    const ref = silaReference(x, hw, c, f, n, m, w, 1, 1e-5);
    expectClose('sila * mul', out.mul, ref.map((v, i) => v * mul[i]), { atol: 1.5e-5, rtol: 0 });
    expectClose('sila + res', out.res, ref.map((v, i) => v + res[i]), { atol: 1.5e-5, rtol: 0 });
  });

  it('names the module and the shapes when inputs do not fit', () => {
    const g = new Graph(LOWERINGS.tiled);
    const b = new WeightBinder(g, memoryStore('test', store('p', 8, 6, weights(8, 6, 1))));
    const lang = { features: g.input('f', [4, 6]), mask: g.input('m', [5]) };
    expect(() => imageLanguageAttention(g, b, 'sila', 'p', g.input('x', [9, 8]), lang, { heads: 1, eps: 1e-5 })).toThrow('sila: language mask is [5], expected [4]');
    const lang2 = { features: g.input('f2', [4, 6]), mask: g.input('m2', [4]) };
    expect(() => imageLanguageAttention(g, b, 'sila3', 'p', g.input('x3', [9, 8]), lang2, { heads: 3, eps: 1e-5 })).toThrow('sila3: 8 channels do not split into 3 heads');
  });
});
