/**
 * The one way tests compare a computed tensor with an expected one.
 * - `expectClose`: |a - e| <= atol + rtol * |e| per element; a failure lists the label, up to 10
 *   mismatches (index, coordinates, got, expected), the mismatch count, the worst error and the
 *   tensor's max-abs.
 * - `measureError` / `expectWithin`: the max abs error next to the expected tensor's max-abs and a
 *   tolerance (absolute, or derived from that max-abs), as the fixture checks report it; a failure
 *   names the tensor, the worst index, got and expected.
 * - `maskMismatches`: mask pixels that flip, split by the stored logit margin.
 * - `compareLogits`: how two runs of one model agree on the logits (f16 weights against f32).
 * FIANET_REPORT_ERRORS=1 prints every check's measured error: how tolerances are derived (3-5x measured).
 */
import { expect } from 'vitest';

/** Per element |a - e| <= atol + rtol * |e|; atol may be derived from the expected tensor's max-abs. */
export interface Tolerance {
  atol: Atol;
  rtol: number;
}

export interface Measured {
  name: string;
  maxAbsErr: number;
  maxAbs: number;
  atol: number;
  /** Where the error is largest (-1 when nothing differs), and the two values there. */
  worst?: { index: number; got: number; expected: number };
}

/** An absolute tolerance, or one computed from the stored tensor's max-abs (e.g. 5e-5 x max-abs). */
export type Atol = number | ((maxAbs: number) => number);

const reportErrors = (): boolean => Boolean((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FIANET_REPORT_ERRORS);

function coords(i: number, shape?: readonly number[]): string {
  if (!shape) return '';
  const c: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    c.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return ` [${c.join(', ')}]`;
}

/** Max abs error (NaN counts as Infinity), where it is, and the expected tensor's max-abs. */
function scan(actual: ArrayLike<number>, expected: ArrayLike<number>): { maxAbsErr: number; maxAbs: number; index: number } {
  let maxAbsErr = 0;
  let maxAbs = 0;
  let index = -1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    const err = Number.isNaN(d) ? Infinity : d;
    if (err > maxAbsErr) [maxAbsErr, index] = [err, i];
    maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
  }
  return { maxAbsErr, maxAbs, index };
}

/** The largest |actual - expected| (NaN counts as Infinity). */
export function maxAbsError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length, 'max abs error: length').toBe(expected.length);
  return scan(actual, expected).maxAbsErr;
}

export function expectClose(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance, shape?: readonly number[]): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  const { maxAbsErr, maxAbs } = scan(actual, expected);
  const atol = typeof tol.atol === 'number' ? tol.atol : tol.atol(maxAbs);
  const lines: string[] = [];
  let bad = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= atol + tol.rtol * Math.abs(expected[i]))) {
      bad++;
      worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
      if (lines.length < 10) lines.push(`  ${i}${coords(i, shape)}: got ${actual[i]}, expected ${expected[i]} (|diff| ${err.toExponential(2)})`);
    }
  }
  if (reportErrors()) console.log(`${label}: max |err| ${maxAbsErr.toExponential(2)} (atol ${atol.toExponential(2)}, rtol ${tol.rtol}, max-abs ${maxAbs.toExponential(2)})`);
  if (bad) {
    throw new Error(
      `${label}: ${bad} of ${expected.length} values outside atol ${atol.toExponential(2)} + rtol ${tol.rtol} ` +
        `(worst |diff| ${worst.toExponential(2)}, max-abs ${maxAbs.toExponential(2)})\n${lines.join('\n')}`,
    );
  }
}

export function measureError(name: string, actual: ArrayLike<number>, expected: ArrayLike<number>, atol: Atol): Measured {
  expect(actual.length, `${name}: length`).toBe(expected.length);
  const { maxAbsErr, maxAbs, index } = scan(actual, expected);
  const worst = index < 0 ? undefined : { index, got: actual[index], expected: expected[index] };
  return { name, maxAbsErr, maxAbs, atol: typeof atol === 'number' ? atol : atol(maxAbs), ...(worst ? { worst } : {}) };
}

/** One line per result: the max error, absolute and relative to the stored max-abs, and the tolerance. */
export function formatMeasured(results: readonly Measured[]): string {
  return results.map((r) => `${r.name}: max |err| ${r.maxAbsErr.toExponential(2)} = ${(r.maxAbsErr / r.maxAbs).toExponential(2)} x max-abs ${r.maxAbs.toPrecision(4)} (atol ${r.atol.toExponential(2)})`).join('\n');
}

/** Fails on the first result whose error exceeds its tolerance, naming the tensor, index, got and expected. */
export function expectWithin(results: readonly Measured[]): void {
  for (const r of results) {
    const at = r.worst ? ` at ${r.worst.index}: got ${r.worst.got}, expected ${r.worst.expected}` : '';
    expect(r.maxAbsErr, `${r.name}: max |err|${at} vs atol ${r.atol}`).toBeLessThanOrEqual(r.atol);
  }
}

/**
 * Mask pixels (of S x S; `logits` are the stored [2, S, S]) that differ from the stored mask
 * where the stored logit margin is at least `exempt`, as maxAbsErr against atol 0, and how
 * many differ in all.
 */
export function maskMismatches(name: string, mask: ArrayLike<number>, expected: ArrayLike<number>, logits: ArrayLike<number>, exempt: number): Measured & { flipped: number } {
  const n = expected.length;
  let bad = 0;
  let flipped = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] === expected[i]) continue;
    flipped++;
    if (Math.abs(logits[n + i] - logits[i]) >= exempt) bad++;
  }
  if (flipped) console.log(`${name}: ${flipped} pixels flipped, ${flipped - bad} of them with margin < ${exempt.toExponential(2)}`);
  return { name, maxAbsErr: bad, maxAbs: 1, atol: 0, flipped };
}

/**
 * Two runs' logits [2, S, S] (f16 weights against f32): max abs difference, that over the f32
 * logits' max-abs, mask pixels that differ and how many of them have an f32 margin beyond 2 `atol`.
 */
export function compareLogits(f32: Float32Array, f16: Float32Array, atol: number): { maxAbs: number; rel: number; flips: number; flipsBeyond: number } {
  const { maxAbsErr, maxAbs } = scan(f16, f32);
  const n = f32.length / 2;
  let [flips, flipsBeyond] = [0, 0];
  for (let i = 0; i < n; i++) {
    if (f32[n + i] > f32[i] !== f16[n + i] > f16[i]) {
      flips++;
      if (Math.abs(f32[n + i] - f32[i]) > 2 * atol) flipsBeyond++;
    }
  }
  return { maxAbs: maxAbsErr, rel: maxAbsErr / maxAbs, flips, flipsBeyond };
}

/**
 * Tolerance of a K-term float32 dot product of O(1) inputs: 2e-7 K, 3.6-5x the error measured on
 * llvmpipe and SwiftShader; its one home is src/kernels/matmul.ts, where the benchmarks take it too.
 */
export { matmulAtol as productAtol } from '../../src/kernels/matmul.js';

/** The benchmarks' generator too (their check-before-timing runs use the tests' inputs). */
export { randomArray } from '../../src/bench/random.js';
