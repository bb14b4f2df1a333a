/**
 * Dense symmetric positive definite solves for Newton's method (src/optimum/newton.ts). A
 * matrix of size s is a Float64Array of s² entries, row-major; only its lower triangle (k ≤ j)
 * is read, so the Hessian needs to fill no other entry.
 */

/**
 * The lower factor L of H + μI = L Lᵀ (Cholesky–Banachiewicz), or null when a pivot is not
 * safely positive: the pivot of column j must exceed 10⁻¹⁴ · (Hⱼⱼ + μ), so that a rounding
 * residue of an (almost) singular H — a pivot ≈ 10⁻¹⁶ · Hⱼⱼ — is refused rather than divided by.
 */
export function cholesky(H: Float64Array, size: number, mu: number): Float64Array | null {
  const L = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    let pivot = H[j * size + j] + mu;
    for (let k = 0; k < j; k++) pivot -= L[j * size + k] ** 2;
    if (!(pivot > 1e-14 * (H[j * size + j] + mu))) return null;
    const ljj = Math.sqrt(pivot);
    L[j * size + j] = ljj;
    for (let i = j + 1; i < size; i++) {
      let sum = H[i * size + j];
      for (let k = 0; k < j; k++) sum -= L[i * size + k] * L[j * size + k];
      L[i * size + j] = sum / ljj;
    }
  }
  return L;
}

/** d with L Lᵀ d = g: forward then back substitution. */
export function choleskySolve(L: Float64Array, size: number, g: Float64Array): Float64Array {
  const v = Float64Array.from(g);
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < i; k++) v[i] -= L[i * size + k] * v[k];
    v[i] /= L[i * size + i];
  }
  for (let i = size - 1; i >= 0; i--) {
    for (let k = i + 1; k < size; k++) v[i] -= L[k * size + i] * v[k];
    v[i] /= L[i * size + i];
  }
  return v;
}

/**
 * Solves (H + μI) d = g with the smallest damping of the Levenberg schedule that factors:
 *
 *     μ = 0,  then μ₀ = max(10⁻¹² · maxⱼ Hⱼⱼ, Number.MIN_VALUE),  then 10 μ₀, 100 μ₀, …
 *
 * μ₀ is relative to H's scale; its floor keeps an all-zero H (every p(1 − p) underflowed) from
 * damping by 0 forever. Throws a RangeError when μ overflows (H not finite, e.g. NaN).
 */
export function solveDamped(H: Float64Array, g: Float64Array): { step: Float64Array; mu: number } {
  const size = g.length;
  const maxDiagonal = Math.max(...Array.from({ length: size }, (_, j) => H[j * size + j]));
  let mu = 0;
  for (;;) {
    const L = cholesky(H, size, mu);
    if (L) return { step: choleskySolve(L, size, g), mu };
    mu = mu === 0 ? Math.max(1e-12 * maxDiagonal, Number.MIN_VALUE) : mu * 10;
    if (!Number.isFinite(mu)) throw new RangeError("newtonOptimum: the Hessian is not finite");
  }
}
