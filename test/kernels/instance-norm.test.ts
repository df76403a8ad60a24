/**
 * instance-norm against a float64 reference. Outputs are O(1) (normalised); the float32
 * error is dominated by the per-lane running sums of the mean (up to 900 terms at 14400 rows,
 * ~sqrt(900) * 2^-24 of max|x| typically) times rstd: atol 3e-6 (measured on llvmpipe and
 * SwiftShader: at most 7.8e-7; 0 for the constant column).
 */
import { describe, it } from 'vitest';
import { instanceNormOp, instanceNormReference } from '../../src/kernels/instance-norm.js';
import { expectClose, randomArray } from '../helpers/compare.js';
import { runGraph } from '../helpers/gpu.js';

describe('instance-norm', () => {
  const shapes: Array<[number, number]> = [[1, 1], [2, 1], [7, 3], [17, 33], [576, 16], [1600, 32], [225, 1024], [14400, 128]];
  for (const [rows, cols] of shapes) {
    it(`${rows} x ${cols}`, async () => {
      // A per-column offset and scale, so the mean matters (as after a 1x1 projection).
      const x = randomArray(rows * cols, rows * 7 + cols).map((v, i) => v * (1 + (i % cols) * 0.1) + ((i % cols) % 5) - 2);
      const { y } = await runGraph((g) => ({ y: instanceNormOp(g, 'in', g.input('x', [rows, cols]), 1e-5) }), { x });
      expectClose('instance-norm', y, instanceNormReference(x, rows, cols, 1e-5), { atol: 3e-6, rtol: 0 }, [rows, cols]);
    });
  }

  for (const [rows, cols] of [[13, 5], [576, 48]] as Array<[number, number]>) {
    it(`${rows} x ${cols} with the fused multiply and residual`, async () => {
      const x = randomArray(rows * cols, 1, -3, 4);
      const m = randomArray(rows * cols, 2);
      const r = randomArray(rows * cols, 3);
      const { a, b } = await runGraph((g) => {
        const xt = g.input('x', [rows, cols]);
        return {
          a: instanceNormOp(g, 'in_mul', xt, 1e-5, { mul: g.input('m', [rows, cols]) }),
          b: instanceNormOp(g, 'in_res', xt, 1e-5, { residual: g.input('r', [rows, cols]) }),
        };
      }, { x, m, r });
      expectClose('instance-norm * m', a, instanceNormReference(x, rows, cols, 1e-5, { mul: m }), { atol: 3e-6, rtol: 0 }, [rows, cols]);
      expectClose('instance-norm + r', b, instanceNormReference(x, rows, cols, 1e-5, { residual: r }), { atol: 3e-6, rtol: 0 }, [rows, cols]);
    });
  }

  it('maps a constant column to ~0 (eps keeps rstd finite)', async () => {
    const x = new Float32Array(100 * 3).fill(0.7);
    const { y } = await runGraph((g) => ({ y: instanceNormOp(g, 'in', g.input('x', [100, 3]), 1e-5) }), { x });
    expectClose('constant', y, new Float64Array(300), { atol: 3e-6, rtol: 0 });
  });
});
