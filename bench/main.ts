/**
 * `npm run bench -- [--adapter KIND] [--only matmul] [--json FILE]`: runs the benchmarks on
 * one adapter and prints a Markdown table (and JSON) naming the adapter and the date.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nodeGpu, parseAdapterKind } from '../src/node/gpu-node.js';
import { adapterName } from './harness.js';
import { benchMatmul } from './matmul.js';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { adapter: { type: 'string' }, json: { type: 'string' }, runs: { type: 'string' }, variants: { type: 'string' }, cases: { type: 'string' } } });
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const name = adapterName(gpu);
  const log = (s: string) => console.error(s);
  log(`benchmarking on ${name}`);
  const runs = values.runs ? Number(values.runs) : 10;
  const list = (v?: string) => v?.split(',').map((x) => x.trim());
  const matmul = await benchMatmul(gpu, { runs, log, variants: list(values.variants), cases: list(values.cases) });
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `### Matmul on ${name}, ${date}`,
    '',
    `Median of ${runs} warm runs after one warm-up (compile time excluded); GFLOP/s = 2MNK / median.`,
    '',
    '| shape | variant | median ms | GFLOP/s |',
    '|---|---|---:|---:|',
    ...matmul.map((r) => `| ${r.case} | ${r.variant} | ${r.medianMs.toFixed(1)} | ${r.gflops.toFixed(2)} |`),
  ];
  console.log(lines.join('\n'));
  if (values.json) writeFileSync(values.json, JSON.stringify({ adapter: gpu.adapter, date, matmul }, null, 2));
  gpu.destroy();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
