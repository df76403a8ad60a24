/** An in-memory WeightStore for model tests with random weights. */
import type { WeightStore } from '../../src/model/weights.js';

export interface StoredTensor {
  shape: readonly number[];
  data: Float32Array;
}

export function memoryStore(label: string, tensors: Map<string, StoredTensor>): WeightStore {
  return {
    label,
    names: () => [...tensors.keys()],
    shape: (name) => tensors.get(name)?.shape,
    load: async (name) => tensors.get(name)!.data,
  };
}
