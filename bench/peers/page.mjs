// The page side (bundled by run.mjs into dist/page.js): every engine on the page's
// navigator.gpu (SwiftShader in headless Chromium), in this one page. ORT is loaded from its
// own dist files (served at /ort/, as a site would host them: its wasm and worker scripts sit
// next to them); TF.js and our engine are bundled here.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import { browserGpu } from '../../src/runtime/device.ts';
import { prepareOurs } from './ours.ts';
import { prepareOrt, prepareTfjs } from './peers.mjs';
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

let ours;
let ortWebgpu;
let ortWasm;
let tfReady;
const engines = {
  ours: {
    label: 'ours',
    workloads: ['swin', 'bert', 'matmul', 'conv'],
    async prepare(w) {
      ours ??= await browserGpu();
      return prepareOurs(ours, w, assets);
    },
  },
  'ort-webgpu': {
    label: 'ORT-web WebGPU EP',
    workloads: ['swin', 'bert'],
    async prepare(w) {
      ortWebgpu ??= await loadOrt('ort.webgpu.min.mjs');
      return prepareOrt(ortWebgpu, 'webgpu', w, assets);
    },
  },
  'ort-wasm': {
    label: `ORT-web wasm EP (${threads} threads)`,
    workloads: ['swin', 'bert'],
    async prepare(w) {
      if (!ortWasm) {
        ortWasm = await loadOrt('ort.wasm.min.mjs');
        ortWasm.env.wasm.numThreads = threads;
      }
      return prepareOrt(ortWasm, 'wasm', w, assets);
    },
  },
  'tfjs-webgpu': {
    label: 'TF.js WebGPU',
    workloads: ['matmul', 'conv'],
    async prepare(w) {
      tfReady ??= tf.setBackend('webgpu').then((ok) => {
        if (!ok) throw new Error('TF.js could not start its WebGPU backend');
      });
      await tfReady;
      return prepareTfjs(tf, w);
    },
  },
};

window.peerBench = { ...makeHost({ engines, assets, adapters }), crossOriginIsolated: () => crossOriginIsolated };
