/**
 * im2col-blocks against a float64 reference of the blocked im2col matrix: 1x1 and 3x3
 * kernels, a 1x1 map, odd sizes, A upsampled (align_corners=true) and concatenated with B,
 * A read through channel-slice and token-major views, K not a multiple of KC and M not a
 * multiple of MB (the padding must be exact zeros). Values are copies of inputs except the
 * upsampled ones (a few float32 roundings of values in [-1, 1]): atol 3e-7, rtol 0 (measured on
 * llvmpipe and SwiftShader: 0 for copies, 7.8e-8 for the upsampled case).
 */
import { describe, it } from 'vitest';
import { checkConv2dArgs, type ConvInput } from '../../src/kernels/conv2d.js';
import { im2colBlocksOp } from '../../src/kernels/im2col-blocks.js';
import { upsampleBilinearReference } from '../../src/kernels/upsample-bilinear.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { convInputLength, convInputView, type ConvInputCase } from '../helpers/conv-case.js';
import { runGraph } from '../helpers/gpu.js';

interface Case extends ConvInputCase {
  name: string;
  cb: number;
  ks: number;
  KC: number;
  MB: number;
}

const CASES: Case[] = [
  { name: '1x1 map, 3x3, one channel', ca: 1, cb: 0, ks: 3, size: [1, 1], KC: 16, MB: 1024 },
  { name: 'odd 7x5, K 45 in blocks of 16, M 35 in blocks of 16', ca: 5, cb: 0, ks: 3, size: [7, 5], KC: 16, MB: 16 },
  { name: 'A upsampled 3x2 -> 9x7 + B, K 63 in blocks of 32', ca: 4, cb: 3, ks: 3, size: [9, 7], aSize: [3, 2], KC: 32, MB: 64 },
  { name: 'A upsampled 1x1 -> 2x3 + B', ca: 2, cb: 1, ks: 3, size: [2, 3], aSize: [1, 1], KC: 16, MB: 16 },
  { name: '1x1 kernel on a channel slice', ca: 11, cb: 0, ks: 1, size: [5, 3], view: { total: 30, from: 7, tokens: false }, KC: 16, MB: 16 },
  { name: '3x3 on a token-major channel slice', ca: 6, cb: 2, ks: 3, size: [4, 6], view: { total: 21, from: 9, tokens: true }, KC: 16, MB: 32 },
];

/** Ab [ceil(M/MB)][ceil(K/KC)][MB][KC] in float64, by the definition in im2col-blocks.ts. */
function reference(c: Case, a: Float32Array, b: Float32Array, view: ConvInput): Float64Array {
  const [h, w] = c.size;
  const [ha, wa] = c.aSize ?? c.size;
  const gathered = new Float64Array(c.ca * ha * wa);
  for (let ch = 0; ch < c.ca; ch++) for (let p = 0; p < ha * wa; p++) gathered[ch * ha * wa + p] = a[view.offset + ch * view.cstride + p * view.pstride];
  const up = ha === h && wa === w ? gathered : upsampleBilinearReference(gathered, c.ca, ha, wa, h, w, true);
  const input = (ch: number, y: number, x: number) => (ch < c.ca ? up[(ch * h + y) * w + x] : b[((ch - c.ca) * h + y) * w + x]);
  const [M, K, pad] = [h * w, (c.ca + c.cb) * c.ks * c.ks, (c.ks - 1) / 2];
  const KB = Math.ceil(K / c.KC);
  const out = new Float64Array(Math.ceil(M / c.MB) * KB * c.MB * c.KC);
  for (let m = 0; m < M; m++) {
    for (let k = 0; k < K; k++) {
      const [ch, t] = [Math.floor(k / (c.ks * c.ks)), k % (c.ks * c.ks)];
      const y = Math.floor(m / w) + Math.floor(t / c.ks) - pad;
      const x = (m % w) + (t % c.ks) - pad;
      const v = y >= 0 && y < h && x >= 0 && x < w ? input(ch, y, x) : 0;
      out[((Math.floor(m / c.MB) * KB + Math.floor(k / c.KC)) * c.MB + (m % c.MB)) * c.KC + (k % c.KC)] = v;
    }
  }
  return out;
}

describe('im2col-blocks', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const [h, w] = c.size;
      const aLen = convInputLength(c);
      const a = randomArray(aLen, 1 + c.ca);
      const b = randomArray(Math.max(1, c.cb * h * w), 2 + c.cb);
      const { y } = await runGraph(
        (g) => {
          const args = {
            a: convInputView(c, g.input('a', [aLen])),
            b: c.cb ? g.input('b', [c.cb, h, w]) : undefined,
            size: c.size,
            weight: g.weight('w', [1, c.ca + c.cb, c.ks, c.ks], new Float32Array((c.ca + c.cb) * c.ks * c.ks)),
          };
          return { y: im2colBlocksOp(g, 'im2col', args, checkConv2dArgs(g, 'im2col', args), { KC: c.KC, MB: c.MB }) };
        },
        { a, ...(c.cb ? { b } : {}) },
      );
      const view = convInputView(c, { id: 0, shape: [aLen], dtype: 'f32', kind: 'input', label: 'a' });
      const expected = reference(c, a, b, view);
      const KB = Math.ceil(((c.ca + c.cb) * c.ks * c.ks) / c.KC);
      expectClose(c.name, y, expected, { atol: 3e-7, rtol: 0 }, [Math.ceil((h * w) / c.MB), KB, c.MB, c.KC]);
    });
  }
});
