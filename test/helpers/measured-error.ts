/**
 * How far a computed tensor is from a fixture's, as the fixture checks report it: the max
 * abs error next to the stored tensor's max-abs and the tolerance (absolute, or derived from
 * that max-abs); and the mask pixels that flip, split by the stored logit margin.
 */
import { expect } from 'vitest';

export interface Measured {
  name: string;
  maxAbsErr: number;
  maxAbs: number;
  atol: number;
}

/** An absolute tolerance, or one computed from the stored tensor's max-abs (e.g. 5e-5 x max-abs). */
export type Atol = number | ((maxAbs: number) => number);

export function measureError(name: string, actual: ArrayLike<number>, expected: ArrayLike<number>, atol: Atol): Measured {
  expect(actual.length, `${name}: length`).toBe(expected.length);
  let maxAbsErr = 0;
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    maxAbsErr = Number.isNaN(err) ? Infinity : Math.max(maxAbsErr, err);
    maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
  }
  return { name, maxAbsErr, maxAbs, atol: typeof atol === 'number' ? atol : atol(maxAbs) };
}

/** One line per result: the max error, absolute and relative to the stored max-abs, and the tolerance. */
export function formatMeasured(results: readonly Measured[]): string {
  return results.map((r) => `${r.name}: max |err| ${r.maxAbsErr.toExponential(2)} = ${(r.maxAbsErr / r.maxAbs).toExponential(2)} x max-abs ${r.maxAbs.toPrecision(4)} (atol ${r.atol.toExponential(2)})`).join('\n');
}

/** Fails on the first result whose error exceeds its tolerance. */
export function expectWithin(results: readonly Measured[]): void {
  for (const r of results) expect(r.maxAbsErr, `${r.name}: max |err| vs atol ${r.atol}`).toBeLessThanOrEqual(r.atol);
}

/**
 * Mask pixels (of S x S; `logits` are the stored [2, S, S]) that differ from the stored mask
 * where the stored logit margin is at least `exempt`, as maxAbsErr against atol 0, and how
 * many differ in all.
 */
export function maskMismatches(name: string, mask: ArrayLike<number>, expected: ArrayLike<number>, logits: Float32Array, exempt: number): Measured & { flipped: number } {
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
