/** A weight store that serves `honest` with one value of one tensor moved: what the benchmarks' checks before timing must refuse. */
import type { WeightStore } from '../../src/model/weights.js';

/** `honest` with element `index` of tensor `name` moved by `by`. */
export function nudgedStore(honest: WeightStore, name: string, by: number, index = 7): WeightStore {
  return { ...honest, load: async (n) => (n === name ? (await honest.load(n)).map((v, i) => (i === index ? v + by : v)) : honest.load(n)) };
}
