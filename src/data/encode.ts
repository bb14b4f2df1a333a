import type { FeatureEngineering, Matrix } from "../contract.js";
import * as reference from "../reference/index.js";
import { AGE_BINS, AGE_LABELS } from "../reference/index.js";
import { CATEGORICAL_COLUMNS, YES_NO_COLUMNS } from "./schema.js";
import type { CategoricalColumn } from "./schema.js";
import type { BankTable } from "./table.js";

/*
 * Article step 5 — cleaning and feature engineering: the age bins, the yes/no flags and
 * `pd.get_dummies(..., drop_first=True)`, column by column into the feature matrix.
 */

/** The numeric columns the article keeps as features, in the file's order (age, day dropped). */
const FEATURE_NUMERIC_COLUMNS = ["balance", "duration", "campaign", "pdays", "previous"] as const;

/** The columns `get_dummies` encodes, in the article's order: age_group first. */
export const DUMMY_COLUMNS = ["age_group", ...CATEGORICAL_COLUMNS] as const;
export type DummyColumn = (typeof DUMMY_COLUMNS)[number];

/** Levels per dummy column in pandas' order; the first is dropped (`drop_first=True`). */
export type DummyLevels = Record<DummyColumn, readonly string[]>;

/** One feature and how it is made from the file's columns. */
export interface Derivation {
  name: string;
  source: string;
  kind: "numeric" | "yes/no flag" | "age bin" | "one-hot";
  description: string;
}

/** The article's feature columns, in the order pandas produces them, and how each is made. */
export function derivations(levels: DummyLevels): Derivation[] {
  const numeric = FEATURE_NUMERIC_COLUMNS.map((name): Derivation => ({
    name,
    source: name,
    kind: "numeric",
    description: `${name} as read`,
  }));
  const flags = YES_NO_COLUMNS.map((column): Derivation => ({
    name: `${column}_flag`,
    source: column,
    kind: "yes/no flag",
    description: `1 if ${column} is "yes", 0 if "no"`,
  }));
  const dummies = DUMMY_COLUMNS.flatMap((column) =>
    levels[column].slice(1).map((level): Derivation => {
      const name = `${column}_${level}`;
      if (column !== "age_group") {
        const description = `1 if ${column} is ${JSON.stringify(level)}, else 0 (baseline ${JSON.stringify(levels[column][0])} dropped)`;
        return { name, source: column, kind: "one-hot", description };
      }
      const k = AGE_LABELS.indexOf(level);
      const bin = (b: number) => `${AGE_BINS[b]} < age ≤ ${AGE_BINS[b + 1]}`;
      return {
        name,
        source: "age",
        kind: "age bin",
        description: `1 if ${bin(k)} (pd.cut, right-closed), else 0 (baseline "${AGE_LABELS[0]}", ${bin(0)}, dropped; no bin: all 0)`,
      };
    }),
  );
  return [...numeric, ...flags, ...dummies];
}

/** The step-5 functions that encode the features: the reference's, or another implementation's. */
export type FeatureSteps = Pick<FeatureEngineering, "ageGroup" | "yesNoFlag" | "oneHot">;

/**
 * The article's features of rows [start, end) (all by default), before standardization (pandas:
 * the DataFrame after `get_dummies`), as a row-major Matrix with one column per
 * {@link derivations} entry: numeric columns as read, yes/no as `yesNoFlag`, then for each dummy
 * column the columns of `oneHot` with the fitted levels (age_group from `ageGroup`): a 1 in the
 * column of the row's level — none for the baseline level, for an age in no bin, or for a level
 * that is not in `levels` (unseen when fitting; counted per column in `unseenLevels`). The step
 * functions are the reference's unless `steps` names others (the learner's, with `--impl impl`).
 */
export function encodeFeatures(
  table: BankTable,
  levels: DummyLevels,
  start = 0,
  end = table.rows,
  steps: FeatureSteps = reference,
): { X: Matrix; unseenLevels: Record<CategoricalColumn, number> } {
  const cols = derivations(levels).length;
  const rows = end - start;
  const X = { rows, cols, data: new Float64Array(rows * cols) };
  const { data } = X;
  const numeric = FEATURE_NUMERIC_COLUMNS.map((name) => table.numeric[name]);
  const flagValues = [steps.yesNoFlag("no"), steps.yesNoFlag("yes")];
  const flags = YES_NO_COLUMNS.map((name) => table.yesNo[name]);
  for (let i = start; i < end; i++) {
    const row = (i - start) * cols;
    for (let j = 0; j < numeric.length; j++) data[row + j] = numeric[j][i];
    for (let j = 0; j < flags.length; j++) data[row + numeric.length + j] = flagValues[flags[j][i]];
  }
  const unseenLevels = {} as Record<CategoricalColumn, number>;
  let offset = numeric.length + flags.length;
  const place = (column: DummyColumn, values: (string | null)[]) => {
    const { columns } = steps.oneHot(values, levels[column]);
    const expected = levels[column].length - 1;
    if (columns.length !== expected) {
      throw new Error(
        `oneHot (article step 5) returned ${columns.length} columns for the ${levels[column].length} levels of ${column}: expected ${expected}, one per level after the first`,
      );
    }
    columns.forEach((values, k) => {
      for (let i = 0; i < rows; i++) data[i * cols + offset + k] = values[i];
    });
    offset += expected;
  };
  const ages = table.numeric.age.subarray(start, end);
  place(
    "age_group",
    Array.from(ages, (age) => steps.ageGroup(age)),
  );
  for (const column of CATEGORICAL_COLUMNS) {
    const { codes, levels: tableLevels } = table.categorical[column];
    const fitted = new Set(levels[column]);
    let unseen = 0;
    const values: string[] = [];
    for (let i = start; i < end; i++) {
      const value = tableLevels[codes[i]];
      if (!fitted.has(value)) unseen++;
      values.push(value);
    }
    unseenLevels[column] = unseen;
    place(column, values);
  }
  return { X, unseenLevels };
}
