import type { Matrix } from "../contract.js";

/** Sweeps of the Jacobi method at most; it converges quadratically, in well under 20 for n ≤ 100. */
const MAX_SWEEPS = 50;

/**
 * The eigenvalues of the symmetric n × n matrix `A` (row-major), ascending, by the cyclic
 * Jacobi method: plane rotations zero each off-diagonal entry in turn until the off-diagonal
 * mass is below (1e-15 ‖A‖_F)². Each eigenvalue is then within a small multiple of
 * u‖A‖_F of the exact one (Demmel–Veselić), so eigenvalues much smaller than that are noise.
 */
export function symmetricEigenvalues(A: Float64Array, n: number): Float64Array {
  const a = Float64Array.from(A);
  const total = a.reduce((sum, v) => sum + v * v, 0);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) rotate(a, n, p, q);
  }
  return Float64Array.from({ length: n }, (_, k) => a[k * n + k]).sort();
}

/** One Jacobi rotation in the (p, q) plane, chosen so that a[p][q] becomes 0: A ← JᵀAJ. */
function rotate(a: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const [kp, kq] = [a[k * n + p], a[k * n + q]];
    a[k * n + p] = c * kp - s * kq;
    a[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) {
    const [pk, qk] = [a[p * n + k], a[q * n + k]];
    a[p * n + k] = c * pk - s * qk;
    a[q * n + k] = s * pk + c * qk;
  }
}

/** XᵀX/m, the (uncentred) second-moment matrix of the columns of X, row-major cols × cols. */
export function secondMoments(X: Matrix): Float64Array {
  const { rows, cols, data } = X;
  const G = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) {
      const xj = data[row + j];
      if (xj === 0) continue;
      for (let k = j; k < cols; k++) G[j * cols + k] += xj * data[row + k];
    }
  }
  for (let j = 0; j < cols; j++) {
    for (let k = j; k < cols; k++) {
      G[j * cols + k] /= rows;
      G[k * cols + j] = G[j * cols + k];
    }
  }
  return G;
}

/**
 * The condition number λmax/λmin of XᵀX/m: how elongated the cost's level sets are near w = 0
 * (the Hessian there is XᵀX/(4m) plus the bias), and so how slowly one α serves every direction.
 * Infinity when λmin ≤ 0 (a singular matrix, to rounding).
 */
export function conditionNumber(X: Matrix): number {
  const eigenvalues = symmetricEigenvalues(secondMoments(X), X.cols);
  const [lo, hi] = [eigenvalues[0], eigenvalues[eigenvalues.length - 1]];
  return lo > 0 ? hi / lo : Infinity;
}
