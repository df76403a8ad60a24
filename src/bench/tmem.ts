/**
 * TMEM suite: the phase on its own at a config's size (base480: four stage outputs 120..15 px,
 * 1920 -> 480 channels, 3 blocks; formula weights), fed with synthetic stage outputs and
 * language features so that no backbone runs: the warm median of the whole phase, then
 * profiled runs per part (pool, down_channel, the blocks, up_channel, and per gate kind),
 * with the FLOPs and bytes their calls declare.
 */
import type { FianetConfig } from '../model/config.js';
import { buildTmem, stageSizes } from '../model/tmem.js';
import { WeightBinder } from '../model/weights.js';
import { formulaWeightsFor } from '../model/formula-weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type PhaseOf } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { callsWork, profilePhases, timeRuns, type BenchHost } from './harness.js';
import { checkModelOutput, MODEL_CASES } from './model-cases.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

/** tmem.pool, tmem.down_channel, tmem.blocks, tmem.up_channel, tmem.gate.<conv> (all four gates together). */
export const tmemPart: PhaseOf = (call) => {
  const [, second, third] = call.label.split('.');
  if (/^block\d+$/.test(second)) return 'blocks';
  if (/^gate\d+$/.test(second)) return `gate.${third}`;
  return second;
};

export async function benchTmem(host: BenchHost, opts: { config?: FianetConfig } = {}): Promise<BenchSuiteResult> {
  const runs = Math.min(host.runs, 5);
  const config = opts.config ?? MODEL_CASES[0].config();
  const target = targetFor(host.gpu.adapter);
  const g = new Graph(target);
  const binder = new WeightBinder(g, formulaWeightsFor(config));
  const sizes = stageSizes(config);
  const channels = config.model.num_features;
  const n = config.text.max_tokens;
  const stages = channels.map((c, i) => g.input(`stage${i}`, [c, ...sizes[i]]));
  const lang = { features: g.input('l', [n, config.text.hidden]), mask: g.input('l_mask', [n]) };
  const { outputs } = buildTmem(g, binder, config, stages, lang);
  outputs.forEach((t, i) => g.output(`tmem${i}`, t));

  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(host.gpu, g);
  await host.gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    const inputs: Record<string, Float32Array> = {
      l: Float32Array.from({ length: n * config.text.hidden }, (_, i) => Math.sin(i * 0.37)),
      l_mask: Float32Array.from({ length: n }, (_, i) => (i < 12 ? 1 : 0)),
    };
    channels.forEach((c, i) => (inputs[`stage${i}`] = Float32Array.from({ length: c * sizes[i][0] * sizes[i][1] }, (_, j) => Math.sin(j * 0.001 + i))));
    const t1 = performance.now();
    const first = await compiled.run(inputs);
    const firstMs = performance.now() - t1;
    outputs.forEach((_, i) => checkModelOutput(`tmem output ${i}`, first.outputs[`tmem${i}`]));
    host.log(`tmem: first run ${firstMs.toFixed(0)} ms`);
    const { profile: _, ...timing } = await timeRuns(host, compiled, runs, inputs, (i, ms) => host.log(`tmem: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const parts = await profilePhases(compiled, inputs, [], runs, tmemPart);
    const name = `TMEM at ${config.input_size}x${config.input_size}`;
    const rows = [
      rowOf('tmem', name, 'whole phase', { ...timing, compileMs, firstMs, ...callsWork(compiled.calls) }),
      ...parts.map((p) => rowOf('tmem', `${name}: ${p.phase}`, 'part (profiled)', { medianMs: p.medianMs, runs, flop: p.flop, bytes: p.bytes })),
    ];
    return { suite: 'tmem', title: `TMEM (${target.name} target), formula weights`, rows, notes: [] };
  } finally {
    compiled.destroy();
  }
}
