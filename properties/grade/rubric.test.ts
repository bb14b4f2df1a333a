import { expect, test } from "vitest";
import { parseRubric, pointsFor } from "../../src/grade/rubric.js";

const properties = [
  { file: "properties/model/1-model.test.ts", step: 1, name: "sigmoid is symmetric" },
  { file: "properties/model/4-gradient-descent.test.ts", step: 4, name: "descent lemma" },
];

test("a rubric sets points per step, per property (over its step's) and hidden properties", () => {
  const text = JSON.stringify({
    steps: { "4": 2 },
    properties: { "sigmoid is symmetric": 3 },
    hidden: ["descent lemma"],
  });
  const rubric = parseRubric("r.json", text, properties);
  expect(properties.map((p) => pointsFor(rubric, p))).toEqual([3, 2]);
  expect(rubric.hidden).toEqual(["descent lemma"]);
  expect(pointsFor(parseRubric("r.json", "{}", properties), properties[0])).toBe(1);
});

test.each([
  ["{", /^r\.json: not valid JSON: /],
  ["[]", /^r\.json: \$: expected an object with "steps", "properties" or "hidden", got \[\]$/],
  ['{"points": 1}', /^r\.json: \$\.points: expected no other keys than .*, got 1$/],
  [
    '{"steps": {"7": 1}}',
    /^r\.json: \$\.steps\["7"\]: expected a step of the suite \(1, 4\), got "7"$/,
  ],
  ['{"steps": {"1": -1}}', /^r\.json: \$\.steps\["1"\]: expected a number of points ≥ 0, got -1$/],
  [
    '{"properties": {"no such": 1}}',
    /^r\.json: \$\.properties\["no such"\]: expected the name of a property of the suite/,
  ],
  ['{"hidden": "descent lemma"}', /^r\.json: \$\.hidden: expected an array of test names/],
  ['{"hidden": [3]}', /^r\.json: \$\.hidden\[0\]: expected a test name \(a string\), got 3$/],
])("the rubric %s is refused with the file, the JSON path and what was expected", (text, error) => {
  expect(() => parseRubric("r.json", text, properties)).toThrow(error);
});
