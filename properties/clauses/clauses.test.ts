import { expect, test } from "vitest";
import { readClauses } from "../../src/clauses/contract-clauses.js";
import { clauseFindings, renderClauseDoc, type ClauseSources } from "../../src/clauses/document.js";
import { readClauseUses } from "../../src/clauses/test-clauses.js";

/** A contract in the convention's form: clauses in the doc comments of interface members. */
const contract = `
/** Step 5. */
export interface FeatureEngineering {
  /**
   * \`df[col].map({'yes': 1, 'no': 0})\`.
   * @clause yesNoFlag.yes exactly "yes" → 1
   * @clause yesNoFlag.other anything other than exactly "yes" or "no" (other case,
   *   whitespace, empty, unicode) → NaN
   */
  yesNoFlag(value: string): number;
  /**
   * Label of the bin.
   * @clause ageGroup.edge an age equal to an edge belongs to the bin that ends there
   * @clause ageGroup.edge stated again
   * @clause missing-dot text
   * @clause yesNoFlag.misplaced written on ageGroup's comment
   */
  ageGroup(age: number): string | null;
  /** @clause alpha.zero not a function of the contract */
  alpha: number;
}
`;

test("readClauses reads every @clause of the doc comments, multi-line text joined, in order", () => {
  const { clauses, problems } = readClauses("src/contract.ts", contract);
  expect(
    clauses.map(({ id, function: f, text, documents }) => ({ id, f, text, documents })),
  ).toEqual([
    { id: "yesNoFlag.yes", f: "yesNoFlag", text: 'exactly "yes" → 1', documents: "yesNoFlag" },
    {
      id: "yesNoFlag.other",
      f: "yesNoFlag",
      text: 'anything other than exactly "yes" or "no" (other case, whitespace, empty, unicode) → NaN',
      documents: "yesNoFlag",
    },
    {
      id: "ageGroup.edge",
      f: "ageGroup",
      text: "an age equal to an edge belongs to the bin that ends there",
      documents: "ageGroup",
    },
    {
      id: "yesNoFlag.misplaced",
      f: "yesNoFlag",
      text: "written on ageGroup's comment",
      documents: "ageGroup",
    },
    { id: "alpha.zero", f: "alpha", text: "not a function of the contract", documents: "alpha" },
  ]);
  expect(clauses.map((clause) => clause.line)).toEqual([6, 7, 13, 16, 19]);
  expect(problems).toEqual([
    { file: "src/contract.ts", line: 14, message: "@clause ageGroup.edge is stated twice" },
    {
      file: "src/contract.ts",
      line: 15,
      message: '@clause "missing-dot text" is not "<function>.<clause-id> <text>"',
    },
  ]);
});

/** A property file: direct calls, a describe block, a template name, a helper, bad options. */
const properties = `
import { test, describe } from "vitest";
test("yes is 1", () => {
  checkProperty({ step, hint, clauses: ["yesNoFlag.yes"], inputs, check });
});
describe("flags", () => {
  test.each([1, 2])("case %i", () => {
    checkExample({ step, hint, clauses: ["yesNoFlag.other", "yesNoFlag.yes"] as const, input, check });
  });
});
for (const [name, f] of functions) {
  test(\`\${name} is right at the edges\`, () => {
    checkProperty({ clauses: ["ageGroup.edge"], inputs, check });
  });
}
function checkBins(extra: number) {
  checkProperty({ clauses: ["ageGroup.edge", "ageGroup.unknown"], inputs, check });
}
test("bins, small", () => checkBins(1));
it("bins, large", () => { checkBins(2); });
test("no clauses named", () => checkProperty({ step, hint, inputs, check }));
test("unreadable", () => {
  checkProperty(spec);
  checkProperty({ ...common, check });
  checkProperty({ clauses: names, check });
  checkProperty({ clauses: ["a.b", other], check });
});
checkProperty({ clauses: ["yesNoFlag.yes"] });
`;

test("readClauseUses credits each named clause to its test (describe > test, template names as written, helpers' callers)", () => {
  const { uses } = readClauseUses("properties/model/5-features.test.ts", properties);
  expect(uses.map(({ clause, test, line }) => [clause, test, line])).toEqual([
    ["yesNoFlag.yes", "yes is 1", 4],
    ["yesNoFlag.other", "flags > case %i", 8],
    ["yesNoFlag.yes", "flags > case %i", 8],
    ["ageGroup.edge", "${name} is right at the edges", 13],
    ["ageGroup.edge", "bins, small", 17],
    ["ageGroup.edge", "bins, large", 17],
    ["ageGroup.unknown", "bins, small", 17],
    ["ageGroup.unknown", "bins, large", 17],
  ]);
  expect(uses.every((use) => use.file === "properties/model/5-features.test.ts")).toBe(true);
});

test("readClauseUses reports what it cannot read, and a call outside any test, with its line", () => {
  const { problems } = readClauseUses("p.test.ts", properties);
  expect(problems.map(({ line, message }) => [line, message])).toEqual([
    [
      23,
      "the clauses checkProperty names cannot be read: pass its options as an object literal with its own clauses: [...]",
    ],
    [
      24,
      "the clauses checkProperty names cannot be read: pass its options as an object literal with its own clauses: [...]",
    ],
    [25, "checkProperty's clauses must be a list of string literals"],
    [26, "checkProperty's clauses must be a list of string literals"],
    [28, "checkProperty is called outside any test"],
  ]);
});

function sources(): ClauseSources {
  const { clauses } = readClauses("src/contract.ts", contract);
  const { uses } = readClauseUses("properties/model/5-features.test.ts", properties);
  return {
    functions: [
      { name: "ageGroup", step: 5 },
      { name: "yesNoFlag", step: 5 },
      { name: "oneHot", step: 5 },
    ],
    contractFile: "src/contract.ts",
    clauses,
    uses,
  };
}

test("clauseFindings names each mismatch on one line: no clause, unknown function, misplaced, unexercised, unknown clause", () => {
  expect(clauseFindings(sources())).toEqual([
    'src/contract.ts: oneHot states no clause (add "@clause oneHot.<id> <text>" lines to its doc comment)',
    "src/contract.ts:16: @clause yesNoFlag.misplaced is in the doc comment of ageGroup",
    "src/contract.ts:19: @clause alpha.zero names no function of the contract",
    'properties/model/5-features.test.ts:17: "bins, small" names the unknown clause ageGroup.unknown',
    'properties/model/5-features.test.ts:17: "bins, large" names the unknown clause ageGroup.unknown',
  ]);
  const unexercised = {
    ...sources(),
    uses: sources().uses.filter((u) => u.clause !== "yesNoFlag.yes"),
  };
  expect(clauseFindings(unexercised)).toContain(
    "src/contract.ts:6: clause yesNoFlag.yes is exercised by no test (name it in a property's clauses: [...])",
  );
});

test("the document has a row per clause and test, a clause no test names as its own row, and the unknown ones", () => {
  const doc = renderClauseDoc({
    ...sources(),
    uses: sources().uses.filter((u) => u.clause !== "yesNoFlag.other"),
  });
  expect(doc).toContain("2 of 4 clauses, of 3 functions, are exercised by at least one test.");
  expect(doc).toMatch(
    /## ageGroup \(article step 5\)\n\n\| clause +\| the contract says +\| test file +\| test +\|/,
  );
  expect(doc).toMatch(
    /\| yesNoFlag\.other +\| anything other .* → NaN +\| — +\| \*\*no test\*\* +\|/,
  );
  expect(
    doc.match(/\| ageGroup\.edge +\|[^\n]*`properties\/model\/5-features\.test\.ts` \| [^\n]*\|/g),
  ).toHaveLength(3);
  expect(doc).toContain("## oneHot (article step 5)\n\nIts doc comment states no clause.");
  expect(doc).toMatch(
    /## Clauses named by tests but not stated by the contract\n\n[^#]*ageGroup\.unknown[^\n]*bins, small/,
  );
});
