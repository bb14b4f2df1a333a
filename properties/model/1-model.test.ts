import fc from "fast-check";
import { test } from "vitest";
import { anyDouble } from "../support/arbitraries.js";
import { exactly, expectThat, expectWithin } from "../support/expectations.js";
import { guardArguments } from "../support/guard.js";
import { implementation } from "../support/implementation.js";
import { checkExample, checkProperty } from "../support/property.js";
import { UNIT_ROUNDOFF, nextUp } from "../../src/numerics/rounding.js";
import { exactSigmoid } from "../support/exact-sigmoid.js";
import { relativeTolerance, tailLogit } from "../support/tail.js";

const lr = guardArguments(implementation);

const step = "step 1 — the model: z = w·x + b and σ(z) = 1 / (1 + e^(−z))";

test("predict is w·x + b exactly, for small integers (where float64 arithmetic is exact)", () => {
  const integer = fc.integer({ min: -1000, max: 1000 });
  checkProperty({
    step,
    hint: "z starts from b and adds wⱼ·xⱼ for every feature j: check the loop bounds and that b is added once",
    blames: "predict",
    clauses: ["predict.value"],
    inputs: fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        x: fc.array(integer, { minLength: n, maxLength: n }),
        w: fc.array(integer, { minLength: n, maxLength: n }),
        b: integer,
      }),
    ),
    check: ({ x, w, b }) => {
      const expected = x.reduce((sum, xj, j) => sum + w[j] * xj, b);
      expectWithin(
        "predict(x, w, b)",
        lr.predict(Float64Array.from(x), Float64Array.from(w), b),
        expected,
        exactly("integers below 2⁵³ add and multiply exactly"),
      );
    },
  });
});

test("predict reads w and x at each call: changing w in place changes the logit (no result kept from an earlier call)", () => {
  const integer = fc.integer({ min: -1000, max: 1000 });
  checkProperty({
    step,
    hint: "predict must compute z from the arrays it is given now: a cache keyed by the arrays themselves returns a stale logit once the caller changes them in place",
    blames: "predict",
    clauses: ["predict.fresh"],
    inputs: fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        x: fc.array(integer, { minLength: n, maxLength: n }),
        w: fc.array(integer, { minLength: n, maxLength: n }),
        changed: fc.array(integer, { minLength: n, maxLength: n }),
        b: integer,
      }),
    ),
    check: ({ x, w, changed, b }) => {
      const xs = Float64Array.from(x);
      const ws = Float64Array.from(w);
      lr.predict(xs, ws, b);
      ws.set(changed);
      const expected = x.reduce((sum, xj, j) => sum + changed[j] * xj, b);
      expectWithin(
        "predict(x, w, b) after w was changed in place to `changed`",
        lr.predict(xs, ws, b),
        expected,
        exactly("integers below 2⁵³ add and multiply exactly"),
      );
    },
  });
});

test("sigmoid is within 6 units of roundoff, relative, of the exact σ(z) wherever σ(z) is a normal number (z > −708.4), saturated tails included; below that within 2.2e-308", () => {
  // The oracle is σ computed in 320-bit fixed point and rounded once (support/exact-sigmoid.ts).
  // The tail-accuracy policy (docs/learners.md): 1 / (1 + e^(−z)) for z ≥ 0 and e^z / (1 + e^z)
  // for z < 0 are within 4u relative (e^(±z) within an ulp, one addition, one division); 6u
  // leaves room for other sound arrangements. No absolute term where σ(z) is normal: σ(−40) is
  // 4.2e-18, not 0, and 1 − σ(−z) is not a way to compute a tiny σ(z).
  checkProperty({
    step,
    hint: "σ must keep full double precision everywhere, relative to σ(z) itself: no float32 rounding (Math.fround), no cut-off that returns 0 or 1 before e^(−z) is really negligible (σ(20) = 1 − 2.1e-9, σ(−40) = 4.2e-18), no form such as ½(1 + tanh(z/2)) or 1 − σ(−z) that loses a tiny σ(z) to rounding",
    blames: "sigmoid",
    clauses: ["sigmoid.value"],
    inputs: fc.record({ z: tailLogit }),
    check: ({ z }) => {
      const exact = exactSigmoid(z);
      const tolerance = relativeTolerance(exact, 6, "σ's own rounding, against σ to 320 bits");
      expectWithin("sigmoid(z)", lr.sigmoid(z), exact, tolerance);
    },
  });
});

test("sigmoid passes NaN on: σ(NaN) = NaN", () => {
  checkExample({
    step,
    hint: "a NaN logit means something upstream overflowed: let it through (no `if (!Number.isFinite(z))` or `z !== z` branch that returns 0, ½ or 1)",
    blames: "sigmoid",
    clauses: ["sigmoid.nan"],
    input: { z: NaN },
    check: ({ z }) => {
      const s = lr.sigmoid(z);
      expectThat("sigmoid(NaN)", Number.isNaN(s), "NaN", s);
    },
  });
});

test("sigmoid stays within [0, 1] and is never NaN, for every double including ±Infinity, ±1e308 and subnormals", () => {
  checkProperty({
    step,
    hint: "e^z overflows to Infinity past z ≈ 709: arrange the formula so that an infinite exponential gives 0 or 1, not Infinity/Infinity",
    blames: "sigmoid",
    clauses: ["sigmoid.range"],
    inputs: fc.record({ z: anyDouble }),
    check: ({ z }) => {
      const s = lr.sigmoid(z);
      expectThat("sigmoid(z)", s >= 0 && s <= 1, "a number in [0, 1]", s);
    },
  });
});

test("sigmoid is monotone non-decreasing: z₁ ≤ z₂ gives σ(z₁) ≤ σ(z₂), also for neighbouring doubles", () => {
  checkProperty({
    step,
    hint: "a branch (for large |z|, or for z < 0) that is not continuous with the other one breaks monotonicity where they meet",
    blames: "sigmoid",
    clauses: ["sigmoid.monotone"],
    inputs: fc.oneof(
      fc.tuple(anyDouble, anyDouble).map(([a, b]) => ({ z1: Math.min(a, b), z2: Math.max(a, b) })),
      anyDouble.map((z) => ({ z1: z, z2: nextUp(z) })),
    ),
    check: ({ z1, z2 }) => {
      const s1 = lr.sigmoid(z1);
      const s2 = lr.sigmoid(z2);
      expectThat("sigmoid(z1) ≤ sigmoid(z2)", s1 <= s2, `sigmoid(z1) = ${s1} ≤ sigmoid(z2)`, s2);
    },
  });
});

test("sigmoid is symmetric: σ(−z) = 1 − σ(z) within 5 units of roundoff, for every double", () => {
  // Tolerance 5u (u = 2⁻⁵³): each σ is computed with relative error ≤ 4u (exp within 1 ulp, one
  // addition, one division), so the two sides differ by ≤ 4u·σ(−z) + 4u·σ(z) = 4u, plus ≤ u
  // from rounding 1 − σ(z).
  const tolerance = {
    bound: 5 * UNIT_ROUNDOFF,
    reason: "5u: σ's own rounding on each side plus that of 1 − σ(z)",
  };
  checkProperty({
    step,
    hint: "σ(−z) and 1 − σ(z) are the same number on paper: a sign slip or a wrong branch for z < 0 breaks the symmetry",
    blames: "sigmoid",
    clauses: ["sigmoid.symmetry"],
    inputs: fc.record({ z: anyDouble }),
    check: ({ z }) => {
      expectWithin("sigmoid(−z)", lr.sigmoid(-z), 1 - lr.sigmoid(z), tolerance);
    },
  });
});

test("sigmoid has its exact values at 0 and the limits: σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0", () => {
  checkExample({
    step,
    hint: "σ(0) = 1 / (1 + e⁰) = 1/2 exactly; for ±∞ the exponential is ∞ or 0",
    blames: "sigmoid",
    clauses: ["sigmoid.special"],
    input: { z: [0, -0, Infinity, -Infinity] },
    check: () => {
      const exact = exactly("1 / (1 + 1) and the two limits are exact in float64");
      expectWithin("sigmoid(0)", lr.sigmoid(0), 0.5, exact);
      expectWithin("sigmoid(-0)", lr.sigmoid(-0), 0.5, exact);
      expectWithin("sigmoid(Infinity)", lr.sigmoid(Infinity), 1, exact);
      expectWithin("sigmoid(-Infinity)", lr.sigmoid(-Infinity), 0, exact);
    },
  });
});
