import { mulberry32 } from "./random.js";

/**
 * A seeded stratified train/test split of the rows whose labels are `y` (0/1). For each class c
 * with n_c rows, round(n_c · testFraction) of its rows, chosen by a Fisher–Yates shuffle driven
 * by {@link mulberry32}(seed), go to the test set and the rest to the training set, so both sets
 * keep the label balance (to within one row per class). The same (y, testFraction, seed) always
 * gives the same split. Both index arrays are sorted ascending.
 *
 * Throws a RangeError for labels other than 0 and 1, a fraction outside (0, 1), a non-integer
 * seed, or a split that leaves the training or the test set empty.
 */
export function stratifiedSplit(
  y: Float64Array,
  testFraction: number,
  seed: number,
): { train: Uint32Array; test: Uint32Array } {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be between 0 and 1 (exclusive), got ${testFraction}`);
  }
  const random = mulberry32(seed);
  let train: number[] = [];
  let test: number[] = [];
  for (const c of [0, 1]) {
    const rows: number[] = [];
    y.forEach((label, i) => {
      if (label !== 0 && label !== 1) {
        throw new RangeError(`stratifiedSplit: y[${i}] is ${label}, expected 0 or 1`);
      }
      if (label === c) rows.push(i);
    });
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const nTest = Math.round(rows.length * testFraction);
    test = test.concat(rows.slice(0, nTest));
    train = train.concat(rows.slice(nTest));
  }
  if (train.length === 0 || test.length === 0) {
    throw new RangeError(
      `stratifiedSplit: ${y.length} rows with testFraction ${testFraction} leave the ${train.length === 0 ? "training" : "test"} set empty`,
    );
  }
  const sorted = (indices: number[]) => Uint32Array.from(indices).sort();
  return { train: sorted(train), test: sorted(test) };
}
