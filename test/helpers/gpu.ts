/**
 * One device per test worker, on the adapter named by FIANET_TEST_ADAPTER (default
 * llvmpipe), plus a helper that builds a small graph, compiles it and runs it.
 */
import { afterAll } from 'vitest';
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

/** A device on `kind` whatever FIANET_TEST_ADAPTER says, or why it could not be opened (tests about one adapter skip with it). */
export async function openAdapter(kind: 'swiftshader' | 'llvmpipe'): Promise<{ gpu?: Gpu; why?: string }> {
  try {
    return { gpu: await nodeGpu(kind) };
  } catch (e) {
    return { why: `${kind} could not be opened: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * SwiftShader through Vulkan (timestamp queries) and llvmpipe through OpenGL ES (none), each
 * opened whatever FIANET_TEST_ADAPTER says, closed after the file's tests; the reasons to skip.
 */
export async function openTimestampAdapters() {
  const swiftshader = await openAdapter('swiftshader');
  const timestampsMissing = swiftshader.why ?? (swiftshader.gpu!.device.features.has('timestamp-query') ? undefined : 'SwiftShader offers no timestamp-query here');
  const llvmpipe = await openAdapter('llvmpipe');
  afterAll(() => {
    swiftshader.gpu?.destroy();
    llvmpipe.gpu?.destroy();
  });
  return { swiftshader, timestampsMissing, llvmpipe };
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
