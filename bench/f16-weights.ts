/**
 * f16 weights against f32 on this adapter (issue 19), both graphs compiled side by side in one
 * process and their timed runs alternated, so a loaded machine slows both alike: linear layers
 * at the model's shapes (BERT-base's 66 rows stream each weight once: the f16 case's best; Swin's
 * many rows reuse each block) and the whole BERT-base (formula weights). Each f16 output is
 * checked first: a linear against the float64 product with the f16-rounded weight on its first
 * rows, BERT against the f32 graph's output.
 */
import { f16BitsToF32, f32ToF16Bits } from '../src/io/dtype.js';
import { matmulReference } from '../src/kernels/matmul.js';
import { linear } from '../src/lowering/ops.js';
import { targetFor } from '../src/lowering/target.js';
import { publishedConfig } from '../src/model/config.js';
import { BERT_PASSES, bertEncoder, bertInputs, packBertInputs } from '../src/model/bert.js';
import { formulaWeightStore } from '../src/model/formula-weights.js';
import { textEncoderShapes } from '../src/model/state-dict-shapes.js';
import { WeightBinder } from '../src/model/weights.js';
import { FianetError } from '../src/errors.js';
import type { Gpu } from '../src/runtime/device.js';
import { CompiledGraph, type HostTensor } from '../src/runtime/executor.js';
import { Graph, type WeightDtype } from '../src/runtime/graph.js';
import { SAMPLE_TOKENS, bertFlop } from './bert.js';
import { median } from './harness.js';

export interface F16Result {
  case: string;
  gflop: number;
  /** Weight bytes on the device. */
  bytes: Record<WeightDtype, number>;
  medianMs: Record<WeightDtype, number>;
  cpuMs: Record<WeightDtype, number>;
  /** The check before timing: max abs difference from what the f16 output must be. */
  checkErr: number;
}

interface Case {
  name: string;
  gflop: number;
  build(g: Graph): void;
  inputs: Record<string, HostTensor>;
  /** Throws when the f16 output is wrong (given both graphs' outputs); returns the error measured. */
  verify(f32: Float32Array, f16: Float32Array): number;
}

/** Deterministic values in [-1, 1). */
const values = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.999);

function linearCase(name: string, M: number, N: number, K: number): Case {
  const [x, w] = [values(M * K, 1), values(N * K, 2)];
  const rows = Math.min(M, 4);
  return {
    name: `${name} ${M}x${N}x${K}`,
    gflop: (2 * M * N * K) / 1e9,
    build: (g) => g.output('out', linear(g, 'fc', g.input('x', [M, K]), g.weight('w', [N, K], w))),
    inputs: { x },
    verify: (_, f16) => {
      const half = w.map((v) => f16BitsToF32(f32ToF16Bits(v)));
      const ref = matmulReference(x.subarray(0, rows * K), half, { M: rows, N, K, lda: K, ldb: K, ldo: N, a_batch: 0, b_batch: 0, o_batch: 0, batch: 1 }, { transB: true });
      let err = 0;
      for (let i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(f16[i] - ref[i]));
      if (!(err <= K * K * 2 ** -24)) throw new FianetError('bad-graph', `f16 bench ${name}: max |err| ${err} against the float64 product on f16 weights`);
      return err;
    },
  };
}

function bertCase(): Case {
  const cfg = publishedConfig('rrsisd').text;
  const store = formulaWeightStore(textEncoderShapes(cfg), 'base480', 'BERT formula weights');
  return {
    name: `BERT-base ${cfg.layers} layers, 3 x ${SAMPLE_TOKENS.ids.length} tokens`,
    gflop: bertFlop(cfg.layers, cfg.hidden, cfg.intermediate, 3 * SAMPLE_TOKENS.ids.length) / 1e9,
    build: (g) => {
      const binder = new WeightBinder(g, store);
      g.output('out', bertEncoder(g, binder, cfg, bertInputs(g, cfg, SAMPLE_TOKENS.ids.length))[BERT_PASSES[0]]);
      binder.finish();
    },
    inputs: packBertInputs(cfg, SAMPLE_TOKENS.ids, { l: SAMPLE_TOKENS.l, t: SAMPLE_TOKENS.t, p: SAMPLE_TOKENS.p }),
    verify: (f32, f16) => {
      let [err, scale] = [0, 0];
      for (let i = 0; i < f32.length; i++) [err, scale] = [Math.max(err, Math.abs(f16[i] - f32[i])), Math.max(scale, Math.abs(f32[i]))];
      if (!(err <= 1e-2 * scale)) throw new FianetError('bad-graph', `f16 bench BERT: max |f16 - f32| ${err} over max-abs ${scale}`);
      return err;
    },
  };
}

export const F16_CASES = (): Case[] => [
  linearCase('BERT-base intermediate', 66, 3072, 768),
  linearCase('BERT-base output', 66, 768, 3072),
  linearCase('Swin-B stage 2 fc1', 900, 2048, 512),
  linearCase('square', 1024, 1024, 1024),
  bertCase(),
];

export async function benchF16Weights(gpu: Gpu, opts: { runs?: number; log?: (s: string) => void } = {}): Promise<F16Result[]> {
  const runs = opts.runs ?? 5;
  const log = opts.log ?? (() => {});
  const results: F16Result[] = [];
  for (const c of F16_CASES()) {
    const compiled = {} as Record<WeightDtype, CompiledGraph>;
    try {
      const outs = {} as Record<WeightDtype, Float32Array>;
      for (const dtype of ['f32', 'f16'] as const) {
        const g = new Graph(targetFor(gpu.adapter), dtype);
        c.build(g);
        compiled[dtype] = await CompiledGraph.compile(gpu, g);
        outs[dtype] = ((await compiled[dtype].run(c.inputs)).outputs.out as Float32Array).slice();
        await compiled[dtype].timeOnce();
      }
      const checkErr = c.verify(outs.f32, outs.f16);
      const times = { f32: [] as number[], f16: [] as number[] };
      const cpu = { f32: [] as number[], f16: [] as number[] };
      for (let i = 0; i < runs; i++) {
        for (const dtype of ['f32', 'f16'] as const) {
          const c0 = process.cpuUsage();
          times[dtype].push(await compiled[dtype].timeOnce());
          const used = process.cpuUsage(c0);
          cpu[dtype].push((used.user + used.system) / 1000);
        }
        log(`f16: ${c.name} run ${i + 1}/${runs}: f32 ${times.f32[i].toFixed(0)} ms, f16 ${times.f16[i].toFixed(0)} ms`);
      }
      results.push({
        case: c.name,
        gflop: c.gflop,
        bytes: { f32: compiled.f32.weightBytes, f16: compiled.f16.weightBytes },
        medianMs: { f32: median(times.f32), f16: median(times.f16) },
        cpuMs: { f32: median(cpu.f32), f16: median(cpu.f16) },
        checkErr,
      });
    } finally {
      await compiled.f32?.destroy();
      await compiled.f16?.destroy();
    }
  }
  return results;
}
