import fc from "fast-check";
import { test } from "vitest";
import type { Gradients } from "../../src/contract.js";
import { rowView } from "../../src/matrix.js";
import { dataset, smallValue } from "../support/arbitraries.js";
import { callCountHint, historyHint } from "../support/descent.js";
import { expectThat, expectWithin } from "../support/expectations.js";
import {
  costFunctions,
  gradientFunctions,
  implementation as lr,
} from "../support/implementation.js";
import { checkProperty } from "../support/property.js";
import { UNIT_ROUNDOFF } from "../../src/numerics/rounding.js";

const step = "steps 1–4 — the contract every implementation keeps (src/contract.ts)";

/** True when a and b hold the same doubles bit for bit (−0 ≠ 0, NaN = NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

test("no function mutates its arguments: X, y and w are bit-for-bit the same after every call", () => {
  checkProperty({
    step,
    hint: "the article's `w -= alpha * dw` changes the caller's numpy array in place: copy w before updating it (and never write into X or y)",
    blames: "gradientDescent",
    clauses: [
      "predict.no-mutation",
      "computeCost.no-mutation",
      "computeCostVectorized.no-mutation",
      "computeGradients.no-mutation",
      "computeGradientsVectorized.no-mutation",
      "gradientDescent.no-mutation",
    ],
    inputs: fc
      .record({ data: dataset(), alpha: fc.double({ min: 1e-3, max: 1, noNaN: true }) })
      .map(({ data, alpha }) => ({ ...data, alpha })),
    runs: 50,
    check: ({ X, y, w, b, alpha }) => {
      const before = {
        X: Float64Array.from(X.data),
        y: Float64Array.from(y),
        w: Float64Array.from(w),
      };
      const calls: [string, () => unknown][] = [
        ["predict", () => lr.predict(rowView(X, 0), w, b)],
        ...costFunctions.map(([name, f]): [string, () => unknown] => [name, () => f(X, y, w, b)]),
        ...gradientFunctions.map(([name, f]): [string, () => unknown] => [
          name,
          () => f(X, y, w, b),
        ]),
        [
          "gradientDescent",
          () => lr.gradientDescent(X, y, w, b, { alpha, epochs: 2, costHistory: [] }),
        ],
      ];
      for (const [name, call] of calls) {
        call();
        for (const [argument, original, now] of [
          ["X.data", before.X, X.data],
          ["y", before.y, y],
          ["w", before.w, w],
        ] as const) {
          expectThat(
            `${argument} after ${name}(…)`,
            sameBits(original, now),
            `unchanged: ${Array.from(original).join(", ")}`,
            Array.from(now).join(", "),
          );
        }
      }
    },
  });
});

test("gradientDescent is deterministic: the same call twice gives bit-for-bit the same model and cost history", () => {
  checkProperty({
    step: "step 4 — gradient descent",
    blames: "gradientDescent",
    clauses: ["gradientDescent.deterministic"],
    hint: "the result may depend only on the arguments: no randomness, no state kept between calls, no reuse of an array from an earlier call",
    inputs: fc
      .record({
        data: dataset(),
        alpha: fc.double({ min: 1e-3, max: 1, noNaN: true }),
        epochs: fc.integer({ min: 0, max: 5 }),
      })
      .map(({ data, ...rest }) => ({ ...data, ...rest })),
    runs: 50,
    check: ({ X, y, w, b, alpha, epochs }) => {
      const run = () => {
        const costHistory: number[] = [];
        return { ...lr.gradientDescent(X, y, w, b, { alpha, epochs, costHistory }), costHistory };
      };
      const first = run();
      const second = run();
      expectThat(
        "gradientDescent(…).w, run twice",
        sameBits(first.w, second.w),
        `${Array.from(first.w).join(", ")} both times`,
        Array.from(second.w).join(", "),
      );
      expectThat(
        "gradientDescent(…).b, run twice",
        Object.is(first.b, second.b),
        `${first.b} both times`,
        second.b,
      );
      const historiesMatch = sameBits(
        Float64Array.from(first.costHistory),
        Float64Array.from(second.costHistory),
      );
      expectThat(
        "costHistory, run twice",
        historiesMatch,
        `${first.costHistory.join(", ")} both times`,
        second.costHistory.join(", "),
      );
    },
  });
});

test("gradientDescent calls the gradientFunction it is given once per epoch, steps by −α times what it returns, and appends one cost per epoch to costHistory", () => {
  checkProperty({
    step: "step 4 — gradient descent",
    blames: "gradientDescent",
    clauses: [
      "gradientDescent.gradient-function",
      "gradientDescent.cost-history",
      "gradientDescent.epochs",
    ],
    hint: "each epoch steps w and b by −α times what options.gradientFunction returned: compare the counterexample's model with w − epochs·α·dw and b − epochs·α·db",
    inputs: fc
      .record({
        data: dataset({ maxRows: 5 }),
        alpha: fc.double({ min: 1e-3, max: 10, noNaN: true }),
        epochs: fc.integer({ min: 0, max: 6 }),
        step: fc.array(smallValue, { minLength: 11, maxLength: 11 }),
      })
      .map(({ data, step: s, ...rest }) => ({
        ...data,
        ...rest,
        returnedDw: Float64Array.from(s.slice(0, data.X.cols)),
        returnedDb: s[10],
      })),
    check: ({ X, y, w, b, alpha, epochs, returnedDw, returnedDb }) => {
      let calls = 0;
      const gradientFunction = (): Gradients => {
        calls++;
        return { dw: Float64Array.from(returnedDw), db: returnedDb };
      };
      const costHistory = [-1];
      const model = lr.gradientDescent(X, y, w, b, {
        alpha,
        epochs,
        gradientFunction,
        costHistory,
      });
      expectThat(
        "calls to gradientFunction",
        calls === epochs,
        `${epochs} (one per epoch)`,
        calls,
        callCountHint(calls, epochs),
      );
      expectThat(
        "costHistory.length",
        costHistory.length === 1 + epochs,
        `${1 + epochs} (the entry already there, then one per epoch)`,
        costHistory.length,
        historyHint(costHistory, epochs),
      );
      expectThat(
        "costHistory[0]",
        costHistory[0] === -1,
        "-1, the entry that was already there",
        costHistory[0],
        "the entry the caller had put in options.costHistory was overwritten: append each cost (costHistory.push) after what is there",
      );
      // Each of the `epochs` steps subtracts α·g, rounding twice (the product and the difference),
      // each time by at most u·(|w| + epochs·|α g|) relative, or half the smallest subnormal when
      // the result underflows.
      const expectedAfter = (start: number, g: number) => start - epochs * alpha * g;
      const tolerance = (start: number, g: number) => ({
        bound:
          2 *
          epochs *
          (UNIT_ROUNDOFF * (Math.abs(start) + (epochs + 1) * Math.abs(alpha * g)) +
            Number.MIN_VALUE),
        reason: "2 roundings per epoch, each ≤ u·(|w| + epochs·|α g|) or a subnormal's worth",
      });
      returnedDw.forEach((g, j) =>
        expectWithin(
          `gradientDescent(…).w[${j}]`,
          model.w[j],
          expectedAfter(w[j], g),
          tolerance(w[j], g),
        ),
      );
      expectWithin(
        "gradientDescent(…).b",
        model.b,
        expectedAfter(b, returnedDb),
        tolerance(b, returnedDb),
      );
    },
  });
});
