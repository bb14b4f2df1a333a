import fc from "fast-check";
import { test } from "vitest";
import { exactly, expectThat, expectWithin } from "../support/expectations.js";
import { permutation } from "../support/arbitraries.js";
import { guardArguments } from "../support/guard.js";
import { checkExample, checkProperty } from "../support/property.js";
import { requireFunctions } from "../support/step-functions.js";
import { nextUp } from "../../src/numerics/rounding.js";

/** Each function fails first, as itself, if it changes an argument (support/guard.ts). */
const lr = guardArguments(requireFunctions("ageGroup", "yesNoFlag", "oneHot"));

const step =
  "step 5 — features: pd.cut(age, bins=[18,25,35,45,55,65,100]), yes/no → 1/0, pd.get_dummies(drop_first=True)";

/** The article's bins and labels, written out here (not imported) so the test states them. */
const EDGES = [18, 25, 35, 45, 55, 65, 100];
const LABELS = ["18–24", "25–34", "35–44", "45–54", "55–64", "65+"];

/** The next double below x (nextUp steps the float64 bit pattern). */
const nextDown = (x: number) => -nextUp(-x);

/** The bin by definition: LABELS[k] when EDGES[k] < age ≤ EDGES[k + 1], else null. */
function expectedGroup(age: number): string | null {
  const k = EDGES.findIndex((edge, j) => j + 1 < EDGES.length && edge < age && age <= EDGES[j + 1]);
  return k < 0 ? null : LABELS[k];
}

/** Ages that reach every edge exactly, the doubles just either side, whole ages and fractions. */
const age: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.constantFrom(...EDGES.flatMap((edge) => [nextUp(edge), nextDown(edge), edge - 1, edge + 1])),
  fc.integer({ min: 0, max: 120 }),
  fc.double({ min: -10, max: 130, noNaN: true }),
);

/**
 * Category levels, few of them so that rows repeat levels: the article's (ASCII, with "." and
 * "-"), case variants, the empty string (a level like any other, and the first in code-point
 * order: a falsy value that `if (value)` or `.filter(Boolean)` would drop), a space, and
 * characters where JavaScript's default sort (UTF-16 units) and Python's (code points)
 * disagree: U+FFFF and 😀 (U+1F600, a surrogate pair).
 */
const level = fc.constantFrom(
  "admin.",
  "blue-collar",
  "unknown",
  "Married",
  "married",
  "",
  " ",
  "é",
  "\uFFFF",
  "😀",
  "z",
);

/** A column of 1 to 12 values (one-row columns included) and, often, a null (pandas' NaN). */
const column = fc.array(fc.option(level, { freq: 8, nil: null }), { minLength: 1, maxLength: 12 });

/** Python's order of strings: by code point. */
function pythonOrder(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
  return x.length - y.length;
}

/** The hint for levels `actual` where `expected` was due, earned from the two lists. */
function levelsHint(expected: string[], actual: string[]): string | undefined {
  const utf16 = [...expected].sort();
  if (JSON.stringify(actual) === JSON.stringify(utf16)) {
    return "these are the levels in JavaScript's default order (UTF-16 units): pandas sorts by code point, as Python compares strings";
  }
  if (
    expected.includes("") &&
    JSON.stringify(actual) === JSON.stringify(expected.filter(Boolean))
  ) {
    return 'the empty string is missing from the levels: "" is a value like any other (only null is missing) — a truthiness test drops it';
  }
  return undefined;
}

/** The one-hot row i of `columns` as a string "0 1 0" (for messages). */
const rowOf = (columns: Float64Array[], i: number) => columns.map((c) => c[i]).join(" ");

test("ageGroup puts every age in (18, 100] in exactly its right-closed bin, and 18, ≤ 18, > 100 and NaN in none", () => {
  checkProperty({
    step,
    hint: "pd.cut's bins are right-closed: (18, 25], (25, 35], … — an age equal to an edge belongs to the bin that ends there, and 18 itself to no bin",
    blames: "ageGroup",
    clauses: ["ageGroup.bins", "ageGroup.outside"],
    inputs: fc.record({ age: fc.oneof(age, fc.constant(NaN)) }),
    check: ({ age }) => {
      const expected = expectedGroup(age);
      const actual = lr.ageGroup(age);
      expectThat(
        `ageGroup(${age})`,
        actual === expected,
        expected === null ? "null (no bin)" : JSON.stringify(expected),
        JSON.stringify(actual),
      );
    },
  });
});

test("ageGroup at every edge 18, 25, 35, 45, 55, 65, 100 and at the doubles either side of each: the right-closed bin, checked one by one", () => {
  // Each edge belongs to the bin that ends there (18 to none); the double just above an edge to
  // the next bin (above 100: none); the double just below to the bin that ends at the edge.
  const ages = EDGES.flatMap((edge) => [nextDown(edge), edge, nextUp(edge)]);
  checkExample({
    step,
    hint: 'pd.cut\'s bins are right-closed, (lo, hi]: compare with `>` on the left and `<=` on the right, and check the first and the last edge (18 is in no bin, 100 is in "65+")',
    blames: "ageGroup",
    clauses: ["ageGroup.edges", "ageGroup.outside"],
    input: { ages },
    check: ({ ages }) => {
      for (const age of ages) {
        const expected = expectedGroup(age);
        const actual = lr.ageGroup(age);
        expectThat(
          `ageGroup(${age})`,
          actual === expected,
          expected === null ? "null (no bin)" : JSON.stringify(expected),
          JSON.stringify(actual),
        );
      }
    },
  });
});

test("yesNoFlag maps “yes” to 1 and “no” to 0", () => {
  checkExample({
    step,
    hint: "df[col].map({'yes': 1, 'no': 0}): yes is the 1",
    blames: "yesNoFlag",
    clauses: ["yesNoFlag.yes", "yesNoFlag.no"],
    input: { values: ["yes", "no"] },
    check: () => {
      const exact = exactly("the flags are the integers 1 and 0");
      expectWithin('yesNoFlag("yes")', lr.yesNoFlag("yes"), 1, exact);
      expectWithin('yesNoFlag("no")', lr.yesNoFlag("no"), 0, exact);
    },
  });
});

/**
 * Any string: near misses of "yes" and "no" (case, whitespace, a prefix, full-width letters, an
 * accent, a NUL), the empty string, and strings of any UTF-16 units and of any code points.
 */
const anyString = fc.oneof(
  fc.constantFrom(
    "Yes",
    "YES",
    "No",
    "NO",
    " yes",
    "yes ",
    "no\n",
    "\tno",
    "y",
    "n",
    "ye",
    "",
    "ｙｅｓ",
    "yés",
    "yes\u0000",
    "true",
    "1",
    "0",
    "null",
  ),
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("yes", "no"),
);

/** The hint for yesNoFlag(value) = actual, earned from what the value and the answer show. */
function flagHint(value: string, actual: number): string | undefined {
  const forgiving = value.trim().toLowerCase();
  if ((forgiving === "yes" && actual === 1) || (forgiving === "no" && actual === 0)) {
    return `${JSON.stringify(value)} is read as ${JSON.stringify(forgiving)}: the key must match exactly, without trimming or changing case`;
  }
  if (actual === 0 && forgiving !== "no") {
    return `${JSON.stringify(value)} is neither "yes" nor "no", yet gives 0: an unknown answer is NaN (pandas' missing key), not "no"`;
  }
  return undefined;
}

test("yesNoFlag is NaN for every string other than exactly “yes” or “no”: other case, whitespace, empty, unicode", () => {
  checkProperty({
    step,
    hint: "pandas' .map({'yes': 1, 'no': 0}) matches the key exactly and gives NaN for any other string: compare the counterexample's string with \"yes\" and \"no\" character by character",
    blames: "yesNoFlag",
    clauses: ["yesNoFlag.other", "yesNoFlag.yes", "yesNoFlag.no"],
    inputs: fc.record({ value: anyString }),
    check: ({ value }) => {
      const expected = value === "yes" ? 1 : value === "no" ? 0 : NaN;
      const actual = lr.yesNoFlag(value);
      expectThat(
        `yesNoFlag(${JSON.stringify(value)})`,
        Object.is(actual, expected),
        Number.isNaN(expected) ? 'NaN (not exactly "yes" or "no")' : String(expected),
        actual,
        flagHint(value, actual),
      );
    },
  });
});

test("oneHot's default levels are the distinct non-null values sorted as Python sorts strings (by code point), and there is one column per level after the first", () => {
  checkProperty({
    step,
    hint: "the levels are every distinct non-null value, sorted by Unicode code point, and drop_first=True leaves levels − 1 columns: write that list for the counterexample's values and compare",
    blames: "oneHot",
    clauses: ["oneHot.default-levels", "oneHot.columns"],
    inputs: fc.record({ values: column }),
    check: ({ values }) => {
      const { levels, columns } = lr.oneHot(values);
      const expected = [...new Set(values.filter((v) => v !== null))].sort(pythonOrder);
      expectThat(
        "oneHot(values).levels",
        JSON.stringify(levels) === JSON.stringify(expected),
        JSON.stringify(expected),
        JSON.stringify(levels),
        levelsHint(expected, levels),
      );
      expectThat(
        "oneHot(values).columns.length",
        columns.length === Math.max(0, expected.length - 1),
        `${Math.max(0, expected.length - 1)} (levels − 1: the first level is dropped)`,
        columns.length,
      );
      for (const [k, c] of columns.entries()) {
        expectThat(
          `oneHot(values).columns[${k}].length`,
          c.length === values.length,
          `${values.length} (one entry per row)`,
          c.length,
        );
      }
    },
  });
});

test("each one-hot row has at most one 1, exactly one unless its level is the dropped first one (or null, or unseen), and decodes back to its value", () => {
  checkProperty({
    step,
    hint: "row i gets a 1 in the column of its own level and 0 elsewhere; the first level (the dropped one), a null and a level not in `levels` are all zeros",
    blames: "oneHot",
    clauses: ["oneHot.rows", "oneHot.given-levels"],
    inputs: fc.record({
      values: column,
      levels: fc.option(fc.uniqueArray(level, { minLength: 1, maxLength: 5 }), { nil: undefined }),
    }),
    check: ({ values, levels: given }) => {
      const { levels, columns } = lr.oneHot(values, given);
      if (given) {
        expectThat(
          "oneHot(values, levels).levels",
          JSON.stringify(levels) === JSON.stringify(given),
          `the given levels, as given: ${JSON.stringify(given)}`,
          JSON.stringify(levels),
        );
      }
      for (let i = 0; i < values.length; i++) {
        const row = columns.map((c) => c[i]);
        const k = values[i] === null ? -1 : levels.indexOf(values[i] as string);
        const expected = levels.slice(1).map((_, j) => (j + 1 === k ? 1 : 0));
        expectThat(
          `row ${i} of oneHot(values${given ? ", levels" : ""}) for ${JSON.stringify(values[i])}`,
          row.join(" ") === expected.join(" "),
          `${expected.join(" ") || "(no columns)"} (${k > 0 ? `a 1 for level ${JSON.stringify(levels[k])}` : k === 0 ? "the dropped first level: all zeros" : "no level: all zeros"})`,
          rowOf(columns, i) || "(no columns)",
        );
        const decoded = row.indexOf(1) + 1;
        if (k >= 0) {
          expectThat(
            `the level decoded from row ${i}`,
            levels[decoded] === values[i],
            JSON.stringify(values[i]),
            JSON.stringify(levels[decoded]),
          );
        }
      }
    },
  });
});

test("permuting the rows permutes the one-hot rows the same way (with the same levels)", () => {
  checkProperty({
    step,
    hint: "each row's encoding may depend only on its own value and the levels, not on its position or on the rows before it",
    blames: "oneHot",
    clauses: ["oneHot.row-order"],
    inputs: column.chain((values) =>
      fc.record({ values: fc.constant(values), order: permutation(values.length) }),
    ),
    check: ({ values, order }) => {
      const whole = lr.oneHot(values);
      const shuffled = lr.oneHot(
        order.map((i) => values[i]),
        whole.levels,
      );
      for (let k = 0; k < order.length; k++) {
        expectThat(
          `row ${k} of oneHot(permuted values, levels)`,
          rowOf(shuffled.columns, k) === rowOf(whole.columns, order[k]),
          rowOf(whole.columns, order[k]),
          rowOf(shuffled.columns, k),
        );
      }
    },
  });
});

test("a worked example: six rows of the article's columns, binned, flagged and one-hot encoded by hand", () => {
  // age 18, 25, 26, 45, 65, 100: 18 is in no bin; 25 ends "18–24" (dropped: all zeros); 26 is
  // "25–34"; 45 ends "35–44"; 65 ends "55–64"; 100 ends "65+".
  // marital: married, single, divorced, married, single, married → levels divorced < married <
  // single, "divorced" dropped: columns married, single.
  // housing: yes, no, no, yes, yes, no → 1, 0, 0, 1, 1, 0.
  const input = {
    age: [18, 25, 26, 45, 65, 100],
    marital: ["married", "single", "divorced", "married", "single", "married"],
    housing: ["yes", "no", "no", "yes", "yes", "no"],
  };
  checkExample({
    step,
    hint: "check the right-closed bins at their edges, the sorted levels with the first one dropped, and which answer is the 1",
    blames: "oneHot",
    clauses: [
      "ageGroup.bins",
      "oneHot.default-levels",
      "oneHot.given-levels",
      "oneHot.rows",
      "yesNoFlag.yes",
      "yesNoFlag.no",
    ],
    input,
    check: ({ age, marital, housing }) => {
      const groups = age.map((a) => lr.ageGroup(a));
      const expectedGroups = [null, "18–24", "25–34", "35–44", "55–64", "65+"];
      expectThat(
        "age.map(ageGroup)",
        JSON.stringify(groups) === JSON.stringify(expectedGroups),
        JSON.stringify(expectedGroups),
        JSON.stringify(groups),
      );
      const ages = lr.oneHot(groups, LABELS);
      const expectedAges = [
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
      ];
      const m = lr.oneHot(marital);
      const expectedMarital = [
        [1, 0],
        [0, 1],
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 0],
      ];
      expectThat(
        "oneHot(marital).levels",
        JSON.stringify(m.levels) === '["divorced","married","single"]',
        '["divorced","married","single"]',
        JSON.stringify(m.levels),
      );
      for (let i = 0; i < 6; i++) {
        expectThat(
          `row ${i} of oneHot(age groups, labels)`,
          rowOf(ages.columns, i) === expectedAges[i].join(" "),
          expectedAges[i].join(" "),
          rowOf(ages.columns, i),
        );
        expectThat(
          `row ${i} of oneHot(marital)`,
          rowOf(m.columns, i) === expectedMarital[i].join(" "),
          expectedMarital[i].join(" "),
          rowOf(m.columns, i),
        );
        expectWithin(
          `yesNoFlag(${JSON.stringify(housing[i])})`,
          lr.yesNoFlag(housing[i]),
          [1, 0, 0, 1, 1, 0][i],
          exactly("a flag is 0 or 1"),
        );
      }
    },
  });
});
