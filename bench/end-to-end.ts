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
import { preferredLinear, type Gpu } from '../src/runtime/device.js';
import { CompiledGraph, type PhaseOf } from '../src/runtime/executor.js';
import { Graph } from '../src/runtime/graph.js';
import { median } from './harness.js';

export interface PhaseTiming {
  phase: string;
  medianMs: number;
  /** Declared FLOPs of the phase's calls (0 where only memory-bound kernels run). */
  gflop: number;
  gflops: number;
}

export interface EndToEndResult {
  case: string;
  /** Building the graph on the host. */
  buildMs: number;
  /** compile(): weight upload (including re-laying weights out in blocks) and pipeline creation. */
  compileMs: number;
  /** Of compileMs, creating the compute pipelines. */
  pipelineMs: number;
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
  const g = new Graph({ linear: preferredLinear(gpu.adapter) });
  const binder = new WeightBinder(g, store);
  g.output('mask', buildFianet(g, binder, config, n).mask);
  binder.finish();
  const buildMs = performance.now() - t0;

  let lastShown = 0;
  const t1 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g, {
    onProgress: (done, total, what) => {
      if (performance.now() - lastShown < 2000 && done < total) return;
      lastShown = performance.now();
      log(`e2e: compiling ${done}/${total} (${what})`);
    },
  });
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t1;
  try {
    const ids = SAMPLE_TOKENS.ids.slice(0, n);
    while (ids.length < n) ids.push(0);
    const pad = (m: number[]) => Array.from({ length: n }, (_, i) => m[i] ?? 0);
    const inputs = {
      image: Float32Array.from({ length: 3 * S * S }, (_, i) => Math.sin(i * 0.001)),
      ...packBertInputs(config.text, ids, { l: pad(SAMPLE_TOKENS.l), t: pad(SAMPLE_TOKENS.t), p: pad(SAMPLE_TOKENS.p) }),
    };
    const t2 = performance.now();
    await compiled.run(inputs, ['mask']);
    const firstMs = performance.now() - t2;
    log(`e2e: first run ${firstMs.toFixed(0)} ms`);

    // Warm runs: whole forwards (one command buffer) for the total, then profiled ones for the phases.
    const totals: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      totals.push(await compiled.timeOnce());
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      log(`e2e: run ${i + 1}/${runs}: ${totals[i].toFixed(0)} ms`);
    }
    const perPhase = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      const { phases } = await compiled.run(inputs, ['mask'], { profile: modelPhase });
      for (const [k, v] of Object.entries(phases!)) perPhase.set(k, [...(perPhase.get(k) ?? []), v]);
      log(`e2e: profiled run ${i + 1}/${runs}: ${Object.entries(phases!).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`);
    }
    const byKernel = (await compiled.run(inputs, ['mask'], { profile: (c) => c.kernel.name })).phases!;
    const kernels = Object.entries(byKernel)
      .map(([kernel, ms]) => {
        const calls = compiled.calls.filter((c) => c.kernel.name === kernel);
        return { kernel, ms, calls: calls.length, gflop: calls.reduce((s, c) => s + (c.flops ?? 0), 0) / 1e9 };
      })
      .sort((a, b) => b.ms - a.ms);
    log(`e2e: per kernel: ${kernels.map((k) => `${k.kernel} ${k.ms.toFixed(0)}`).join(', ')} ms`);
    const flopOf = new Map<string, number>();
    for (const c of compiled.calls) flopOf.set(modelPhase(c), (flopOf.get(modelPhase(c)) ?? 0) + (c.flops ?? 0));
    const phases = [...perPhase].map(([phase, times]): PhaseTiming => {
      const ms = median(times);
      const gflop = (flopOf.get(phase) ?? 0) / 1e9;
      return { phase, medianMs: ms, gflop, gflops: gflop / (ms / 1000) };
    });
    const gflop = [...flopOf.values()].reduce((a, b) => a + b, 0) / 1e9;
    const medianMs = median(totals);
    const { plan } = compiled;
    return {
      case: opts.name ?? `FIANet ${S}x${S}, ${n} tokens`,
      buildMs,
      compileMs,
      pipelineMs: compiled.pipelines.compileMs,
      firstMs,
      medianMs,
      cpuMs: median(cpu),
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
