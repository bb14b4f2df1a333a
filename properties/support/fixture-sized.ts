import { mulberry32 } from "../../src/data/random.js";
import type { Dataset } from "./arbitraries.js";

/** The shape of the article's data after steps 5 and 6 on fixtures/bank.csv: 11,162 rows, 45 features. */
const FIXTURE_SHAPE = { rows: 11162, cols: 45 } as const;

/**
 * A data set the size of the fixture's feature matrix, the same on every run (Mulberry32,
 * seed 20261203): features uniform in [−3, 3) like standardized columns, labels 0/1 about half
 * and half, weights in [−1, 1) and b = −0.25, so the logits spread over about |z| ≤ 20 as a
 * trained model's do. For the one check per step that the functions work at the article's size.
 */
export function fixtureSizedDataset(): Dataset {
  cached ??= generate();
  return {
    ...cached,
    X: { ...cached.X, data: Float64Array.from(cached.X.data) },
    y: Float64Array.from(cached.y),
    w: Float64Array.from(cached.w),
  };
}

/** Generated once per test file (it takes a moment); {@link fixtureSizedDataset} hands out copies. */
let cached: Dataset | undefined;

function generate(): Dataset {
  const random = mulberry32(20261203);
  const { rows, cols } = FIXTURE_SHAPE;
  const data = Float64Array.from({ length: rows * cols }, () => 6 * random() - 3);
  const y = Float64Array.from({ length: rows }, () => (random() < 0.47 ? 1 : 0));
  const w = Float64Array.from({ length: cols }, () => 2 * random() - 1);
  return { X: { rows, cols, data }, y, w, b: -0.25 };
}
