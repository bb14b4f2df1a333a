/**
 * σ(z) = 1 / (1 + e^(−z)) correctly rounded to a double, for |z| ≤ 64: an oracle independent
 * of Math.exp and of every implementation under test, computed in 256-bit fixed point with
 * BigInt.
 *
 * z is read to within 2⁻⁶¹ (exact for |z| ≥ 2⁻⁸, where a double's last bit is at least 2⁻⁶⁰;
 * below that σ(z) ≈ ½ + z/4 and the 2⁻⁶¹ moves σ by 2⁻⁶³, an eighth of an ulp of ½). Then
 * e^(−|z|) = (e^(−|z|/2¹⁰))^(2¹⁰): a Taylor series for the small argument (48 terms, each
 * below 2⁻²⁵⁶ well before the last), squared ten times, which loses at most ten bits of the
 * 256. The quotient is converted with Number(bigint), which rounds to nearest.
 */

const PRECISION = 256n;
const ONE = 1n << PRECISION;
const HALVINGS = 10n;

function expMinus(x: bigint): bigint {
  const reduced = x >> HALVINGS;
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; k <= 48n; k++) {
    term = (term * reduced) / (k << PRECISION);
    sum += k % 2n === 1n ? -term : term;
  }
  for (let i = 0n; i < HALVINGS; i++) sum = (sum * sum) >> PRECISION;
  return sum;
}

/** σ(z) correctly rounded (to within a tiny fraction of an ulp), for finite |z| ≤ 64. */
export function exactSigmoid(z: number): number {
  if (!(Math.abs(z) <= 64)) throw new RangeError(`exactSigmoid: |z| ≤ 64 only, got ${z}`);
  const x = BigInt(Math.round(Math.abs(z) * 2 ** 60)) << (PRECISION - 60n);
  const e = expMinus(x);
  const numerator = z >= 0 ? ONE : e;
  const fixed = (numerator << PRECISION) / (ONE + e);
  return Number(fixed) / 2 ** Number(PRECISION);
}
