/**
 * What the executor uploads: weights written straight into the mapped range (blocked W, f32
 * and f16, with the zero slack after the last block) and weights copied there (a bias) hold
 * exactly the bytes the plain-loop references lay out on the host.
 */
import { describe, expect, it } from 'vitest';
import { blockedIndex, blockedSize, packBlockedF16, windowSlack } from '../../src/kernels/layouts.js';
import { blockedLinear, blockShape } from '../../src/lowering/blocked-matmul.js';
import { uniformWindowTarget } from '../../src/lowering/target.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph, type WeightDtype } from '../../src/runtime/graph.js';
import { tensorBytes } from '../../src/runtime/memory-plan.js';
import { testGpu } from '../helpers/gpu.js';

/** Compiles `g` and reads back every weight buffer, by label (the device's createBuffer is wrapped to make them copyable). */
async function uploadedWeights(g: Graph): Promise<Map<string, Uint8Array>> {
  const gpu = await testGpu();
  const { device } = gpu;
  const create = device.createBuffer;
  const weights: GPUBuffer[] = [];
  device.createBuffer = (d: GPUBufferDescriptor) => {
    const isWeight = String(d.label).startsWith('weight:');
    const b = create.call(device, isWeight ? { ...d, usage: d.usage | GPUBufferUsage.COPY_SRC } : d);
    if (isWeight) weights.push(b);
    return b;
  };
  let compiled: CompiledGraph;
  try {
    compiled = await CompiledGraph.compile(gpu, g);
  } finally {
    device.createBuffer = create;
  }
  const out = new Map<string, Uint8Array>();
  for (const b of weights) {
    const readback = device.createBuffer({ size: b.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(b, 0, readback, 0, b.size);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    out.set(b.label.slice('weight:'.length), new Uint8Array(readback.getMappedRange().slice(0)));
    readback.destroy();
  }
  await compiled.destroy();
  return out;
}

const bytesOf = (a: Float32Array | Uint32Array, size: number): Uint8Array => {
  const out = new Uint8Array(size);
  out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return out;
};

describe('weight upload', () => {
  for (const dtype of ['f32', 'f16'] as WeightDtype[]) {
    it(`uploads blocked W (${dtype}, with slack) and a bias byte for byte`, async () => {
      // N = 37, K = 70: one 128 x 64 block, a partial last row group and k-block, and slack after the block.
      const [M, N, K] = [5, 37, 70];
      const { KC } = blockShape(N, K);
      const w = Float32Array.from({ length: N * K }, (_, i) => Math.sin(i) * 3);
      const bias = Float32Array.from({ length: N }, (_, i) => i / 7);
      const g = new Graph(uniformWindowTarget(), dtype);
      const x = g.input('x', [M, K]);
      const wt = g.weight('w', [N, K], async () => w);
      const bt = g.weight('b', [N], bias);
      g.output('y', blockedLinear(g, 'fc', { x, w: wt, bias: bt }));
      const blocked = g.tensors.find((t) => t.label.startsWith('w#blocked'))!;
      const NB = Number(/x(\d+)/.exec(blocked.label)![1]);
      const shape = { MB: NB, KC };
      expect(windowSlack(shape)).toBeGreaterThan(0);

      const expected = new Float32Array(blockedSize(N, K, shape));
      for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) expected[blockedIndex(n, k, K, shape, true)] = w[n * K + k];
      const words = dtype === 'f32' ? expected : packBlockedF16(expected, KC, NB, 'w');
      const uploaded = await uploadedWeights(g);
      expect([...uploaded.keys()].sort()).toEqual(['b', blocked.label].sort());
      expect(uploaded.get(blocked.label)).toEqual(bytesOf(words, tensorBytes(blocked)));
      expect(uploaded.get('b')).toEqual(bytesOf(bias, tensorBytes(bt)));
    });
  }
});
