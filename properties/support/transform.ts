import type { Matrix } from "../../src/contract.js";

/**
 * The rearrangements the metamorphic properties apply to a data set. Each returns new arrays.
 */

/** The rows of X in the order `order` (row i of the result is row order[i] of X). */
export function permuteRows(X: Matrix, order: readonly number[]): Matrix {
  const data = new Float64Array(X.rows * X.cols);
  order.forEach((from, i) =>
    data.set(X.data.subarray(from * X.cols, (from + 1) * X.cols), i * X.cols),
  );
  return { rows: X.rows, cols: X.cols, data };
}

/** The columns of X in the order `order` (column j of the result is column order[j] of X). */
export function permuteColumns(X: Matrix, order: readonly number[]): Matrix {
  const data = X.data.map((_, k) => X.data[Math.floor(k / X.cols) * X.cols + order[k % X.cols]]);
  return { rows: X.rows, cols: X.cols, data };
}

/** The entries of v in the order `order`. */
export function permute(v: Float64Array, order: readonly number[]): Float64Array {
  return Float64Array.from(order, (from) => v[from]);
}

/** X with every row appearing twice (X stacked on itself). */
export function stackTwice(X: Matrix): Matrix {
  const data = new Float64Array(2 * X.data.length);
  data.set(X.data);
  data.set(X.data, X.data.length);
  return { rows: 2 * X.rows, cols: X.cols, data };
}

/** v followed by itself. */
export function repeatTwice(v: Float64Array): Float64Array {
  const out = new Float64Array(2 * v.length);
  out.set(v);
  out.set(v, v.length);
  return out;
}

/** X with column k set to zero. */
export function zeroColumn(X: Matrix, k: number): Matrix {
  return { ...X, data: X.data.map((value, index) => (index % X.cols === k ? 0 : value)) };
}
