import fc from "fast-check";
import { test } from "vitest";
import { dataset } from "../support/arbitraries.js";
import type { Dataset } from "../support/arbitraries.js";
import {
  alphaZeroHint,
  callCountHint,
  smoothness,
  squaredNorm,
  stepMistakeHint,
  stepSlack,
} from "../support/descent.js";
import { matrixFromRows } from "../../src/matrix.js";
import type { Gradients } from "../../src/contract.js";
import { expectFloat64Array, expectThat, expectWithin } from "../support/expectations.js";
import { guardArguments } from "../support/guard.js";
import { implementation as unguarded } from "../support/implementation.js";
import { withEarlierSteps } from "../support/prerequisites.js";
import { reference } from "../support/oracle.js";
import { checkExample, checkProperty } from "../support/property.js";
import { costRoundingBound } from "../../src/numerics/rounding.js";

const step = "step 4 — gradient descent: w ← w − α ∂J/∂w, b ← b − α ∂J/∂b";

/** The implementation, each function failing first, as itself, if it changes an argument (support/guard.ts). */
const implementation = guardArguments(unguarded);

/**
 * The function under test is the learner's gradientDescent; the cost and gradients it is judged
 * by are the reference's (an oracle), so a failure here blames gradientDescent and nothing else.
 */
const lr = {
  gradientDescent: implementation.gradientDescent,
  computeCost: reference.computeCost,
  computeCostVectorized: reference.computeCostVectorized,
  computeGradientsVectorized: reference.computeGradientsVectorized,
};

/** True when a and b hold the same doubles bit for bit (−0 ≠ 0, NaN = NaN). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.from(a).every((value, i) => Object.is(value, b[i]));
}

// The article's `w -= alpha * dw` updates numpy's array in place; in TypeScript that changes the
// caller's w. This is checked first in step 4, so that it is the first thing a learner reads
// about it, before any property that the changed w would confuse.
test("gradientDescent copies w: the caller's w is unchanged and the result is a new array, for every number of epochs (0 included), also after a later call", () => {
  checkProperty({
    step,
    hint: "copy w before updating it (Float64Array.from(w)): the article's `w -= alpha * dw` changes the caller's array, and returning w itself (e.g. for epochs = 0) or a buffer kept between calls shares it",
    blames: "gradientDescent",
    clauses: ["gradientDescent.copies-w"],
    inputs: fc.record({
      first: dataset({ maxRows: 6 }),
      second: dataset({ maxRows: 6 }),
      alpha: fc.double({ min: 1e-3, max: 1, noNaN: true }),
      epochs: fc.integer({ min: 0, max: 3 }),
    }),
    check: ({ first, second, alpha, epochs }) => {
      const { X, y, w, b } = first;
      const before = Float64Array.from(w);
      const model = implementation.gradientDescent(X, y, w, b, { alpha, epochs });
      // "The same ArrayBuffer" is said only of typed arrays: the type is checked first.
      expectFloat64Array(`gradientDescent(…, { epochs: ${epochs} }).w`, model.w);
      expectThat(
        `w after gradientDescent(X, y, w, b, { epochs: ${epochs} })`,
        sameBits(before, w),
        `unchanged: ${Array.from(before).join(", ")}`,
        Array.from(w).join(", "),
        "the caller's w changed: copy w before updating it (Float64Array.from(w)) — the article's `w -= alpha * dw` changes the array in place",
      );
      for (const [what, array] of [
        ["w", w],
        ["X.data", X.data],
        ["y", y],
      ] as const) {
        expectThat(
          `gradientDescent(…, { epochs: ${epochs} }).w shares storage with ${what}`,
          model.w.buffer !== array.buffer,
          "a new array",
          `the same ArrayBuffer as the argument ${what}`,
          `the model's w is the storage of the argument ${what} itself, here with epochs = ${epochs}: return a new array (Float64Array.from(w)), also when there is nothing to update`,
        );
      }
      const kept = Float64Array.from(model.w);
      const later = implementation.gradientDescent(second.X, second.y, second.w, second.b, {
        alpha,
        epochs: 1,
      });
      expectFloat64Array("gradientDescent(second…).w", later.w);
      expectThat(
        "gradientDescent(first…).w after a second call gradientDescent(second…)",
        model.w.buffer !== later.w.buffer && sameBits(kept, model.w),
        `unchanged: ${Array.from(kept).join(", ")}, in an array of its own`,
        Array.from(model.w).join(", "),
        model.w.buffer === later.w.buffer
          ? "the second call returned the very array of the first call's model: a buffer kept between calls (e.g. at module level) is reused — allocate a new w in every call"
          : "the first call's model changed during the second call, though the two are different arrays: a returned model must be left alone — keep no reference to it between calls",
      );
    },
  });
});

test("gradientDescent runs exactly `epochs` updates, also where the gradient is exactly 0 and the cost stops changing (no early stop)", () => {
  // X = [[1], [1]], y = [0, 1] at w = 0, b = 0: the errors are (½, −½), so dw = db = 0 exactly —
  // a stationary point. A run must still make `epochs` updates and record `epochs` costs, with
  // the default gradient and with a given one that returns 0.
  const X = matrixFromRows([[1], [1]]);
  const y = Float64Array.of(0, 1);
  checkExample({
    step,
    hint: "run the loop for every epoch, one update and one cost per epoch: compare the number of updates and of recorded costs with `epochs`",
    blames: "gradientDescent",
    clauses: ["gradientDescent.epochs"],
    input: { X, y, w: [0], b: 0, alpha: 0.5, epochs: 7 },
    check: () => {
      const history: number[] = [];
      lr.gradientDescent(X, y, new Float64Array(1), 0, {
        alpha: 0.5,
        epochs: 7,
        costHistory: history,
      });
      expectThat(
        "costHistory.length after gradientDescent(…, { epochs: 7 }) at a stationary point",
        history.length === 7,
        "7 (one entry per epoch)",
        history.length,
      );
      let calls = 0;
      const zero = (): Gradients => {
        calls++;
        return { dw: new Float64Array(1), db: 0 };
      };
      const given: number[] = [];
      lr.gradientDescent(X, y, Float64Array.of(3), 1, {
        alpha: 0.5,
        epochs: 7,
        gradientFunction: zero,
        costHistory: given,
      });
      // The hint is earned: it names stopping early or extra calls only from the counted calls.
      expectThat(
        "calls to a gradientFunction that returns 0, in gradientDescent(…, { epochs: 7 })",
        calls === 7 && given.length === 7,
        "7 calls and 7 costs (one per epoch)",
        `${calls} calls and ${given.length} costs`,
        callCountHint(calls, 7),
      );
    },
  });
});

/** A data set with a learning rate α = fraction / L, so α ≤ 1/L (L = ¼(maxᵢ‖xᵢ‖² + 1)). */
const withSafeAlpha = (extra: { epochs?: fc.Arbitrary<number> } = {}) =>
  fc
    .record({
      data: dataset(),
      // 1 − d rather than d, so that a counterexample shrinks to α = 1/L exactly.
      fraction: fc.double({ min: 0, max: 0.99, noNaN: true }).map((d) => 1 - d),
      epochs: extra.epochs ?? fc.constant(1),
    })
    .map(({ data, fraction, epochs }) => ({
      ...data,
      alpha: fraction / smoothness(data.X),
      epochs,
    }));

const descentHint =
  "gradient descent moves against the gradient, by α times it, using dw and db from the same point: check the update's sign, its factor and its order";

test("one gradient-descent step at α ≤ 1/L never increases the cost and lowers it by at least (α/2)‖∇J‖² (the descent lemma), within rounding", () => {
  checkProperty({
    step,
    hint: descentHint,
    blames: "gradientDescent",
    clauses: ["gradientDescent.descent"],
    inputs: withSafeAlpha(),
    check: withEarlierSteps(implementation, 4, ({ alpha, ...data }) => {
      const { X, y, w, b } = data;
      const before = lr.computeCost(X, y, w, b);
      const g = lr.computeGradientsVectorized(X, y, w, b);
      const next = lr.gradientDescent(X, y, w, b, { alpha, epochs: 1 });
      const after = lr.computeCost(X, y, next.w, next.b);
      const slack = stepSlack(data, g, alpha, next);
      const promised = before - (alpha / 2) * squaredNorm(g.dw, g.db);
      const slackNote = `slack ${slack.toPrecision(2)} for rounding (support/descent.ts)`;
      // The hint is earned: the step is compared with the steps of common mistakes.
      const why = (ok: boolean) => (ok ? undefined : stepMistakeHint(data, alpha, next));
      const held = after <= before + slack;
      expectThat(
        "J(w⁺, b⁺) after one step",
        held,
        `≤ J(w, b) = ${before} (+ ${slackNote})`,
        after,
        why(held),
      );
      const descended = after <= promised + slack;
      expectThat(
        "J(w⁺, b⁺) after one step",
        descended,
        `≤ J(w, b) − (α/2)‖∇J‖² = ${promised} (+ ${slackNote})`,
        after,
        why(descended),
      );
    }),
  });
});

test("a whole gradientDescent run at α ≤ 1/L records the cost after each of its epochs, and the recorded costs never increase", () => {
  checkProperty({
    step,
    hint:
      "costHistory gets one entry per epoch, the cost after that epoch's update: " + descentHint,
    blames: "gradientDescent",
    clauses: ["gradientDescent.cost-history", "gradientDescent.descent"],
    inputs: withSafeAlpha({ epochs: fc.integer({ min: 1, max: 8 }) }),
    runs: 50,
    check: withEarlierSteps(implementation, 4, ({ alpha, epochs, ...start }) => {
      const { X, y } = start;
      const history: number[] = [];
      lr.gradientDescent(X, y, start.w, start.b, { alpha, epochs, costHistory: history });
      expectThat(
        "costHistory.length",
        history.length === epochs,
        `${epochs} (one entry per epoch)`,
        history.length,
      );
      // The run's iterates, recomputed one epoch at a time (batch gradient descent has no memory).
      let previous: Dataset = start;
      let previousCost = lr.computeCostVectorized(X, y, start.w, start.b);
      for (let k = 0; k < epochs; k++) {
        const g = lr.computeGradientsVectorized(X, y, previous.w, previous.b);
        const next = lr.gradientDescent(X, y, previous.w, previous.b, { alpha, epochs: 1 });
        const slack = stepSlack(previous, g, alpha, next);
        const exactCost = lr.computeCostVectorized(X, y, next.w, next.b);
        const bound = 2 * costRoundingBound(X, y, next.w, next.b);
        // The hint is earned: the entry is the cost before this update, and that cost differs.
        const before = lr.computeCostVectorized(X, y, previous.w, previous.b);
        const near = (a: number, b: number) => Math.abs(a - b) <= bound;
        const recordedBefore = near(history[k], before) && !near(exactCost, before);
        expectWithin(
          `costHistory[${k}]`,
          history[k],
          exactCost,
          { bound, reason: `the cost after update ${k + 1}, within 2 × its rounding bound` },
          recordedBefore
            ? `costHistory[${k}] is ${history[k]}, the cost before update ${k + 1} (${before}): record the cost after the update, at the new w and b`
            : undefined,
        );
        expectThat(
          `costHistory[${k}]`,
          history[k] <= previousCost + slack,
          `≤ the cost before the update, ${previousCost} (+ slack ${slack.toPrecision(2)} for rounding)`,
          history[k],
        );
        previous = { X, y, ...next };
        previousCost = history[k];
      }
    }),
  });
});

test("gradientDescent uses α as given, α = 0 included: with α = 0 the model stays bit for bit where it started, whatever the gradient", () => {
  checkProperty({
    step,
    hint: "α = 0 is a learning rate like any other: 0 · dw = 0, so the model must not move",
    blames: "gradientDescent",
    clauses: ["gradientDescent.alpha"],
    inputs: fc
      .record({ data: dataset({ maxRows: 8 }), epochs: fc.integer({ min: 1, max: 4 }) })
      .map(({ data, epochs }) => ({ ...data, epochs })),
    check: ({ X, y, w, b, epochs }) => {
      const history: number[] = [];
      const model = lr.gradientDescent(X, y, w, b, { alpha: 0, epochs, costHistory: history });
      const start = reference.computeCostVectorized(X, y, w, b);
      const stayed = (value: number, was: number) =>
        Object.is(value, was) || (value === 0 && was === 0);
      // The hint is earned: re-run one epoch and compare its step with the reference's gradient.
      const why = () =>
        alphaZeroHint(
          { X, y, w, b },
          lr.gradientDescent(X, y, Float64Array.from(w), b, { alpha: 0, epochs: 1 }),
          reference.computeGradientsVectorized(X, y, w, b),
        );
      for (let j = 0; j < w.length; j++) {
        const ok = stayed(model.w[j], w[j]);
        expectThat(
          `gradientDescent(X, y, w, b, { alpha: 0, epochs: ${epochs} }).w[${j}]`,
          ok,
          `${w[j]}, where it started (w − 0·dw = w exactly)`,
          model.w[j],
          ok ? undefined : why(),
        );
      }
      const ok = model.b === b;
      expectThat(
        `gradientDescent(X, y, w, b, { alpha: 0, epochs: ${epochs} }).b`,
        ok,
        `${b}, where it started (b − 0·db = b exactly)`,
        model.b,
        ok ? undefined : why(),
      );
      expectWithin(`costHistory[${epochs - 1}] with alpha = 0`, history[epochs - 1], start, {
        bound: 2 * costRoundingBound(X, y, w, b),
        reason: "the cost at the unchanged start, within 2 × its rounding bound",
      });
    },
  });
});
