/**
 * `node profile.mjs [--adapter KIND] [--config FILE] [--json FILE]` (bundled into the GPU kit by
 * pack.mjs; see README.md): the whole FIANet forward, base480 with formula weights (or the
 * config in FILE, e.g. the tiny one of the kit's quick mode), run once to warm up, then once
 * profiled by runtime/gpu-profile.ts. With timestamp queries: GPU time per dispatch, summed per
 * kernel and per phase; without: the wall time only, and the output says which clock it is.
 * Markdown on stdout; --json writes every dispatch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packBertInputs } from '../../src/model/bert.js';
import { parseConfig, publishedConfig, type FianetConfig } from '../../src/model/config.js';
import { buildFianet } from '../../src/model/fianet.js';
import { formulaWeightsFor } from '../../src/model/formula-weights.js';
import { WeightBinder } from '../../src/model/weights.js';
import { targetFor } from '../../src/lowering/target.js';
import { nodeGpu, parseAdapterKind } from '../../src/node/gpu-node.js';
import { CompiledGraph } from '../../src/runtime/executor.js';
import { Graph } from '../../src/runtime/graph.js';
import { profile, sumBy } from '../../src/runtime/gpu-profile.js';
import { SAMPLE_TOKENS } from '../../src/bench/model-cases.js';
import { modelPhase } from '../../src/bench/end-to-end.js';
import { adapterName } from '../../src/bench/harness.js';

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const msOf = (ns: number): string => (ns / 1e6).toFixed(2);

/** Summed GPU times (sumBy) as a Markdown table with each group's share of the total. */
function table(title: string, groups: { name: string; dispatches: number; gpuNs: number }[], totalNs: number): string[] {
  return [
    `### ${title}`, '',
    row(['', 'dispatches', 'GPU ms', 'share']), row(['---', '---:', '---:', '---:']),
    ...groups.map((g) => row([g.name, g.dispatches, msOf(g.gpuNs), `${((100 * g.gpuNs) / totalNs).toFixed(1)}%`])),
    '',
  ];
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { adapter: { type: 'string' }, config: { type: 'string' }, json: { type: 'string' } } });
  const config: FianetConfig = values.config ? parseConfig(JSON.parse(readFileSync(values.config, 'utf8')), values.config) : publishedConfig('rrsisd');
  const what = values.config ? `${values.config} (formula weights)` : 'base480 (Swin-B 480, BERT-base, formula weights)';
  const gpu = await nodeGpu(parseAdapterKind(values.adapter));
  const log = (s: string) => console.error(`profile: ${s}`);
  log(`${what} on ${adapterName(gpu)}`);

  const g = new Graph(targetFor(gpu.adapter));
  const binder = new WeightBinder(g, formulaWeightsFor(config, 'base480', 'formula weights'));
  const n = config.text.max_tokens;
  g.output('mask', buildFianet(g, binder, config, n).mask);
  binder.finish();
  const compiled = await CompiledGraph.compile(gpu, g);
  try {
    const S = config.input_size;
    const pad = (m: number[]) => Array.from({ length: n }, (_, i) => m[i] ?? 0);
    const inputs = {
      image: Float32Array.from({ length: 3 * S * S }, (_, i) => Math.sin(i * 0.001)),
      ...packBertInputs(config.text, pad(SAMPLE_TOKENS.ids), { l: pad(SAMPLE_TOKENS.l), t: pad(SAMPLE_TOKENS.t), p: pad(SAMPLE_TOKENS.p) }),
    };
    log('first run (warm-up), then the profiled run');
    const p = await profile(compiled, inputs);
    const sumNs = p.dispatches.reduce((s, d) => s + d.gpuNs, 0);
    const calls = compiled.dispatchCalls();
    const lines = [`## GPU profile: ${what}`, '', `Adapter: ${adapterName(gpu)}; ${new Date().toISOString().slice(0, 10)}.`, ''];
    if (p.clock === 'gpu-timestamp') {
      lines.push(
        `Clock: GPU timestamps, one compute pass per dispatch. ${p.dispatches.length} dispatches: GPU sum ${msOf(sumNs)} ms, ` +
          `first start to last end ${msOf(p.gpuSpanNs!)} ms, wall time of the same submit ${p.wallMs.toFixed(2)} ms.`, '',
        ...table('Per kernel', sumBy(p.dispatches, (d) => d.kernel), sumNs),
        ...table('Per phase', sumBy(p.dispatches, (_, i) => modelPhase(calls[i])), sumNs),
      );
    } else {
      lines.push(`Clock: wall (this adapter has no timestamp queries): the whole forward in one submit took ${p.wallMs.toFixed(2)} ms; no per-dispatch figures.`, '');
    }
    console.log(lines.join('\n'));
    if (values.json) writeFileSync(values.json, `${JSON.stringify({ adapter: gpu.adapter, config: what, ...p }, null, 2)}\n`);
    return 0;
  } finally {
    await compiled.destroy();
    gpu.destroy();
  }
}
