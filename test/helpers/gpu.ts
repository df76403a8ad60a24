/**
 * One device per test worker, on the adapter named by FIANET_TEST_ADAPTER (default
 * llvmpipe), plus a helper that builds a small graph, compiles it and runs it.
 */
import { nodeGpu, parseAdapterKind } from '../../src/node/gpu-node.js';
import { targetFor, tiledTarget, uniformWindowTarget, type Target } from '../../src/lowering/target.js';
import type { Gpu } from '../../src/runtime/device.js';
import { CompiledGraph, type HostTensor } from '../../src/runtime/executor.js';
import { Graph, type Tensor, type WeightDtype } from '../../src/runtime/graph.js';

let shared: Promise<Gpu> | undefined;

export const TEST_ADAPTER = parseAdapterKind(process.env.FIANET_TEST_ADAPTER ?? 'llvmpipe');

export function testGpu(): Promise<Gpu> {
  shared ??= nodeGpu(TEST_ADAPTER);
  return shared;
}

/** The target of the test adapter, as the model would use it there (tests exercise production paths). */
export async function testTarget(): Promise<Target> {
  return targetFor((await testGpu()).adapter);
}

/** Both lowerings by the names tests use, to run one case through each on the test adapter. */
export const LOWERINGS = { blocked: uniformWindowTarget(), tiled: tiledTarget() } as const;
export type Lowering = keyof typeof LOWERINGS;

/** Builds a graph with `build`, runs it on `inputs` and returns every output. */
export async function runGraph(
  build: (g: Graph) => Record<string, Tensor>,
  inputs: Record<string, HostTensor>,
  target?: Target,
  weightDtype: WeightDtype = 'f32',
): Promise<Record<string, Float32Array>> {
  const gpu = await testGpu();
  const g = new Graph(target ?? (await testTarget()), weightDtype);
  for (const [name, t] of Object.entries(build(g))) g.output(name, t);
  const compiled = await CompiledGraph.compile(gpu, g);
  try {
    const { outputs } = await compiled.run(inputs);
    return outputs as Record<string, Float32Array>;
  } finally {
    compiled.destroy();
  }
}
