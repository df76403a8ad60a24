/**
 * BERT-base text encoder benchmark: 12 layers, 768, 12 heads, the three mask passes over 22
 * tokens as one batch (3 x 22 rows), base480 formula weights. Reports the median of `runs`
 * warm forwards (compile and weight upload apart), process CPU time and GFLOP/s.
 */
import { publishedConfig, type BertConfig } from '../src/model/config.js';
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../src/model/bert.js';
import { formulaWeightStore } from '../src/model/formula-weights.js';
import { textEncoderShapes } from '../src/model/state-dict-shapes.js';
import { WeightBinder } from '../src/model/weights.js';
import type { Gpu } from '../src/runtime/device.js';
import { targetFor } from '../src/lowering/target.js';
import { CompiledGraph } from '../src/runtime/executor.js';
import { Graph } from '../src/runtime/graph.js';
import { timeRuns, type Timing } from './harness.js';

export interface BertBenchResult extends Timing {
  case: string;
  /** Multiply-adds x 2 of one forward (all three passes). */
  gflop: number;
  gflops: number;
}

/** "the rectangular-shaped ship docked in the harbor on the right side of the image" (base480 s0), padded to 22. */
const IDS = [101, 1996, 10806, 1011, 5044, 2911, 25727, 1999, 1996, 6496, 2006, 1996, 2157, 2217, 1997, 1996, 3746, 102, 0, 0, 0, 0];
const mask = (ones: number[]) => IDS.map((_, i) => (ones.includes(i) ? 1 : 0));
/** A real expression's token ids and l/t/p masks, for benchmarks whose timings do not depend on values. */
export const SAMPLE_TOKENS = { ids: IDS, l: mask(IDS.map((id, i) => (id ? i : -1))), t: mask([3, 7]), p: mask([5, 6, 7, 8, 9, 10, 11]) };

/** FLOPs of one forward: projections and FFN on 3N rows, attention on the 3N x 3N block-diagonal scores. */
export function bertFlop(layers: number, d: number, inter: number, rows: number): number {
  return layers * (2 * rows * d * (4 * d + 2 * inter) + 2 * 2 * rows * rows * d);
}

/** `text` defaults to BERT-base (a smaller config only to smoke-test the benchmark itself). */
export async function benchBert(gpu: Gpu, opts: { runs?: number; warmup?: number; log?: (s: string) => void; text?: BertConfig } = {}): Promise<BertBenchResult> {
  const runs = opts.runs ?? 5;
  const log = opts.log ?? (() => {});
  const cfg = opts.text ?? publishedConfig('rrsisd').text;
  const n = IDS.length;
  const store = formulaWeightStore(textEncoderShapes(cfg), 'base480', 'BERT formula weights');
  const g = new Graph(targetFor(gpu.adapter));
  const binder = new WeightBinder(g, store);
  const out = bertEncoder(g, binder, cfg, bertInputs(g, cfg, n));
  binder.finish();
  for (const pass of BERT_PASSES) g.output(pass, out[pass]);

  log(`bert: compiling BERT (${cfg.layers} layers, ${cfg.hidden}) and uploading its weights...`);
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    // The first run writes the inputs (timeOnce reuses them) and reads the outputs back.
    const t1 = performance.now();
    await compiled.run(packBertInputs(cfg, IDS, { l: SAMPLE_TOKENS.l, t: SAMPLE_TOKENS.t, p: SAMPLE_TOKENS.p }));
    const firstMs = performance.now() - t1;
    for (let i = 0; i < (opts.warmup ?? 1); i++) await compiled.timeOnce();
    const t = await timeRuns(compiled, runs, (i, ms) => log(`bert: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const gflop = bertFlop(cfg.layers, cfg.hidden, cfg.intermediate, 3 * n) / 1e9;
    return { case: `BERT ${cfg.layers}x${cfg.hidden}, 3 x ${n} tokens`, compileMs, firstMs, ...t, gflop, gflops: gflop / (t.medianMs / 1000) };
  } finally {
    compiled.destroy();
  }
}
