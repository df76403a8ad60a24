/**
 * Compute pipelines keyed by their final WGSL (derived, never written by hand): two calls whose
 * kernel and constants give the same shader share one pipeline. Pipelines are created with
 * createComputePipelineAsync and the cache holds the promise, so a graph asks for all of its
 * pipelines at once (`prepare`) and the device compiles them while the host uploads weights;
 * on a CPU adapter shader compilation is most of a model's load time (bench/RESULTS.md).
 * The bind group layout comes from the kernel's binding list, so a binding the shader
 * happens not to use is still accepted (layout 'auto' would drop it).
 */
import { FianetError } from '../errors.js';
import { bindingsOf, constantsKey, kernelSource, type Constants, type Kernel } from './kernel.js';

export interface CompiledKernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  /** The kernel name and constants of the first call that asked for it (its GPU label). */
  key: string;
}

export interface PipelineCacheOptions {
  /** Kernel names whose final WGSL is printed when compiled ('*' = all). */
  dumpWgsl?: readonly string[];
  log?: (text: string) => void;
}

export class PipelineCache {
  private readonly entries = new Map<string, Promise<CompiledKernel>>();
  private pending = 0;
  /** Pipelines created so far. */
  private ready = 0;
  private busySince = 0;
  /** Wall milliseconds during which at least one pipeline was being created (reported apart from run time). */
  compileMs = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly options: PipelineCacheOptions = {},
  ) {}

  /** Distinct pipelines asked for so far. */
  get size(): number {
    return this.entries.size;
  }

  get(kernel: Kernel<any, any>, consts: Constants): Promise<CompiledKernel> {
    const code = kernelSource(kernel, consts);
    let entry = this.entries.get(code);
    if (!entry) {
      entry = this.create(kernel, consts, code);
      this.entries.set(code, entry);
    }
    return entry;
  }

  /**
   * Starts every pipeline of `calls` at once and resolves with one per call, in order, once all
   * are ready. `onReady(ready, total, key)` reports the cache's ready and requested pipelines
   * (graphs sharing the cache see one count), at once and as each of these finishes. The
   * promise never rejects unobserved: keep it and await it after other work.
   */
  prepare(calls: readonly { kernel: Kernel<any, any>; consts: Constants }[], onReady: (ready: number, total: number, key: string) => void = () => {}): Promise<CompiledKernel[]> {
    const perCall = calls.map((c) => this.get(c.kernel, c.consts));
    onReady(this.ready, this.size, '');
    for (const p of new Set(perCall)) p.then((c) => onReady(this.ready, this.size, c.key), () => {});
    const all = Promise.all(perCall);
    all.catch(() => {});
    return all;
  }

  private async create(kernel: Kernel<any, any>, consts: Constants, code: string): Promise<CompiledKernel> {
    const key = constantsKey(kernel, consts);
    if (this.pending++ === 0) this.busySince = performance.now();
    try {
      const dump = this.options.dumpWgsl;
      if (dump && (dump.includes('*') || dump.includes(kernel.name))) {
        (this.options.log ?? console.error)(`// ---- WGSL of ${key}\n${code}`);
      }
      const device = this.device;
      // The scope closes before the first await: error scopes are a stack, and other
      // pipelines push theirs while this one compiles.
      device.pushErrorScope('validation');
      const module = device.createShaderModule({ label: key, code });
      const layout = device.createBindGroupLayout({
        label: key,
        entries: [
          { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
          ...bindingsOf(kernel, consts).map((b, i) => ({
            binding: i + 1,
            visibility: GPUShaderStage.COMPUTE,
            buffer: { type: b.uniform ? ('uniform' as const) : ('storage' as const) },
          })),
        ],
      });
      const pipelineLayout = device.createPipelineLayout({ label: key, bindGroupLayouts: [layout] });
      const scope = device.popErrorScope();
      const pipeline = await device.createComputePipelineAsync({ label: key, layout: pipelineLayout, compute: { module, entryPoint: 'main' } }).catch(async (e: Error) => {
        const info = await module.getCompilationInfo();
        const messages = info.messages.map((m) => `  ${m.type} at ${m.lineNum}:${m.linePos}: ${m.message}`).join('\n');
        throw new FianetError('device-error', `kernel ${key} failed to compile: ${e.message}\n${messages}`);
      });
      const error = await scope;
      if (error) throw new FianetError('device-error', `kernel ${key} is invalid: ${error.message}`);
      this.ready++;
      return { pipeline, layout, key };
    } finally {
      if (--this.pending === 0) this.compileMs += performance.now() - this.busySince;
    }
  }
}
