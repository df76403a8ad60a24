/**
 * The TMEM phase on its own at a config's size (base480: four stage outputs 120..15 px,
 * 1920 -> 480 channels, 3 blocks; formula weights), fed with synthetic stage outputs and
 * language features so that no backbone runs: the warm median of the whole phase, then one
 * profiled run per part (pool, down_channel, the blocks, up_channel, and per gate kind: the
 * two pooled-resolution 1x1 convs, the full-resolution one with the gate epilogue), with the
 * GFLOP/s of the FLOPs their calls declare.
 */
import type { FianetConfig } from '../src/model/config.js';
import { buildTmem, stageSizes } from '../src/model/tmem.js';
import { WeightBinder, type WeightStore } from '../src/model/weights.js';
import type { Gpu } from '../src/runtime/device.js';
import { targetFor } from '../src/lowering/target.js';
import { CompiledGraph, type PhaseOf } from '../src/runtime/executor.js';
import { Graph } from '../src/runtime/graph.js';
import { profilePhases, timeRuns, type PhaseTiming } from './harness.js';

export interface TmemResult {
  case: string;
  linear: string;
  compileMs: number;
  firstMs: number;
  medianMs: number;
  cpuMs: number;
  runs: number;
  /** Per part (`phase` names the part). */
  parts: PhaseTiming[];
}

/** tmem.pool, tmem.down_channel, tmem.blocks, tmem.up_channel, tmem.gate.<conv> (all four gates together). */
export const tmemPart: PhaseOf = (call) => {
  const [, second, third] = call.label.split('.');
  if (/^block\d+$/.test(second)) return 'blocks';
  if (/^gate\d+$/.test(second)) return `gate.${third}`;
  return second;
};

export async function benchTmem(gpu: Gpu, config: FianetConfig, store: WeightStore, opts: { runs?: number; log?: (s: string) => void } = {}): Promise<TmemResult> {
  const log = opts.log ?? (() => {});
  const runs = opts.runs ?? 3;
  const target = targetFor(gpu.adapter);
  const linear = target.name;
  const g = new Graph(target);
  const binder = new WeightBinder(g, store);
  const sizes = stageSizes(config);
  const channels = config.model.num_features;
  const n = config.text.max_tokens;
  const stages = channels.map((c, i) => g.input(`stage${i}`, [c, ...sizes[i]]));
  const lang = { features: g.input('l', [n, config.text.hidden]), mask: g.input('l_mask', [n]) };
  const { outputs } = buildTmem(g, binder, config, stages, lang);
  outputs.forEach((t, i) => g.output(`tmem${i}`, t));

  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    const inputs: Record<string, Float32Array> = {
      l: Float32Array.from({ length: n * config.text.hidden }, (_, i) => Math.sin(i * 0.37)),
      l_mask: Float32Array.from({ length: n }, (_, i) => (i < 12 ? 1 : 0)),
    };
    channels.forEach((c, i) => (inputs[`stage${i}`] = Float32Array.from({ length: c * sizes[i][0] * sizes[i][1] }, (_, j) => Math.sin(j * 0.001 + i))));
    const t1 = performance.now();
    await compiled.run(inputs, []);
    const firstMs = performance.now() - t1;
    log(`tmem: first run ${firstMs.toFixed(0)} ms`);
    const timing = await timeRuns(compiled, runs, (i, ms) => log(`tmem: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));

    const parts = await profilePhases(compiled, inputs, [], runs, tmemPart);
    log(`tmem: ${parts.map((p) => `${p.phase} ${p.medianMs.toFixed(0)} ms (${p.gflops.toFixed(1)} GFLOP/s)`).join(', ')}`);
    return { case: `TMEM at ${config.input_size}x${config.input_size}`, linear, compileMs, firstMs, ...timing, parts };
  } finally {
    compiled.destroy();
  }
}
