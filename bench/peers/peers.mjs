// The peers on the same workloads, host-agnostic (Node or the page hands in the loaded
// modules): ONNX Runtime Web's WebGPU and wasm execution providers on the two ONNX models,
// TF.js's WebGPU backend on the matmul and the convolution. Each run is a user's call: host
// inputs in, host output out, weights resident (ORT's session, TF.js tensors made once).
import { convData, convFilterHwio, convInputNhwc, CONV, f32, MATMUL, matmulData } from './workloads.ts';

const ONNX_FILES = { swin: 'swin_block', bert: 'bert_layer' };

/** ORT session on `ep` ('webgpu' or 'wasm') for the ONNX workload `w`; default session options otherwise. */
export async function prepareOrt(ort, ep, w, assets) {
  const file = ONNX_FILES[w];
  const session = await ort.InferenceSession.create(await assets.bytes(`${file}.onnx`), { executionProviders: [ep] });
  const meta = JSON.parse(new TextDecoder().decode(await assets.bytes(`${file}.json`)));
  const feeds = {};
  for (const input of meta.inputs) feeds[input.name] = new ort.Tensor('float32', f32(await assets.bytes(`${file}.${input.name}.bin`)), input.shape);
  let last;
  return {
    async run() {
      const result = await session.run(feeds);
      last = result.out.data;
    },
    output: () => last,
    destroy: () => session.release(),
  };
}

/** TF.js (backend already set) on 'matmul' or 'conv'. */
export async function prepareTfjs(tf, w) {
  let weights;
  let make;
  if (w === 'matmul') {
    const { a, b } = matmulData();
    weights = [tf.tensor2d(b, [MATMUL.N, MATMUL.K])];
    make = () => {
      const x = tf.tensor2d(a, [MATMUL.M, MATMUL.K]);
      return [x, tf.matMul(x, weights[0], false, true)];
    };
  } else if (w === 'conv') {
    const d = convData();
    const { ca, cb, cout, size, ks } = CONV;
    const input = convInputNhwc(d);
    weights = [tf.tensor4d(convFilterHwio(d.weight), [ks, ks, ca + cb, cout]), tf.tensor1d(d.bias)];
    make = () => {
      const x = tf.tensor4d(input, [1, size[0], size[1], ca + cb]);
      return [x, tf.fused.conv2d({ x, filter: weights[0], strides: 1, pad: 'same', bias: weights[1], activation: 'relu' })];
    };
  } else throw new Error(`TF.js runs matmul and conv, not ${w}`);
  let last;
  return {
    async run() {
      const [x, y] = make();
      try {
        last = await y.data();
      } finally {
        x.dispose();
        y.dispose();
      }
    },
    output: () => last,
    layout: 'hwc',
    destroy: () => weights.forEach((t) => t.dispose()),
  };
}

/**
 * The four engines and the workloads each runs, the same on every host; the host says how to
 * get each one's runtime (each loader is called once, on first use): `ourGpu()` our engine's
 * device, `loadOrt('webgpu' | 'wasm')` an ORT module, `loadTf()` TF.js with its WebGPU
 * backend set. ORT's wasm EP gets `threads` threads.
 */
export function makeEngines({ ourGpu, loadOrt, loadTf, threads, assets, prepareOurs }) {
  const once = (load) => {
    let p;
    return () => (p ??= load());
  };
  const ours = once(ourGpu);
  const ortWebgpu = once(() => loadOrt('webgpu'));
  const ortWasm = once(async () => {
    const ort = await loadOrt('wasm');
    ort.env.wasm.numThreads = threads;
    return ort;
  });
  const tf = once(loadTf);
  return {
    ours: { label: 'ours', workloads: ['swin', 'bert', 'matmul', 'conv'], prepare: async (w) => prepareOurs(await ours(), w, assets) },
    'ort-webgpu': { label: 'ORT-web WebGPU EP', workloads: ['swin', 'bert'], prepare: async (w) => prepareOrt(await ortWebgpu(), 'webgpu', w, assets) },
    'ort-wasm': { label: `ORT-web wasm EP (${threads} threads)`, workloads: ['swin', 'bert'], prepare: async (w) => prepareOrt(await ortWasm(), 'wasm', w, assets) },
    'tfjs-webgpu': { label: 'TF.js WebGPU', workloads: ['matmul', 'conv'], prepare: async (w) => prepareTfjs(await tf(), w) },
  };
}

/** TF.js's backend choice, with a clear error when its WebGPU backend cannot start. */
export async function useTfjsWebgpu(tf) {
  if (!(await tf.setBackend('webgpu'))) throw new Error('TF.js could not start its WebGPU backend');
  return tf;
}
