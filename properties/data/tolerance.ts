import { pairwiseSum } from "../../src/numerics/pairwise-sum.js";

/**
 * The mean and population standard deviation of standardized values z, with the tolerances
 * floating point allows. z = (x − μ̂)/s where μ̂ carries a rounding error of about
 * (log₂ m + 2)·ε·|μ| (pairwise summation), which shifts every z by the same ~(log₂ m + 2)·ε·|μ|/s:
 * so |mean z| ≤ c·(log₂ m + 2)·ε·(|μ|/s + max|z|). The shift does not change the spread, and the
 * corrected two-pass variance is accurate to a few (log₂ m + 2)·ε relative, as is this check's own
 * computation of the std of z: |std z − 1| ≤ c·(log₂ m + 2)·ε·max(1, max|z|)². c = 16 covers the
 * handful of roundings per value (subtract, divide, square, sum).
 */
export function standardizedMoments(z: Float64Array, mean: number, scale: number) {
  const m = z.length;
  const steps = Math.log2(m) + 2;
  const largest = z.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  const zMean = pairwiseSum(z) / m;
  const zStd = Math.sqrt(pairwiseSum(z.map((v) => (v - zMean) ** 2)) / m);
  return {
    zMean,
    zStd,
    meanTolerance: 16 * steps * Number.EPSILON * (Math.abs(mean) / scale + largest),
    stdTolerance: 16 * steps * Number.EPSILON * Math.max(1, largest) ** 2,
  };
}
