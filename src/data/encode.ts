import type { Matrix } from "../contract.js";
import { AGE_BINS, AGE_LABELS, ageBin } from "./age-group.js";
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

/**
 * The article's features of rows [start, end) (all by default), before standardization (pandas:
 * the DataFrame after `get_dummies`), as a row-major Matrix with one column per
 * {@link derivations} entry: numeric columns as read, yes/no as 1/0, then for each dummy column a
 * 1 in the column of the row's level — none for the baseline level, for an age in no bin, or for
 * a level that is not in `levels` (unseen when fitting; counted per column in `unseenLevels`).
 */
export function encodeFeatures(
  table: BankTable,
  levels: DummyLevels,
  start = 0,
  end = table.rows,
): { X: Matrix; unseenLevels: Record<CategoricalColumn, number> } {
  const cols = derivations(levels).length;
  const X = { rows: end - start, cols, data: new Float64Array((end - start) * cols) };
  const { data } = X;
  const numeric = FEATURE_NUMERIC_COLUMNS.map((name) => table.numeric[name]);
  const flags = YES_NO_COLUMNS.map((name) => table.yesNo[name]);
  const ageOffset = numeric.length + flags.length;
  const unseenLevels = {} as Record<CategoricalColumn, number>;
  const categorical = [];
  let offset = ageOffset + levels.age_group.length - 1;
  for (const column of CATEGORICAL_COLUMNS) {
    const { codes, levels: tableLevels } = table.categorical[column];
    const toFitted = Int32Array.from(tableLevels, (level) => levels[column].indexOf(level));
    let unseen = 0;
    for (let i = start; i < end; i++) if (toFitted[codes[i]] < 0) unseen++;
    unseenLevels[column] = unseen;
    categorical.push({ codes, toFitted, offset: offset - 1 });
    offset += levels[column].length - 1;
  }
  const age = table.numeric.age;
  for (let i = start; i < end; i++) {
    const row = (i - start) * cols;
    for (let j = 0; j < numeric.length; j++) data[row + j] = numeric[j][i];
    for (let j = 0; j < flags.length; j++) data[row + numeric.length + j] = flags[j][i];
    const bin = ageBin(age[i]);
    if (bin > 0) data[row + ageOffset + bin - 1] = 1;
    for (const { codes, toFitted, offset: start } of categorical) {
      const level = toFitted[codes[i]];
      if (level > 0) data[row + start + level] = 1;
    }
  }
  return { X, unseenLevels };
}
