/**
 * Correctly rounded float64 sum (Shewchuk's algorithm, as Python's math.fsum), so sums of
 * generated tensors can be compared exactly with the manifest's `sum` and `sum_sq`.
 */
export function fsum(values: ArrayLike<number>, map: (v: number) => number = (v) => v): number {
  const partials = new Float64Array(64);
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    let x = map(values[k]);
    let i = 0;
    for (let j = 0; j < n; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials[i] = x;
    n = i + 1;
  }
  // Sum the partials from the top, with CPython's correction for half-way cases.
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
