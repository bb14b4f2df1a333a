import { describe, expect, test } from "vitest";
import { controlFailure } from "../../src/grade/control.js";
import type { PropertyId, SubmissionOutcome } from "../../src/grade/types.js";

/** The control's verdict: the kit's src/reference must pass every property, or grading stops. */

const properties: PropertyId[] = [
  { file: "properties/model/1-model.test.ts", step: 1, name: "sigmoid is symmetric" },
  { file: "properties/model/2-cost.test.ts", step: 2, name: "cost is finite" },
];

function outcome(passed: boolean[], notes: string[] = []): SubmissionOutcome {
  const results = properties.map((p, i) => ({
    ...p,
    passed: passed[i],
    ...(passed[i] ? {} : { message: "expected 0.5\nreceived NaN" }),
  }));
  return { notes, properties: results, calls: 0, seconds: 0 };
}

describe("the control", () => {
  test("passes when every property passes and nothing stopped it", () => {
    expect(controlFailure(outcome([true, true]), properties)).toBeUndefined();
  });

  test("a failed property stops the grading, naming the count and the first failure", () => {
    const message = controlFailure(outcome([true, false]), properties);
    expect(message).toContain("passes 1 of 2 properties: the grader is broken");
    expect(message).toContain("first failure: properties/model/2-cost.test.ts > cost is finite");
    expect(message).toContain("expected 0.5");
  });

  test("a note (a timeout, a missing export) stops it even when every property passed", () => {
    const message = controlFailure(
      outcome([true, true], ["step 1: timed out after 3 s"]),
      properties,
    );
    expect(message).toContain("notes: step 1: timed out after 3 s");
  });

  test("fewer outcomes than properties stop it", () => {
    const short = {
      ...outcome([true, true]),
      properties: outcome([true, true]).properties.slice(1),
    };
    expect(controlFailure(short, properties)).toContain("passes 1 of 2 properties");
  });
});
