/**
 * Per-dispatch GPU time of a compiled graph from timestamp queries, for benchmarks:
 *
 *   const p = await profile(compiled, inputs);
 *   p.clock       // 'gpu-timestamp' where the device has 'timestamp-query', else 'wall'
 *   p.wallMs      // wall time of the profiled submit, from submit to done
 *   p.dispatches  // [{ name, kernel, gpuNs }] in execution order; [] on the 'wall' clock
 *   p.gpuSpanNs   // first pass's start to last pass's end (timestamps only)
 *
 * With timestamps every dispatch runs in a compute pass of its own whose timestampWrites
 * bracket it (WebGPU writes timestamps per pass, not per dispatch); the passes are one
 * command buffer, one submit, and `wallMs` is that submit, so sum(gpuNs) <= gpuSpanNs <=
 * wallMs up to the clocks' resolution. Without the feature (llvmpipe through OpenGL ES) only
 * the whole submit is timed, as the graph normally runs. Chromium has the feature (on
 * SwiftShader too); Chrome may quantize timestamps (to 100 us) unless started with
 * --enable-webgpu-developer-features, but Debian's Chromium 156 gives unrounded figures
 * without it (test/browser/bench-page.browser.ts); Node's Dawn instances turn any rounding off (gpu-node.ts).
 * The normal run paths never come here: profiling costs nothing unless asked for.
 */
import { FianetError } from '../errors.js';
import type { CompiledGraph, HostTensor } from './executor.js';
import type { Call } from './graph.js';

export type ProfileClock = 'gpu-timestamp' | 'wall';

export interface DispatchTime {
  /** The call's label; `label#k` for the k-th dispatch of a call that has several. */
  name: string;
  kernel: string;
  /** End minus start of the dispatch's pass, as the device stamped them (not clamped: a GPU whose clock misbehaves shows it). */
  gpuNs: number;
}

export interface GraphProfile {
  clock: ProfileClock;
  wallMs: number;
  gpuSpanNs?: number;
  dispatches: DispatchTime[];
}

/** WebGPU's cap on one query set; two timestamps per dispatch. */
const QUERIES_PER_SET = 4096;
const DISPATCHES_PER_SET = QUERIES_PER_SET / 2;

/**
 * Runs `compiled` once on `inputs` (which also warms it up), then once more profiled.
 * Throws a device-error when the timestamps cannot be read back.
 */
export async function profile(compiled: CompiledGraph, inputs: Record<string, HostTensor>): Promise<GraphProfile> {
  const { device } = compiled.gpu;
  await compiled.run(inputs, []);
  // With no outputs to read back, run() returns before its forward is done.
  await device.queue.onSubmittedWorkDone();
  if (!device.features.has('timestamp-query')) return { clock: 'wall', wallMs: await compiled.timeOnce(), dispatches: [] };
  const calls = compiled.dispatchCalls();
  if (!calls.length) return { clock: 'gpu-timestamp', wallMs: await compiled.timeOnce(), gpuSpanNs: 0, dispatches: [] };

  const sets: GPUQuerySet[] = [];
  for (let at = 0; at < calls.length; at += DISPATCHES_PER_SET) {
    const count = 2 * Math.min(DISPATCHES_PER_SET, calls.length - at);
    sets.push(device.createQuerySet({ label: `profile:timestamps${sets.length}`, type: 'timestamp', count }));
  }
  const bytes = 2 * calls.length * 8;
  const resolved = device.createBuffer({ label: 'profile:resolved', size: bytes, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: 'profile:readback', size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    const wallMs = await compiled.timeOnce({
      pass: (i) => {
        const slot = 2 * (i % DISPATCHES_PER_SET);
        const set = sets[Math.floor(i / DISPATCHES_PER_SET)];
        return { label: calls[i].label, timestampWrites: { querySet: set, beginningOfPassWriteIndex: slot, endOfPassWriteIndex: slot + 1 } };
      },
      after: (encoder) => {
        // Each set lands at a multiple of 4096 * 8 bytes: resolve offsets must be 256-aligned.
        sets.forEach((set, k) => encoder.resolveQuerySet(set, 0, set.count, resolved, k * QUERIES_PER_SET * 8));
        encoder.copyBufferToBuffer(resolved, 0, readback, 0, bytes);
      },
    });
    let stamps: BigUint64Array;
    try {
      await readback.mapAsync(GPUMapMode.READ);
      stamps = new BigUint64Array(readback.getMappedRange().slice(0));
      readback.unmap();
    } catch (e) {
      await compiled.gpu.settle();
      compiled.gpu.check();
      throw new FianetError('device-error', `reading back the timestamps failed: ${(e as Error).message || (e as Error).name || 'the GPU gave no reason'}`);
    }
    const part = new Map<Call, number>();
    const perCall = new Map<Call, number>();
    for (const c of calls) perCall.set(c, (perCall.get(c) ?? 0) + 1);
    const dispatches = calls.map((c, i) => {
      const k = part.get(c) ?? 0;
      part.set(c, k + 1);
      return { name: perCall.get(c)! > 1 ? `${c.label}#${k}` : c.label, kernel: c.kernel.name, gpuNs: Number(stamps[2 * i + 1] - stamps[2 * i]) };
    });
    return { clock: 'gpu-timestamp', wallMs, gpuSpanNs: Number(stamps[stamps.length - 1] - stamps[0]), dispatches };
  } finally {
    for (const s of sets) s.destroy();
    resolved.destroy();
    readback.destroy();
  }
}

/**
 * GPU time and dispatch count per group, slowest first: `sumBy(p.dispatches, (d) => d.kernel)`
 * per kernel; the index is the dispatch's, as in CompiledGraph.dispatchCalls().
 */
export function sumBy(dispatches: readonly DispatchTime[], groupOf: (d: DispatchTime, index: number) => string): { name: string; dispatches: number; gpuNs: number }[] {
  const sums = new Map<string, { name: string; dispatches: number; gpuNs: number }>();
  dispatches.forEach((d, i) => {
    const name = groupOf(d, i);
    const s = sums.get(name) ?? { name, dispatches: 0, gpuNs: 0 };
    s.dispatches++;
    s.gpuNs += d.gpuNs;
    sums.set(name, s);
  });
  return [...sums.values()].sort((a, b) => b.gpuNs - a.gpuNs);
}
