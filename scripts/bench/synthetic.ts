import type { Matrix } from "../../src/contract.js";
import { mulberry32 } from "../../src/data/index.js";

/**
 * A bank-shaped synthetic training set: `rows` × `cols` standardized features (mean 0, variance
 * 1: a third of the columns are 0/1 dummies with about 20% ones, standardized, the rest
 * normal) and 0/1 labels drawn from a logistic model, about half of them 1, like the article's
 * 11,162 × 45 matrix. Deterministic for a given seed.
 */
export function bankShaped(rows: number, cols: number, seed = 1): { X: Matrix; y: Float64Array } {
  const random = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const dummyShare = 0.2;
  const dummyScale = Math.sqrt(dummyShare * (1 - dummyShare));
  const coefficients = Float64Array.from(
    { length: cols },
    (_, j) => (j % 2 ? 1 : -1) / Math.sqrt(cols),
  );
  const data = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0;
    for (let j = 0; j < cols; j++) {
      const value =
        j % 3 === 0 ? ((random() < dummyShare ? 1 : 0) - dummyShare) / dummyScale : normal();
      data[i * cols + j] = value;
      z += coefficients[j] * value;
    }
    y[i] = random() < 1 / (1 + Math.exp(-2 * z)) ? 1 : 0;
  }
  return { X: { rows, cols, data }, y };
}
