/**
 * BERT suite: the text encoder (12 layers, 768, 12 heads at base480) with the three mask
 * passes over 22 tokens as one batch (3 x 22 rows), formula weights. The median of warm
 * forwards (compile and weight upload apart) and each pass's output checked first.
 */
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../model/bert.js';
import type { BertConfig } from '../model/config.js';
import { formulaWeightStore } from '../model/formula-weights.js';
import { textEncoderShapes } from '../model/state-dict-shapes.js';
import { WeightBinder } from '../model/weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { callsWork, timeRuns, type BenchHost } from './harness.js';
import { checkModelOutput, MODEL_CASES, SAMPLE_TOKENS } from './model-cases.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

/** `text` defaults to the base480 case's BERT-base (tests pass a smaller one). */
export async function benchBert(host: BenchHost, opts: { text?: BertConfig } = {}): Promise<BenchSuiteResult> {
  const runs = Math.min(host.runs, 5);
  const cfg = opts.text ?? MODEL_CASES[0].config().text;
  const n = SAMPLE_TOKENS.ids.length;
  const store = formulaWeightStore(textEncoderShapes(cfg), 'base480', 'BERT formula weights');
  const g = new Graph(targetFor(host.gpu.adapter));
  const binder = new WeightBinder(g, store);
  const out = bertEncoder(g, binder, cfg, bertInputs(g, cfg, n));
  binder.finish();
  for (const pass of BERT_PASSES) g.output(pass, out[pass]);

  host.log(`bert: compiling BERT (${cfg.layers} layers, ${cfg.hidden}) and uploading its weights`);
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(host.gpu, g);
  await host.gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    // The first run writes the inputs (timeOnce reuses them) and reads the outputs back.
    const t1 = performance.now();
    const first = await compiled.run(packBertInputs(cfg, SAMPLE_TOKENS.ids, { l: SAMPLE_TOKENS.l, t: SAMPLE_TOKENS.t, p: SAMPLE_TOKENS.p }));
    const firstMs = performance.now() - t1;
    for (const pass of BERT_PASSES) checkModelOutput(`bert pass ${pass}`, first.outputs[pass]);
    await compiled.timeOnce();
    const t = await timeRuns(host, compiled, runs, (i, ms) => host.log(`bert: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const name = `BERT ${cfg.layers}x${cfg.hidden}, 3 x ${n} tokens (one batch)`;
    const row = rowOf('bert', name, targetFor(host.gpu.adapter).name, { ...t, compileMs, firstMs, ...callsWork(compiled.calls) });
    return { suite: 'bert', title: 'BERT, formula weights', rows: [row], notes: [] };
  } finally {
    compiled.destroy();
  }
}
