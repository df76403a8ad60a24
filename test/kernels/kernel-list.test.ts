/**
 * Every kernel of the engine, found by reading src/kernels/ (one kernel per file, so there is no
 * list to keep in step): every kernel compiles on the test adapter at its default constants,
 * and the WGSL of every variant the published model (base480 graph, both targets; f16
 * weights' variants in <target>-f16/) compiles is checked in under test/kernels/wgsl/, so a
 * shader change shows in review.
 * After a deliberate change: `npx vitest run test/kernels/kernel-list.test.ts -u`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tiledTarget, uniformWindowTarget } from '../../src/lowering/target.js';
import { publishedConfig } from '../../src/model/config.js';
import { buildFianet } from '../../src/model/fianet.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { WeightBinder } from '../../src/model/weights.js';
import { Graph } from '../../src/runtime/graph.js';
import { constantsKey, kernelSource, type Kernel } from '../../src/runtime/kernel.js';
import { PipelineCache } from '../../src/runtime/pipeline-cache.js';
import { testGpu } from '../helpers/gpu.js';

const isKernel = (v: unknown): v is Kernel<any, any> =>
  typeof v === 'object' && v !== null && typeof (v as Kernel).name === 'string' && typeof (v as Kernel).wgsl === 'function' && typeof (v as Kernel).workgroups === 'function';

const KERNEL_DIR = new URL('../../src/kernels/', import.meta.url);
const modules = await Promise.all(readdirSync(KERNEL_DIR).filter((f) => f.endsWith('.ts')).sort().map((f) => import(fileURLToPath(new URL(f, KERNEL_DIR)))));
const KERNELS = [...new Set(modules.flatMap((m: Record<string, unknown>) => Object.values(m)).filter(isKernel))];

describe('kernel list', () => {
  it('names every kernel once', () => {
    const names = KERNELS.map((k) => k.name);
    expect(names.length).toBeGreaterThanOrEqual(28);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(KERNELS.map((k) => [k.name, k] as const))('%s compiles at its default constants', async (_, kernel) => {
    const cache = new PipelineCache((await testGpu()).device);
    await cache.get(kernel, kernel.constants);
    expect(cache.size).toBe(1);
  });
});

describe('WGSL of the production variants', () => {
  // f16: only the variants that read f16 weights, in a folder of their own; likewise the
  // variants that share A over subgroups of 4 (SwiftShader's target).
  const targets = [uniformWindowTarget(), tiledTarget()].flatMap((t) => (['f32', 'f16'] as const).map((d) => [t, d] as const));
  for (const [target, dtype] of [...targets, [uniformWindowTarget(undefined, 4), 'f32'] as const]) {
    const folder = `${target.name}${dtype === 'f16' ? '-f16' : ''}${target.subgroupSize ? `-sg${target.subgroupSize}` : ''}`;
    it(`${target.name}${target.subgroupSize ? `, subgroups of ${target.subgroupSize}` : ''}, ${dtype} weights: the base480 graph's kernels match test/kernels/wgsl/${folder}/`, async () => {
      const g = new Graph(target, dtype);
      const config = publishedConfig('rrsisd');
      const { mask } = buildFianet(g, new WeightBinder(g, formulaWeightsFor(config)), config, 20);
      const variants = new Map<string, Map<string, string>>();
      // As CompiledGraph.compile runs them: after the target's fusions.
      for (const call of target.fuse?.(g.calls, [mask]) ?? g.calls) {
        if ((dtype === 'f16' && call.consts.wdt !== 'f16') || (target.subgroupSize && !call.consts.SG)) continue;
        const of = variants.get(call.kernel.name) ?? new Map<string, string>();
        of.set(constantsKey(call.kernel, call.consts), kernelSource(call.kernel, call.consts));
        variants.set(call.kernel.name, of);
      }
      for (const [name, of] of [...variants].sort()) {
        const text = [...of].sort().map(([key, source]) => `// ==== ${key}\n${source}`).join('\n');
        await expect(text).toMatchFileSnapshot(`./wgsl/${folder}/${name}.wgsl`);
      }
    });
  }
});
