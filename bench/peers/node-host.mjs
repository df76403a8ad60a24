// The Node side: every engine on Dawn's llvmpipe adapter (OpenGL ES, compatibility mode), in
// this one process. Ours opens it as src/node/gpu-node.ts does; the peers get it through a
// navigator.gpu from the same `webgpu` package, with two shims:
//  - every requestAdapter asks for featureLevel 'compatibility' (llvmpipe through OpenGL ES
//    offers no core adapter; ORT's and TF.js's requests name no feature level);
//  - GPUQueue.writeBuffer copies views on a SharedArrayBuffer into a plain buffer first (Dawn's
//    Node bindings reject SharedArrayBuffer, and ORT's threaded wasm heap is one).
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { create, globals } from 'webgpu';
import { nodeGpu } from '../../src/node/gpu-node.ts';
import { prepareOurs } from './ours.ts';
import { makeEngines, useTfjsWebgpu } from './peers.mjs';
import { makeHost, recordAdapters } from './host.mjs';

function shimWriteBuffer() {
  const write = GPUQueue.prototype.writeBuffer;
  GPUQueue.prototype.writeBuffer = function (buffer, offset, data, ...rest) {
    const shared = ArrayBuffer.isView(data) ? data.buffer instanceof SharedArrayBuffer : data instanceof SharedArrayBuffer;
    if (shared) data = ArrayBuffer.isView(data) ? new data.constructor(data) : new Uint8Array(new Uint8Array(data)).buffer;
    return write.call(this, buffer, offset, data, ...rest);
  };
}

export async function nodeHost({ modelsDir }) {
  Object.assign(globalThis, globals);
  shimWriteBuffer();
  // What nodeGpu('llvmpipe') does for its own instance: EGL without a display server.
  process.env.EGL_PLATFORM ??= 'surfaceless';
  const adapters = { current: undefined, seen: [] };
  const gpu = create(['backend=opengles']);
  recordAdapters(gpu, adapters, (o) => ({ ...o, featureLevel: 'compatibility' }));
  Object.defineProperty(globalThis, 'navigator', { value: { gpu, hardwareConcurrency: availableParallelism() }, configurable: true });

  const assets = { bytes: async (file) => new Uint8Array(await readFile(join(modelsDir, file))) };
  const engines = makeEngines({
    threads: availableParallelism(),
    assets,
    prepareOurs,
    async ourGpu() {
      const gpu = await nodeGpu('llvmpipe');
      const a = gpu.adapter;
      adapters.seen.push({ by: 'ours', info: [a.vendor, a.architecture, a.device, a.description].filter(Boolean).join(' / ') });
      return gpu;
    },
    loadOrt: (ep) => (ep === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web')),
    async loadTf() {
      const tf = await import('@tensorflow/tfjs-core');
      await import('@tensorflow/tfjs-backend-webgpu');
      return useTfjsWebgpu(tf);
    },
  });
  return makeHost({ engines, assets, cpuUsage: (prev) => process.cpuUsage(prev), adapters });
}
