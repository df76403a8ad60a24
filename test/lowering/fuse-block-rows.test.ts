/**
 * fuse-block-rows: the uniform-window target's graphs with block-rows fused into its producers
 * give the unfused graph's outputs bit for bit (the same arithmetic, stored in blocks), and the
 * block-rows calls that can go do go. Shapes: M not a multiple of MB (130, 300) and 1; C = 100
 * pads the last k-block (KC 128), so the fused LayerNorm must write those zeros; hidden 256
 * (KC divides it: fc1 stores fc2's blocks) and 200 (it does not: block-rows stays). Every graph
 * first runs a product on NaNs whose A blocks take the bytes the fused blocks get later, so
 * padding left unwritten shows as NaN. A chain of three products puts the blocks in a second
 * uniform-read arena (a call may not bind one buffer as uniform and as storage); window
 * attention (9 x 11 tokens: padded, shifted windows) stores its projection's blocks, an
 * InstanceNorm (with its `mul` epilogue) a one-head product's, patch merging its reduction's.
 */
import { describe, expect, it } from 'vitest';
import { instanceNormOp } from '../../src/kernels/instance-norm.js';
import { patchMergeNormOp } from '../../src/kernels/patch-merge-norm.js';
import { layerNorm, linear, product, windowAttention } from '../../src/lowering/ops.js';
import { uniformWindowTarget, type Target } from '../../src/lowering/target.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph, type Tensor } from '../../src/runtime/graph.js';
import { randomArray } from '../helpers/compare.js';
import { testGpu } from '../helpers/gpu.js';

const FUSED = uniformWindowTarget();
const UNFUSED: Target = { ...FUSED, fuse: undefined };

type Build = (g: Graph, x: Tensor) => Tensor;

const weight = (g: Graph, name: string, shape: [number, number], seed: number) => g.weight(name, shape, randomArray(shape[0] * shape[1], seed));

async function run(target: Target, M: number, C: number, build: Build) {
  const g = new Graph(target);
  const x = g.input('x', [M, C]);
  // NaN blocks first, 128 wide so no k padding is zero: they die before the graph's own blocks
  // of as many bytes (C 100 or 128 in blocks of 128 columns) are written in their place.
  g.output('junk', linear(g, 'junk', { x: g.input('nan', [M, 128]), w: weight(g, 'junk_w', [16, 128], 5) }));
  g.output('y', build(g, x));
  const compiled = await CompiledGraph.compile(await testGpu(), g);
  try {
    const inputs = { x: randomArray(M * C, M + C), nan: new Float32Array(M * 128).fill(NaN), key: randomArray(5 * C, 23) };
    const { outputs } = await compiled.run(Object.fromEntries(Object.entries(inputs).filter(([name]) => g.inputs.has(name))));
    const { placements } = compiled.plan;
    for (const c of compiled.calls) {
      const arenas = (uniform: boolean) => new Set(c.args.filter((t, j) => t && placements.has(t.id) && !!c.bindings[j].uniform === uniform).map((t) => placements.get(t!.id)!.arena));
      const storage = arenas(false);
      for (const a of arenas(true)) expect(storage.has(a), `${c.label}: arena ${a} bound as uniform and storage`).toBe(false);
    }
    return { y: outputs.y as Float32Array, kernels: compiled.calls.filter((c) => !c.label.startsWith('junk')).map((c) => c.kernel.name) };
  } finally {
    compiled.destroy();
  }
}

/** Swin's MLP half: LayerNorm, fc1 with GELU, fc2 with the residual. */
const mlp = (hidden: number): Build => (g, x) => {
  const C = x.shape[1];
  const y = layerNorm(g, 'norm', x, { gamma: g.weight('gamma', [C], randomArray(C, 2)), beta: g.weight('beta', [C], randomArray(C, 3)), eps: 1e-5 });
  const h = linear(g, 'fc1', { x: y, w: weight(g, 'w1', [hidden, C], 4), bias: g.weight('b1', [hidden], randomArray(hidden, 6)), act: 'gelu' });
  return linear(g, 'fc2', { x: h, w: weight(g, 'w2', [C, hidden], 7), bias: g.weight('b2', [C], randomArray(C, 8)), residual: x });
};

/** A Swin block's attention half: LayerNorm, qkv, shifted window attention (9 x 11 tokens, windows of 4, 2 heads), proj with the residual. */
const attention: Build = (g, x) => {
  const C = x.shape[1];
  const y = layerNorm(g, 'norm', x, { gamma: g.weight('gamma', [C], randomArray(C, 2)), beta: g.weight('beta', [C], randomArray(C, 3)), eps: 1e-5 });
  const qkvBias = g.weight('qkv_b', [3 * C], randomArray(3 * C, 17));
  const qkv = linear(g, 'qkv', { x: y, w: weight(g, 'qkv_w', [3 * C, C], 18), bias: qkvBias });
  const table = g.weight('table', [49, 2], randomArray(98, 19));
  const attended = windowAttention(g, 'attn', { qkv, qkvBias, table, params: { H: 9, W: 11, heads: 2, window: 4, shift: 2 } });
  return linear(g, 'proj', { x: attended, w: weight(g, 'proj_w', [C, C], 20), bias: g.weight('proj_b', [C], randomArray(C, 21)), residual: x });
};

/** SILA's query: an InstanceNorm read by a product of one head (a view with a batch stride), then a linear. */
const instanceNormed: Build = (g, x) => {
  const [M, C] = x.shape;
  const key = g.input('key', [5, C]);
  const query = instanceNormOp(g, 'query', x, 1e-5, { mul: g.weight('mul', [M, C], randomArray(M * C, 24)) });
  const scores = product(g, 'scores', { a: { tensor: query, rows: M, cols: C, ldr: C, ldc: 1, batchStride: C }, b: { tensor: key, rows: 5, cols: C, ldr: C, ldc: 1, batchStride: C }, outShape: [M, 5], alpha: 0.5 });
  return linear(g, 'out', { x: instanceNormOp(g, 'norm', scores, 1e-5), w: weight(g, 'w', [C, 5], 22) });
};

/** Swin's patch merging (9 x 11 tokens: padded to 10 x 12) and its reduction. */
const merged: Build = (g, x) => {
  const C = x.shape[1];
  const { merged: m } = patchMergeNormOp(g, 'merge', { x, H: 9, W: 11, gamma: g.weight('gamma', [4 * C], randomArray(4 * C, 25)), beta: g.weight('beta', [4 * C], randomArray(4 * C, 26)), eps: 1e-5 });
  return linear(g, 'reduction', { x: m, w: weight(g, 'w', [2 * C, 4 * C], 27) });
};

/** Three products in a row (no norm): the middle one reads blocks and writes blocks. */
const chain: Build = (g, x) => {
  const C = x.shape[1];
  const a = linear(g, 'l1', { x, w: weight(g, 'w1', [256, C], 9), act: 'relu' });
  const b = linear(g, 'l2', { x: a, w: weight(g, 'w2', [128, 256], 10), act: 'tanh' });
  return linear(g, 'l3', { x: b, w: weight(g, 'w3', [C, 128], 11) });
};

/** Three products of one input (BERT's query, key and value): one block-rows. */
const sameInput: Build = (g, x) => {
  const C = x.shape[1];
  const [q, k, v] = [12, 13, 14].map((s, i) => linear(g, `p${i}`, { x, w: weight(g, `w${i}`, [C, C], s) }));
  return linear(g, 'sum', { x: q, w: weight(g, 'wq', [C, C], 15), residual: linear(g, 'kv', { x: k, w: weight(g, 'wk', [C, C], 16), residual: v }) });
};

const cases: Array<[string, number, number, Build, string[]]> = [
  ['LayerNorm -> fc1 (GELU) -> fc2, hidden 256', 130, 100, mlp(256), ['layer-norm-rows', 'matmul-blocked', 'matmul-blocked']],
  ['LayerNorm -> fc1 -> fc2, hidden 200: KC does not divide it', 300, 100, mlp(200), ['layer-norm-rows', 'matmul-blocked', 'block-rows', 'matmul-blocked']],
  ['LayerNorm -> fc1 -> fc2, one row', 1, 100, mlp(256), ['layer-norm-rows', 'matmul-blocked', 'matmul-blocked']],
  ['LayerNorm -> qkv -> window attention -> proj', 99, 64, attention, ['layer-norm-rows', 'matmul-blocked', 'window-kv-blocks', 'window-attention-blocked', 'matmul-blocked']],
  // The scores' second InstanceNorm is 5 wide: KC 16 does not divide it, block-rows stays.
  ['InstanceNorm -> product of one head -> InstanceNorm -> linear', 130, 64, instanceNormed, ['instance-norm', 'block-rows', 'matmul-blocked', 'instance-norm', 'block-rows', 'matmul-blocked']],
  ['patch merging -> reduction', 99, 64, merged, ['patch-merge-norm', 'matmul-blocked']],
  ['three products in a row', 300, 100, chain, ['block-rows', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked']],
  // q and k feed one product each: p0 and p1 store their blocks too.
  ['three products of one input', 70, 64, sameInput, ['block-rows', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked']],
  // BERT-base's width at 22 rows: p0 and p1 take two column blocks per dispatch and store their A blocks.
  ['three products of one input, 768 wide', 22, 768, sameInput, ['block-rows', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked', 'matmul-blocked']],
];

describe('fuse-block-rows', () => {
  for (const [title, M, C, build, kernels] of cases) {
    it(`${title} (M ${M}, C ${C}): the unfused outputs bit for bit`, async () => {
      const unfused = await run(UNFUSED, M, C, build);
      const fused = await run(FUSED, M, C, build);
      expect(fused.kernels).toEqual(kernels);
      expect(unfused.kernels.filter((k) => k === 'block-rows').length).toBeGreaterThan(kernels.filter((k) => k === 'block-rows').length);
      expect(unfused.y.every(Number.isFinite)).toBe(true);
      expect(Buffer.from(fused.y.buffer).equals(Buffer.from(unfused.y.buffer))).toBe(true);
    });
  }
});
