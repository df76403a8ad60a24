/**
 * The peer workloads of issue #9, shared by every engine and by both hosts (Node, the page):
 * their shapes and FLOPs, their inputs, and how an engine's output is checked.
 *
 * - swin, bert: the ONNX models of bench/peers/export_models.py; inputs and the expected
 *   output are its *.bin files (PyTorch's float32 result), our weights the same tensors under
 *   our names (export_weights.py).
 * - matmul, conv: deterministic pseudo-random data; the output is checked at sampled points
 *   against a float64 reference (conv2dReference for the convolution).
 *
 * Tolerances: float32 engines that sum in another order differ from the reference by ~1e-6
 * (swin, bert: measured for ORT's wasm EP) to ~1e-4 (the 1024- and 5760-term sums of matmul and
 * conv); a kernel computing something else is off by O(0.1-10). The bounds below sit 10-100x
 * above the first and far below the second.
 */
import { conv2dReference } from '../../src/kernels/conv2d.js';
import { upsampleBilinearReference } from '../../src/kernels/upsample-bilinear.js';

export const WORKLOAD_NAMES = ['swin', 'bert', 'matmul', 'conv'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** Files by name: from disk in Node, over HTTP in the page. */
export interface Assets {
  bytes(file: string): Promise<Uint8Array>;
}

export interface Workload {
  name: WorkloadName;
  title: string;
  gflop: number;
  tolerance: number;
}

export const SWIN = { H: 120, W: 120, C: 128, heads: 4, window: 12, shift: 6, mlpRatio: 4, eps: 1e-5 } as const;
export const BERT = { tokens: 22, hidden: 768, heads: 12, intermediate: 3072, eps: 1e-12 } as const;
export const MATMUL = { M: 1024, N: 1024, K: 1024 } as const;
/** Decoder conv1_2 at base480: 512 channels at 60 x 60 upsampled to 120 x 120, + a 128-channel skip -> 512. */
export const CONV = { ca: 512, aSize: [60, 60], cb: 128, cout: 512, size: [120, 120], ks: 3 } as const;

const swinFlop = (() => {
  const { H, W, C, window, mlpRatio } = SWIN;
  const L = H * W;
  const n = window * window;
  return 2 * L * C * (3 * C + C + 2 * mlpRatio * C) + 2 * 2 * L * n * C;
})();
const bertFlop = (() => {
  const { tokens: n, hidden: d, intermediate } = BERT;
  return 2 * n * d * (4 * d + 2 * intermediate) + 2 * 2 * n * n * d;
})();

export const WORKLOADS: Record<WorkloadName, Workload> = {
  swin: { name: 'swin', title: 'Swin-B stage-1 SW-MSA block (120x120 tokens, C 128, 4 heads, window 12, shift 6)', gflop: swinFlop / 1e9, tolerance: 1e-4 },
  bert: { name: 'bert', title: 'BERT-base layer (22 tokens, 768, 12 heads, FFN 3072, mask)', gflop: bertFlop / 1e9, tolerance: 1e-4 },
  matmul: { name: 'matmul', title: 'matmul 1024^3', gflop: (2 * MATMUL.M * MATMUL.N * MATMUL.K) / 1e9, tolerance: 1e-3 },
  conv: {
    name: 'conv',
    title: 'decoder conv1_2 3x3 (512@60 up + 128 skip = 640 -> 512, 120x120, bias, ReLU)',
    gflop: (2 * CONV.cout * (CONV.ca + CONV.cb) * CONV.ks ** 2 * CONV.size[0] * CONV.size[1]) / 1e9,
    tolerance: 1e-3,
  },
};

export const f32 = (bytes: Uint8Array): Float32Array => new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

/** Uniform values in [-scale, scale) from a 32-bit xorshift seeded by `seed`: the same on every host. */
export function uniform(n: number, seed: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = ((s / 2 ** 32) * 2 - 1) * scale;
  }
  return out;
}

/** a [M, K] and b [N, K] (b is the weight, stored PyTorch-style: out = a b^T). */
export function matmulData(): { a: Float32Array; b: Float32Array } {
  return { a: uniform(MATMUL.M * MATMUL.K, 1), b: uniform(MATMUL.N * MATMUL.K, 2) };
}

/** Channel-first a [512, 60, 60], skip b [128, 120, 120], weight [512, 640, 3, 3], bias [512]. */
export function convData(): { a: Float32Array; b: Float32Array; weight: Float32Array; bias: Float32Array } {
  const { ca, aSize, cb, cout, size, ks } = CONV;
  const cin = ca + cb;
  return {
    a: uniform(ca * aSize[0] * aSize[1], 3),
    b: uniform(cb * size[0] * size[1], 4),
    weight: uniform(cout * cin * ks * ks, 5, 1 / Math.sqrt(cin * ks * ks)),
    bias: uniform(cout, 6, 0.1),
  };
}

/** The input a framework without a fused upsample + concat convolves: cat(up(a), b) as NHWC [1, H, W, 640]. */
export function convInputNhwc(d: ReturnType<typeof convData>): Float32Array {
  const { ca, aSize, cb, size } = CONV;
  const [h, w] = size;
  const up = upsampleBilinearReference(d.a, ca, aSize[0], aSize[1], h, w, true);
  const cin = ca + cb;
  const out = new Float32Array(h * w * cin);
  for (let p = 0; p < h * w; p++) {
    for (let c = 0; c < ca; c++) out[p * cin + c] = up[c * h * w + p];
    for (let c = 0; c < cb; c++) out[p * cin + ca + c] = d.b[c * h * w + p];
  }
  return out;
}

/** OIHW [cout, cin, 3, 3] -> HWIO [3, 3, cin, cout] (TF's filter layout). */
export function convFilterHwio(weight: Float32Array): Float32Array {
  const { cout, ca, cb, ks } = CONV;
  const cin = ca + cb;
  const out = new Float32Array(weight.length);
  for (let o = 0; o < cout; o++) {
    for (let i = 0; i < cin; i++) {
      for (let k = 0; k < ks * ks; k++) out[(k * cin + i) * cout + o] = weight[(o * cin + i) * ks * ks + k];
    }
  }
  return out;
}

/** An engine's output layout: the conv as channel-first [C, H, W] (ours) or NHWC (TF.js). */
export type Layout = 'chw' | 'hwc';

export interface Check {
  /** Largest |engine - reference| over the checked values. */
  maxAbsErr: number;
  /** Largest |reference| there: the scale the error compares with. */
  refMaxAbs: number;
  /** How many values were checked. */
  checked: number;
  ok: boolean;
}

/** Sample points: the corners and edges first, then pseudo-random positions. */
function samplePoints(count: number, dims: readonly number[], seed: number): number[][] {
  const pts: number[][] = [dims.map(() => 0), dims.map((d) => d - 1), dims.map((d, i) => (i === 0 ? 0 : d - 1)), dims.map((d, i) => (i === 0 ? d - 1 : 0))];
  const r = uniform(count * dims.length, seed);
  for (let i = pts.length; i < count; i++) pts.push(dims.map((d, j) => Math.min(d - 1, Math.floor(((r[i * dims.length + j] + 1) / 2) * d))));
  return pts;
}

/** A checker per workload: built once (it loads the expected output or data), applied to each engine's output. */
export async function checker(w: WorkloadName, assets: Assets): Promise<(out: Float32Array, layout?: Layout) => Check> {
  const tol = WORKLOADS[w].tolerance;
  const result = (maxAbsErr: number, refMaxAbs: number, checked: number): Check => ({ maxAbsErr, refMaxAbs, checked, ok: maxAbsErr <= tol });
  if (w === 'swin' || w === 'bert') {
    const expected = f32(await assets.bytes(`${w === 'swin' ? 'swin_block' : 'bert_layer'}.out.bin`));
    return (out) => {
      if (out.length !== expected.length) throw new Error(`${w}: output has ${out.length} values, expected ${expected.length}`);
      let err = 0;
      let ref = 0;
      for (let i = 0; i < expected.length; i++) {
        const e = Math.abs(out[i] - expected[i]);
        err = Number.isNaN(e) ? Infinity : Math.max(err, e);
        ref = Math.max(ref, Math.abs(expected[i]));
      }
      return result(err, ref, expected.length);
    };
  }
  if (w === 'matmul') {
    const { a, b } = matmulData();
    const { M, N, K } = MATMUL;
    const pts = samplePoints(256, [M, N], 7).map(([i, j]) => {
      let s = 0;
      for (let k = 0; k < K; k++) s += a[i * K + k] * b[j * K + k];
      return { at: i * N + j, ref: s };
    });
    return (out) => compare(out, pts, result);
  }
  const d = convData();
  const { ca, aSize, cout, size, ks } = CONV;
  const at = conv2dReference({
    aData: d.a, a: { channels: ca, size: aSize, offset: 0, cstride: aSize[0] * aSize[1], pstride: 1 }, bData: d.b,
    size, weight: d.weight, cout, ks, bias: d.bias, act: 'relu',
  });
  const [h, wd] = size;
  const pts = samplePoints(96, [cout, h, wd], 8).map(([m, y, x]) => ({ m, p: y * wd + x, ref: at(m, y, x) }));
  return (out, layout = 'chw') => compare(out, pts.map(({ m, p, ref }) => ({ at: layout === 'chw' ? m * h * wd + p : p * cout + m, ref })), result);
}

function compare(out: Float32Array, pts: Array<{ at: number; ref: number }>, result: (e: number, r: number, n: number) => Check): Check {
  let err = 0;
  let ref = 0;
  for (const p of pts) {
    const e = Math.abs(out[p.at] - p.ref);
    err = Number.isNaN(e) ? Infinity : Math.max(err, e);
    ref = Math.max(ref, Math.abs(p.ref));
  }
  return result(err, ref, pts.length);
}
