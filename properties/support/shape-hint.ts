/**
 * Earning a hint from the shape of a wrong answer: the learner's value is compared with what each
 * of a few common mistakes would give on the same counterexample (computed here from the
 * reference's parts), and a mistake is named only when its value matches the learner's and
 * differs from the right one. When several match (one row cannot tell "skips the last example"
 * from "skips the first"), all of them are named; when none does, the caller's neutral hint stays.
 */

/** How close, relative, a value must be to a mistake's value to be named as that mistake. */
export const SAME_VALUE = 1e-6;

/**
 * One known mistake: what the value is under it ("this is …"), the fix, and its values (in the
 * order of the compared vector).
 */
export interface Mistake {
  what: string;
  fix: string;
  values: readonly number[];
}

/**
 * Subnormal values carry few digits: 16 of their steps (16 · 2⁻¹⁰⁷⁴ ≈ 7.9e-323) absolute, for sums
 * taken in another order.
 */
const SUBNORMAL_SLACK = 16 * Number.MIN_VALUE;

/** True when a is b to {@link SAME_VALUE} relative, or {@link SUBNORMAL_SLACK} absolute. */
export function sameValue(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return Object.is(a, b);
  return Math.abs(a - b) <= Math.max(SAME_VALUE * Math.abs(b), SUBNORMAL_SLACK);
}

function sameVector(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
}

/**
 * The hint naming every mistake in `mistakes` whose values are `actual` while the right values,
 * `right`, are not; undefined when none is.
 */
export function namedMistake(
  actual: readonly number[],
  right: readonly number[],
  mistakes: readonly Mistake[],
): string | undefined {
  if (sameVector(actual, right)) return undefined;
  const matches = mistakes.filter(
    (mistake) => sameVector(actual, mistake.values) && !sameVector(mistake.values, right),
  );
  if (matches.length === 0) return undefined;
  const fixes = [...new Set(matches.map((mistake) => mistake.fix))].join("; ");
  if (matches.length === 1) return `this is ${matches[0].what}: ${fixes}`;
  const whats = matches.map((mistake) => mistake.what).join(", or ");
  return `this is ${whats} (this counterexample cannot tell them apart): ${fixes}`;
}
