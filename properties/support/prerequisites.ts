import type { ArticleImplementation } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import {
  addBounds,
  costRoundingBound,
  gamma,
  gradientRoundingBound,
} from "../../src/numerics/rounding.js";
import type { Dataset } from "./arbitraries.js";
import { exactSigmoid } from "./exact-sigmoid.js";
import {
  PropertyViolation,
  expectGradientsWithin,
  expectThat,
  expectWithin,
} from "./expectations.js";
import { reference } from "./oracle.js";
import { relativeTolerance } from "./tail.js";

/**
 * Blaming an earlier step. A later step's function builds on the earlier ones (the cost on
 * predict and sigmoid, gradient descent on the vectorized gradient and cost): when a property of
 * step N fails on a data set, {@link withEarlierSteps} re-checks the implementation's functions
 * of the steps before N on that same counterexample, each against its oracle, and when one of
 * them is off there, the failure blames that function and says "fix step K first".
 */

type Check = (lr: Partial<ArticleImplementation>, data: Dataset) => void;

/** predict and sigmoid on every row of the counterexample (step 1). */
const stepOne: Check = (lr, { X, w, b }) => {
  for (let i = 0; i < X.rows; i++) {
    const x = rowView(X, i);
    const z = reference.predict(x, w, b);
    const magnitude = x.reduce((sum, xj, j) => sum + Math.abs(w[j] * xj), Math.abs(b));
    if (lr.predict && Number.isFinite(magnitude)) {
      expectWithin(`predict(row ${i}, w, b)`, lr.predict(x, w, b), z, {
        bound: 2 * gamma(X.cols + 1) * magnitude,
        reason: "2γₙ₊₁·Σ|wⱼxⱼ| + |b|: two summation orders; expected is the reference's logit",
      });
    }
    if (!lr.sigmoid) continue;
    const s = lr.sigmoid(z);
    if (Number.isNaN(z)) {
      expectThat(`sigmoid(z) for row ${i}'s logit z = NaN`, Number.isNaN(s), "NaN", s);
      continue;
    }
    const exact = exactSigmoid(z);
    const tolerance = relativeTolerance(exact, 6, "σ's own rounding, against σ to 320 bits");
    expectWithin(`sigmoid(z) for row ${i}'s logit z = ${z}`, s, exact, tolerance);
  }
};

/** The vectorized cost on the counterexample (step 2), as gradient descent's history uses it. */
const stepTwo: Check = (lr, data) => {
  const { X, y, w, b } = data;
  if (!lr.computeCostVectorized) return;
  expectWithin(
    "computeCostVectorized(X, y, w, b)",
    lr.computeCostVectorized(X, y, w, b),
    reference.computeCostVectorized(X, y, w, b),
    { bound: 2 * costRoundingBound(X, y, w, b), reason: "2 × one evaluation's rounding bound" },
  );
};

/** The vectorized gradient on the counterexample (step 3), gradient descent's default. */
const stepThree: Check = (lr, data) => {
  const { X, y, w, b } = data;
  if (!lr.computeGradientsVectorized) return;
  const bound = gradientRoundingBound(X, y, w, b);
  expectGradientsWithin(
    "computeGradientsVectorized(X, y, w, b)",
    lr.computeGradientsVectorized(X, y, w, b),
    reference.computeGradientsVectorized(X, y, w, b),
    addBounds(bound, bound),
    "2 × one evaluation's rounding bound",
  );
};

const EARLIER: readonly (readonly [number, Check])[] = [
  [1, stepOne],
  [2, stepTwo],
  [3, stepThree],
];

/** The violation of the first earlier step's function that is off on `data`, or undefined. */
function earlierFailure(lr: Partial<ArticleImplementation>, step: number, data: Dataset) {
  for (const [earlier, check] of EARLIER) {
    if (earlier >= step) break;
    try {
      check(lr, data);
    } catch (error) {
      if (error instanceof PropertyViolation) return { earlier, violation: error };
      // Anything else (a stub, a throw) is the earlier step's own property's to report.
    }
  }
  return undefined;
}

/**
 * `check` for a property of article step `step` on data sets: when it fails and a function of an
 * earlier step of `lr` is off on the same counterexample, the failure reported is that function's,
 * with "fix step K first".
 */
export function withEarlierSteps<T extends Dataset>(
  lr: Partial<ArticleImplementation>,
  step: 2 | 3 | 4,
  check: (input: T) => void,
): (input: T) => void {
  return (input) => {
    try {
      check(input);
    } catch (error) {
      const found = earlierFailure(lr, step, input);
      if (!found) throw error;
      const { earlier, violation } = found;
      const [name] = violation.detail.blame ?? /^\w+/.exec(violation.detail.checked) ?? [];
      violation.detail.blame = [name];
      violation.detail.hint = `fix step ${earlier} first: this step-${step} property failed on this counterexample, and ${name} (article step ${earlier}), which step ${step} builds on, is already off on it`;
      throw violation;
    }
  };
}
