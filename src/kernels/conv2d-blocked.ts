/**
 * Convolutions for CPU adapters: im2col in matmul-blocked's block layout, then matmul-blocked
 * with the conv weight read as [cout, cin * KS * KS] and the output stored transposed, so it
 * is channel-first [cout, h, w] exactly as conv2d writes it. On llvmpipe conv2d's
 * storage/workgroup loads inside the K loop take the slow per-lane path (~220 ns per 8-lane
 * load); here each input value is gathered once per (pixel, tap) and the K loop reads only
 * uniform windows (bench/RESULTS.md). Costs 4 * M * K bytes of im2col memory.
 */
import type { Graph, Tensor } from '../runtime/graph.js';
import { checkConv2dArgs, conv2dOp, type Conv2dArgs } from './conv2d.js';
import { im2colBlocksOp } from './im2col-blocks.js';
import { blockedMatmulFromBlocks, blockShape, gateFitsWindows } from './matmul-blocked.js';

/** conv2d's op, lowered to im2col-blocks + matmul-blocked (gate epilogue included); same arguments except a tile. */
export function conv2dBlockedOp(g: Graph, name: string, args: Omit<Conv2dArgs, 'tile'>): Tensor {
  const dims = checkConv2dArgs(g, name, args);
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

/**
 * The convolution a graph's adapter runs best: the blocked lowering where linear layers are
 * blocked (CPU adapters), conv2d otherwise and for what only conv2d does (an explicit tiling,
 * gate maps too large for a uniform window: over 1024 pixels).
 */
export function convolutionOp(g: Graph, name: string, args: Conv2dArgs): Tensor {
  const gateFits = !args.gate || gateFitsWindows(...args.gate.size);
  if (g.options.linear === 'blocked' && !args.tile && gateFits) return conv2dBlockedOp(g, name, args);
  return conv2dOp(g, name, args);
}
