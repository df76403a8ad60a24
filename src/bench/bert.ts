/**
 * BERT suite: the text encoder (12 layers, 768, 12 heads at base480) with the three mask
 * passes over 22 tokens as one batch (3 x 22 rows), formula weights. The median of warm
 * forwards (compile and weight upload apart). Before timing, the same builder on the same
 * target at a small width (checkText) is checked pass by pass against the float64 reference
 * (bert-reference.ts): a wrong kernel in the timed graph shows there; and the timed graph's
 * outputs are checked finite and not constant.
 */
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../model/bert.js';
import type { BertConfig } from '../model/config.js';
import { formulaWeightStore } from '../model/formula-weights.js';
import { textEncoderShapes } from '../model/state-dict-shapes.js';
import { WeightBinder, type WeightStore } from '../model/weights.js';
import { targetFor } from '../lowering/target.js';
import { CompiledGraph } from '../runtime/executor.js';
import { Graph } from '../runtime/graph.js';
import { bertReference } from './bert-reference.js';
import { callsWork, checkFailed, timeRuns, type BenchHost } from './harness.js';
import { checkModelOutput, checkText, MODEL_CASES, SAMPLE_TOKENS } from './model-cases.js';
import { rowOf, type BenchSuiteResult } from './schema.js';

/** Max |GPU - float64 reference| over the three passes at checkText: measured 2.3e-6 (llvmpipe), 2.0e-6 (SwiftShader); ~4x. */
export const BERT_CHECK_ATOL = 1e-5;

const formulaStore = (cfg: BertConfig) => formulaWeightStore(textEncoderShapes(cfg), 'base480', 'BERT formula weights');

/** Builds BERT at `cfg` from `store` on the host's target, under graph outputs l, t, p. */
function bertGraph(host: BenchHost, cfg: BertConfig, store: WeightStore, n: number): Graph {
  const g = new Graph(targetFor(host.gpu.adapter));
  const binder = new WeightBinder(g, store);
  const out = bertEncoder(g, binder, cfg, bertInputs(g, cfg, n));
  binder.finish();
  for (const pass of BERT_PASSES) g.output(pass, out[pass]);
  return g;
}

const sampleInputs = (cfg: BertConfig) => packBertInputs(cfg, SAMPLE_TOKENS.ids, { l: SAMPLE_TOKENS.l, t: SAMPLE_TOKENS.t, p: SAMPLE_TOKENS.p });

/**
 * The small-width check: BERT built from `store` (formula weights unless a test passes a wrong
 * one) against the float64 reference on the formula weights, every pass and element.
 */
export async function checkBert(host: BenchHost, timed: BertConfig, store?: WeightStore): Promise<{ maxError: number }> {
  const cfg = checkText(timed);
  const reference = formulaStore(cfg);
  const weights = new Map(await Promise.all(reference.names().map(async (name) => [name, await reference.load(name)] as const)));
  const compiled = await CompiledGraph.compile(host.gpu, bertGraph(host, cfg, store ?? reference, SAMPLE_TOKENS.ids.length));
  try {
    const { outputs } = await compiled.run(sampleInputs(cfg));
    let maxError = 0;
    for (const pass of BERT_PASSES) {
      const want = bertReference(cfg, (name) => weights.get(name)!, SAMPLE_TOKENS.ids, SAMPLE_TOKENS[pass]);
      const got = outputs[pass];
      for (let i = 0; i < want.length; i++) {
        maxError = Math.max(maxError, Math.abs(got[i] - want[i]));
        if (!(Math.abs(got[i] - want[i]) <= BERT_CHECK_ATOL)) {
          checkFailed(`bert ${cfg.layers}x${cfg.hidden}`, `pass ${pass} out[${Math.floor(i / cfg.hidden)}, ${i % cfg.hidden}]`, got[i], want[i], BERT_CHECK_ATOL);
        }
      }
    }
    return { maxError };
  } finally {
    compiled.destroy();
  }
}

/** `text` defaults to the base480 case's BERT-base (tests pass a smaller one); `checkStore` is the checked graph's weights (tests pass a wrong one). */
export async function benchBert(host: BenchHost, opts: { text?: BertConfig; checkStore?: WeightStore } = {}): Promise<BenchSuiteResult> {
  const runs = Math.min(host.runs, 5);
  const cfg = opts.text ?? MODEL_CASES[0].config().text;
  const n = SAMPLE_TOKENS.ids.length;
  host.log(`bert: checking BERT ${checkText(cfg).layers}x${checkText(cfg).hidden} against the float64 reference`);
  const check = await checkBert(host, cfg, opts.checkStore);
  const g = bertGraph(host, cfg, formulaStore(cfg), n);

  host.log(`bert: compiling BERT (${cfg.layers} layers, ${cfg.hidden}) and uploading its weights`);
  const t0 = performance.now();
  const compiled = await CompiledGraph.compile(host.gpu, g);
  await host.gpu.device.queue.onSubmittedWorkDone();
  const compileMs = performance.now() - t0;
  try {
    // The first run writes the inputs (timeOnce reuses them) and reads the outputs back.
    const t1 = performance.now();
    const inputs = sampleInputs(cfg);
    const first = await compiled.run(inputs);
    const firstMs = performance.now() - t1;
    for (const pass of BERT_PASSES) checkModelOutput(`bert pass ${pass}`, first.outputs[pass]);
    await compiled.timeOnce();
    const { profile: _, ...t } = await timeRuns(host, compiled, runs, inputs, (i, ms) => host.log(`bert: run ${i + 1}/${runs}: ${ms.toFixed(0)} ms`));
    const name = `BERT ${cfg.layers}x${cfg.hidden}, 3 x ${n} tokens (one batch)`;
    const row = rowOf('bert', name, targetFor(host.gpu.adapter).name, { ...t, compileMs, firstMs, ...callsWork(compiled.calls) });
    const small = checkText(cfg);
    const note = `Checked first: the same builder at ${small.layers} layers of ${small.hidden} against the float64 reference, max |error| ${check.maxError.toExponential(1)} (atol ${BERT_CHECK_ATOL.toExponential(0)}).`;
    return { suite: 'bert', title: 'BERT, formula weights', rows: [row], notes: [note] };
  } finally {
    compiled.destroy();
  }
}
