/**
 * Per-stage latency of the vision backbone (Swin + FIAM) at a given config and input size,
 * e.g. the published Swin-B at 480 with the base480 formula weights. The executor runs one
 * command buffer per graph, so stage i is timed as the difference between two prefixes of
 * the backbone: everything up to stage i's output and stream, minus everything up to stage
 * i - 1's (patch merging counts towards the stage it feeds; the last stage has no stream,
 * so its dead OPAB work is excluded, as in real runs). Inputs are left zero: timings do not
 * depend on values.
 */
import { buildBackbone } from '../src/model/backbone.js';
import type { FianetConfig } from '../src/model/config.js';
import { WeightBinder, type WeightStore } from '../src/model/weights.js';
import { preferredLinear, type Gpu } from '../src/runtime/device.js';
import { CompiledGraph } from '../src/runtime/executor.js';
import { Graph } from '../src/runtime/graph.js';
import { median } from './harness.js';

export interface StageTiming {
  stage: number;
  /** Median of the prefix through this stage minus the previous prefix's median. */
  ms: number;
  prefixMs: number;
  compileMs: number;
}

/** Times the backbone prefixes through each stage (median of `runs` after one warm-up). */
export async function benchBackboneStages(gpu: Gpu, config: FianetConfig, store: WeightStore, opts: { runs?: number; words?: number; log?: (s: string) => void } = {}): Promise<StageTiming[]> {
  const S = config.input_size;
  const n = opts.words ?? config.text.max_tokens;
  const g = new Graph({ linear: preferredLinear(gpu.adapter) });
  const b = new WeightBinder(g, store);
  const lang = (k: string) => ({ features: g.input(`bert.${k}`, [n, config.model.fusion_text_dim]), mask: g.input(`${k}_mask`, [n]) });
  const net = buildBackbone(g, b, config, { image: g.input('image', [config.model.in_chans, S, S]), l: lang('l'), t: lang('t'), p: lang('p') });
  b.finish();
  const last = net.stages.length - 1;
  net.stages.forEach((s, i) => {
    g.output(`out${i}`, s.out);
    if (i < last) g.output(`stream${i}`, s.stream);
  });
  const results: StageTiming[] = [];
  let previous = 0;
  for (let i = 0; i <= last; i++) {
    const outputs = i < last ? [`out${i}`, `stream${i}`] : [`out${i}`];
    const t0 = performance.now();
    const compiled = await CompiledGraph.compile(gpu, g, { outputs });
    const compileMs = performance.now() - t0;
    try {
      await compiled.timeOnce();
      const times: number[] = [];
      for (let r = 0; r < (opts.runs ?? 5); r++) times.push(await compiled.timeOnce());
      const prefixMs = median(times);
      results.push({ stage: i, ms: prefixMs - previous, prefixMs, compileMs });
      opts.log?.(`  stage ${i}: ${(prefixMs - previous).toFixed(0)} ms (through stage ${i}: ${prefixMs.toFixed(0)} ms; compile ${compileMs.toFixed(0)} ms)`);
      previous = prefixMs;
    } finally {
      compiled.destroy();
    }
  }
  return results;
}
