import type { PropertyId, SubmissionOutcome } from "./types.js";

/**
 * The control: the kit's own src/reference, graded by the same machinery before any
 * submission. It must get every property: if it does not, the grader itself is broken (a
 * property file that needs more of vitest than vitest-shim.ts gives, a bridge that garbles a
 * value …) and every learner would lose those points too.
 *
 * Returns undefined when the control passed, else the message that stops the grading.
 */
export function controlFailure(
  outcome: SubmissionOutcome,
  properties: PropertyId[],
): string | undefined {
  const failed = outcome.properties.filter((p) => !p.passed);
  const passed = outcome.properties.length - failed.length;
  if (failed.length === 0 && outcome.notes.length === 0 && passed === properties.length) {
    return undefined;
  }
  const first = failed[0];
  return (
    `the control, the kit's own src/reference, passes ${passed} of ${properties.length} properties: ` +
    `the grader is broken (see src/grade/vitest-shim.ts), and every submission would lose those points too` +
    (outcome.notes.length > 0 ? `\n  notes: ${outcome.notes.join("; ")}` : "") +
    (first
      ? `\n  first failure: ${first.file} > ${first.name}\n  ${(first.message ?? "").split("\n").slice(0, 6).join("\n  ")}`
      : "")
  );
}
