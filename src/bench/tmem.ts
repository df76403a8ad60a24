/**
 * TMEM suite: the phase on its own at a config's size (base480: four stage outputs 120..15 px,
 * 1920 -> 480 channels, 3 blocks; formula weights), fed with synthetic stage outputs and
 * language features so that no backbone runs: the warm median of the whole phase, then
 * profiled runs per part (pool, down_channel, the blocks, up_channel, and per gate kind),
 * with the FLOPs and bytes their calls declare. Before timing, the same builder on the same
 * target at the small width of checkConfig is checked against the float64 reference
 * (tmem-reference.ts), every gated output; the timed graph's outputs are checked finite and
 * not constant.
 */
import type { FianetConfig } from '../model/config.js';
import { buildTmem, stageSizes } from '../model/tmem.js';
import { WeightBinder, type WeightStore } from '../model/weights.js';
import { formulaWeightsFor } from '../model/formula-weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type PhaseOf } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { callsWork, checkedError, elementAt, profilePhases, timeRuns, type BenchHost } from './harness.js';
import { checkConfig, checkModelOutput, checkWidths, MODEL_CASES, sampleTokens } from './model-cases.js';
import { randomArray } from './random.js';
import { rowOf, type BenchSuiteResult } from './schema.js';
import { tmemReference } from './tmem-reference.js';

/**
 * Max |GPU - float64 reference| over the four gated outputs at checkConfig(base480) (values up
 * to 8.99): measured 1.11e-5 (llvmpipe), 1.12e-5 (SwiftShader), 1.03e-5 with the tiled
 * lowering GPUs get (run on llvmpipe); ~3.5x.
 */
export const TMEM_CHECK_ATOL = 4e-5;

/** TMEM alone at `config` from `store` on the host's target: inputs stage0..3 (channel-first), l, l_mask; outputs tmem0..3. */
function tmemGraph(host: BenchHost, config: FianetConfig, store: WeightStore): Graph {
  const g = new Graph(targetFor(host.gpu.adapter));
  const binder = new WeightBinder(g, store);
  const sizes = stageSizes(config);
  const n = config.text.max_tokens;
  const stages = config.model.num_features.map((c, i) => g.input(`stage${i}`, [c, ...sizes[i]]));
  const lang = { features: g.input('l', [n, config.text.hidden]), mask: g.input('l_mask', [n]) };
  buildTmem(g, binder, config, stages, lang).outputs.forEach((t, i) => g.output(`tmem${i}`, t));
  binder.finish();
  return g;
}

/** Random stage outputs and language features in [-1, 1] (stage outputs are LayerNorm'ed: O(1)), the sample expression's mask. */
function tmemInputs(config: FianetConfig): Record<string, Float32Array> {
  const n = config.text.max_tokens;
  const sizes = stageSizes(config);
  const inputs: Record<string, Float32Array> = {
    l: randomArray(n * config.text.hidden, 7),
    l_mask: Float32Array.from(sampleTokens(n).l),
  };
  config.model.num_features.forEach((c, i) => (inputs[`stage${i}`] = randomArray(c * sizes[i][0] * sizes[i][1], 11 + i)));
  return inputs;
}

/**
 * The small-width check: TMEM built from `store` (formula weights unless a test passes a wrong
 * one) at checkConfig(timed) against the float64 reference on the formula weights, every
 * element of the four gated outputs.
 */
export async function checkTmem(host: BenchHost, timed: FianetConfig, store?: WeightStore): Promise<{ maxError: number; maxAbs: number }> {
  const config = checkConfig(timed);
  const reference = formulaWeightsFor(config);
  const names = reference.names().filter((name) => name.startsWith('backbone.tmem.'));
  const weights = new Map(await Promise.all(names.map(async (name) => [name, await reference.load(name)] as const)));
  const inputs = tmemInputs(config);
  const want = tmemReference(config, (name) => weights.get(name)!, [0, 1, 2, 3].map((i) => inputs[`stage${i}`]), { features: inputs.l, mask: inputs.l_mask });
  const compiled = await CompiledGraph.compile(host.gpu, tmemGraph(host, config, store ?? reference));
  try {
    const { outputs } = await compiled.run(inputs);
    const sizes = stageSizes(config);
    let maxError = 0;
    want.outputs.forEach((ref, i) => {
      const shape = [config.model.num_features[i], ...sizes[i]];
      const at = (k: number) => elementAt(`tmem${i}`, shape, k);
      maxError = Math.max(maxError, checkedError(`tmem ${checkWidths(config)}`, at, outputs[`tmem${i}`], ref, TMEM_CHECK_ATOL));
    });
    return { maxError, maxAbs: Math.max(...want.outputs.map((o) => o.reduce((a, v) => Math.max(a, Math.abs(v)), 0))) };
  } finally {
    compiled.destroy();
  }
}

/** tmem.pool, tmem.down_channel, tmem.blocks, tmem.up_channel, tmem.gate.<conv> (all four gates together). */
export const tmemPart: PhaseOf = (call) => {
  const [, second, third] = call.label.split('.');
  if (/^block\d+$/.test(second)) return 'blocks';
  if (/^gate\d+$/.test(second)) return `gate.${third}`;
  return second;
};

/** `config` defaults to the base480 case; `checkStore` is the checked graph's weights (tests pass a wrong one). */
export async function benchTmem(host: BenchHost, opts: { config?: FianetConfig; checkStore?: WeightStore } = {}): Promise<BenchSuiteResult> {
  const runs = Math.min(host.runs, 5);
  const config = opts.config ?? MODEL_CASES[0].config();
  const target = targetFor(host.gpu.adapter);
  host.log(`tmem: checking TMEM at ${checkWidths(checkConfig(config))} against the float64 reference`);
  const check = await checkTmem(host, config, opts.checkStore);
  const g = tmemGraph(host, config, formulaWeightsFor(config));
  const channels = config.model.num_features;

  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(host.gpu, g);
  await host.gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    const inputs = tmemInputs(config);
    const t1 = performance.now();
    const first = await compiled.run(inputs);
    const firstMs = performance.now() - t1;
    channels.forEach((_, i) => checkModelOutput(`tmem output ${i}`, first.outputs[`tmem${i}`]));
    host.log(`tmem: first run ${firstMs.toFixed(0)} ms`);
    const { profile: _, ...timing } = await timeRuns(host, compiled, runs, inputs, (i, ms) => host.log(`tmem: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const parts = await profilePhases(compiled, inputs, [], runs, tmemPart);
    const name = `TMEM at ${config.input_size}x${config.input_size}`;
    const rows = [
      rowOf('tmem', name, 'whole phase', { ...timing, compileMs, firstMs, ...callsWork(compiled.calls) }),
      ...parts.map((p) => rowOf('tmem', `${name}: ${p.phase}`, 'part (profiled)', { medianMs: p.medianMs, runs, flop: p.flop, bytes: p.bytes })),
    ];
    const small = checkConfig(config);
    const note = `Checked first: the same builder at ${checkWidths(small)} (TMEM ${small.model.tmem_dim} -> ${small.model.tmem_hidden_dim}) against the float64 reference, max |error| ${check.maxError.toExponential(1)} (atol ${TMEM_CHECK_ATOL.toExponential(0)}).`;
    return { suite: 'tmem', title: `TMEM (${target.name} target), formula weights`, rows, notes: [note] };
  } finally {
    compiled.destroy();
  }
}
