import { mulberry32 } from "../../src/data/random.js";
import type { Dataset } from "./arbitraries.js";
import { deepCopy } from "./deep-copy.js";

/** The shape of the article's data after steps 5 and 6 on fixtures/bank.csv: 11,162 rows, 45 features. */
const FIXTURE_SHAPE = { rows: 11162, cols: 45 } as const;

/**
 * A data set the size of the fixture's feature matrix, the same on every run (Mulberry32,
 * seed 20261203): features uniform in [−3, 3) like standardized columns, labels 0/1 about half
 * and half, weights in [−1, 1) and b = −0.25, so the logits spread over about |z| ≤ 20 as a
 * trained model's do. For the one check per step that the functions work at the article's size.
 */
export function fixtureSizedDataset(): Dataset {
  const store = globalThis as { [CACHE]?: Dataset };
  const cached = (store[CACHE] ??= generate());
  return {
    ...cached,
    X: { ...cached.X, data: cached.X.data.slice() },
    y: cached.y.slice(),
    w: cached.w.slice(),
  };
}

/**
 * What `compute` gives on the fixture-sized data set: for expected values and rounding bounds
 * that depend on the data set and the reference alone, never on the implementation under test.
 * The grade runner keeps them from one submission to the next (runner.ts puts a Map on
 * `globalThis` under {@link RESULTS}), as every submission's checks would compute the same
 * numbers again (~0.1 s of CPU each time); `key` names what is kept, and each caller gets a copy.
 * Elsewhere each call computes them: under vitest, Stryker runs the properties against mutants
 * of the reference in one process, and a value kept from one mutant would judge the next.
 */
export function onFixtureSized<T>(key: string, compute: (dataset: Dataset) => T): T {
  const results = (globalThis as { [RESULTS]?: Map<string, unknown> })[RESULTS];
  if (results === undefined) return compute(fixtureSizedDataset());
  if (!results.has(key)) results.set(key, compute(fixtureSizedDataset()));
  return deepCopy(results.get(key) as T);
}

/** Where the grade runner keeps {@link onFixtureSized}'s results. */
const RESULTS = Symbol.for("logreg-lab.fixture-sized-results");

/**
 * Generated once per process (it takes a moment), kept on `globalThis` so that the grader's
 * fresh instances of this module for each submission share it; {@link fixtureSizedDataset}
 * hands out copies.
 */
const CACHE = Symbol.for("logreg-lab.fixture-sized-dataset");

function generate(): Dataset {
  const random = mulberry32(20261203);
  const { rows, cols } = FIXTURE_SHAPE;
  const draw = (length: number, value: () => number) => {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) out[i] = value();
    return out;
  };
  const data = draw(rows * cols, () => 6 * random() - 3);
  const y = draw(rows, () => (random() < 0.47 ? 1 : 0));
  const w = draw(cols, () => 2 * random() - 1);
  return { X: { rows, cols, data }, y, w, b: -0.25 };
}
