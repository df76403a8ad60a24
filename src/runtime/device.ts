// The GPU* types of the declarations come from here; it is a dependency so consumers have it.
/// <reference types="@webgpu/types" preserve="true" />
/**
 * Device acquisition on top of any `GPU` object (navigator.gpu in browsers, Dawn's in Node).
 * Requests the limits the kernels need (the WebGPU defaults are too small: 128 invocations
 * per workgroup, 128 MiB bindings) and turns device loss and uncaptured errors into
 * FianetErrors instead of hangs or silent corruption.
 */
import { FianetError } from '../errors.js';

export interface AdapterDescription {
  /** What the user selected or what auto-detection picked: 'gpu', 'llvmpipe', 'swiftshader', 'browser'. */
  kind: string;
  backend: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  featureLevel: 'core' | 'compatibility';
  features: string[];
  limits: Record<string, number>;
  /** The adapter's subgroup sizes, where the device has 'subgroups' (SwiftShader: 4 and 4). */
  subgroupSizes?: { min: number; max: number };
}

export interface Gpu {
  device: GPUDevice;
  adapter: AdapterDescription;
  /** Throws the first error the device reported since the last call (or a loss). */
  check(): void;
  /** Resolves once a loss the device is about to report has been recorded, or after a short wait: a failed map or submit often settles before the device-lost event. */
  settle(): Promise<void>;
  destroy(): void;
}

/** How long a failed GPU operation waits for the device-lost report that explains it. */
const SETTLE_MS = 200;

/** Limits a FIANet graph wants, capped by what the adapter offers. */
const WANTED_LIMITS = [
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupStorageSize',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxStorageBuffersPerShaderStage',
  'maxComputeWorkgroupsPerDimension',
  'maxUniformBufferBindingSize',
  'maxUniformBuffersPerShaderStage',
] as const;

export function describeLimits(limits: GPUSupportedLimits): Record<string, number> {
  const out: Record<string, number> = {};
  // GPUSupportedLimits fields are getters on the prototype, so enumerate the prototype.
  for (const key of Object.keys(Object.getPrototypeOf(limits) ?? {}).concat(Object.keys(limits))) {
    const value = (limits as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number') out[key] = value;
  }
  return out;
}

export async function openDevice(
  adapter: GPUAdapter,
  kind: string,
  backend: string,
  featureLevel: 'core' | 'compatibility',
): Promise<Gpu> {
  const requiredLimits: Record<string, number> = {};
  for (const name of WANTED_LIMITS) requiredLimits[name] = adapter.limits[name];
  const requiredFeatures = (['timestamp-query', 'shader-f16', 'subgroups'] as GPUFeatureName[]).filter((f) =>
    adapter.features.has(f),
  );
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({ requiredLimits, requiredFeatures, label: `fianet:${kind}` });
  } catch (e) {
    throw new FianetError('no-device', `requestDevice failed on the ${kind} adapter: ${(e as Error).message}`);
  }
  let pending: FianetError | undefined;
  let lost: FianetError | undefined;
  device.addEventListener('uncapturederror', (event) => {
    const message = (event as GPUUncapturedErrorEvent).error.message;
    pending ??= new FianetError('device-error', `GPU error on the ${kind} adapter: ${message}`);
  });
  let destroyed = false;
  const lostRecorded = device.lost.then((info) => {
    if (!destroyed) {
      lost = new FianetError('device-error', `the GPU device was lost (${info.reason}${info.message ? `: ${info.message}` : ''}); load the model again on a new device`);
    }
  });
  const info = adapter.info;
  return {
    device,
    adapter: {
      kind,
      backend,
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      featureLevel,
      features: [...device.features].sort(),
      limits: describeLimits(device.limits),
      ...(device.features.has('subgroups') ? { subgroupSizes: { min: info.subgroupMinSize ?? 0, max: info.subgroupMaxSize ?? 0 } } : {}),
    },
    check() {
      if (lost) throw lost;
      const error = pending;
      pending = undefined;
      if (error) throw error;
    },
    async settle() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([lostRecorded, new Promise((resolve) => (timer = setTimeout(resolve, SETTLE_MS)))]);
      clearTimeout(timer);
    },
    destroy() {
      destroyed = true;
      device.destroy();
    },
  };
}

/**
 * CPU implementations of WebGPU (their compute runs on the host's cores), from an opened
 * adapter's description or a GPUAdapterInfo (no `kind`: auto-detection in gpu-node.ts).
 */
export function isCpuAdapter(a: Pick<AdapterDescription, 'description' | 'architecture' | 'device' | 'vendor'> & { kind?: string }): boolean {
  if (a.kind === 'llvmpipe' || a.kind === 'swiftshader') return true;
  return /llvmpipe|swiftshader|lavapipe|softpipe|warp/i.test(`${a.description} ${a.architecture} ${a.device} ${a.vendor}`);
}

/** Browser entry: navigator.gpu, same API above it. */
export async function browserGpu(): Promise<Gpu> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) {
    throw new FianetError(
      'no-device',
      'this browser does not expose WebGPU (navigator.gpu is missing): use a recent Chrome/Edge, or Chromium with --enable-unsafe-webgpu',
    );
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new FianetError('no-device', 'navigator.gpu.requestAdapter() returned no adapter');
  const featureLevel = adapter.features.has('core-features-and-limits' as GPUFeatureName) ? 'core' : 'compatibility';
  return openDevice(adapter, 'browser', 'browser', featureLevel);
}
