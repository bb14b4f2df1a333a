import { PropertyViolation } from "./expectations.js";

/**
 * The hint of a "reads its arguments at each call" property, earned: it names a cache keyed by
 * the arrays only when the re-check confirms it — the same call on fresh copies of the arrays
 * gives the right answer, so only the reuse of the caller's changed arrays is wrong. Otherwise
 * the answer is wrong on fresh arrays too, and the hint says what to evaluate instead.
 */
function cacheHint(name: string, freshCopiesPass: boolean): string {
  if (freshCopiesPass) {
    return `${name} gives the right answer for fresh copies of the same arrays, but not for the caller's arrays changed in place: a result kept from an earlier call (a cache keyed by the arrays themselves) is returned — compute from the arrays as they are now`;
  }
  return `${name} is off at the changed values even on fresh copies of the arrays, so this is not a stale result: evaluate ${name} at the counterexample's \`changed\` values step by step`;
}

/**
 * Runs `check` (the expectation on the call with the caller's changed arrays); when it fails,
 * runs `freshCheck` (the same expectation on a call with fresh copies) and gives the violation
 * the {@link cacheHint} that the outcome earns.
 */
export function withCacheHint(name: string, check: () => void, freshCheck: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof PropertyViolation)) throw error;
    let freshPasses = true;
    try {
      freshCheck();
    } catch {
      freshPasses = false;
    }
    error.detail.hint = cacheHint(name, freshPasses);
    throw error;
  }
}
