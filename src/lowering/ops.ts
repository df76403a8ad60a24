/**
 * What model code calls: each op runs as the graph's target lowers it (target.ts), so the
 * model says what it computes and never how this adapter computes it.
 */
import type { Graph } from '../runtime/graph.js';
import type { Target } from './target.js';

type Op<K extends keyof Target> = Target[K] extends (g: Graph, ...rest: infer A) => infer R ? (g: Graph, ...rest: A) => R : never;

export const linear: Op<'linear'> = (g, ...rest) => g.target.linear(g, ...rest);
export const product: Op<'product'> = (g, ...rest) => g.target.product(g, ...rest);
export const convolution: Op<'convolution'> = (g, ...rest) => g.target.convolution(g, ...rest);
export const windowAttention: Op<'windowAttention'> = (g, ...rest) => g.target.windowAttention(g, ...rest);
export const layerNorm: Op<'layerNorm'> = (g, ...rest) => g.target.layerNorm(g, ...rest);
export const patchEmbed: Op<'patchEmbed'> = (g, ...rest) => g.target.patchEmbed(g, ...rest);
