/** How two runs of one model agree on the logits [2, S, S] (f16 weights against f32). */

/** Max abs difference of the logits and that over the f32 logits' max-abs; mask pixels that differ and how many of them have a margin beyond `atol`. */
export function compareLogits(f32: Float32Array, f16: Float32Array, atol: number): { maxAbs: number; rel: number; flips: number; flipsBeyond: number } {
  let [maxAbs, scale, flips, flipsBeyond] = [0, 0, 0, 0];
  for (let i = 0; i < f32.length; i++) {
    maxAbs = Math.max(maxAbs, Math.abs(f16[i] - f32[i]));
    scale = Math.max(scale, Math.abs(f32[i]));
  }
  const n = f32.length / 2;
  for (let i = 0; i < n; i++) {
    if (f32[n + i] > f32[i] !== f16[n + i] > f16[i]) {
      flips++;
      if (Math.abs(f32[n + i] - f32[i]) > 2 * atol) flipsBeyond++;
    }
  }
  return { maxAbs, rel: maxAbs / scale, flips, flipsBeyond };
}
