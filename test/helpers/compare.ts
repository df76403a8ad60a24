/**
 * Tolerance checks that say where and by how much: |a - e| <= atol + rtol * |e| per element;
 * a failure lists the label, up to 10 mismatches (index, coordinates, actual, expected) and
 * the mismatch count, the worst error and the tensor's max-abs.
 */
import { expect } from 'vitest';

export interface Tolerance {
  atol: number;
  rtol: number;
}

function coords(i: number, shape?: readonly number[]): string {
  if (!shape) return '';
  const c: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    c.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return ` [${c.join(', ')}]`;
}

export function expectClose(label: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance, shape?: readonly number[]): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  const lines: string[] = [];
  let bad = 0;
  let worst = 0;
  let maxAbs = 0;
  let maxErr = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    maxAbs = Math.max(maxAbs, Math.abs(e));
    const err = Math.abs(a - e);
    maxErr = Math.max(maxErr, err);
    if (!(err <= tol.atol + tol.rtol * Math.abs(e))) {
      bad++;
      worst = Math.max(worst, Number.isNaN(err) ? Infinity : err);
      if (lines.length < 10) lines.push(`  ${i}${coords(i, shape)}: got ${a}, expected ${e} (|diff| ${err.toExponential(2)})`);
    }
  }
  // FIANET_REPORT_ERRORS=1 prints every check's measured error: how tolerances are derived (3-5x measured).
  if ((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FIANET_REPORT_ERRORS) console.log(`${label}: max |err| ${maxErr.toExponential(2)} (atol ${tol.atol}, rtol ${tol.rtol}, max-abs ${maxAbs.toExponential(2)})`);
  if (bad) {
    throw new Error(
      `${label}: ${bad} of ${expected.length} values outside atol ${tol.atol} + rtol ${tol.rtol} ` +
        `(worst |diff| ${worst.toExponential(2)}, max-abs ${maxAbs.toExponential(2)})\n${lines.join('\n')}`,
    );
  }
}

/** The benchmarks' generator too (their check-before-timing runs use the tests' inputs). */
export { randomArray } from '../../src/bench/random.js';
