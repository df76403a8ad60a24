/**
 * Float64 CPU references shared by the kernels' own references: the activations and erf.
 * Kept apart from the WGSL so tests compare the GPU against independent maths.
 */
import type { Activation } from './wgsl-helpers.js';

/** erf to ~1e-14: Maclaurin series for |x| < 3, continued fraction for erfc beyond. */
export function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 100; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), evaluated bottom-up.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return Math.sign(x) * (1 - erfc);
}

export function applyActivation(act: Activation, x: number): number {
  switch (act) {
    case 'none':
      return x;
    case 'relu':
      return Math.max(x, 0);
    case 'gelu':
      return 0.5 * x * (1 + erf(x / Math.SQRT2));
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'hsigmoid':
      return Math.min(Math.max(x + 3, 0), 6) / 6;
  }
}
