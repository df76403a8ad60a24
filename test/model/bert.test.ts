/**
 * BERT on WebGPU against the reference: sK.bert.l/.t/.p of every sample of tiny and small.
 * Tolerance: the fixture READMEs report that an independent float32 re-implementation got
 * within 9.5e-07 (tiny) and 1.4e-06 (small) max abs, and that the reference evaluated in
 * float64 differs from the stored float32 values by up to 1e-06 / 1.5e-06. Measured here
 * (llvmpipe): 1.3e-06 (tiny), 1.7e-06 (small). We allow atol 5e-6 (~3x), far below the
 * ~1e-4 that a wrong order of the mask bias gives (see the all-zero mask test).
 */
import { describe, expect, it } from 'vitest';
import { FianetError } from '../../src/errors.js';
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../../src/model/bert.js';
import { safetensorsStore, WeightBinder } from '../../src/model/weights.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { testGpu, testTarget } from '../helpers/gpu.js';
import { maxAbsError } from '../helpers/compare.js';
import { fixtureConfig, fixtureInts, fixtureTensor, openFixtureFile } from '../helpers/test-data.js';
import { checkBert } from './bert-fixture.js';
import { bertReference } from '../../src/bench/bert-reference.js';

const ATOL = 5e-6;

describe('BERT encoder vs fixtures', () => {
  for (const [fixture, samples] of [['tiny', ['s0', 's1', 's2']], ['small', ['s0']]] as const) {
    it(`${fixture}: ${samples.map((s) => `${s}.bert.l/t/p`).join(', ')} within ${ATOL}`, async () => {
      const weights = await openFixtureFile(`${fixture}/weights.safetensors`);
      const tensors = await openFixtureFile(`${fixture}/tensors.safetensors`);
      const errors = await checkBert(fixtureConfig(fixture), safetensorsStore(weights), tensors, [...samples], ATOL);
      expect(errors).toHaveLength(samples.length * 3);
    });
  }
});

describe('BERT with an all-zero mask (no object word found)', () => {
  it('keeps the reference order: scores * scale, then + (1 - m) * -10000 in float32 (quantised), then softmax', async () => {
    // No fixture sample has an all-zero t_mask: check against the plain-loop reference, which
    // itself reproduces the fixture (first assertion), with t = all zeros and p = tiny s1's t.
    const config = fixtureConfig('tiny');
    const weights = await openFixtureFile('tiny/weights.safetensors');
    const tensors = await openFixtureFile('tiny/tensors.safetensors');
    const data = new Map<string, Float32Array>();
    for (const name of weights.tensors.keys()) if (name.startsWith('text_encoder.')) data.set(name, await weights.readF32(name));
    const w = (name: string) => data.get(name)!;
    const ids = await fixtureInts(tensors, 's0.input_ids');
    const l = await fixtureInts(tensors, 's0.l_mask');
    const zeros = new Int32Array(ids.length);
    const p = await fixtureInts(tensors, 's1.t_mask');
    expect(maxAbsError(bertReference(config.text, w, ids, l), await fixtureTensor(tensors, 's0.bert.l'))).toBeLessThan(2e-6);

    const g = new Graph(await testTarget());
    const binder = new WeightBinder(g, safetensorsStore(weights));
    const out = bertEncoder(g, binder, config.text, bertInputs(g, config.text, ids.length));
    for (const pass of BERT_PASSES) g.output(pass, out[pass]);
    const compiled = await CompiledGraph.compile(await testGpu(), g);
    try {
      const { outputs } = await compiled.run(packBertInputs(config.text, ids, { l, t: zeros, p }));
      const quantised = bertReference(config.text, w, ids, zeros);
      const exact = bertReference(config.text, w, ids, zeros, { quantise: false });
      // Scores near -10000 are quantised to 2^-10 steps, so a 1-ulp difference in a score can
      // move it by a whole step: perturbing the query weights by 3e-7 (relative) moves this
      // reference itself by 3.4e-5 max abs. Hence max |err| < 1e-4 (measured 3.4e-5), while the
      // RMS error separates the quantised order (measured 4.0e-6) from the unquantised one
      // (6.6e-5 vs our output; max 2.5e-4).
      const rms = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.sqrt(Array.from(a, (v, i) => (v - b[i]) ** 2).reduce((x, y) => x + y, 0) / a.length);
      const [maxQ, rmsQ, rmsE] = [maxAbsError(outputs.t, quantised), rms(outputs.t, quantised), rms(outputs.t, exact)];
      console.log(`all-zero t_mask: max |err| ${maxQ.toExponential(2)}, rms ${rmsQ.toExponential(2)} vs the quantised reference; rms ${rmsE.toExponential(2)} vs the unquantised one`);
      expect(maxQ).toBeLessThan(1e-4);
      expect(rmsQ).toBeLessThan(1e-5);
      expect(rmsE).toBeGreaterThan(3e-5);
      // The other passes of the same batch are unaffected by the all-zero pass.
      expect(maxAbsError(outputs.l, await fixtureTensor(tensors, 's0.bert.l'))).toBeLessThan(ATOL);
      expect(maxAbsError(outputs.p, bertReference(config.text, w, ids, p))).toBeLessThan(ATOL);
    } finally {
      compiled.destroy();
    }
  });
});

describe('BERT bad input', () => {
  const { text } = fixtureConfig('tiny');
  const ones = (n: number) => new Array<number>(n).fill(1);

  it('refuses token ids outside the vocabulary, on the host', async () => {
    expect(() => packBertInputs(text, [101, 30522, 102], { l: ones(3), t: ones(3), p: ones(3) })).toThrow(/token id 30522 at position 1 is outside the vocabulary \[0, 30522\)/);
    expect(() => packBertInputs(text, [101, -1], { l: ones(2), t: ones(2), p: ones(2) })).toThrow(FianetError);
    // Raw inputs that skip packBertInputs are checked by the graph before upload.
    const weights = await openFixtureFile('tiny/weights.safetensors');
    const g = new Graph(await testTarget());
    const out = bertEncoder(g, new WeightBinder(g, safetensorsStore(weights)), text, bertInputs(g, text, 3));
    g.output('l', out.l);
    const compiled = await CompiledGraph.compile(await testGpu(), g);
    try {
      const mask = Float32Array.from(ones(3));
      await expect(compiled.run({ input_ids: Int32Array.from([101, 40000, 102]), l_mask: mask, t_mask: mask, p_mask: mask })).rejects.toThrow(
        /text.embeddings: token id 40000 at position 1 is outside the vocabulary \[0, 30522\)/,
      );
      await expect(compiled.run({ input_ids: Int32Array.from([101, 7, 102]), l_mask: mask, t_mask: Float32Array.from([1, 2, 0]), p_mask: mask })).rejects.toThrow(
        /t_mask: value 2 at position 1; masks must be 0 or 1/,
      );
    } finally {
      compiled.destroy();
    }
  });

  it('refuses masks whose length differs from the ids', () => {
    expect(() => packBertInputs(text, [101, 7, 102], { l: ones(3), t: ones(2), p: ones(3) })).toThrow(/t_mask has 2 values for 3 token ids/);
    expect(() => packBertInputs(text, [101, 7, 102], { l: ones(3), t: ones(3), p: [1, 0, 0.5] })).toThrow(/p_mask: value 0.5 at position 2/);
  });

  it('refuses an empty sequence and one longer than the position table', async () => {
    const target = await testTarget();
    expect(() => packBertInputs(text, [], { l: [], t: [], p: [] })).toThrow(/empty token sequence/);
    expect(() => bertInputs(new Graph(target), text, 0)).toThrow(/empty token sequence/);
    expect(() => bertInputs(new Graph(target), text, 65)).toThrow(/65 tokens, but the model has only 64 positions/);
    try {
      bertInputs(new Graph(target), text, 0);
    } catch (e) {
      expect((e as FianetError).code).toBe('bad-input');
    }
  });

  it('names missing and mis-shaped BERT weights', async () => {
    const weights = await openFixtureFile('small/weights.safetensors');
    const g = new Graph(await testTarget());
    // small's BERT is 64 wide: building it with tiny's config must fail on the first shape.
    expect(() => bertEncoder(g, new WeightBinder(g, safetensorsStore(weights)), text, bertInputs(g, text, 4))).toThrow(
      /tensor 'text_encoder.embeddings.word_embeddings.weight' is \[30522, 64\], expected \[30522, 32\]/,
    );
    const g2 = new Graph(await testTarget());
    const b2 = new WeightBinder(g2, safetensorsStore(weights));
    bertEncoder(g2, b2, { ...fixtureConfig('small').text, layers: 3 }, bertInputs(g2, text, 4));
    expect(() => b2.finish()).toThrow(/tensors missing for this config:\n {2}text_encoder.encoder.layer.2.attention.self.query.weight \[64, 64\]/);
  });
});
