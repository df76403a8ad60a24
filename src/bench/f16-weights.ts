/**
 * f16 suite (issue 19): f16 weights against f32 on this adapter, both graphs compiled side by
 * side and their timed runs alternated, so a loaded machine slows both alike. Linear layers at
 * the model's shapes (BERT-base's 66 rows stream each weight once: the f16 case's best; Swin's
 * many rows reuse each block) and the whole BERT-base (formula weights). Checked first: each
 * linear against the float64 product with the weights it stores (f16-rounded for f16), BERT's
 * f16 output against the f32 graph's.
 */
import { FianetError } from '../errors.js';
import { f16BitsToF32, f32ToF16Bits } from '../io/dtype.js';
import type { MatmulCase } from '../kernels/matmul.js';
import { linear } from '../lowering/ops.js';
import { targetFor } from '../lowering/target.js';
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../model/bert.js';
import { formulaWeightStore } from '../model/formula-weights.js';
import { textEncoderShapes } from '../model/state-dict-shapes.js';
import { WeightBinder } from '../model/weights.js';
import { CompiledGraph, type HostTensor } from '../runtime/executor.js';
import { Graph, WEIGHT_DTYPES, type WeightDtype } from '../runtime/graph.js';
import { callsWork, median, pickByPrefix, timeRuns, type BenchHost } from './harness.js';
import { checkLinear } from './matmul.js';
import { checkModelOutput, MODEL_CASES, SAMPLE_TOKENS } from './model-cases.js';
import { randomArray } from './random.js';
import { rowOf, type BenchRow, type BenchSuiteResult } from './schema.js';

interface F16Case {
  name: string;
  build(g: Graph): void;
  inputs: Record<string, HostTensor>;
  /** Throws when either output is wrong (each graph's output 'out'). */
  verify(out: Record<WeightDtype, Float32Array>): void;
}

const LINEARS: readonly MatmulCase[] = [
  { name: 'BERT-base intermediate 66x3072x768', M: 66, N: 3072, K: 768 },
  { name: 'BERT-base output 66x768x3072', M: 66, N: 768, K: 3072 },
  { name: 'Swin-B stage 2 fc1 900x2048x512', M: 900, N: 2048, K: 512 },
  { name: 'square 1024x1024x1024', M: 1024, N: 1024, K: 1024 },
];

function linearCase(c: MatmulCase): F16Case {
  const [a, w] = [randomArray(c.M * c.K, 1), randomArray(c.N * c.K, 2)];
  const stored = { f32: w, f16: w.map((v) => f16BitsToF32(f32ToF16Bits(v))) };
  return {
    name: c.name,
    build: (g) => g.output('out', linear(g, 'fc', { x: g.input('a', [c.M, c.K]), w: g.weight('w', [c.N, c.K], w) })),
    inputs: { a },
    verify: (out) => WEIGHT_DTYPES.forEach((d) => checkLinear(c, `f16 suite, ${d} weights`, a, stored[d]).verify(out[d])),
  };
}

/**
 * BERT's f16 output within this fraction of the f32 output's max-abs: a bound for a wrong
 * graph, not a measured figure (the whole base480c model's logits differ by 4.3e-3 of max-abs).
 */
const BERT_REL_TOL = 1e-2;

const bertConfig = () => MODEL_CASES[0].config().text;
const BERT_NAME = (({ layers, hidden }) => `BERT ${layers}x${hidden}, 3 x ${SAMPLE_TOKENS.ids.length} tokens (one batch)`)(bertConfig());

function bertCase(): F16Case {
  const cfg = bertConfig();
  const store = formulaWeightStore(textEncoderShapes(cfg), 'base480', 'BERT formula weights');
  const n = SAMPLE_TOKENS.ids.length;
  return {
    name: BERT_NAME,
    build: (g) => {
      const binder = new WeightBinder(g, store);
      g.output('out', bertEncoder(g, binder, cfg, bertInputs(g, cfg, n))[BERT_PASSES[0]]);
      binder.finish();
    },
    inputs: packBertInputs(cfg, SAMPLE_TOKENS.ids, { l: SAMPLE_TOKENS.l, t: SAMPLE_TOKENS.t, p: SAMPLE_TOKENS.p }),
    verify: (out) => {
      for (const d of WEIGHT_DTYPES) checkModelOutput(`f16 suite BERT, ${d} weights`, out[d]);
      let [err, scale] = [0, 0];
      for (let i = 0; i < out.f32.length; i++) [err, scale] = [Math.max(err, Math.abs(out.f16[i] - out.f32[i])), Math.max(scale, Math.abs(out.f32[i]))];
      if (!(err <= BERT_REL_TOL * scale)) throw new FianetError('device-error', `f16 suite BERT: max |f16 - f32| ${err} over max-abs ${scale}; not timing a wrong result`);
    },
  };
}

export const F16_CASE_NAMES = [...LINEARS.map((c) => c.name), BERT_NAME];

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);

async function benchCase(host: BenchHost, c: F16Case, runs: number): Promise<{ rows: BenchRow[]; note: string }> {
  const compiled = {} as Record<WeightDtype, CompiledGraph>;
  try {
    const out = {} as Record<WeightDtype, Float32Array>;
    const [compileMs, firstMs] = [{} as Record<WeightDtype, number>, {} as Record<WeightDtype, number>];
    for (const d of WEIGHT_DTYPES) {
      host.log(`f16: ${c.name}: compiling and checking with ${d} weights`);
      const g = new Graph(targetFor(host.gpu.adapter), d);
      c.build(g);
      const t0 = performance.now();
      compiled[d] = await CompiledGraph.compile(host.gpu, g);
      await host.gpu.device.queue.onSubmittedWorkDone();
      compileMs[d] = performance.now() - t0;
      out[d] = ((await compiled[d].run(c.inputs)).outputs.out as Float32Array).slice();
      firstMs[d] = await compiled[d].timeOnce();
    }
    c.verify(out);
    // One run of each in turn, so load changes during the case fall on both.
    const per = { f32: [] as Awaited<ReturnType<typeof timeRuns>>[], f16: [] as Awaited<ReturnType<typeof timeRuns>>[] };
    for (let i = 0; i < runs; i++) {
      for (const d of WEIGHT_DTYPES) per[d].push(await timeRuns(host, compiled[d], 1, c.inputs));
      host.log(`f16: ${c.name}: run ${i + 1}/${runs}: f32 ${per.f32[i].medianMs.toFixed(0)} ms, f16 ${per.f16[i].medianMs.toFixed(0)} ms`);
    }
    const of = (d: WeightDtype, key: 'medianMs' | 'cpuMs' | 'gpuMs' | 'gpuWallMs') => (per[d].every((t) => t[key] !== null) ? median(per[d].map((t) => t[key]!)) : null);
    const rows = WEIGHT_DTYPES.map((d) =>
      rowOf('f16', c.name, `${d} weights`, {
        medianMs: of(d, 'medianMs')!,
        minMs: Math.min(...per[d].map((t) => t.minMs)),
        cpuMs: of(d, 'cpuMs'),
        gpuMs: of(d, 'gpuMs'),
        gpuWallMs: of(d, 'gpuWallMs'),
        runs,
        compileMs: compileMs[d],
        firstMs: firstMs[d],
        ...callsWork(compiled[d].calls),
      }),
    );
    const ratio = (key: 'medianMs' | 'cpuMs') => {
      const [f32, f16] = [of('f32', key), of('f16', key)];
      return f32 && f16 !== null ? (f16 / f32).toFixed(2) : '-';
    };
    const note = `${c.name}: weights ${mib(compiled.f32.weightBytes)} MiB f32, ${mib(compiled.f16.weightBytes)} MiB f16; f16 / f32 time ${ratio('medianMs')} wall, ${ratio('cpuMs')} CPU.`;
    return { rows, note };
  } finally {
    await compiled.f32?.destroy();
    await compiled.f16?.destroy();
  }
}

/** `cases` are name prefixes (F16_CASE_NAMES); the default runs all. */
export async function benchF16Weights(host: BenchHost, opts: { cases?: string[] } = {}): Promise<BenchSuiteResult> {
  const runs = Math.min(host.runs, 5);
  const picked = pickByPrefix('f16 case', F16_CASE_NAMES.map((name) => ({ name })), opts.cases).map((x) => x.name);
  const cases = [...LINEARS.filter((c) => picked.includes(c.name)).map(linearCase), ...(picked.includes(BERT_NAME) ? [bertCase()] : [])];
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  for (const c of cases) {
    const r = await benchCase(host, c, runs);
    rows.push(...r.rows);
    notes.push(r.note);
  }
  return { suite: 'f16', title: 'f16 weights against f32 (runs alternated, each output checked first)', rows, notes };
}
