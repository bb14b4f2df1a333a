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
import { withCacheHint } from "../support/cache.js";

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
    hint: "the logit after the caller changed w in place must be the logit at the changed w: compare it with predict on fresh copies of the same values",
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
      const expectExact = (actual: number) =>
        expectWithin(
          "predict(x, w, b) after w was changed in place to `changed`",
          actual,
          expected,
          exactly("integers below 2⁵³ add and multiply exactly"),
        );
      // The hint is earned: a cache only if fresh copies at the same values give the right logit.
      withCacheHint(
        "predict",
        () => expectExact(lr.predict(xs, ws, b)),
        () => expectExact(lr.predict(Float64Array.from(x), Float64Array.from(changed), b)),
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
    hint: "evaluate 1 / (1 + e^(−z)) at the counterexample's z and compare it digit by digit with the expected value: σ must be accurate relative to σ(z) itself, also where σ(z) is tiny (σ(−40) = 4.2e-18)",
    blames: "sigmoid",
    clauses: ["sigmoid.value"],
    inputs: fc.record({ z: tailLogit }),
    check: ({ z }) => {
      const exact = exactSigmoid(z);
      const tolerance = relativeTolerance(exact, 6, "σ's own rounding, against σ to 320 bits");
      const actual = lr.sigmoid(z);
      expectWithin("sigmoid(z)", actual, exact, tolerance, sigmoidHint(z, actual, exact));
    },
  });
});

/** The hint for sigmoid(z) = actual against the exact σ(z), earned from the values themselves. */
function sigmoidHint(z: number, actual: number, exact: number): string | undefined {
  if (Number.isNaN(actual)) {
    return `σ(${z}) came out NaN: an exponential overflowed to Infinity (Infinity/Infinity) — arrange the formula so that only e^(−|z|) is formed`;
  }
  if (Math.abs(actual - (1 - exact)) <= 8 * UNIT_ROUNDOFF) {
    return `σ(${z}) came out as 1 − σ(z) = σ(−z): the sign of z in the exponent is flipped`;
  }
  if ((actual === 0 || actual === 1) && actual !== exact) {
    const keep = z < 0 ? " — for z < 0, e^z / (1 + e^z) keeps a tiny σ(z)" : "";
    return `σ(${z}) came out exactly ${actual}, but σ(z) = ${exact}: that value was lost to rounding or to a cut-off${keep}`;
  }
  if (actual === Math.fround(actual) && exact !== Math.fround(exact)) {
    return `σ(${z}) = ${actual} is a float32 value: keep every step in double precision`;
  }
  return undefined;
}

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
