import { expect, test } from "vitest";
import { score } from "../../src/grade/outputs.js";
import { parseRubric, pointsFor } from "../../src/grade/rubric.js";

/** A rubric that weights whole steps: the step's points divided among its properties. */

const properties = [1, 2, 3].map((n) => ({
  file: "properties/model/2-cost.test.ts",
  step: 2,
  name: `cost property ${n}`,
}));
properties.push({ file: "properties/model/1-model.test.ts", step: 1, name: "sigmoid property" });

test("stepTotals divides a step's points equally among its properties; a grade sums them back", () => {
  const rubric = parseRubric("r.json", '{"stepTotals": {"2": 10}, "steps": {"1": 4}}', properties);
  expect(properties.map((p) => pointsFor(rubric, p))).toEqual([10 / 3, 10 / 3, 10 / 3, 4]);
  const outcome = {
    notes: [],
    calls: 0,
    seconds: 0,
    properties: properties.map((p, i) => ({ ...p, passed: i !== 1 })),
  };
  const grade = score("alice", outcome, rubric, properties);
  // The step's maximum is its total; two of its three properties passed: 20/3, rounded to 1e-6.
  expect(grade.steps["2"]).toEqual({ score: 6.666667, max: 10 });
  expect(grade.max).toBe(14);
  expect(grade.total).toBe(10.666667);
});

test.each([
  [
    '{"stepTotals": {"7": 3}}',
    /\$\.stepTotals\["7"\]: expected a step of the suite \(2, 1\), got "7"$/,
  ],
  ['{"stepTotals": {"2": -1}}', /\$\.stepTotals\["2"\]: expected a number of points ≥ 0, got -1$/],
  ['{"stepTotals": [10]}', /\$\.stepTotals: expected an object like \{ "2": 10 \}, got \[10\]$/],
  [
    '{"steps": {"2": 1}, "stepTotals": {"2": 10}}',
    /\$\.stepTotals\["2"\]: expected a step that is not also in "steps", got "2"$/,
  ],
  [
    '{"properties": {"cost property 2": 5}, "stepTotals": {"2": 10}}',
    /\$\.stepTotals\["2"\]: expected a step none of whose properties has points in "properties" \("cost property 2" has\), got "2"$/,
  ],
])("the rubric %s is refused, naming the JSON path and why", (text, error) => {
  expect(() => parseRubric("r.json", text, properties)).toThrow(error);
});
