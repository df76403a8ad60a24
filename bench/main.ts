/**
 * `fianet bench [--adapter KIND] [--only matmul,bert,window,decoder,tmem,e2e] [--runs N] [--json FILE]`
 * (also `npm run bench`): runs benchmark suites on one adapter and prints Markdown tables
 * naming the adapter and the date; `--json` writes every figure. Medians of warm runs,
 * compile time apart; on a shared machine the CPU-time column is the steadier one. The
 * adapter's peaks (best matmul, vec4 copy) are measured first in the same run, and rates
 * are given as a percentage of them.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publishedConfig } from '../src/model/config.js';
import { formulaWeightsFor } from '../src/model/formula-weights.js';
import { nodeGpu, parseAdapterKind } from '../src/node/gpu-node.js';
import { benchBert } from './bert.js';
import { benchDecoderConv } from './decoder.js';
import { benchEndToEnd } from './end-to-end.js';
import { benchF16Weights } from './f16-weights.js';
import { adapterName } from './harness.js';
import { benchMatmul } from './matmul.js';
import { measurePeaks } from './peak.js';
import { benchTmem } from './tmem.js';
import { benchWindowAttention } from './window-attention.js';

const SUITES = ['matmul', 'bert', 'window', 'decoder', 'tmem', 'e2e', 'f16'] as const;
type Suite = (typeof SUITES)[number];

const HELP = `usage: fianet bench [--adapter KIND] [--only ${SUITES.join(',')}] [--runs N] [--json FILE]
       [--variants A,B] [--cases A,B]   (matmul and decoder suites: which variants and shapes, by name prefix)

Default suites: matmul, bert, window, decoder, tmem. 'e2e' (the whole model at base480
with formula weights: per phase, per kernel, first run, memory plan) takes minutes on CPU
adapters and runs only when asked, as does 'f16' (f16 weights against f32, alternated in one
process: linear layers and BERT-base). The adapter's peaks (best matmul at 1024^3, vec4 copy) are always measured
first; rates are given as a percentage of them.`;

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const ms = (x: number): string => x.toFixed(1);
const mib = (b: number): string => (b / 2 ** 20).toFixed(1);

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      adapter: { type: 'string' }, only: { type: 'string' }, runs: { type: 'string' }, json: { type: 'string' },
      variants: { type: 'string' }, cases: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const list = (v?: string) => v?.split(',').map((x) => x.trim()).filter(Boolean);
  const suites = (list(values.only) ?? SUITES.filter((s) => s !== 'e2e' && s !== 'f16')) as Suite[];
  for (const s of suites) if (!SUITES.includes(s)) throw new Error(`unknown suite '${s}' (${SUITES.join(', ')})`);
  const runs = values.runs ? Number(values.runs) : 10;
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const name = adapterName(gpu);
  const log = (s: string) => console.error(s);
  const date = new Date().toISOString().slice(0, 10);
  log(`benchmarking on ${name}`);
  const out: string[] = [`## ${name}, ${date}`, '', `Median of ${runs} warm runs after a warm-up; compile time excluded; CPU = this process's CPU time per run.`, ''];
  const json: Record<string, unknown> = { adapter: gpu.adapter, date };

  const peaks = await measurePeaks(gpu, { runs, log });
  json.peaks = peaks;
  const ofPeak = (gflops: number): string => `${((100 * gflops) / peaks.matmul.gflops).toFixed(0)}%`;
  out.push('### Peaks (the yardsticks of the % columns)', '', row(['measure', 'median ms', 'rate']), row(['---', '---:', '---:']));
  out.push(row([`${peaks.matmul.kernel} ${peaks.matmul.case}`, ms(peaks.matmul.medianMs), `${peaks.matmul.gflops.toFixed(2)} GFLOP/s`]));
  out.push(row([peaks.copy.case, ms(peaks.copy.medianMs), `${peaks.copy.gbps.toFixed(2)} GB/s`]), '');

  if (suites.includes('matmul')) {
    const r = await benchMatmul(gpu, { runs, log, variants: list(values.variants), cases: list(values.cases) });
    json.matmul = r;
    out.push('### Matmul', '', row(['shape', 'kernel', 'median ms', 'CPU ms', 'GFLOP/s', '% of peak', 'compile ms']), row(['---', '---', '---:', '---:', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, x.variant, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2), ofPeak(x.gflops), x.compileMs.toFixed(0)]));
    out.push('');
  }
  if (suites.includes('bert')) {
    const r = await benchBert(gpu, { runs: Math.min(runs, 5), log });
    json.bert = r;
    out.push('### BERT-base, 3 x 22 tokens (one batch), formula weights', '', row(['median ms', 'CPU ms', 'GFLOP/s', '% of peak', 'first run ms', 'compile ms']), row(['---:', '---:', '---:', '---:', '---:', '---:']));
    out.push(row([ms(r.medianMs), ms(r.cpuMs), r.gflops.toFixed(2), ofPeak(r.gflops), ms(r.firstMs), r.compileMs.toFixed(0)]), '');
  }
  if (suites.includes('window')) {
    const r = await benchWindowAttention(gpu, { runs, log });
    json.windowAttention = r;
    out.push('### Window attention, Swin-B at 480 (window 12, head dim 32)', '', row(['case', 'kernel', 'median ms', 'CPU ms', 'GFLOP/s', '% of peak']), row(['---', '---', '---:', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, x.kernel, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2), ofPeak(x.gflops)]));
    out.push('');
  }
  if (suites.includes('decoder')) {
    const r = await benchDecoderConv(gpu, { runs: Math.min(runs, 3), log, variants: list(values.variants), cases: list(values.cases) });
    json.decoderConv = r;
    out.push('### Decoder 3x3 convolutions', '', row(['case', 'tiling', 'median ms', 'CPU ms', 'GFLOP/s', '% of peak']), row(['---', '---', '---:', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, x.variant, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2), ofPeak(x.gflops)]));
    out.push('');
  }
  if (suites.includes('f16')) {
    const r = await benchF16Weights(gpu, { runs: Math.min(runs, 5), log });
    json.f16Weights = r;
    out.push('### f16 weights against f32 (alternated runs)', '', row(['case', 'weights MiB f32 / f16', 'f32 ms (CPU)', 'f16 ms (CPU)', 'f16 / f32 wall (CPU)', 'f16 GFLOP/s', 'check max err']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
    for (const x of r) {
      out.push(row([x.case, `${mib(x.bytes.f32)} / ${mib(x.bytes.f16)}`, `${ms(x.medianMs.f32)} (${ms(x.cpuMs.f32)})`, `${ms(x.medianMs.f16)} (${ms(x.cpuMs.f16)})`, `${(x.medianMs.f16 / x.medianMs.f32).toFixed(2)} (${(x.cpuMs.f16 / x.cpuMs.f32).toFixed(2)})`, (x.gflop / (x.medianMs.f16 / 1000)).toFixed(2), x.checkErr.toExponential(1)]));
    }
    out.push('');
  }
  if (suites.includes('tmem')) {
    const config = publishedConfig('rrsisd');
    const r = await benchTmem(gpu, config, formulaWeightsFor(config), { runs: Math.min(runs, 5), log });
    json.tmem = r;
    out.push(`### ${r.case} (${r.linear} linear layers), formula weights`, '', `compile ${r.compileMs.toFixed(0)} ms; first run ${ms(r.firstMs)} ms; warm median ${ms(r.medianMs)} ms (CPU ${ms(r.cpuMs)} ms, ${r.runs} runs)`, '', row(['part', 'median ms', 'GFLOP', 'GFLOP/s', '% of peak']), row(['---', '---:', '---:', '---:', '---:']));
    for (const p of r.parts) out.push(row([p.phase, ms(p.medianMs), p.gflop.toFixed(2), p.gflop ? p.gflops.toFixed(2) : '-', p.gflop ? ofPeak(p.gflops) : '-']));
    out.push('');
  }
  if (suites.includes('e2e')) {
    const config = publishedConfig('rrsisd');
    const r = await benchEndToEnd(gpu, config, formulaWeightsFor(config), { runs: Math.min(runs, 3), log, name: 'base480 (Swin-B 480, BERT-base, 22 tokens, formula weights)' });
    json.endToEnd = r;
    out.push(`### End to end: ${r.case}`, '');
    out.push(`Build ${r.buildMs.toFixed(0)} ms; compile ${r.compileMs.toFixed(0)} ms (weights upload and layout, of which pipelines ${r.pipelineMs.toFixed(0)} ms); first run ${r.firstMs.toFixed(0)} ms; warm median ${r.medianMs.toFixed(0)} ms (CPU ${r.cpuMs.toFixed(0)} ms, ${r.runs} runs); ${r.gflop.toFixed(1)} GFLOP declared, ${r.gflops.toFixed(2)} GFLOP/s = ${ofPeak(r.gflops)} of peak; ${r.calls} calls, ${r.dispatches} dispatches.`, '');
    out.push(row(['phase', 'median ms', 'GFLOP', 'GFLOP/s', '% of peak']), row(['---', '---:', '---:', '---:', '---:']));
    for (const p of r.phases) out.push(row([p.phase, ms(p.medianMs), p.gflop.toFixed(1), p.gflop ? p.gflops.toFixed(2) : '-', p.gflop ? ofPeak(p.gflops) : '-']));
    out.push('', 'Per kernel (one run, each call submitted apart):', '', row(['kernel', 'calls', 'ms', 'GFLOP/s']), row(['---', '---:', '---:', '---:']));
    for (const k of r.kernels) out.push(row([k.kernel, k.calls, ms(k.ms), k.gflop ? (k.gflop / (k.ms / 1000)).toFixed(2) : '-']));
    const m = r.memory;
    out.push('', row(['memory', 'MiB']), row(['---', '---:']));
    out.push(row(['weights on the device', mib(m.weightBytes)]), row(['activations, planned arenas', mib(m.plannedBytes)]), row(['activations, naive sum (one buffer each)', mib(m.naiveBytes)]));
    out.push(row(['peak live set (lower bound of any plan)', mib(m.peakLiveBytes)]), row(['largest single call', mib(m.largestCallBytes)]));
    out.push('', `Planned / largest single call: ${(m.plannedBytes / m.largestCallBytes).toFixed(2)}x; planned / naive: ${(m.plannedBytes / m.naiveBytes).toFixed(3)}.`, '');
  }
  console.log(out.join('\n'));
  if (values.json) writeFileSync(values.json, JSON.stringify(json, null, 2));
  gpu.destroy();
  return 0;
}
