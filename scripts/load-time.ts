/**
 * `node dist/load-time.js MODE [--split]` (bundled by scripts/build.mjs): how long a model takes
 * to be ready on llvmpipe, without running it. One JSON line per run, for runs alternated
 * between builds (bench/RESULTS.md, "Weights straight into the mapped range").
 *   e2e     base480's compile step as `fianet bench --only e2e` times it: the graph built from
 *           formula weights (buildMs), then CompiledGraph.compile to the queue's completion
 *           (compileMs, compileCpuMs: this process's CPU, Dawn's threads included).
 *           --split also wraps the weight loaders and the device's createBuffer and
 *           createBindGroup to time them (a little overhead: not for A/B figures).
 *   file    loadSegmenter on WEIGHTS (default /tmp/base480.safetensors: `npm run weights:base480
 *           -- /tmp/base480.safetensors`), its config from the file's metadata.
 *   demo    loadSegmenter on weights/demo.safetensors.
 *   digest  a SHA-256 of every uploaded weight's bytes, by label (--small: checkConfig's widths;
 *           --f16: f16 weights): equal digests across builds mean bit-identical weights.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkConfig } from '../src/bench/model-cases.js';
import { targetFor } from '../src/lowering/target.js';
import { publishedConfig } from '../src/model/config.js';
import { buildFianet } from '../src/model/fianet.js';
import { formulaWeightsFor } from '../src/model/formula-weights.js';
import { WeightBinder } from '../src/model/weights.js';
import { nodeGpu } from '../src/node/gpu-node.js';
import { loadSegmenter } from '../src/node/load-segmenter.js';
import type { Gpu } from '../src/runtime/device.js';
import { CompiledGraph } from '../src/runtime/executor.js';
import { Graph, type WeightData, type WeightDtype } from '../src/runtime/graph.js';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const round = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));

function base480Graph(gpu: Gpu, small: boolean, dtype: WeightDtype = 'f32'): Graph {
  const full = publishedConfig('rrsisd');
  const config = small ? checkConfig(full) : full;
  const g = new Graph(targetFor(gpu.adapter), dtype);
  const binder = new WeightBinder(g, formulaWeightsFor(config));
  g.output('mask', buildFianet(g, binder, config, config.text.max_tokens).mask);
  binder.finish();
  return g;
}

/** Milliseconds spent in the weight loaders and in the device calls the compile step makes per weight and per dispatch. */
function splitTimers(g: Graph, gpu: Gpu): Record<string, number> {
  const ms: Record<string, number> = { loaders: 0, createBuffer: 0, createBindGroup: 0 };
  const timed = <T>(what: string, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      ms[what] += performance.now() - t0;
    }
  };
  const timedAsync = async <T>(f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      ms.loaders += performance.now() - t0;
    }
  };
  for (const [id, data] of g.weights) {
    let wrapped: WeightData | undefined;
    if (typeof data === 'function') wrapped = () => timedAsync(data);
    else if ('writeTo' in data) wrapped = { writeTo: (into) => timedAsync(() => data.writeTo(into)) };
    if (wrapped) g.weights.set(id, wrapped);
  }
  const device = gpu.device;
  const createBuffer = device.createBuffer.bind(device);
  const createBindGroup = device.createBindGroup.bind(device);
  device.createBuffer = (d) => timed('createBuffer', () => createBuffer(d));
  device.createBindGroup = (d) => timed('createBindGroup', () => createBindGroup(d));
  return ms;
}

async function compileStep(split: boolean): Promise<void> {
  const gpu = await nodeGpu('llvmpipe');
  const t0 = performance.now();
  const g = base480Graph(gpu, false);
  const buildMs = performance.now() - t0;
  const timers = split ? splitTimers(g, gpu) : {};
  const [t1, c1] = [performance.now(), cpuMs()];
  const compiled = await CompiledGraph.compile(gpu, g);
  await gpu.device.queue.onSubmittedWorkDone();
  const [compileMs, compileCpuMs] = [performance.now() - t1, cpuMs() - c1];
  const { pipelines } = compiled;
  console.log(JSON.stringify({ mode: 'e2e', load: loadAverage, ...round({ buildMs, compileMs, compileCpuMs, ...timers }), pipelines: pipelines.size, pipelinesMs: Math.round(pipelines.compileMs), weightMiB: +(compiled.weightBytes / 2 ** 20).toFixed(1) }));
  await compiled.destroy();
  gpu.destroy();
}

async function loadFile(mode: string, weights: string): Promise<void> {
  const [t0, c0] = [performance.now(), cpuMs()];
  const model = await loadSegmenter({ weights, adapter: 'llvmpipe' });
  console.log(JSON.stringify({ mode, load: loadAverage, weights, ...round({ loadMs: performance.now() - t0, loadCpuMs: cpuMs() - c0 }) }));
  await model.destroy();
}

async function digest(small: boolean, dtype: WeightDtype): Promise<void> {
  const gpu = await nodeGpu('llvmpipe');
  const g = base480Graph(gpu, small, dtype);
  const { device } = gpu;
  const createBuffer = device.createBuffer.bind(device);
  const weights: GPUBuffer[] = [];
  // Weight buffers made copyable, to read them back.
  device.createBuffer = (d) => {
    if (!String(d.label).startsWith('weight:')) return createBuffer(d);
    const b = createBuffer({ ...d, usage: d.usage | GPUBufferUsage.COPY_SRC });
    weights.push(b);
    return b;
  };
  const compiled = await CompiledGraph.compile(gpu, g);
  const hash = createHash('sha256');
  let bytes = 0;
  for (const b of weights.sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0))) {
    const readback = createBuffer({ size: b.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(b, 0, readback, 0, b.size);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    hash.update(b.label);
    hash.update(new Uint8Array(readback.getMappedRange()));
    bytes += b.size;
    readback.destroy();
  }
  console.log(JSON.stringify({ mode: 'digest', small, dtype, weights: weights.length, bytes, sha256: hash.digest('hex') }));
  await compiled.destroy();
  gpu.destroy();
}

const [mode = 'e2e', ...rest] = process.argv.slice(2);
const flags = new Set(rest.filter((a) => a.startsWith('--')));
const path = rest.find((a) => !a.startsWith('--'));
if (mode === 'e2e') await compileStep(flags.has('--split'));
else if (mode === 'file') await loadFile(mode, path ?? '/tmp/base480.safetensors');
else if (mode === 'demo') await loadFile(mode, path ?? 'weights/demo.safetensors');
else if (mode === 'digest') await digest(flags.has('--small'), flags.has('--f16') ? 'f16' : 'f32');
else {
  console.error('usage: node dist/load-time.js e2e [--split] | file [WEIGHTS] | demo [WEIGHTS] | digest [--small] [--f16]');
  process.exitCode = 1;
}
