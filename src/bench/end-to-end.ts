/**
 * The whole FIANet forward at a config's size (base480: Swin-B at 480, BERT-base, formula
 * weights), per phase: weights upload and pipeline compilation, the first run (which pays
 * any lazy shader compilation) apart from the warm median, then each phase of the warm runs:
 * text, patch embedding, each backbone stage (Swin blocks + FIAM; patch merging counts
 * towards the stage it opens), TMEM, decoder; and one run per kernel. Memory: the planned
 * activation arenas against the naive one-buffer-per-tensor sum, the peak live set and the
 * largest single call, and the weight bytes on the device (in `memory` and the notes).
 * Checked before timing: the text encoder's builder at a small width against its float64
 * reference (bench/bert.ts), and the mask logits finite and not constant.
 */
import { packBertInputs } from '../model/bert.js';
import type { FianetConfig } from '../model/config.js';
import { buildFianet } from '../model/fianet.js';
import { formulaWeightsFor } from '../model/formula-weights.js';
import { WeightBinder, type WeightStore } from '../model/weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph, type HostTensor, type PhaseOf } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { sumBy, type GraphProfile } from '../runtime/gpu-profile.js';
import { BERT_CHECK_ATOL, checkBert } from './bert.js';
import { callsWork, profilePhases, timeRuns, type BenchHost, type Clock, type PhaseTiming } from './harness.js';
import { checkModelOutput, MODEL_CASES, sampleTokens } from './model-cases.js';
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

export async function benchEndToEnd(host: BenchHost, opts: { config?: FianetConfig; store?: WeightStore; name?: string } = {}): Promise<BenchSuiteResult & { memory: EndToEndMemory }> {
  const log = host.log;
  const runs = Math.min(host.runs, 3);
  const config = opts.config ?? MODEL_CASES[0].config();
  const name = opts.name ?? (opts.config ? `FIANet ${config.input_size}x${config.input_size}, ${config.text.max_tokens} tokens` : MODEL_CASES[0].name);
  const S = config.input_size;
  const n = config.text.max_tokens;
  // The text phase's builder against the float64 reference at a small width (the bert suite's
  // check: the target's linear, norms and attention products); the rest is checked finite only.
  log('e2e: checking the text encoder at a small width against the float64 reference');
  const textCheck = await checkBert(host, config.text);
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
    const tokens = sampleTokens(n);
    const inputs = {
      image: Float32Array.from({ length: 3 * S * S }, (_, i) => Math.sin(i * 0.001)),
      ...packBertInputs(config.text, tokens.ids, { l: tokens.l, t: tokens.t, p: tokens.p }),
    };
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
    const rows = [
      rowOf('e2e', name, 'whole forward', { ...timing, compileMs, firstMs, ...callsWork(compiled.calls) }),
      ...split.phases.map((p) => rowOf('e2e', `phase ${p.phase}`, split.phaseVariant, { medianMs: p.medianMs, runs: split.runs, flop: p.flop, bytes: p.bytes }, split.clock)),
      ...split.kernels.map((k) => rowOf('e2e', `kernel ${k.phase} (${k.calls} calls)`, split.kernelVariant, { medianMs: k.medianMs, runs: 1, flop: k.flop, bytes: k.bytes }, split.clock)),
    ];
    const dispatches = compiled.calls.reduce((s, c) => s + (c.dispatches?.length ?? 1), 0);
    const notes = [
      `Checked first: the text encoder's builder at a small width against the float64 reference (max |error| ${textCheck.maxError.toExponential(1)}, atol ${BERT_CHECK_ATOL.toExponential(0)}); the mask logits only finite and not constant (no float64 reference of the whole model in src/).`,
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
