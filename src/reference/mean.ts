/**
 * The mean of `values`:
 *
 *     mean(v) = (1/m) Σᵢ vᵢ
 *
 * summed plainly, and, if that sum overflows although every vᵢ is finite, summed again as
 * Σᵢ (vᵢ/m), whose partial sums are bounded by maxᵢ |vᵢ| and so cannot overflow. An empty
 * array has mean NaN (0/0), as in numpy.
 */
export function mean(values: Float64Array): number {
  const m = values.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += values[i];
  if (Number.isFinite(sum) || !values.every(Number.isFinite)) return sum / m;
  let scaled = 0;
  for (let i = 0; i < m; i++) scaled += values[i] / m;
  return scaled;
}
