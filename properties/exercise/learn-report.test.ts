import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { laterStepLine, renderStep } from "../../src/learn/report.js";
import { stubsByStep } from "../../src/learn/stubs.js";

const stub = (name: string, step: number) =>
  `export function ${name}() {\n  throw new Error("not implemented yet: ${name} (article step ${step})");\n}\n`;

test("stubsByStep lists every stub of every step from the source, in file and line order", () => {
  const dir = mkdtempSync(join(tmpdir(), "learn-stubs-"));
  try {
    writeFileSync(
      join(dir, "2-cost.ts"),
      stub("computeCost", 2) + stub("computeCostVectorized", 2),
    );
    writeFileSync(join(dir, "10-extra.ts"), stub("extra", 10));
    writeFileSync(join(dir, "9-evaluation.ts"), stub("accuracy", 9) + stub("f1", 9));
    writeFileSync(join(dir, "1-model.ts"), "export const sigmoid = (z: number) => z;\n");
    writeFileSync(join(dir, "notes.md"), stub("notCode", 1));
    expect(stubsByStep(dir)).toEqual(
      new Map([
        [2, ["computeCost", "computeCostVectorized"]],
        [9, ["accuracy", "f1"]],
        [10, ["extra"]],
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a step's report lists every stub of the step, also those no failing test reached", () => {
  const failures = [
    {
      test: "properties/model/2-cost.test.ts > the cost at 0",
      message: "not implemented yet: computeCost (article step 2)\n  blames computeCost",
    },
    {
      test: "properties/model/2-cost.test.ts > the loop and vectorized costs agree",
      message: "not implemented yet: computeCost (article step 2)",
    },
  ];
  const text = renderStep(2, failures, ["computeCost", "computeCostVectorized"]).join("\n");
  expect(text).toContain("step 2: 2 failing tests");
  expect(text).toContain("not implemented yet: computeCost (article step 2) — write it");
  expect(text).toContain("not implemented yet: computeCostVectorized (article step 2) — write it");
  expect(text.match(/not implemented yet: computeCost \(/g)).toHaveLength(1);
});

test("a real failure is printed in full without its stack; stubs come after it", () => {
  const failures = [
    {
      test: "properties/model/1-model.test.ts > sigmoid is symmetric",
      message:
        "property failed: sigmoid is symmetric\n  blames sigmoid\n    at check (x.test.ts:1:1)",
    },
  ];
  const lines = renderStep(1, failures, ["predict"]);
  expect(lines).toEqual([
    "step 1: 1 failing test",
    "",
    "✗ properties/model/1-model.test.ts > sigmoid is symmetric",
    "property failed: sigmoid is symmetric\n  blames sigmoid",
    "",
    "not implemented yet: predict (article step 1) — write it in src/impl (its doc comment has the formula)",
  ]);
});

test("a later step's line names its stubs, or says it is not checked yet", () => {
  expect(laterStepLine(9, ["accuracy"])).toBe("step 9: 1 function not written yet (accuracy)");
  expect(laterStepLine(6, ["fitScaler", "transformScaler"])).toBe(
    "step 6: 2 functions not written yet (fitScaler, transformScaler)",
  );
  expect(laterStepLine(4, [])).toBe("step 4: not checked yet");
});

test("a step stopped at its first real failure says what it did not run, after the count", () => {
  const failures = [
    {
      test: "properties/model/3-gradients.test.ts > the gradients agree",
      message: "property failed: the gradients agree\n  blames computeGradients",
    },
  ];
  const stopped = (tests: number, files: string[]) =>
    renderStep(3, failures, [], { tests, files })[0];
  expect(stopped(7, ["3b-metamorphic.test.ts"])).toBe(
    "step 3: 1 failing test (stopped at the first real failure: 7 more tests of its file and 3b-metamorphic.test.ts not run yet)",
  );
  expect(stopped(1, [])).toBe(
    "step 3: 1 failing test (stopped at the first real failure: 1 more test of its file not run yet)",
  );
  // The failure was the step's last test: nothing was left out, so nothing is said.
  expect(stopped(0, [])).toBe("step 3: 1 failing test");
});
