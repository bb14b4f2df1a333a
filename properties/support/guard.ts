import type { ArticleImplementation, ContractFunction } from "../../src/contract.js";
import {
  CALL_REPORTING_CHANGES,
  type CallReportingChanges,
} from "../../src/grade/reported-call.js";
import { deepCopy } from "./deep-copy.js";
import { PropertyViolation } from "./expectations.js";
import { formatNumber } from "./format.js";

/**
 * Mutation of an argument, reported first and as itself.
 *
 * {@link guardArguments} wraps the functions of the implementation under test so that every call
 * snapshots the arguments the contract says are left alone, and, when the call returns, fails
 * with a violation naming the argument and the first entry that changed ("X.data[3] was 2, is
 * now 0 after transformScaler(X, scaler)") before the property compares anything. A property's
 * "expected", computed from those arguments after the call, is therefore always computed from
 * the inputs as they were passed.
 */

/** The names of the arguments of each function that it must leave as they were (by position). */
const LEFT_ALONE: Readonly<Record<ContractFunction, readonly string[]>> = {
  predict: ["x", "w"],
  sigmoid: [],
  computeCost: ["X", "y", "w"],
  computeCostVectorized: ["X", "y", "w"],
  computeGradients: ["X", "y", "w"],
  computeGradientsVectorized: ["X", "y", "w"],
  // options is not guarded: costHistory is appended to by design.
  gradientDescent: ["X", "y", "w"],
  ageGroup: [],
  yesNoFlag: [],
  oneHot: ["values", "levels"],
  fitScaler: ["X"],
  transformScaler: ["X", "scaler"],
  standardizeFeatures: ["df"],
  confusionMatrix: ["y", "probabilities"],
  accuracy: ["confusion"],
  precision: ["confusion"],
  recall: ["confusion"],
  f1: ["confusion"],
  rocAuc: ["y", "scores"],
  logLoss: ["y", "logits"],
};

function show(value: unknown): string {
  return typeof value === "number" ? formatNumber(value) : (JSON.stringify(value) ?? String(value));
}

/** The first place where `now` differs from `was` (a path and the two values), or undefined. */
export function firstDifference(was: unknown, now: unknown, path: string): string | undefined {
  if (was instanceof Float64Array) {
    if (!(now instanceof Float64Array) || now.length !== was.length) {
      return `${path} was a Float64Array of length ${was.length}, is now ${now instanceof Float64Array ? `of length ${now.length}` : show(now)}`;
    }
    for (let i = 0; i < was.length; i++) {
      if (!Object.is(was[i], now[i]))
        return `${path}[${i}] was ${show(was[i])}, is now ${show(now[i])}`;
    }
    return undefined;
  }
  if (ArrayBuffer.isView(was) || Array.isArray(was)) {
    const a = was as unknown as ArrayLike<unknown>;
    const b = now as ArrayLike<unknown> | undefined;
    if (!b || typeof b !== "object" || b.length !== a.length) {
      return `${path} had length ${a.length}, now ${b && typeof b === "object" ? b.length : show(b)}`;
    }
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (was !== null && typeof was === "object") {
    if (now === null || typeof now !== "object")
      return `${path} was an object, is now ${show(now)}`;
    for (const key of Object.keys(was)) {
      const found = firstDifference(
        (was as Record<string, unknown>)[key],
        (now as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(was, now) ? undefined : `${path} was ${show(was)}, is now ${show(now)}`;
}

/** `f` as a function that fails with a violation when it changes one of its `names` arguments. */
function guarded(name: string, names: readonly string[], f: (...args: unknown[]) => unknown) {
  if (names.length === 0) return f;
  const reporting = (f as { [CALL_REPORTING_CHANGES]?: CallReportingChanges })[
    CALL_REPORTING_CHANGES
  ];
  const check = (before: unknown[], args: unknown[]) => {
    names.forEach((argument, k) => {
      const difference = firstDifference(before[k], args[k], argument);
      if (difference === undefined) return;
      throw new PropertyViolation({
        checked: `the argument ${argument} after ${name}(${names.join(", ")})`,
        expected: "unchanged (the contract: the arguments are left as they were)",
        actual: `changed in place: ${difference}`,
        hint: `${name} wrote into its argument ${argument}: work on a copy (Float64Array.from, [...array], a new object) and leave the caller's data as it was`,
        blame: [name],
      });
    });
  };
  const snapshot = (args: unknown[]) => names.map((_, k) => deepCopy(args[k]));
  return (...args: unknown[]) => {
    // The grader's call of a submission in its sandbox says whether it changed the arguments
    // (src/grade/reported-call.ts): they are copied, to be compared, only when it did.
    const reported = reporting?.(args);
    if (reported !== undefined) {
      if (reported.replayChange !== undefined) {
        const before = snapshot(args);
        reported.replayChange();
        check(before, args);
      }
      return reported.value;
    }
    const before = snapshot(args);
    const result = f(...args);
    check(before, args);
    return result;
  };
}

/**
 * The functions of `lr` wrapped so that each reports a change to an argument it must leave
 * alone (see the module comment), with the same names and types.
 */
export function guardArguments<T extends Partial<ArticleImplementation>>(lr: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(lr)) {
    const names = LEFT_ALONE[name as ContractFunction];
    wrapped[name] =
      typeof value === "function" && names
        ? guarded(name, names, value as (...args: unknown[]) => unknown)
        : value;
  }
  return wrapped as T;
}

/** (name, function) pairs, such as support/implementation.ts's costFunctions, with each function guarded. */
export function guardPairs<P extends readonly (readonly [ContractFunction, unknown])[]>(
  pairs: P,
): P {
  return pairs.map(([name, f]) => [
    name,
    guarded(name, LEFT_ALONE[name], f as (...args: unknown[]) => unknown),
  ]) as unknown as P;
}
