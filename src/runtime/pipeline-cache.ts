/**
 * Compute pipelines keyed by kernel name + constants (derived, never written by hand).
 * The bind group layout comes from the kernel's binding list, so a binding the shader
 * happens not to use is still accepted (layout 'auto' would drop it).
 */
import { FianetError } from '../errors.js';
import { bindingsOf, constantsKey, kernelSource, type Constants, type Kernel } from './kernel.js';

export interface CompiledKernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
  key: string;
}

export interface PipelineCacheOptions {
  /** Kernel names whose final WGSL is printed when compiled ('*' = all). */
  dumpWgsl?: readonly string[];
  log?: (text: string) => void;
}

export class PipelineCache {
  private readonly entries = new Map<string, CompiledKernel>();
  /** Milliseconds spent creating pipelines (reported apart from run time). */
  compileMs = 0;

  constructor(
    private readonly device: GPUDevice,
    private readonly options: PipelineCacheOptions = {},
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async get(kernel: Kernel<any, any>, consts: Constants): Promise<CompiledKernel> {
    const key = constantsKey(kernel, consts);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const start = performance.now();
    const code = kernelSource(kernel, consts);
    const dump = this.options.dumpWgsl;
    if (dump && (dump.includes('*') || dump.includes(kernel.name))) {
      (this.options.log ?? console.error)(`// ---- WGSL of ${key}\n${code}`);
    }
    const device = this.device;
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
    const pipeline = await device.createComputePipelineAsync({
      label: key,
      layout: device.createPipelineLayout({ label: key, bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main' },
    }).catch(async (e: Error) => {
      const info = await module.getCompilationInfo();
      const messages = info.messages.map((m) => `  ${m.type} at ${m.lineNum}:${m.linePos}: ${m.message}`).join('\n');
      throw new FianetError('device-error', `kernel ${key} failed to compile: ${e.message}\n${messages}`);
    });
    const error = await device.popErrorScope();
    if (error) throw new FianetError('device-error', `kernel ${key} is invalid: ${error.message}`);
    const entry = { pipeline, layout, key };
    this.entries.set(key, entry);
    this.compileMs += performance.now() - start;
    return entry;
  }
}
