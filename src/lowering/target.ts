/**
 * The one seam between what the model computes and how this adapter runs it. A `Target` is
 * chosen once from the adapter (targetFor) and carried by the graph; model code calls the ops
 * in ops.ts (linear, product, convolution, window attention, LayerNorm, patch embedding), and
 * the target picks the kernels and holds the limits they are checked against. Every
 * adapter-specific choice of the engine is in this file; a new kind of adapter (f16 GPUs,
 * subgroups) is one more Target object here.
 *
 *  - uniformWindowTarget (CPU adapters: Mesa llvmpipe, SwiftShader): hot loops read their
 *    operands through 64 KiB uniform windows, because llvmpipe turns every storage or
 *    workgroup load inside a loop into a per-lane scalar loop (~8x slower, bench/RESULTS.md).
 *    Where subgroups have one size (SwiftShader: 4), matmul-blocked's lanes share A's loads
 *    through them (subgroupSize; llvmpipe through OpenGL ES has no subgroups).
 *  - tiledTarget (GPUs): register-tiled storage-buffer kernels, workgroup reductions.
 * Both store the weights they stream in the graph's weightDtype (streamed-weight.ts): the
 * uniform windows' W blocks are laid out in it, the tiled kernels bind its f16 copy.
 */
import { conv2dOp, type Conv2dArgs } from '../kernels/conv2d.js';
import { layerNormOp, layerNormRowsOp, type LayerNormArgs } from '../kernels/layer-norm.js';
import { stridedMatmul, tiledLinear, type LinearArgs } from '../kernels/matmul.js';
import { patchEmbedOp, type PatchEmbedArgs, type PatchEmbedding } from '../kernels/patch-embed.js';
import { windowAttentionBlockedOp } from '../kernels/window-attention-blocked.js';
import { windowAttentionTiledOp, type WindowAttentionArgs } from '../kernels/window-attention.js';
import { isCpuAdapter, type AdapterDescription } from '../runtime/device.js';
import { FianetError } from '../errors.js';
import type { Call, Graph, Tensor } from '../runtime/graph.js';
import { conv2dBlockedOp, patchEmbedBlockedOp } from './blocked-conv.js';
import { blockedLinear, blockedMatmulViews, gateFitsWindows, type MatrixView } from './blocked-matmul.js';
import { fuseBlockRows } from './fuse-block-rows.js';
import { streamedWeight } from './streamed-weight.js';

export type { MatrixView } from './blocked-matmul.js';

/** The adapter limits graphs are checked against when they are built. */
export interface TargetLimits {
  maxWorkgroupInvocations: number;
  /** Bytes of workgroup memory. */
  maxWorkgroupBytes: number;
}

/** What the CPU adapters offer (SwiftShader: 256 invocations; both: 32 KiB workgroup memory): targets built without an adapter. */
export const CPU_ADAPTER_LIMITS: TargetLimits = { maxWorkgroupInvocations: 256, maxWorkgroupBytes: 32768 };

/**
 * alpha * A_z B_z^T for z < batch (attention heads): A_z [M, K] and B_z [N, K] read in place
 * through strides (MatrixView, batchStride between heads), output matrix z written at
 * z * outBatch with rows ldo apart inside a tensor of `outShape`.
 */
export interface ProductArgs {
  a: MatrixView;
  b: MatrixView;
  outShape: readonly number[];
  /** Default 1. */
  batch?: number;
  /** Default N. */
  ldo?: number;
  /** Default M * ldo. */
  outBatch?: number;
  alpha?: number;
}

export interface Target {
  /** 'uniform-windows' or 'tiled': benchmarks and `fianet info` name it. */
  readonly name: string;
  readonly limits: TargetLimits;
  /**
   * Lanes of a subgroup that share matmul-blocked's A loads (its constant SG: each loads 1 / SG
   * of the rows, subgroupBroadcast hands them round); 0 where every lane loads every row.
   */
  readonly subgroupSize: number;
  /** act(alpha * x W^T + bias) (+ residual) for x [..., K] and a Linear weight W [N, K] (LinearArgs). */
  linear(g: Graph, name: string, args: LinearArgs): Tensor;
  /** A product of two activations (ProductArgs). */
  product(g: Graph, name: string, p: ProductArgs): Tensor;
  /** conv2d's convolution (its arguments: kernels/conv2d.ts). */
  convolution(g: Graph, name: string, args: Conv2dArgs): Tensor;
  /** Swin (shifted) window attention from the qkv projection (kernels/window-attention.ts). */
  windowAttention(g: Graph, name: string, args: WindowAttentionArgs): Tensor;
  layerNorm(g: Graph, name: string, x: Tensor, a: LayerNormArgs): Tensor;
  /** Swin's patch embedding of image [cin, H, W] by conv weight [C, cin, P, P]. */
  patchEmbed(g: Graph, name: string, args: PatchEmbedArgs): PatchEmbedding;
  /** The graph's live calls rewritten once every reader is known (CompiledGraph.compile), e.g. layouts fused into their producers. */
  fuse?(calls: readonly Call[], outputs: readonly Tensor[]): Call[];
}

/** The tiled kernel's strides for a product: A row-major, B row-major ([N, K]: transB) or column-major. */
function tiledProduct(g: Graph, name: string, p: ProductArgs): Tensor {
  const { a, b } = p;
  const [M, N, K] = [a.rows, b.rows, a.cols];
  const transB = b.ldc === 1;
  if (a.ldc !== 1 || (!transB && b.ldr !== 1) || a.off || b.off || b.cols !== K) {
    throw new FianetError('bad-graph', `${g.name(name)}: the tiled product reads A [M, K] row-major from offset 0 and B [N, K] with unit stride on one axis`);
  }
  const ldo = p.ldo ?? N;
  return stridedMatmul(g, name, {
    a: a.tensor, b: b.tensor, outShape: p.outShape, transB, params: {
      M, N, K, lda: a.ldr, ldb: transB ? b.ldr : b.ldc, ldo,
      a_batch: a.batchStride ?? 0, b_batch: b.batchStride ?? 0, o_batch: p.outBatch ?? M * ldo, batch: p.batch ?? 1, alpha: p.alpha,
    },
  });
}

/** conv2d on the graph's stored weight (streamed-weight.ts). */
const conv2dStreamed = (g: Graph, name: string, args: Conv2dArgs): Tensor => conv2dOp(g, name, { ...args, weight: streamedWeight(g, args.weight) });

/**
 * CPU adapters: everything in loops reads through uniform windows (see the file header).
 * subgroupSize > 0: matmul-blocked shares A's loads over subgroups of that many lanes (SwiftShader).
 */
export function uniformWindowTarget(limits: TargetLimits = CPU_ADAPTER_LIMITS, subgroupSize = 0): Target {
  return {
    name: 'uniform-windows',
    limits,
    subgroupSize,
    // Only weights are re-laid out in W blocks at load; a product of activations is `product`.
    linear: (g, name, args) => (args.w.kind === 'weight' ? blockedLinear(g, name, args) : tiledLinear(g, name, args)),
    product: (g, name, p) => blockedMatmulViews(g, name, p.a, p.b, { alpha: p.alpha, outShape: p.outShape, batch: p.batch, ldo: p.ldo ?? p.b.rows, outBatch: p.outBatch }),
    // conv2d keeps what only it does: an explicit tiling (benchmarks), gate maps too large for a uniform window.
    convolution: (g, name, args) => (!args.tile && (!args.gate || gateFitsWindows(...args.gate.size)) ? conv2dBlockedOp(g, name, args) : conv2dStreamed(g, name, args)),
    windowAttention: windowAttentionBlockedOp,
    // A row per thread: llvmpipe pays per workgroup and per barrier (Swin's 14400 rows of 128: ~70 ms instead of ~530).
    layerNorm: (g, name, x, a) => (x.shape[x.shape.length - 1] % 4 === 0 ? layerNormRowsOp(g, name, x, a) : layerNormOp(g, name, x, a)),
    patchEmbed: patchEmbedBlockedOp,
    fuse: fuseBlockRows,
  };
}

/** GPUs: register-tiled storage-buffer kernels. */
export function tiledTarget(limits: TargetLimits = CPU_ADAPTER_LIMITS): Target {
  return {
    name: 'tiled',
    limits,
    subgroupSize: 0,
    linear: (g, name, args) => tiledLinear(g, name, { ...args, w: streamedWeight(g, args.w) }),
    product: tiledProduct,
    convolution: conv2dStreamed,
    windowAttention: windowAttentionTiledOp,
    layerNorm: layerNormOp,
    patchEmbed: (g, name, args) => patchEmbedOp(g, name, { ...args, weight: streamedWeight(g, args.weight) }),
  };
}

/** The target for an opened adapter, with its limits. */
export function targetFor(adapter: AdapterDescription): Target {
  const limits = {
    maxWorkgroupInvocations: adapter.limits.maxComputeInvocationsPerWorkgroup ?? CPU_ADAPTER_LIMITS.maxWorkgroupInvocations,
    maxWorkgroupBytes: adapter.limits.maxComputeWorkgroupStorageSize ?? CPU_ADAPTER_LIMITS.maxWorkgroupBytes,
  };
  return isCpuAdapter(adapter) ? uniformWindowTarget(limits, fixedSubgroupSize(adapter)) : tiledTarget(limits);
}

/**
 * The subgroup size where the device has subgroups of one size only (SwiftShader: 4, in Node and
 * in Chromium; llvmpipe through OpenGL ES has none), else 0: matmul-blocked's broadcasts name
 * source lanes by constants, so they need the size the shader was written for.
 */
function fixedSubgroupSize(adapter: AdapterDescription): number {
  const sizes = adapter.subgroupSizes;
  return sizes && sizes.min === sizes.max && sizes.min > 0 ? sizes.min : 0;
}
