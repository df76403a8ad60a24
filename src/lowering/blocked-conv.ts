/**
 * Convolutions for CPU adapters (the uniform-window target), as matmul-blocked products read through uniform windows (on
 * llvmpipe conv2d's storage/workgroup loads inside the K loop take the slow per-lane path,
 * ~220 ns per 8-lane load; bench/RESULTS.md). The output is stored transposed, so it is
 * channel-first [cout, h, w] exactly as conv2d writes it.
 *  - KS x KS (KS > 1), no gate: an implicit GEMM. conv-input-rows lays the zero-padded input
 *    out once in channel blocks; the outputs are computed on the padded grid's pitch, where
 *    tap (ky, kx) of every pixel of an MB-row tile is MB consecutive input rows, so each
 *    (tap, channel block) is one window at a shifted offset and the weight is read as
 *    [cout][tap][cin] (re-laid out at load). The input is copied once, not KS^2 times as
 *    im2col does (base480 conv1_2: 38 MB instead of 332 MB), for (w + KS - 1) / w more
 *    rows of work.
 *  - 1x1 and gated convolutions: im2col-blocks (for 1x1 a relayout of the input) + matmul-blocked
 *    with the conv weight read as [cout, cin * KS * KS].
 *  - Swin's patch embedding (a P x P convolution of stride P): patch-blocks gathers each token's
 *    patch once, straight into A blocks, and the weight is read as [C, cin * P * P] (the direct
 *    kernel's 96 storage loads per output take llvmpipe's slow per-lane path).
 */
import { FianetError } from '../errors.js';
import { checkConv2dArgs, type Conv2dArgs, type ConvDims } from '../kernels/conv2d.js';
import { convInputRowsOp } from '../kernels/conv-input-rows.js';
import { im2colBlocksOp } from '../kernels/im2col-blocks.js';
import { blockedSize, MAX_KC, STORAGE_WINDOW_BYTES, UNIFORM_WINDOW_FLOATS } from '../kernels/layouts.js';
import { checkPatchEmbed, patchBlocks, type PatchEmbedArgs, type PatchEmbedding } from '../kernels/patch-embed.js';
import type { Graph, Tensor } from '../runtime/graph.js';
import { blockCols, blockedMatmulFromBlocks, blockedWeight, blockShape } from './blocked-matmul.js';

/** conv2d's op for CPU adapters (see the file header); same arguments except a tile. */
export function conv2dBlockedOp(g: Graph, name: string, args: Omit<Conv2dArgs, 'tile'>): Tensor {
  const dims = checkConv2dArgs(g, name, args);
  return dims.ks > 1 && !args.gate ? implicitConv(g, name, args, dims) : im2colConv(g, name, args, dims);
}

/** The im2col lowering for any convolution (the benchmarks compare it with the implicit GEMM). */
export function conv2dIm2colOp(g: Graph, name: string, args: Omit<Conv2dArgs, 'tile'>): Tensor {
  return im2colConv(g, name, args, checkConv2dArgs(g, name, args));
}

function im2colConv(g: Graph, name: string, args: Omit<Conv2dArgs, 'tile'>, dims: ConvDims): Tensor {
  const M = dims.h * dims.w;
  const K = dims.cin * dims.ks * dims.ks;
  const { KC, MB } = blockShape(dims.cout, K);
  const ab = im2colBlocksOp(g, `${name}.im2col`, args, dims, { KC, MB });
  return blockedMatmulFromBlocks(g, name, ab, { M, K, KC, MB }, args.weight, args.bias, {
    act: args.act,
    outShape: [dims.cout, dims.h, dims.w],
    transposed: true,
    gate: args.gate,
  });
}

/** Channels per block: 64 at least, so every window offset (a multiple of KC floats) is 256-byte aligned. */
function channelBlock(cin: number): number {
  return [MAX_KC, 128].find((kc) => cin % kc === 0) ?? 64;
}

function implicitConv(g: Graph, name: string, args: Omit<Conv2dArgs, 'tile'>, dims: ConvDims): Tensor {
  const { h, w, ks, cin, cout } = dims;
  const KC = channelBlock(cin);
  const MB = UNIFORM_WINDOW_FLOATS / KC;
  const NB = blockCols(cout, KC);
  const KB = Math.ceil(cin / KC);
  const taps = ks * ks;
  const pitch = w + ks - 1;
  const M = h * pitch;
  const mBlocks = Math.ceil(M / MB);
  const maxShift = (ks - 1) * pitch + ks - 1;
  const rows = mBlocks * MB + maxShift;
  if (KB * rows * KC * 4 > STORAGE_WINDOW_BYTES) {
    throw new FianetError('bad-graph', `${g.name(name)}: the padded input (${KB * rows * KC * 4} bytes) exceeds one ${STORAGE_WINDOW_BYTES} byte storage binding`);
  }
  const input = convInputRowsOp(g, `${name}.rows`, args, dims, { KC, KB, pitch, rows });
  // k-block kb' = tap * KB + kb: channel block kb of tap (ky, kx), read at row m + ky * pitch + kx.
  const aWindow = (mb: number, k: number): number => {
    const tap = Math.floor(k / KB);
    const shift = Math.floor(tap / ks) * pitch + (tap % ks);
    return ((k % KB) * rows + mb * MB + shift) * KC * 4;
  };
  const K = taps * KB * KC;
  const wb = blockedWeight(g, args.weight, cout, K, KC, NB, { tag: 'taps', rows: (data) => tapMajorWeight(data, cout, cin, taps, KB * KC) });
  return blockedMatmulFromBlocks(g, name, input, { M, K, KC, MB, aWindow, rowPitch: { pitch, w }, usefulK: cin * taps }, { blocked: wb, N: cout }, args.bias, {
    act: args.act,
    outShape: [cout, h, w],
    transposed: true,
  });
}

/** W [cout, cin, taps] -> [cout][taps][cinPad], zero for the padded channels. */
export function tapMajorWeight(w: Float32Array, cout: number, cin: number, taps: number, cinPad: number): Float32Array {
  const out = new Float32Array(cout * taps * cinPad);
  for (let n = 0; n < cout; n++) {
    for (let c = 0; c < cin; c++) {
      for (let t = 0; t < taps; t++) out[(n * taps + t) * cinPad + c] = w[(n * cin + c) * taps + t];
    }
  }
  return out;
}

/** patch-embed's op through patch-blocks and matmul-blocked (see the file header); same arguments. */
export function patchEmbedBlockedOp(g: Graph, name: string, args: PatchEmbedArgs): PatchEmbedding {
  const { image, weight: w, bias } = args;
  const { cin, H, W, C, P, H1, W1 } = checkPatchEmbed(g.name(name), args);
  const M = H1 * W1;
  const K = cin * P * P;
  const { KC, MB } = blockShape(C, K);
  const KB = Math.ceil(K / KC);
  const n = blockedSize(M, K, { MB, KC });
  const ab = g.activation(`${name}.patches`, [n]);
  g.call(patchBlocks, `${name}.patches`, { args: { x: image, out: ab }, uniforms: { cin, H, W, W1, tokens: M, K, KB, n }, consts: { patch: P, KC, MB } });
  return { tokens: blockedMatmulFromBlocks(g, name, ab, { M, K, KC, MB }, w, bias, { outShape: [M, C] }), H1, W1 };
}
