/**
 * The whole FIANet forward at a config's size (base480: Swin-B at 480, BERT-base, formula
 * weights), per phase: weights upload and pipeline compilation, the first run (which pays
 * any lazy shader compilation) apart from the warm median, then each phase of the warm runs:
 * text, patch embedding, each backbone stage (Swin blocks + FIAM; patch merging counts
 * towards the stage it opens), TMEM, decoder. Each phase's GFLOP/s comes from the FLOPs its
 * calls declare (matmuls, convolutions, window attention). Memory: the planned activation
 * arenas against the naive one-buffer-per-tensor sum, the peak live set and the largest
 * single call, and the weight bytes on the device.
 */
import { SAMPLE_TOKENS } from './bert.js';
import { packBertInputs } from '../src/model/bert.js';
import type { FianetConfig } from '../src/model/config.js';
import { buildFianet } from '../src/model/fianet.js';
import { WeightBinder, type WeightStore } from '../src/model/weights.js';
import type { Gpu } from '../src/runtime/device.js';
import { targetFor } from '../src/lowering/target.js';
import { CompiledGraph, type PhaseOf } from '../src/runtime/executor.js';
import { Graph } from '../src/runtime/graph.js';
import { profilePhases, timeRuns, type PhaseTiming } from './harness.js';

export interface EndToEndResult {
  case: string;
  /** Building the graph on the host. */
  buildMs: number;
  /** compile(): weight upload (including re-laying weights out in blocks) and pipeline creation. */
  compileMs: number;
  /** Of compileMs, creating the compute pipelines (wall time while any was pending: they overlap the upload). */
  pipelineMs: number;
  /** Distinct pipelines (one per final WGSL). */
  pipelines: number;
  firstMs: number;
  medianMs: number;
  cpuMs: number;
  runs: number;
  gflop: number;
  gflops: number;
  phases: PhaseTiming[];
  /** One run profiled per kernel (each call submitted apart), slowest first: where the time goes. */
  kernels: { kernel: string; ms: number; calls: number; gflop: number }[];
  memory: {
    weightBytes: number;
    plannedBytes: number;
    naiveBytes: number;
    peakLiveBytes: number;
    largestCallBytes: number;
  };
  calls: number;
  dispatches: number;
}

/** text, swin.patch_embed, swin.s0..s3, tmem, decoder. */
export const modelPhase: PhaseOf = (call) => {
  const [first, second] = call.label.split('.');
  return first === 'swin' ? `swin.${second}` : first;
};

export async function benchEndToEnd(gpu: Gpu, config: FianetConfig, store: WeightStore, opts: { runs?: number; log?: (s: string) => void; name?: string } = {}): Promise<EndToEndResult> {
  const log = opts.log ?? (() => {});
  const runs = opts.runs ?? 3;
  const S = config.input_size;
  const n = config.text.max_tokens;
  const t0 = performance.now();
  const g = new Graph(targetFor(gpu.adapter));
  const binder = new WeightBinder(g, store);
  g.output('mask', buildFianet(g, binder, config, n).mask);
  binder.finish();
  const buildMs = performance.now() - t0;

  let lastShown = 0;
  const t1 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g, {
    onProgress: ({ phase, done, total, what }) => {
      if (performance.now() - lastShown < 2000 && done < total) return;
      lastShown = performance.now();
      log(`e2e: compiling, ${phase} ${done}/${total} (${what})`);
    },
  });
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t1;
  try {
    const pad = (m: number[]) => Array.from({ length: n }, (_, i) => m[i] ?? 0);
    const inputs = {
      image: Float32Array.from({ length: 3 * S * S }, (_, i) => Math.sin(i * 0.001)),
      ...packBertInputs(config.text, pad(SAMPLE_TOKENS.ids), { l: pad(SAMPLE_TOKENS.l), t: pad(SAMPLE_TOKENS.t), p: pad(SAMPLE_TOKENS.p) }),
    };
    const t2 = performance.now();
    await compiled.run(inputs, ['mask']);
    const firstMs = performance.now() - t2;
    log(`e2e: first run ${firstMs.toFixed(0)} ms`);

    // Warm runs: whole forwards (one command buffer) for the total, then profiled ones for the phases.
    const timing = await timeRuns(compiled, runs, (i, ms) => log(`e2e: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const phases = await profilePhases(compiled, inputs, ['mask'], runs, modelPhase, (i, p) =>
      log(`e2e: profiled run ${i + 1}/${runs}: ${Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`),
    );
    const kernelOf: PhaseOf = (c) => c.kernel.name;
    const kernels = (await profilePhases(compiled, inputs, ['mask'], 1, kernelOf))
      .map((k) => ({ kernel: k.phase, ms: k.medianMs, calls: compiled.calls.filter((c) => kernelOf(c) === k.phase).length, gflop: k.gflop }))
      .sort((a, b) => b.ms - a.ms);
    log(`e2e: per kernel: ${kernels.map((k) => `${k.kernel} ${k.ms.toFixed(0)}`).join(', ')} ms`);
    const gflop = compiled.calls.reduce((a, c) => a + (c.flops ?? 0), 0) / 1e9;
    const { medianMs } = timing;
    const { plan } = compiled;
    return {
      case: opts.name ?? `FIANet ${S}x${S}, ${n} tokens`,
      buildMs,
      compileMs,
      pipelineMs: compiled.pipelines.compileMs,
      pipelines: compiled.pipelines.size,
      firstMs,
      medianMs,
      cpuMs: timing.cpuMs,
      runs,
      gflop,
      gflops: gflop / (medianMs / 1000),
      phases,
      kernels,
      memory: {
        weightBytes: compiled.weightBytes,
        plannedBytes: plan.arenaBytes + plan.uniformArenaBytes,
        naiveBytes: plan.naiveBytes,
        peakLiveBytes: plan.peakLiveBytes,
        largestCallBytes: plan.largestCallBytes,
      },
      calls: compiled.calls.length,
      dispatches: compiled.calls.reduce((s, c) => s + (c.dispatches?.length ?? 1), 0),
    };
  } finally {
    compiled.destroy();
  }
}
