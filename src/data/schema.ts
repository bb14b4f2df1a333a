/**
 * The columns of the Bank Marketing file (Moro et al. 2014), as the article reads them: the same
 * 17 columns in the Kaggle variant (label `deposit`) and in the UCI files (label `y`).
 */

/** Numeric columns, in file order. `age` and `day` are read (and validated) but not features. */
export const NUMERIC_COLUMNS = [
  "age",
  "balance",
  "day",
  "duration",
  "campaign",
  "pdays",
  "previous",
] as const;

/** yes/no columns that the article maps to 1/0 as `<column>_flag`. */
export const YES_NO_COLUMNS = ["default", "housing", "loan"] as const;

/** String columns that the article one-hot encodes, in the order of its `get_dummies` call. */
export const CATEGORICAL_COLUMNS = [
  "marital",
  "education",
  "poutcome",
  "job",
  "contact",
  "month",
] as const;

/** The label column: `deposit` in the Kaggle variant, `y` in the UCI files. */
export const LABEL_COLUMNS = ["deposit", "y"] as const;

export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];
export type YesNoColumn = (typeof YES_NO_COLUMNS)[number];
export type CategoricalColumn = (typeof CATEGORICAL_COLUMNS)[number];
export type LabelColumn = (typeof LABEL_COLUMNS)[number];

/** Every column a bank file must have besides the label, in the file's usual order. */
export const REQUIRED_COLUMNS = [
  "age",
  "job",
  "marital",
  "education",
  "default",
  "balance",
  "housing",
  "loan",
  "contact",
  "day",
  "month",
  "duration",
  "campaign",
  "pdays",
  "previous",
  "poutcome",
] as const;
