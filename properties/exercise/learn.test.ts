import { expect, test } from "vitest";
import { stepOfFile, stepOfSource, stepsOf } from "../../src/learn/steps.js";

/** npm run learn derives its steps from the property files' names, whatever steps exist. */
test("a property file's step is its name's numeric prefix; other files have none", () => {
  expect(stepOfFile("1-model.test.ts")).toBe(1);
  expect(stepOfFile("3b-metamorphic.test.ts")).toBe(3);
  expect(stepOfFile("10-extra.test.ts")).toBe(10);
  expect(stepOfFile("helpers.ts")).toBeUndefined();
  expect(stepOfFile("model.test.ts")).toBeUndefined();
});

test("a learner's source file's step is its name's numeric prefix; index.ts and helpers have none", () => {
  expect(stepOfSource("1-model.ts")).toBe(1);
  expect(stepOfSource("9-evaluation.ts")).toBe(9);
  expect(stepOfSource("12b-more.ts")).toBe(12);
  expect(stepOfSource("index.ts")).toBeUndefined();
  expect(stepOfSource("matrix-helpers.ts")).toBeUndefined();
});

test("the steps come in numeric order with their files, so new steps (5, 6, 9) join the loop", () => {
  const steps = stepsOf([
    "9-evaluation.test.ts",
    "4c-contract.test.ts",
    "1-model.test.ts",
    "4-gradient-descent.test.ts",
    "10-extra.test.ts",
    "6-standardize.test.ts",
    "5-features.test.ts",
  ]);
  expect(steps).toEqual([
    { step: 1, files: ["1-model.test.ts"] },
    { step: 4, files: ["4-gradient-descent.test.ts", "4c-contract.test.ts"] },
    { step: 5, files: ["5-features.test.ts"] },
    { step: 6, files: ["6-standardize.test.ts"] },
    { step: 9, files: ["9-evaluation.test.ts"] },
    { step: 10, files: ["10-extra.test.ts"] },
  ]);
});
