/**
 * Weights that kernels stream (linear layers, convolutions, the patch embedding, BERT's word
 * embeddings: nearly all of a model's bytes) are stored on the device in the graph's
 * weightDtype. With f16 each is packed once at upload (two halves a u32, read back with
 * unpack2x16float), so the device holds and every product streams half the bytes; biases,
 * norms and position tables stay f32 (a few percent of the bytes, and their kernels stay
 * simple). The checkpoint tensor the binder made stays f32 and is uploaded only if a kernel
 * binds it as it is.
 */
import { packF16 } from '../io/dtype.js';
import { numel, weightArray, type Graph, type Tensor } from '../runtime/graph.js';

const copies = new WeakMap<Graph, Map<number, Tensor>>();

/** `w` as the graph stores streamed weights: itself, or its f16 copy (one per weight and graph). */
export function streamedWeight(g: Graph, w: Tensor): Tensor {
  if (w.kind !== 'weight' || w.dtype !== 'f32' || g.weightDtype === 'f32') return w;
  const made = copies.get(g) ?? new Map<number, Tensor>();
  copies.set(g, made);
  const known = made.get(w.id);
  if (known) return known;
  const source = g.weights.get(w.id)!;
  const half = g.weight(`${w.label}#f16`, w.shape, { writeTo: async (into: ArrayBuffer) => void packF16(await weightArray(w, source), w.label, new Uint32Array(into, 0, Math.ceil(numel(w.shape) / 2))) }, 'f16');
  made.set(w.id, half);
  return half;
}
