// The page side (bundled by run.mjs into dist/page.js): every engine on the page's
// navigator.gpu (SwiftShader in headless Chromium), in this one page. ORT is loaded from its
// own dist files (served at /ort/, as a site would host them: its wasm and worker scripts sit
// next to them); TF.js and our engine are bundled here.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import { browserGpu } from '../../src/runtime/device.ts';
import { prepareOurs } from './ours.ts';
import { makeEngines, useTfjsWebgpu } from './peers.mjs';
import { makeHost, recordAdapters } from './host.mjs';

const adapters = { current: undefined, seen: [] };
recordAdapters(navigator.gpu, adapters);
const assets = {
  async bytes(file) {
    const res = await fetch(`/models/${file}`);
    if (!res.ok) throw new Error(`GET /models/${file}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  },
};
const threads = navigator.hardwareConcurrency;

async function loadOrt(file) {
  const url = `/ort/${file}`;
  const ort = await import(url);
  ort.env.wasm.wasmPaths = '/ort/';
  return ort;
}

const engines = makeEngines({
  threads,
  assets,
  prepareOurs,
  ourGpu: browserGpu,
  loadOrt: (ep) => loadOrt(ep === 'webgpu' ? 'ort.webgpu.min.mjs' : 'ort.wasm.min.mjs'),
  loadTf: () => useTfjsWebgpu(tf),
});

window.peerBench = { ...makeHost({ engines, assets, adapters }), crossOriginIsolated: () => crossOriginIsolated };
