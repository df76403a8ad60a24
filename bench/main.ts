/**
 * `fianet bench [--adapter KIND] [--only matmul,bert,window,decoder,backbone] [--runs N] [--json FILE]`
 * (also `npm run bench`): runs benchmark suites on one adapter and prints Markdown tables
 * naming the adapter and the date; `--json` writes every figure. Medians of warm runs,
 * compile time apart; on a shared machine the CPU-time column is the steadier one.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publishedConfig } from '../src/model/config.js';
import { formulaWeightsFor } from '../src/model/formula-weights.js';
import { nodeGpu, parseAdapterKind } from '../src/node/gpu-node.js';
import { benchBackboneStages } from './backbone.js';
import { benchBert } from './bert.js';
import { benchDecoderConv } from './decoder.js';
import { adapterName } from './harness.js';
import { benchMatmul } from './matmul.js';
import { benchWindowAttention } from './window-attention.js';

const SUITES = ['matmul', 'bert', 'window', 'decoder', 'backbone'] as const;
type Suite = (typeof SUITES)[number];

const HELP = `usage: fianet bench [--adapter KIND] [--only ${SUITES.join(',')}] [--runs N] [--json FILE]
       [--variants A,B] [--cases A,B]   (matmul and decoder suites: which variants and shapes, by name prefix)

Default suites: matmul, bert, window, decoder. 'backbone' (Swin-B at 480, formula
weights, per-stage latency) takes minutes on CPU adapters and runs only when asked.`;

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const ms = (x: number): string => x.toFixed(1);

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
  const suites = (list(values.only) ?? SUITES.filter((s) => s !== 'backbone')) as Suite[];
  for (const s of suites) if (!SUITES.includes(s)) throw new Error(`unknown suite '${s}' (${SUITES.join(', ')})`);
  const runs = values.runs ? Number(values.runs) : 10;
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const name = adapterName(gpu);
  const log = (s: string) => console.error(s);
  const date = new Date().toISOString().slice(0, 10);
  log(`benchmarking on ${name}`);
  const out: string[] = [`## ${name}, ${date}`, '', `Median of ${runs} warm runs after a warm-up; compile time excluded; CPU = this process's CPU time per run.`, ''];
  const json: Record<string, unknown> = { adapter: gpu.adapter, date };

  if (suites.includes('matmul')) {
    const r = await benchMatmul(gpu, { runs, log, variants: list(values.variants), cases: list(values.cases) });
    json.matmul = r;
    out.push('### Matmul', '', row(['shape', 'kernel', 'median ms', 'CPU ms', 'GFLOP/s', 'compile ms']), row(['---', '---', '---:', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, x.variant, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2), x.compileMs.toFixed(0)]));
    out.push('');
  }
  if (suites.includes('bert')) {
    const r = await benchBert(gpu, { runs: Math.min(runs, 5), log });
    json.bert = r;
    out.push('### BERT-base, 3 x 22 tokens (one batch), formula weights', '', row(['median ms', 'CPU ms', 'GFLOP/s', 'first run ms', 'compile ms']), row(['---:', '---:', '---:', '---:', '---:']));
    out.push(row([ms(r.medianMs), ms(r.cpuMs), r.gflops.toFixed(2), ms(r.firstMs), r.compileMs.toFixed(0)]), '');
  }
  if (suites.includes('window')) {
    const r = await benchWindowAttention(gpu, { runs, log });
    json.windowAttention = r;
    out.push('### Window attention, Swin-B stage 1 (14400 tokens, C 128, 4 heads, window 12)', '', row(['case', 'median ms', 'CPU ms', 'GFLOP/s']), row(['---', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2)]));
    out.push('');
  }
  if (suites.includes('decoder')) {
    const r = await benchDecoderConv(gpu, { runs: Math.min(runs, 3), log, variants: list(values.variants), cases: list(values.cases) });
    json.decoderConv = r;
    out.push('### Decoder 3x3 convolutions', '', row(['case', 'tiling', 'median ms', 'CPU ms', 'GFLOP/s']), row(['---', '---', '---:', '---:', '---:']));
    for (const x of r) out.push(row([x.case, x.variant, ms(x.medianMs), ms(x.cpuMs), x.gflops.toFixed(2)]));
    out.push('');
  }
  if (suites.includes('backbone')) {
    const config = publishedConfig('rrsisd');
    const r = await benchBackboneStages(gpu, config, formulaWeightsFor(config), { runs: Math.min(runs, 3), log });
    json.backbone = r;
    out.push('### Swin-B + FIAM backbone at 480, per stage (formula weights)', '', row(['stage', 'ms']), row(['---', '---:']));
    for (const x of r) out.push(row([x.stage, ms(x.ms)]));
    out.push('');
  }
  console.log(out.join('\n'));
  if (values.json) writeFileSync(values.json, JSON.stringify(json, null, 2));
  gpu.destroy();
  return 0;
}
