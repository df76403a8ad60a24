/**
 * The whole FIANet forward at a config's size (base480: Swin-B at 480, BERT-base, formula
 * weights), per phase: weights upload and pipeline compilation, the first run (which pays
 * any lazy shader compilation) apart from the warm median, then each phase of the warm runs:
 * text, patch embedding, each backbone stage (Swin blocks + FIAM; patch merging counts
 * towards the stage it opens), TMEM, decoder; and one run per kernel. Memory: the planned
 * activation arenas against the naive one-buffer-per-tensor sum, the peak live set and the
 * largest single call, and the weight bytes on the device (in `memory` and the notes).
 * Checked before timing: the same builder on the same target at the small width of
 * checkConfig against the float64 reference of the whole model (fianet-reference.ts): every
 * element of the four stage outputs and of the logits; then the timed graph's mask logits
 * finite and not constant.
 */
import { FianetError } from '../errors.js';
import { packBertInputs } from '../model/bert.js';
import type { FianetConfig } from '../model/config.js';
import { buildFianet } from '../model/fianet.js';
import { formulaWeightsFor } from '../model/formula-weights.js';
import { stageSizes } from '../model/tmem.js';
import { WeightBinder, type WeightStore } from '../model/weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type HostTensor, type PhaseOf } from '../runtime/executor.js';
import { Graph, type Tensor } from '../runtime/graph.js';
import { sumBy, type GraphProfile } from '../runtime/gpu-profile.js';
import { fianetReference } from './fianet-reference.js';
import { callsWork, checkedError, elementAt, profilePhases, timeRuns, type BenchHost, type Clock, type PhaseTiming } from './harness.js';
import { checkConfig, checkModelOutput, checkWidths, MODEL_CASES, sampleTokens } from './model-cases.js';
import { randomArray } from './random.js';
import type { Ceilings } from './peaks.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

export interface EndToEndMemory {
  weightBytes: number;
  plannedBytes: number;
  naiveBytes: number;
  peakLiveBytes: number;
  largestCallBytes: number;
}

/** text, swin.patch_embed, swin.s0..s3, tmem, decoder. */
export const modelPhase: PhaseOf = (call) => {
  const [first, second] = call.label.split('.');
  return first === 'swin' ? `swin.${second}` : first;
};

const mib = (b: number): string => (b / 2 ** 20).toFixed(1);

/**
 * Max |GPU - float64 reference| of each checked tensor (stage outputs, logits) at
 * checkConfig(base480) over its max |reference|, at the logits every time: measured 2.9e-5
 * (llvmpipe), 1.8e-5 (SwiftShader), 4.0e-5 with the tiled lowering GPUs get (run on
 * llvmpipe); ~4x the largest.
 */
export const E2E_CHECK_REL = 1.5e-4;

/** The model's inputs: a random image in [-2, 2] (about what normalisation gives) and the sample expression. */
function modelInputs(config: FianetConfig): Record<string, HostTensor> {
  const S = config.input_size;
  const tokens = sampleTokens(config.text.max_tokens);
  return { image: randomArray(3 * S * S, 5, -2, 2), ...packBertInputs(config.text, tokens.ids, { l: tokens.l, t: tokens.t, p: tokens.p }) };
}

/**
 * The small-width check: FIANet built from `store` (formula weights unless a test passes a
 * wrong one) at checkConfig(timed) against the float64 reference on the formula weights, in
 * the order the forward computes them: the four stage outputs, the low-res and the full
 * logits (the first tensor beyond its tolerance says where the graph goes wrong: a stage, or
 * TMEM and the decoder). Returns the worst error relative to its tensor's max |reference|.
 */
export async function checkFianet(host: BenchHost, timed: FianetConfig, store?: WeightStore): Promise<{ maxRelError: number; worst: string }> {
  const config = checkConfig(timed);
  const reference = formulaWeightsFor(config);
  const weights = new Map(await Promise.all(reference.names().map(async (name) => [name, await reference.load(name)] as const)));
  const inputs = modelInputs(config);
  const tokens = sampleTokens(config.text.max_tokens);
  const want = fianetReference(config, (name) => weights.get(name)!, inputs.image as Float32Array, tokens);

  const g = new Graph(targetFor(host.gpu.adapter));
  const binder = new WeightBinder(g, store ?? reference);
  const { logits, logitsLowres } = buildFianet(g, binder, config, tokens.ids.length);
  binder.finish();
  const sizes = stageSizes(config);
  const checked = [
    // The backbone's stage outputs by their graph labels (backbone.ts: swin.s{i}.out, channel-first).
    ...want.stages.map((s, i) => ({ name: `swin.s${i}.out`, tensor: labelled(g, `swin.s${i}.out`), shape: [config.model.num_features[i], ...sizes[i]], ref: s.out })),
    { name: 'logits_lowres', tensor: logitsLowres, shape: [2, ...sizes[0]], ref: want.logitsLowres },
    { name: 'logits', tensor: logits, shape: [2, config.input_size, config.input_size], ref: want.logits },
  ];
  for (const c of checked) g.output(c.name, c.tensor);
  const compiled = await CompiledGraph.compile(host.gpu, g);
  try {
    const { outputs } = await compiled.run(inputs);
    let maxRelError = 0;
    let worst = '';
    for (const c of checked) {
      const maxAbs = c.ref.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
      const atol = E2E_CHECK_REL * maxAbs;
      const err = checkedError(`e2e ${checkWidths(config)}`, (i) => elementAt(c.name, c.shape, i), outputs[c.name], c.ref, atol) / maxAbs;
      if (err >= maxRelError) [maxRelError, worst] = [err, c.name];
    }
    return { maxRelError, worst };
  } finally {
    compiled.destroy();
  }
}

function labelled(g: Graph, label: string): Tensor {
  const t = g.tensors.find((x) => x.label === label);
  if (!t) throw new FianetError('bad-graph', `e2e check: the graph has no tensor labelled '${label}'`);
  return t;
}

/**
 * The whole forward's rate as a share of the same run's best matmul (peaks.ts), by the rows'
 * clock and per CPU-second (the steadier figure on a shared machine): issue 18's "end to end
 * at >= 80% of our matmul rate".
 */
export function matmulRatioNote(forward: { flop: number; ms: number; cpuMs: number | null }, matmul: NonNullable<Ceilings['matmul']>): string {
  const gflops = forward.flop / (forward.ms * 1e6);
  const perCpu = forward.cpuMs ? forward.flop / (forward.cpuMs * 1e6) : null;
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(0)}%`;
  const cpuPart = perCpu !== null && matmul.gflopsPerCpuSecond ? `; per CPU-second ${perCpu.toFixed(2)} against ${matmul.gflopsPerCpuSecond.toFixed(2)}: ${pct(perCpu, matmul.gflopsPerCpuSecond)}` : '';
  return `Against this run's best matmul (peaks, median of ${matmul.runs} runs): whole forward ${gflops.toFixed(2)} GFLOP/s against ${matmul.gflops.toFixed(2)}: ${pct(gflops, matmul.gflops)}${cpuPart}.`;
}

/**
 * `store`: the timed graph's weights (default formula weights); `checkStore`: the checked
 * graph's (tests pass a wrong one); `matmul`: the peaks' best matmul, for the ratio note.
 */
export async function benchEndToEnd(
  host: BenchHost,
  opts: { config?: FianetConfig; store?: WeightStore; checkStore?: WeightStore; name?: string; matmul?: Ceilings['matmul'] } = {},
): Promise<BenchSuiteResult & { memory: EndToEndMemory }> {
  const log = host.log;
  const runs = Math.min(host.runs, 3);
  const config = opts.config ?? MODEL_CASES[0].config();
  const name = opts.name ?? (opts.config ? `FIANet ${config.input_size}x${config.input_size}, ${config.text.max_tokens} tokens` : MODEL_CASES[0].name);
  const n = config.text.max_tokens;
  const small = checkConfig(config);
  log(`e2e: checking FIANet at ${checkWidths(small)} against the float64 reference`);
  const check = await checkFianet(host, config, opts.checkStore);
  const t0 = performance.now();
  const g = new Graph(targetFor(host.gpu.adapter));
  const binder = new WeightBinder(g, opts.store ?? formulaWeightsFor(config));
  g.output('mask', buildFianet(g, binder, config, n).mask);
  binder.finish();
  const buildMs = performance.now() - t0;

  let lastShown = 0;
  const t1 = performance.now();
  const compiled = await CompiledGraph.compile(host.gpu, g, {
    onProgress: ({ phase, done, total, what }) => {
      if (performance.now() - lastShown < 2000 && done < total) return;
      lastShown = performance.now();
      log(`e2e: compiling, ${phase} ${done}/${total} (${what})`);
    },
  });
  await host.gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t1;
  try {
    const inputs = modelInputs(config);
    const t2 = performance.now();
    const first = await compiled.run(inputs, ['mask']);
    const firstMs = performance.now() - t2;
    checkModelOutput('e2e mask logits', first.outputs.mask);
    log(`e2e: first run ${firstMs.toFixed(0)} ms`);

    // Warm runs: whole forwards (one command buffer) for the total (and GPU time where timed).
    const { profile, ...timing } = await timeRuns(host, compiled, runs, inputs, (i, ms) => log(`e2e: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const split = profile?.clock === 'gpu-timestamp' ? timestampSplit(compiled, profile) : await submitApartSplit(host, compiled, inputs, runs);
    const { plan } = compiled;
    const memory = {
      weightBytes: compiled.weightBytes,
      plannedBytes: plan.arenaBytes.reduce((a, b) => a + b, 0),
      naiveBytes: plan.naiveBytes,
      peakLiveBytes: plan.peakLiveBytes,
      largestCallBytes: plan.largestCallBytes,
    };
    const work = callsWork(compiled.calls);
    const rows = [
      rowOf('e2e', name, 'whole forward', { ...timing, compileMs, firstMs, ...work }),
      ...split.phases.map((p) => rowOf('e2e', `phase ${p.phase}`, split.phaseVariant, { medianMs: p.medianMs, runs: split.runs, flop: p.flop, bytes: p.bytes }, split.clock)),
      ...split.kernels.map((k) => rowOf('e2e', `kernel ${k.phase} (${k.calls} calls)`, split.kernelVariant, { medianMs: k.medianMs, runs: 1, flop: k.flop, bytes: k.bytes }, split.clock)),
    ];
    const dispatches = compiled.calls.reduce((s, c) => s + (c.dispatches?.length ?? 1), 0);
    const notes = [
      `Checked first: the same builders at ${checkWidths(small)} (BERT ${small.text.layers}x${small.text.hidden}) against the float64 reference of the whole model, stage outputs and logits: max |error| ${check.maxRelError.toExponential(1)} of the tensor's max |value| (${check.worst}; tolerance ${E2E_CHECK_REL.toExponential(0)}); the timed graph's mask logits finite and not constant.`,
      ...(opts.matmul ? [matmulRatioNote({ flop: work.flop, ms: timing.gpuMs ?? timing.medianMs, cpuMs: timing.cpuMs }, opts.matmul)] : []),
      split.note,
      `Build ${buildMs.toFixed(0)} ms; compile ${compileMs.toFixed(0)} ms (weights upload and layout, overlapped by ${compiled.pipelines.size} pipelines created in ${compiled.pipelines.compileMs.toFixed(0)} ms); ${compiled.calls.length} calls, ${dispatches} dispatches.`,
      `Memory: weights ${mib(memory.weightBytes)} MiB; activations planned ${mib(memory.plannedBytes)} MiB against ${mib(memory.naiveBytes)} MiB naive (one buffer each); peak live set ${mib(memory.peakLiveBytes)} MiB; largest single call ${mib(memory.largestCallBytes)} MiB.`,
    ];
    return { suite: 'e2e', title: `End to end: ${name}`, rows, notes, memory };
  } finally {
    compiled.destroy();
  }
}

/** The per-phase and per-kernel rows' times: from one timestamp profile, or from runs that submit each group apart. */
interface Split {
  clock: Clock;
  runs: number;
  phases: PhaseTiming[];
  kernels: PhaseTiming[];
  phaseVariant: string;
  kernelVariant: string;
  note: string;
}

/** Calls grouped by `groupOf`, each group's time the sum of its dispatches' GPU times (ms) in one submit. */
function groupsOf(compiled: CompiledGraph, p: GraphProfile, groupOf: PhaseOf): PhaseTiming[] {
  const calls = compiled.dispatchCalls();
  return sumBy(p.dispatches, (_, i) => groupOf(calls[i])).map((s) => {
    const members = compiled.calls.filter((c) => groupOf(c) === s.name);
    return { phase: s.name, medianMs: s.gpuNs / 1e6, ...callsWork(members), calls: members.length };
  });
}

function timestampSplit(compiled: CompiledGraph, p: GraphProfile): Split {
  const phases = groupsOf(compiled, p, modelPhase);
  const order = [...new Set(compiled.calls.map(modelPhase))];
  return {
    clock: 'gpu-timestamp',
    runs: 1,
    phases: phases.sort((a, b) => order.indexOf(a.phase) - order.indexOf(b.phase)),
    kernels: groupsOf(compiled, p, (c) => c.kernel.name),
    phaseVariant: 'phase (GPU timestamps)',
    kernelVariant: 'kernel (GPU timestamps)',
    note: `Phases and kernels: GPU timestamps of one whole forward in one submit (one pass per dispatch), ${p.dispatches.length} dispatches; the wall time of that submit ${p.wallMs.toFixed(0)} ms.`,
  };
}

/** Without timestamps: each phase (and each kernel's calls) submitted apart, timed by the wall clock; submits apart inflate the small groups. */
async function submitApartSplit(host: BenchHost, compiled: CompiledGraph, inputs: Record<string, HostTensor>, runs: number): Promise<Split> {
  const phases = await profilePhases(compiled, inputs, ['mask'], runs, modelPhase, (i, p) =>
    host.log(`e2e: profiled run ${i + 1}/${runs}: ${Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`),
  );
  const kernels = (await profilePhases(compiled, inputs, ['mask'], 1, (c) => c.kernel.name)).sort((a, b) => b.medianMs - a.medianMs);
  return {
    clock: 'wall',
    runs,
    phases,
    kernels,
    phaseVariant: 'phase (profiled)',
    kernelVariant: 'kernel (one run, each call apart)',
    note: 'Phases and kernels: wall time with each phase (each kernel\'s calls) submitted apart (this adapter has no timestamp queries); submitting apart inflates them against the whole forward.',
  };
}
