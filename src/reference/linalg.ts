import type { Matrix } from "../contract.js";

/** z = X w + b·1, the logits of every row at once (numpy: `X @ w + b`). */
export function logits(X: Matrix, w: Float64Array, b: number): Float64Array {
  const { rows, cols, data } = X;
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let zi = b;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) zi += data[offset + j] * w[j];
    z[i] = zi;
  }
  return z;
}

/** Xᵀ v, one entry per column (numpy: `X.T @ v`). */
export function transposeTimes(X: Matrix, v: Float64Array): Float64Array {
  const { rows, cols, data } = X;
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const vi = v[i];
    const offset = i * cols;
    for (let j = 0; j < cols; j++) out[j] += data[offset + j] * vi;
  }
  return out;
}

/** Applies f to every element (numpy's elementwise ufuncs). */
export function map(v: Float64Array, f: (value: number, index: number) => number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = f(v[i], i);
  return out;
}
