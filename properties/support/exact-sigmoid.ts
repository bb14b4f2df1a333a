/**
 * σ(z) = 1 / (1 + e^(−z)) correctly rounded to a double, for every double z but NaN: an oracle
 * independent of Math.exp and of every implementation under test, computed in 320-bit fixed
 * point with BigInt.
 *
 * |z| is read to within 2⁻⁶¹ (exact for |z| ≥ 2⁻⁸, where a double's last bit is at least 2⁻⁶⁰;
 * below that σ(z) ≈ ½ + z/4 and the 2⁻⁶¹ moves σ by 2⁻⁶³, an eighth of an ulp of ½). Then
 * e^(−|z|) = 2⁻ᵏ e^(−r) with k = ⌊|z| / ln 2⌋ and r = |z| − k ln 2 ∈ [0, ln 2): ln 2 from its
 * series Σ 1/(j 2ʲ), e^(−r) from its Taylor series (70 terms, the last below 2⁻³²⁰), so the
 * 2⁻ᵏ is a shift and no fixed-point value underflows for the results that matter: for z < 0,
 * σ(z) = 2⁻ᵏ e^(−r) / (1 + 2⁻ᵏ e^(−r)) is computed as a 320-bit quotient and scaled by 2⁻ᵏ last.
 * The quotient is converted with Number(bigint), which rounds to nearest; scaling by a power of
 * two is exact while the result is normal (a subnormal result may round twice, by at most half
 * a subnormal's last bit). Beyond |z| = 800, σ(z) rounds to 1 (z > 0) or 0 (z < 0: below 2⁻¹¹⁵⁴).
 */

const PRECISION = 320n;
const ONE = 1n << PRECISION;

/** ln 2 in fixed point: Σⱼ 1/(j·2ʲ), 340 terms (the tail is below 2⁻³³⁰). */
const LN2 = (() => {
  let sum = 0n;
  for (let j = 1n; j <= 340n; j++) sum += ONE / (j << j);
  return sum;
})();

/** e^(−r) in fixed point for 0 ≤ r < ln 2 (r in fixed point). */
function expMinusReduced(r: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; k <= 70n; k++) {
    term = (term * r) / (k << PRECISION);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

/** σ(z) correctly rounded wherever it is a normal number (see the module comment), for any z but NaN. */
export function exactSigmoid(z: number): number {
  if (Number.isNaN(z)) throw new RangeError("exactSigmoid: z is NaN, σ(NaN) has no exact value");
  if (z > 800) return 1;
  if (z < -800) return 0;
  const x = BigInt(Math.round(Math.abs(z) * 2 ** 60)) << (PRECISION - 60n);
  const k = x / LN2;
  const e = expMinusReduced(x - k * LN2); // e^(−r); e^(−|z|) = e · 2⁻ᵏ
  const denominator = ONE + (e >> k);
  if (z >= 0) return Number((ONE << PRECISION) / denominator) * 2 ** -Number(PRECISION);
  const scaled = Number((e << PRECISION) / denominator) * 2 ** -Number(PRECISION);
  return scaled * 2 ** -Number(k);
}
