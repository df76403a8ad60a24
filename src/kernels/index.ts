/**
 * Every kernel of the engine, for what must see all of them: the compile-every-kernel test and
 * the WGSL snapshots (test/kernels/kernel-list.test.ts). A new kernel is added here.
 */
import type { Kernel } from '../runtime/kernel.js';
import { adaptivePoolConcat } from './adaptive-pool-concat.js';
import { attentionMaskBias } from './attention-mask-bias.js';
import { binary } from './binary.js';
import { blockRows } from './block-rows.js';
import { convInputRows } from './conv-input-rows.js';
import { conv2d } from './conv2d.js';
import { embeddingGather } from './embedding-gather.js';
import { fiamCombine } from './fiam-combine.js';
import { im2colBlocks } from './im2col-blocks.js';
import { instanceNorm } from './instance-norm.js';
import { layerNorm, layerNormRows } from './layer-norm.js';
import { logitsMask } from './logits-mask.js';
import { matmul } from './matmul.js';
import { matmulBlocked } from './matmul-blocked.js';
import { patchBlocks, patchEmbed } from './patch-embed.js';
import { patchMergeNorm } from './patch-merge-norm.js';
import { permute } from './permute.js';
import { reduce } from './reduce.js';
import { softmax, softmaxNarrow } from './softmax.js';
import { spatialGate } from './spatial-gate.js';
import { unary } from './unary.js';
import { upsampleBilinear } from './upsample-bilinear.js';
import { windowAttention } from './window-attention.js';
import { windowAttentionBlocked } from './window-attention-blocked.js';
import { windowKvBlocks } from './window-kv-blocks.js';

export const KERNELS: readonly Kernel<any, any>[] = [
  adaptivePoolConcat, attentionMaskBias, binary, blockRows, convInputRows, conv2d, embeddingGather, fiamCombine,
  im2colBlocks, instanceNorm, layerNorm, layerNormRows, logitsMask, matmul, matmulBlocked, patchBlocks, patchEmbed,
  patchMergeNorm, permute, reduce, softmax, softmaxNarrow, spatialGate, unary, upsampleBilinear, windowAttention,
  windowAttentionBlocked, windowKvBlocks,
];
