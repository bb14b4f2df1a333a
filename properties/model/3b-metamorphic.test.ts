import fc from "fast-check";
import { test } from "vitest";
import type { Gradients } from "../../src/contract.js";
import type { Dataset } from "../support/arbitraries.js";
import {
  datasetWithColumn,
  datasetWithColumnOrder,
  datasetWithRowOrder,
  dataset,
  wideValue,
} from "../support/arbitraries.js";
import { exactly, expectGradientsWithin, expectWithin } from "../support/expectations.js";
import { guardArguments, guardPairs } from "../support/guard.js";
import {
  costFunctions as unguardedCosts,
  gradientFunctions as unguardedGradients,
  implementation,
} from "../support/implementation.js";
import { checkProperty } from "../support/property.js";
import {
  addBounds,
  costRoundingBound,
  gradientRoundingBound,
} from "../../src/numerics/rounding.js";
import {
  permute,
  permuteColumns,
  permuteRows,
  repeatTwice,
  stackTwice,
  zeroColumn,
} from "../support/transform.js";

/** The functions under test, each failing first, as itself, if it changes an argument (support/guard.ts). */
const costFunctions = guardPairs(unguardedCosts);
const gradientFunctions = guardPairs(unguardedGradients);
const lr = guardArguments(implementation);

const step = "steps 2 and 3 — the cost and its gradients, as means over the examples";

/**
 * Checks every cost and gradient function on `original` and `changed`: the costs must agree and
 * the gradients must satisfy gradient(changed) = relate(gradient(original)), each within the
 * sum of the two evaluations' rounding bounds (src/numerics/rounding.ts).
 */
function expectRelated(original: Dataset, changed: Dataset, relate: (g: Gradients) => Gradients) {
  const reason = "the rounding bounds of the two evaluations, added";
  const costBound = {
    bound:
      costRoundingBound(original.X, original.y, original.w, original.b) +
      costRoundingBound(changed.X, changed.y, changed.w, changed.b),
    reason,
  };
  for (const [name, cost] of costFunctions) {
    const expected = cost(original.X, original.y, original.w, original.b);
    expectWithin(
      `${name} on the changed data`,
      cost(changed.X, changed.y, changed.w, changed.b),
      expected,
      costBound,
    );
  }
  const related = relate(gradientRoundingBound(original.X, original.y, original.w, original.b));
  const gradientBound = addBounds(
    { dw: related.dw.map(Math.abs), db: Math.abs(related.db) },
    gradientRoundingBound(changed.X, changed.y, changed.w, changed.b),
  );
  for (const [name, gradients] of gradientFunctions) {
    const expected = relate(gradients(original.X, original.y, original.w, original.b));
    expectGradientsWithin(
      `${name} on the changed data`,
      gradients(changed.X, changed.y, changed.w, changed.b),
      expected,
      gradientBound,
      reason,
    );
  }
}

const identity = (g: Gradients) => g;

test("permuting the rows leaves the cost and the gradients unchanged, to rounding", () => {
  checkProperty({
    step,
    hint: "the examples are a set: the result must not depend on their order — is some index tied to the row position?",
    blames: "computeCost",
    clauses: [
      "computeCost.metamorphic",
      "computeCostVectorized.metamorphic",
      "computeGradients.metamorphic",
      "computeGradientsVectorized.metamorphic",
    ],
    inputs: datasetWithRowOrder({ feature: wideValue }),
    check: ({ order, ...data }) => {
      const changed = { ...data, X: permuteRows(data.X, order), y: permute(data.y, order) };
      expectRelated(data, changed, identity);
    },
  });
});

test("duplicating every row leaves the cost and the gradients unchanged (they are means, not sums)", () => {
  checkProperty({
    step,
    hint: "with every example twice, a mean stays the same and a sum doubles: did you divide by m, the number of rows?",
    blames: "computeCost",
    clauses: [
      "computeCost.metamorphic",
      "computeCostVectorized.metamorphic",
      "computeGradients.metamorphic",
      "computeGradientsVectorized.metamorphic",
    ],
    inputs: dataset({ feature: wideValue }),
    check: (data) => {
      const changed = { ...data, X: stackTwice(data.X), y: repeatTwice(data.y) };
      expectRelated(data, changed, identity);
    },
  });
});

test("replacing y by 1 − y and (w, b) by (−w, −b) leaves the cost unchanged and negates the gradients", () => {
  const negate = (g: Gradients) => ({ dw: g.dw.map((v) => -v), db: -g.db });
  checkProperty({
    step,
    hint: "σ(−z) = 1 − σ(z), so the two classes are mirror images: a term of the loss or of eᵢ = σ(zᵢ) − yᵢ that treats y = 0 and y = 1 differently breaks this",
    blames: "computeCost",
    clauses: [
      "computeCost.metamorphic",
      "computeCostVectorized.metamorphic",
      "computeGradients.metamorphic",
      "computeGradientsVectorized.metamorphic",
    ],
    inputs: dataset({ feature: wideValue }),
    check: (data) => {
      const changed = {
        X: data.X,
        y: data.y.map((yi) => 1 - yi),
        w: data.w.map((wj) => -wj),
        b: -data.b,
      };
      expectRelated(data, changed, negate);
    },
  });
});

test("permuting the feature columns (and the weights with them) leaves the cost unchanged and permutes the gradient", () => {
  checkProperty({
    step,
    hint: "dw[j] belongs to column j: check that the gradient loop indexes X by (row, column) and w by column, with cols as the row stride",
    blames: "computeGradients",
    clauses: [
      "computeCost.metamorphic",
      "computeCostVectorized.metamorphic",
      "computeGradients.metamorphic",
      "computeGradientsVectorized.metamorphic",
    ],
    inputs: datasetWithColumnOrder({ feature: wideValue }),
    check: ({ order, ...data }) => {
      const changed = { ...data, X: permuteColumns(data.X, order), w: permute(data.w, order) };
      expectRelated(data, changed, (g) => ({ dw: permute(g.dw, order), db: g.db }));
    },
  });
});

test("an all-zero feature column gets a gradient of exactly 0, and its weight stays exactly 0 through gradientDescent", () => {
  const exact = exactly("every term eᵢ·0 is exactly 0 and so is their sum");
  checkProperty({
    step: "steps 3 and 4 — the gradients and gradient descent",
    hint: "dw[k] is a sum of eᵢ·xᵢₖ, all 0 here: a non-zero value means some other column (or b) leaks into it",
    blames: "computeGradients",
    clauses: ["computeGradients.metamorphic", "computeGradientsVectorized.metamorphic"],
    inputs: fc
      .record({
        data: datasetWithColumn(),
        alpha: fc.double({ min: 1e-3, max: 10, noNaN: true }),
        epochs: fc.integer({ min: 1, max: 5 }),
      })
      .map(({ data, alpha, epochs }) => {
        const { k, ...rest } = data;
        const w = Float64Array.from(rest.w);
        w[k] = 0;
        return { ...rest, X: zeroColumn(rest.X, k), w, k, alpha, epochs };
      }),
    check: ({ X, y, w, b, k, alpha, epochs }) => {
      for (const [name, gradients] of gradientFunctions) {
        expectWithin(`${name}(X, y, w, b).dw[${k}]`, gradients(X, y, w, b).dw[k], 0, exact);
      }
      const model = lr.gradientDescent(X, y, w, b, { alpha, epochs });
      expectWithin(
        `gradientDescent(X, y, w, b, { alpha, epochs }).w[${k}]`,
        model.w[k],
        0,
        exactly("it starts at 0 and every step subtracts α·0"),
      );
    },
  });
});
