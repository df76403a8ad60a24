/**
 * Our engine on the peer workloads, built from the same code the model runs: the Swin block is
 * src/model/swin-block.ts, the BERT layer is the layer body of src/model/bert.ts for one pass
 * (22 rows; the model batches its three mask passes, the ONNX layer has one), the matmul is
 * `linear` and the convolution `convolution`, each lowered for the adapter the way the model's
 * graphs are (targetFor). Browser-safe: runs in Node and in the page.
 *
 * A run is what a user's call is: host inputs uploaded, the graph run, the output read back;
 * weights uploaded once at prepare (as ORT's session and TF.js's resident weights).
 */
import { openSafetensors, bytesSource } from '../../src/io/safetensors.js';
import { attentionMaskBiasOp } from '../../src/kernels/attention-mask-bias.js';
import { channelFirst } from '../../src/kernels/conv2d.js';
import { softmaxOp } from '../../src/kernels/softmax.js';
import { convolution, layerNorm, linear, product } from '../../src/lowering/ops.js';
import { targetFor } from '../../src/lowering/target.js';
import { swinBlock } from '../../src/model/swin-block.js';
import { safetensorsStore, WeightBinder } from '../../src/model/weights.js';
import type { Gpu } from '../../src/runtime/device.js';
import { CompiledGraph, type HostTensor } from '../../src/runtime/executor.js';
import { Graph, type Tensor } from '../../src/runtime/graph.js';
import { BERT, CONV, convData, f32, MATMUL, matmulData, SWIN, type Assets, type WorkloadName } from './workloads.js';

export interface OurEngine {
  /** One forward: inputs uploaded, graph run, output read back. */
  run(): Promise<void>;
  /** The last run's output in the workload's reference layout. */
  output(): Float32Array;
  /** Milliseconds per call of one run with each call submitted and waited for apart (CompiledGraph.run's profile). */
  profile(): Promise<Record<string, number>>;
  destroy(): void;
}

/** One BERT encoder layer on x [n, d] with a 0/1 key mask [n]: bert.ts's layer body for a single pass. */
function bertLayer(g: Graph, w: WeightBinder, x: Tensor, mask: Tensor): Tensor {
  const { hidden: d, heads, intermediate, eps } = BERT;
  const n = x.shape[0];
  const dh = d / heads;
  const p = 'layer';
  const vec = (name: string, size: number = d) => w.get(name, [size]);
  const proj = (name: string, src: string) => linear(g, name, { x, w: w.get(`${p}.${src}.weight`, [d, d]), bias: vec(`${p}.${src}.bias`) });
  const [q, k, v] = [proj('query', 'attention.self.query'), proj('key', 'attention.self.key'), proj('value', 'attention.self.value')];
  const bias = attentionMaskBiasOp(g, 'mask_bias', [mask]);
  const scores = product(g, 'scores', {
    a: { tensor: q, rows: n, cols: dh, ldr: d, ldc: 1, batchStride: dh },
    b: { tensor: k, rows: n, cols: dh, ldr: d, ldc: 1, batchStride: dh },
    outShape: [heads, n, n], batch: heads, alpha: 1 / Math.sqrt(dh),
  });
  const probs = softmaxOp(g, 'probs', scores, { tensor: bias, rowsPerBiasRow: n });
  const context = product(g, 'context', {
    a: { tensor: probs, rows: n, cols: n, ldr: n, ldc: 1, batchStride: n * n },
    b: { tensor: v, rows: dh, cols: n, ldr: 1, ldc: d, batchStride: dh },
    outShape: [n, d], batch: heads, ldo: d, outBatch: dh,
  });
  const attn = linear(g, 'attn_out', { x: context, w: w.get(`${p}.attention.output.dense.weight`, [d, d]), bias: vec(`${p}.attention.output.dense.bias`), residual: x });
  const h = layerNorm(g, 'attn_norm', attn, { gamma: vec(`${p}.attention.output.LayerNorm.weight`), beta: vec(`${p}.attention.output.LayerNorm.bias`), eps });
  const inter = linear(g, 'intermediate', { x: h, w: w.get(`${p}.intermediate.dense.weight`, [intermediate, d]), bias: vec(`${p}.intermediate.dense.bias`, intermediate), act: 'gelu' });
  const out = linear(g, 'output', { x: inter, w: w.get(`${p}.output.dense.weight`, [d, intermediate]), bias: vec(`${p}.output.dense.bias`), residual: h });
  return layerNorm(g, 'out_norm', out, { gamma: vec(`${p}.output.LayerNorm.weight`), beta: vec(`${p}.output.LayerNorm.bias`), eps });
}

async function binderFor(g: Graph, assets: Assets, file: string): Promise<WeightBinder> {
  const st = await openSafetensors(bytesSource(await assets.bytes(file), file));
  return new WeightBinder(g, safetensorsStore(st));
}

function checkAllUsed(w: WorkloadName, binder: WeightBinder): void {
  const unused = binder.finish();
  if (unused.length) throw new Error(`${w}: the graph left checkpoint tensors unused: ${unused.join(', ')}`);
}

/** The graph of workload `w` and its host inputs. */
async function build(g: Graph, w: WorkloadName, assets: Assets): Promise<Record<string, HostTensor>> {
  if (w === 'swin') {
    const { H, W, C } = SWIN;
    const binder = await binderFor(g, assets, 'swin_block.safetensors');
    const x = g.input('x', [H * W, C]);
    // No scope name: the block's calls keep their own labels (norm1, qkv, attn, ...) in profiles.
    g.output('out', swinBlock(g, binder, '', 'block', x, SWIN));
    checkAllUsed('swin', binder);
    return { x: f32(await assets.bytes('swin_block.x.bin')) };
  }
  if (w === 'bert') {
    const binder = await binderFor(g, assets, 'bert_layer.safetensors');
    const x = g.input('x', [BERT.tokens, BERT.hidden]);
    const mask = g.input('attention_mask', [BERT.tokens]);
    g.output('out', bertLayer(g, binder, x, mask));
    checkAllUsed('bert', binder);
    return { x: f32(await assets.bytes('bert_layer.x.bin')), attention_mask: f32(await assets.bytes('bert_layer.attention_mask.bin')) };
  }
  if (w === 'matmul') {
    const { a, b } = matmulData();
    const x = g.input('a', [MATMUL.M, MATMUL.K]);
    g.output('out', linear(g, 'mm', { x, w: g.weight('b', [MATMUL.N, MATMUL.K], b) }));
    return { a };
  }
  const d = convData();
  const { ca, aSize, cb, cout, size, ks } = CONV;
  const a = g.input('a', [ca, ...aSize]);
  const b = g.input('b', [cb, ...size]);
  const weight = g.weight('weight', [cout, ca + cb, ks, ks], d.weight);
  const bias = g.weight('bias', [cout], d.bias);
  g.output('out', convolution(g, 'conv', { a: channelFirst(a, ca, aSize), b, size, weight, bias, act: 'relu' }));
  return { a: d.a, b: d.b };
}

/** Builds, compiles (pipelines and weight upload) and returns our engine for `w` on `gpu`. */
export async function prepareOurs(gpu: Gpu, w: WorkloadName, assets: Assets): Promise<OurEngine> {
  const g = new Graph(targetFor(gpu.adapter));
  const inputs = await build(g, w, assets);
  const compiled = await CompiledGraph.compile(gpu, g);
  let last: Float32Array | undefined;
  return {
    async run() {
      last = (await compiled.run(inputs)).outputs.out as Float32Array;
    },
    output() {
      if (!last) throw new Error(`ours/${w}: no output yet`);
      return last;
    },
    profile: async () => (await compiled.run(inputs, undefined, { profile: true })).phases ?? {},
    destroy: () => compiled.destroy(),
  };
}
