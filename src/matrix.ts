import type { Matrix } from "./contract.js";

/**
 * Builds a row-major {@link Matrix} from an array of equally long rows.
 * Throws a RangeError naming the first row whose length differs from the first row's.
 */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(`matrixFromRows: row ${i} has ${row.length} values, expected ${cols}`);
    }
    data.set(row, i * cols);
  });
  return { rows: rows.length, cols, data };
}

/** Row i of X as a zero-copy view (writes to it write into X). */
export function rowView(X: Matrix, i: number): Float64Array {
  return X.data.subarray(i * X.cols, (i + 1) * X.cols);
}

/** The rows of X as plain arrays, for printing and tests. */
export function matrixToRows(X: Matrix): number[][] {
  return Array.from({ length: X.rows }, (_, i) => Array.from(rowView(X, i)));
}

/** Whether a value is a Matrix: rows, cols and a Float64Array of data. */
export function isMatrix(value: unknown): value is Matrix {
  return (
    typeof value === "object" &&
    value !== null &&
    "rows" in value &&
    "cols" in value &&
    (value as Matrix).data instanceof Float64Array
  );
}
