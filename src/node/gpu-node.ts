/**
 * Node adapter for WebGPU: Dawn through the npm `webgpu` package. Picks a real GPU when
 * there is one, else the CPU implementations of DESIGN section 8: Mesa llvmpipe through
 * OpenGL ES (compatibility mode, no timestamp queries in Dawn's GL backend) and SwiftShader
 * through Vulkan (core, timestamps).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, globals } from 'webgpu';
import { FianetError } from '../errors.js';
import { isCpuAdapter, openDevice, type Gpu } from '../runtime/device.js';

export const ADAPTER_KINDS = ['auto', 'gpu', 'llvmpipe', 'swiftshader'] as const;
export type AdapterKind = (typeof ADAPTER_KINDS)[number];

const SWIFTSHADER_ICDS = ['/usr/lib/chromium/vk_swiftshader_icd.json', '/usr/lib/chromium-browser/vk_swiftshader_icd.json'];

/**
 * Dawn rounds timestamp queries to 65.5 us by default (a browser's defence against timing
 * attacks, moot for a local process); profiles (runtime/gpu-profile.ts) want nanoseconds.
 */
const EXACT_TIMESTAMPS = 'disable-dawn-features=timestamp_quantization';

// Dawn instances must outlive their devices; keep them referenced for the process lifetime.
const instances: GPU[] = [];

/**
 * Whether a Linux machine shows any GPU to user space (DRM render nodes, NVIDIA's driver,
 * WSL's /dev/dxg). Without one, Dawn's probe of its default backend can only fail, and it
 * prints the Vulkan loader's complaints from native code while doing so.
 */
function linuxHasGpuNode(): boolean {
  const list = (dir: string): string[] => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  };
  return list('/dev/dri').some((n) => n.startsWith('renderD')) || list('/dev').some((n) => /^nvidia\d+$/.test(n) || n === 'dxg');
}

async function tryGpu(probeOnly = false): Promise<Gpu> {
  if (probeOnly && process.platform === 'linux' && !linuxHasGpuNode()) {
    throw new Error('no GPU device node (/dev/dri/renderD*, /dev/nvidia*, /dev/dxg); not probed');
  }
  ensureRuntimeDir();
  const gpu = create([EXACT_TIMESTAMPS]);
  instances.push(gpu);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('Dawn found no adapter on its default backend');
  if (isCpuAdapter(adapter.info)) throw new Error(`the default adapter is a CPU implementation (${adapter.info.description})`);
  const coreish = adapter.features.has('core-features-and-limits' as GPUFeatureName);
  return openDevice(adapter, 'gpu', 'default', coreish ? 'core' : 'compatibility');
}

/** Mesa's EGL and the Vulkan loader complain without a writable runtime dir. */
function ensureRuntimeDir(): void {
  if (!process.env.XDG_RUNTIME_DIR || !existsSync(process.env.XDG_RUNTIME_DIR)) {
    const dir = join(tmpdir(), `fianet-xdg-${process.getuid?.() ?? 0}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    process.env.XDG_RUNTIME_DIR = dir;
  }
}

async function tryLlvmpipe(): Promise<Gpu> {
  // Mesa's EGL needs a platform without a display server.
  process.env.EGL_PLATFORM ??= 'surfaceless';
  ensureRuntimeDir();
  const gpu = create(['backend=opengles']);
  instances.push(gpu);
  const adapter = await gpu.requestAdapter({ featureLevel: 'compatibility' } as GPURequestAdapterOptions);
  if (!adapter) throw new Error('Dawn found no OpenGL ES adapter (is Mesa installed: libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri?)');
  return openDevice(adapter, 'llvmpipe', 'opengles', 'compatibility');
}

let dawnPollsGently = false;

/**
 * Dawn's Node bindings settle a pending promise (onSubmittedWorkDone, mapAsync) by calling
 * wgpuInstanceProcessEvents from setImmediate, rescheduled until it settles: a busy loop on the
 * main thread for as long as the device works. On SwiftShader the device is the CPU, run by
 * min(cores, 16) worker threads, and that loop took a core from them: on 2 cores a 1024^3
 * matmul spent 20-50% of its CPU there and ran 1.5-2x slower (bench/RESULTS.md, 2026-12-02).
 * Dawn looks setImmediate up on the global object at every poll, so its callbacks (anonymous
 * native functions) are polled 1 ms apart instead; every other callback keeps setImmediate.
 */
function pollDawnEveryMillisecond(): void {
  if (dawnPollsGently) return;
  dawnPollsGently = true;
  const immediate = globalThis.setImmediate;
  const nativeSource = 'function () { [native code] }';
  const gentle = (fn: (...args: unknown[]) => void, ...args: unknown[]) =>
    fn.name === '' && Function.prototype.toString.call(fn) === nativeSource ? setTimeout(fn, 1, ...args) : immediate(fn, ...args);
  // Object.assign keeps util.promisify(setImmediate) working (its custom symbol is enumerable).
  globalThis.setImmediate = Object.assign(gentle, immediate) as unknown as typeof setImmediate;
}

async function trySwiftshader(): Promise<Gpu> {
  const icd = process.env.FIANET_SWIFTSHADER_ICD ?? SWIFTSHADER_ICDS.find((p) => existsSync(p));
  if (!icd) throw new Error(`no SwiftShader Vulkan ICD found (looked at ${SWIFTSHADER_ICDS.join(', ')}; Debian's chromium package ships one)`);
  process.env.VK_ICD_FILENAMES = icd;
  ensureRuntimeDir();
  pollDawnEveryMillisecond();
  const gpu = create(['backend=vulkan', EXACT_TIMESTAMPS]);
  instances.push(gpu);
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error(`Dawn found no Vulkan adapter with ICD ${icd} (is libvulkan1 installed?)`);
  return openDevice(adapter, 'swiftshader', 'vulkan', 'core');
}

const attempts: Record<Exclude<AdapterKind, 'auto'>, () => Promise<Gpu>> = {
  gpu: tryGpu,
  llvmpipe: tryLlvmpipe,
  swiftshader: trySwiftshader,
};

export function parseAdapterKind(value: string | undefined): AdapterKind {
  const kind = (value ?? process.env.FIANET_ADAPTER ?? 'auto').toLowerCase();
  if (!(ADAPTER_KINDS as readonly string[]).includes(kind)) {
    throw new FianetError('bad-input', `unknown adapter '${kind}': expected one of ${ADAPTER_KINDS.join(', ')}`);
  }
  return kind as AdapterKind;
}

/** Opens a device of the requested kind; 'auto' tries a real GPU, then llvmpipe, then SwiftShader. */
export async function nodeGpu(kind: AdapterKind = parseAdapterKind(undefined)): Promise<Gpu> {
  // Dawn's Node bindings expect the WebGPU globals (GPUBufferUsage, ...) to exist.
  Object.assign(globalThis, globals);
  const order = kind === 'auto' ? (['gpu', 'llvmpipe', 'swiftshader'] as const) : [kind];
  const failures: string[] = [];
  for (const k of order) {
    try {
      // 'auto' looks for a GPU only where one could be; --adapter gpu always asks Dawn.
      return await (k === 'gpu' ? tryGpu(kind === 'auto') : attempts[k]());
    } catch (e) {
      failures.push(`  ${k}: ${(e as Error).message}`);
    }
  }
  throw new FianetError(
    'no-device',
    `no WebGPU adapter could be opened (tried ${order.join(', ')}):\n${failures.join('\n')}\n` +
      'To run on the CPU install Mesa (apt-get install libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri) ' +
      'or SwiftShader (apt-get install chromium libvulkan1).',
  );
}
