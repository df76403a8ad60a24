/**
 * Compiles a Graph for one device and runs it. Compile: drop calls no requested output
 * depends on, let the target fuse what it can (Target.fuse), plan activation memory, start
 * every pipeline at once, upload weights once while the device compiles them, then build
 * every uniform slot and bind group. Run: write the inputs, encode all dispatches into one command buffer,
 * read back only the outputs asked for. Nothing is created on the hot path. Runs are
 * serialised (one set of activation buffers), and destroy() waits for the run in flight.
 */
import { FianetError } from '../errors.js';
import type { Gpu } from './device.js';
import { fmtShape, numel, storageWords, weightArray, type Call, type Graph, type Tensor } from './graph.js';
import { packUniforms } from './kernel.js';
import { ARENA_ALIGN, planMemory, tensorBytes, type MemoryPlan } from './memory-plan.js';
import { PipelineCache, type PipelineCacheOptions } from './pipeline-cache.js';
import { SerialQueue } from './serial-queue.js';

/** minUniformBufferOffsetAlignment is at most 256 on every adapter. */
const UNIFORM_SLOT = 256;

/** One dispatch, ready to encode, and the call it belongs to (profiles group by call). */
interface Encoded {
  pipeline: GPUComputePipeline;
  bindGroup: GPUBindGroup;
  workgroups: [number, number, number];
  call: Call;
}

/** How a profile groups calls into phases; the default is the first label segment ('text', 'swin', ...). */
export type PhaseOf = (call: Call) => string;
export const firstLabelSegment: PhaseOf = (call) => call.label.split('.')[0];

/** The two parts of a load, which overlap: weights uploaded, pipelines compiled. */
export type LoadPhase = 'weights' | 'pipelines';

/** Progress of one phase: `done` of `total` weights (or distinct pipelines); `what` names the last one. */
export interface CompileProgress {
  phase: LoadPhase;
  done: number;
  total: number;
  what: string;
}

export interface CompileOptions extends PipelineCacheOptions {
  /** Names of graph outputs to keep; default all. Calls that feed none of them are dropped. */
  outputs?: readonly string[];
  onProgress?: (progress: CompileProgress) => void;
  /** Shares compiled pipelines between graphs (e.g. a model's runs at several sizes). */
  pipelines?: PipelineCache;
}

export type HostTensor = Float32Array | Int32Array | Uint32Array;

/** How timeOnce encodes a profiled run: one compute pass per dispatch (gpu-profile.ts gives them timestampWrites). */
export interface PassPerDispatch {
  pass(dispatch: number): GPUComputePassDescriptor;
  /** Encoded after the last pass, in the same command buffer (e.g. resolving the queries). */
  after(encoder: GPUCommandEncoder): void;
}

export interface RunResult {
  outputs: Record<string, HostTensor>;
  /** Milliseconds per phase when run with `profile` (phases in the order they first ran). */
  phases?: Record<string, number>;
}

/** Calls needed for `wanted`, in order; the rest are reported as removed. */
function liveCalls(graph: Graph, wanted: readonly Tensor[]): { kept: Call[]; removed: Call[] } {
  const needed = new Set(wanted.map((t) => t.id));
  const keep = new Array<boolean>(graph.calls.length).fill(false);
  for (let i = graph.calls.length - 1; i >= 0; i--) {
    const call = graph.calls[i];
    const writes = call.args.filter((_, j) => call.bindings[j].output);
    if (!writes.some((t) => t && needed.has(t.id))) continue;
    keep[i] = true;
    call.args.forEach((t) => t && needed.add(t.id));
  }
  return { kept: graph.calls.filter((_, i) => keep[i]), removed: graph.calls.filter((_, i) => !keep[i]) };
}

export class CompiledGraph {
  private constructor(
    readonly gpu: Gpu,
    readonly graph: Graph,
    /** Graph outputs this compilation keeps (run() returns these by default). */
    readonly outputNames: readonly string[],
    readonly calls: readonly Call[],
    readonly removed: readonly Call[],
    readonly plan: MemoryPlan,
    readonly weightBytes: number,
    /** The activation arenas (memory-plan.ts). */
    private readonly arenas: GPUBuffer[],
    private readonly ownedBuffers: GPUBuffer[],
    private readonly encoded: Encoded[],
    readonly pipelines: PipelineCache,
  ) {}

  /** The readback buffer, kept between runs (no buffer creation on the hot path). */
  private staging?: GPUBuffer;
  private readonly queue = new SerialQueue();

  private stagingOf(size: number): GPUBuffer {
    if (!this.staging || this.staging.size < size) {
      this.staging?.destroy();
      this.staging = this.gpu.device.createBuffer({ label: 'readback', size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    }
    return this.staging;
  }

  static async compile(gpu: Gpu, graph: Graph, options: CompileOptions = {}): Promise<CompiledGraph> {
    const { device } = gpu;
    const names = options.outputs ?? [...graph.outputs.keys()];
    const wanted = names.map((n) => {
      const t = graph.outputs.get(n);
      if (!t) throw new FianetError('bad-graph', `no graph output '${n}' (outputs: ${[...graph.outputs.keys()].join(', ')})`);
      return t;
    });
    const live = liveCalls(graph, wanted);
    const { removed } = live;
    const kept = graph.target.fuse?.(live.kept, wanted) ?? live.kept;
    const plan = planMemory(kept, [...graph.inputs.values()], wanted);
    const maxBuffer = device.limits.maxBufferSize;
    const maxBinding = device.limits.maxStorageBufferBindingSize;
    if (plan.arenaBytes.some((b) => b > maxBuffer)) {
      throw new FianetError('device-error', `activations need arenas of ${plan.arenaBytes.join(', ')} bytes, the adapter allows ${maxBuffer} per buffer`);
    }
    const progress = options.onProgress ?? (() => {});
    const owned: GPUBuffer[] = [];
    // Any arena may hold tensors read through uniform windows (memory-plan.ts).
    const arenaUsage = GPUBufferUsage.STORAGE | GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const arenas = plan.arenaBytes.map((size, i) => device.createBuffer({ label: `arena:activations${i}`, size, usage: arenaUsage }));
    owned.push(...arenas);

    // Weights: one immutable buffer each, uploaded once, loaded lazily to bound host memory.
    const weightBuffers = new Map<number, GPUBuffer>();
    const usedWeights = new Set<number>();
    for (const c of kept) for (const t of c.args) if (t?.kind === 'weight') usedWeights.add(t.id);
    let weightBytes = 0;
    let done = 0;
    progress({ phase: 'weights', done, total: usedWeights.size, what: '' });

    // Every pipeline at once, compiled by the device while the host loads and uploads weights;
    // all are awaited before the first bind group (and so before the first submit).
    const pipelines = options.pipelines ?? new PipelineCache(device, options);
    const compiledCalls = pipelines.prepare(kept, (ready, total, key) => progress({ phase: 'pipelines', done: ready, total, what: key }));
    // One turn of the event loop, so a browser sends the requests to its GPU process before the upload.
    await new Promise((resolve) => setTimeout(resolve, 0));

    for (const id of usedWeights) {
      const t = graph.tensors[id];
      const source = graph.weights.get(id)!;
      const size = tensorBytes(t);
      const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.UNIFORM;
      const buffer = device.createBuffer({ label: `weight:${t.label}`, size, usage, mappedAtCreation: true });
      owned.push(buffer);
      // A WeightWriter writes into the mapped range itself; other data is copied there once.
      if (typeof source === 'object' && 'writeTo' in source) await source.writeTo(buffer.getMappedRange());
      else {
        const data = await weightArray(t, source);
        if (data.length !== storageWords(t) || (t.dtype === 'f16' && !(data instanceof Uint32Array))) {
          throw new FianetError('bad-weights', `${t.label}: loader gave ${data.length} ${data.constructor.name} words for ${t.dtype} shape ${fmtShape(t.shape)}`);
        }
        new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      }
      buffer.unmap();
      weightBuffers.set(id, buffer);
      weightBytes += size;
      progress({ phase: 'weights', done: ++done, total: usedWeights.size, what: t.label });
    }

    const compiledOf = await compiledCalls;
    const dispatchCount = kept.reduce((n, c) => n + (c.dispatches?.length ?? 1), 0);
    const uniforms = device.createBuffer({
      label: 'arena:uniforms',
      size: Math.max(1, dispatchCount) * UNIFORM_SLOT,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    owned.push(uniforms);
    const uniformBytes = new Uint8Array(Math.max(1, dispatchCount) * UNIFORM_SLOT);
    // Unbound optional bindings get a tiny buffer of their own per binding slot: two
    // writable bindings of one range in a dispatch are an aliasing error.
    const dummies: GPUBuffer[] = [];
    const dummy = (slot: number): GPUBuffer => {
      dummies[slot] ??= device.createBuffer({ label: `unbound:${slot}`, size: 16, usage: GPUBufferUsage.STORAGE });
      return dummies[slot];
    };
    const encoded: Encoded[] = [];
    for (const [i, call] of kept.entries()) {
      const compiled = compiledOf[i];
      for (const d of call.dispatches ?? [{ uniforms: call.uniforms, windows: {} }]) {
        const slot = encoded.length * UNIFORM_SLOT;
        const bytes = packUniforms(call.kernel, d.uniforms);
        uniformBytes.set(new Uint8Array(bytes), slot);
        const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniforms, offset: slot, size: bytes.byteLength } }];
        call.args.forEach((t, j) => {
          const binding = call.bindings[j];
          if (!t) {
            entries.push({ binding: j + 1, resource: { buffer: dummy(j) } });
            return;
          }
          const weight = weightBuffers.get(t.id);
          const p = plan.placements.get(t.id);
          const [buffer, base, bytes] = weight ? [weight, 0, weight.size] : [arenas[p!.arena], p!.offset, p!.bytes];
          if (binding.uniform) {
            const offset = d.windows[binding.name] ?? 0;
            if (offset + binding.uniform * 16 > bytes) {
              throw new FianetError('bad-graph', `${call.label}: window '${binding.name}' at byte ${offset} runs past '${t.label}' (${bytes} bytes)`);
            }
            entries.push({ binding: j + 1, resource: { buffer, offset: base + offset, size: binding.uniform * 16 } });
          } else if (binding.window) {
            const offset = d.windows[binding.name] ?? 0;
            if (offset % ARENA_ALIGN !== 0 || offset >= bytes) {
              throw new FianetError('bad-graph', `${call.label}: storage window '${binding.name}' at byte ${offset} runs past '${t.label}' (${bytes} bytes) or is not ${ARENA_ALIGN}-byte aligned`);
            }
            entries.push({ binding: j + 1, resource: { buffer, offset: base + offset, size: Math.min(binding.window, bytes - offset) } });
          } else if (bytes > maxBinding) {
            throw new FianetError('bad-graph', `${call.label}: '${t.label}' (${bytes} bytes) is bound whole as '${binding.name}', the adapter binds at most ${maxBinding}; give the binding a window`);
          } else entries.push({ binding: j + 1, resource: weight ? { buffer } : { buffer, offset: base, size: bytes } });
        });
        const bindGroup = device.createBindGroup({ label: `${call.kernel.name}:${call.label}`, layout: compiled.layout, entries });
        const [x, y = 1, z = 1] = call.kernel.workgroups(d.uniforms, call.consts);
        encoded.push({ pipeline: compiled.pipeline, bindGroup, workgroups: [x, y, z], call });
      }
    }
    owned.push(...dummies.filter(Boolean));
    device.queue.writeBuffer(uniforms, 0, uniformBytes);
    gpu.check();
    return new CompiledGraph(gpu, graph, names, kept, removed, plan, weightBytes, arenas, owned, encoded, pipelines);
  }

  private encodeRange(encoder: GPUCommandEncoder, from: number, to: number, descriptor: GPUComputePassDescriptor): void {
    const pass = encoder.beginComputePass(descriptor);
    for (let i = from; i < to; i++) {
      const e = this.encoded[i];
      pass.setPipeline(e.pipeline);
      pass.setBindGroup(0, e.bindGroup);
      pass.dispatchWorkgroups(...e.workgroups);
    }
    pass.end();
  }

  /**
   * Runs the graph. `inputs` by name; returns the `outputs` asked for (default: all kept).
   * `profile` submits each run of consecutive calls of one phase apart and times it
   * (true: phases by first label segment; or a function naming the phase of a call).
   */
  async run(inputs: Record<string, HostTensor>, outputs?: readonly string[], opts: { profile?: boolean | PhaseOf } = {}): Promise<RunResult> {
    if (this.queue.closed) throw destroyedError();
    const written: { arena: number; offset: number; data: HostTensor }[] = [];
    for (const [name, t] of this.graph.inputs) {
      const data = inputs[name];
      if (!data) throw new FianetError('bad-input', `missing graph input '${name}' ${fmtShape(t.shape)}`);
      if (data.length !== numel(t.shape)) {
        throw new FianetError('bad-input', `graph input '${name}': ${data.length} values, expected ${fmtShape(t.shape)} = ${numel(t.shape)}`);
      }
      for (const check of this.graph.inputChecks.get(t.id) ?? []) check(data);
      const p = this.plan.placements.get(t.id);
      if (p) written.push({ arena: p.arena, offset: p.offset, data });
    }
    const names = outputs ?? this.outputNames;
    const wanted = names.map((n) => {
      const t = this.outputNames.includes(n) ? this.graph.outputs.get(n) : undefined;
      const p = t && this.plan.placements.get(t.id);
      if (!t || !p) throw new FianetError('bad-graph', `output '${n}' was not compiled into this graph`);
      return { name: n, t, p };
    });
    return this.queue.push(() => this.runNow(written, wanted, opts));
  }

  /** One run, alone on the device's buffers (the queue guarantees it). */
  private async runNow(
    written: readonly { arena: number; offset: number; data: HostTensor }[],
    wanted: readonly { name: string; t: Tensor; p: { arena: number; offset: number; bytes: number } }[],
    opts: { profile?: boolean | PhaseOf },
  ): Promise<RunResult> {
    const { device } = this.gpu;
    this.gpu.check();
    for (const w of written) device.queue.writeBuffer(this.arenas[w.arena], w.offset, w.data.buffer, w.data.byteOffset, w.data.byteLength);
    let phases: Record<string, number> | undefined;
    if (opts.profile) {
      const phaseOf = typeof opts.profile === 'function' ? opts.profile : firstLabelSegment;
      phases = {};
      let start = 0;
      const n = this.encoded.length;
      for (let i = 1; i <= n; i++) {
        const phase = phaseOf(this.encoded[start].call);
        if (i < n && (this.encoded[i].call === this.encoded[i - 1].call || phaseOf(this.encoded[i].call) === phase)) continue;
        const encoder = device.createCommandEncoder({ label: phase });
        this.encodeRange(encoder, start, i, { label: phase });
        const t0 = performance.now();
        device.queue.submit([encoder.finish()]);
        await device.queue.onSubmittedWorkDone();
        this.gpu.check();
        phases[phase] = (phases[phase] ?? 0) + performance.now() - t0;
        start = i;
      }
    }
    const encoder = device.createCommandEncoder({ label: 'forward' });
    if (!opts.profile) this.encodeRange(encoder, 0, this.encoded.length, { label: 'forward' });
    const total = Math.max(16, wanted.reduce((s, w) => s + w.p.bytes, 0));
    const staging = this.stagingOf(total);
    let at = 0;
    for (const w of wanted) {
      encoder.copyBufferToBuffer(this.arenas[w.p.arena], w.p.offset, staging, at, w.p.bytes);
      at += w.p.bytes;
    }
    device.queue.submit([encoder.finish()]);
    let bytes: ArrayBuffer;
    try {
      await staging.mapAsync(GPUMapMode.READ, 0, total);
      bytes = staging.getMappedRange(0, total).slice(0);
      staging.unmap();
    } catch (e) {
      await this.gpu.settle();
      this.gpu.check();
      throw new FianetError('device-error', `reading back the outputs failed: ${(e as Error).message || (e as Error).name || 'the GPU gave no reason'}`);
    }
    this.gpu.check();
    const result: Record<string, HostTensor> = {};
    at = 0;
    for (const w of wanted) {
      const n = numel(w.t.shape);
      result[w.name] = w.t.dtype === 'f32' ? new Float32Array(bytes, at, n) : w.t.dtype === 'i32' ? new Int32Array(bytes, at, n) : new Uint32Array(bytes, at, n);
      at += w.p.bytes;
    }
    return { outputs: result, phases };
  }

  /** The call each dispatch belongs to, in dispatch order (a call may have several). */
  dispatchCalls(): Call[] {
    return this.encoded.map((e) => e.call);
  }

  /**
   * Runs the whole graph on whatever the inputs hold now and waits for it: milliseconds from
   * submit to done (benchmarks). With `each`, every dispatch gets a compute pass of its own.
   */
  timeOnce(each?: PassPerDispatch): Promise<number> {
    return this.queue.push(async () => {
      const { device } = this.gpu;
      const encoder = device.createCommandEncoder({ label: 'timed' });
      if (each) {
        for (let i = 0; i < this.encoded.length; i++) this.encodeRange(encoder, i, i + 1, each.pass(i));
        each.after(encoder);
      } else this.encodeRange(encoder, 0, this.encoded.length, { label: 'timed' });
      const t0 = performance.now();
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
      const ms = performance.now() - t0;
      this.gpu.check();
      return ms;
    });
  }

  /** The plan in words: kept and removed calls, memory against the naive sum. */
  describe(): string {
    const mb = (b: number): string => `${(b / 2 ** 20).toFixed(2)} MiB`;
    const lines = [
      `calls: ${this.calls.length} kept (${this.encoded.length} dispatches), ${this.removed.length} removed as dead work`,
      `activations: planned arenas ${mb(this.plan.arenaBytes.reduce((a, b) => a + b, 0))} (peak live ${mb(this.plan.peakLiveBytes)}, largest single call ${mb(this.plan.largestCallBytes)}) vs naive sum ${mb(this.plan.naiveBytes)}`,
      `weights: ${mb(this.weightBytes)} uploaded`,
      `pipelines: ${this.pipelines.size} compiled in ${this.pipelines.compileMs.toFixed(0)} ms`,
    ];
    if (this.removed.length) lines.push(`removed: ${this.removed.map((c) => c.label).join(', ')}`);
    return lines.join('\n');
  }

  /**
   * Frees every buffer once the run in flight (if any) has finished; runs still queued and
   * later calls reject with "the model was destroyed".
   */
  async destroy(): Promise<void> {
    await this.queue.close(destroyedError);
    this.staging?.destroy();
    this.staging = undefined;
    for (const b of this.ownedBuffers) b.destroy();
  }
}

const destroyedError = (): FianetError => new FianetError('bad-input', 'the model was destroyed (destroy() was called before this call ran): load it again to segment more images');
