import type { Gradients } from "../../src/contract.js";
import { formatNumber } from "./format.js";

/**
 * The assertions a property's check makes. Each one that fails throws a {@link PropertyViolation}
 * saying what was checked, what was expected, what came out and within which tolerance; the
 * teaching wrapper (`property.ts`) adds the property's name, article step, hint, counterexample
 * and replay command.
 */

/** An allowed absolute difference and the reason it is that large. */
export interface Tolerance {
  bound: number;
  reason: string;
}

export interface ViolationDetail {
  /** The quantity checked, as code: "computeCost(X, y, w, b)". */
  checked: string;
  expected: string;
  actual: string;
  tolerance?: string;
  /** Overrides the property's hint when this particular failure points somewhere more precise. */
  hint?: string;
  /**
   * The function(s) at fault, when the check knows better than the function named in `checked`
   * (e.g. both of two implementations compared with an oracle); see support/blame.ts.
   */
  blame?: string[];
}

export class PropertyViolation extends Error {
  constructor(readonly detail: ViolationDetail) {
    super(`${detail.checked}: expected ${detail.expected}, got ${detail.actual}`);
    this.name = "PropertyViolation";
  }
}

/** No difference allowed, for the stated reason (e.g. "every intermediate is exact in float64"). */
export function exactly(reason: string): Tolerance {
  return { bound: 0, reason };
}

/** Describes a tolerance for a failure message. */
function describeTolerance({ bound, reason }: Tolerance): string {
  return bound === 0
    ? `exact (${reason})`
    : `|actual − expected| ≤ ${formatNumber(bound)} (${reason})`;
}

/**
 * Passes when `actual` is `expected` (the same value, infinities included) or within
 * `tolerance.bound` of it. NaN never passes unless NaN was expected.
 */
export function expectWithin(
  checked: string,
  actual: number,
  expected: number,
  tolerance: Tolerance,
  hint?: string,
): void {
  if (Object.is(actual, expected) || Math.abs(actual - expected) <= tolerance.bound) return;
  const off = Math.abs(actual - expected);
  throw new PropertyViolation({
    checked,
    expected: formatNumber(expected),
    actual: Number.isNaN(off)
      ? formatNumber(actual)
      : `${formatNumber(actual)} (off by ${formatNumber(off)})`,
    tolerance: describeTolerance(tolerance),
    hint,
  });
}

/** Passes when `holds`; otherwise reports `expected` (a description) against `actual`. */
export function expectThat(
  checked: string,
  holds: boolean,
  expected: string,
  actual: number | string,
  hint?: string,
): void {
  if (holds) return;
  throw new PropertyViolation({
    checked,
    expected,
    actual: typeof actual === "number" ? formatNumber(actual) : actual,
    hint,
  });
}

/**
 * Compares two gradients component by component (dw[0], dw[1], …, db), each within its own
 * bound; the first component out of tolerance is reported.
 */
export function expectGradientsWithin(
  checked: string,
  actual: Gradients,
  expected: Gradients,
  bounds: Gradients,
  reason: string,
  hint?: string,
): void {
  expectThat(
    `${checked}.dw.length`,
    actual.dw.length === expected.dw.length,
    `${expected.dw.length} (one per feature)`,
    actual.dw.length,
  );
  for (let j = 0; j < expected.dw.length; j++) {
    const bound = { bound: bounds.dw[j], reason };
    expectWithin(`${checked}.dw[${j}]`, actual.dw[j], expected.dw[j], bound, hint);
  }
  expectWithin(`${checked}.db`, actual.db, expected.db, { bound: bounds.db, reason }, hint);
}

/** What a value is, for a message: "a Float64Array", "an Array (number[])", "undefined", … */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an Array (number[])";
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

/** Passes when `value` is a Float64Array, as the contract's types say; reports what it is otherwise. */
export function expectFloat64Array(checked: string, value: unknown): void {
  expectThat(
    checked,
    value instanceof Float64Array,
    "a Float64Array (the contract's type)",
    kindOf(value),
    "return a Float64Array (new Float64Array(n), Float64Array.from(…)): a plain number[] or another typed array is not what the contract promises its callers",
  );
}
