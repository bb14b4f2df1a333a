import type { Matrix } from "../contract.js";
import { AGE_LABELS } from "./age-group.js";
import { DUMMY_COLUMNS, derivations, encodeFeatures } from "./encode.js";
import type { Derivation, DummyLevels } from "./encode.js";
import { pandasLevels } from "./levels.js";
import { CATEGORICAL_COLUMNS } from "./schema.js";
import { fitStandardScalerInBlocks, standardizeInPlace } from "./standard-scaler.js";
import type { BankTable } from "./table.js";

/**
 * Article steps 5 and 6 — the article's feature engineering and standardization, fitted on one table and applicable to
 * any other (a test split, new rows): `transform` is pandas' `get_dummies` with the fitted levels
 * followed by `StandardScaler.transform` with the fitted means and scales.
 */
export interface FeatureTransform {
  /** The feature columns in pandas' order (45 on the article's bank.csv). */
  featureNames: string[];
  /** StandardScaler's `mean_`, one per feature. */
  means: Float64Array;
  /** StandardScaler's `scale_` (population std, ddof 0; 1 for a constant column). */
  scales: Float64Array;
  /** Per dummy column (age_group first), its levels in pandas' order; the first is dropped. */
  levels: Record<string, string[]>;
  /** How each feature is made, one entry per feature name. */
  derivations: Derivation[];
  /**
   * The standardized features X (rows × features), the label y, and per string column the
   * number of rows whose level was not seen in fitting (encoded as all zeros).
   */
  transform(table: BankTable): { X: Matrix; y: Float64Array; unseenLevels: Record<string, number> };
}

/**
 * Fits the article's pipeline on `table`:
 *
 *     age_group = pd.cut(age, bins=[18,25,35,45,55,65,100], labels=[…])
 *     drop age, day;  <col>_flag = {yes: 1, no: 0}[<col>] for default, housing, loan
 *     pd.get_dummies([age_group, marital, education, poutcome, job, contact, month], drop_first=True)
 *     StandardScaler().fit(X)
 *
 * String levels are those that occur in the table, sorted (pandas); age_group keeps all six
 * categories, as a pandas Categorical does, even those without rows.
 */
export function fitFeatures(table: BankTable): FeatureTransform {
  if (table.rows === 0) throw new RangeError("fitFeatures: the table has no rows");
  const levels: Record<string, string[]> = { age_group: [...AGE_LABELS] };
  for (const column of CATEGORICAL_COLUMNS)
    levels[column] = pandasLevels(table.categorical[column]);
  const dummyLevels = levels as unknown as DummyLevels;
  const made = derivations(dummyLevels);
  // Fitted block by block: the unstandardized feature matrix never exists whole.
  const { means, scales } = fitStandardScalerInBlocks(
    table.rows,
    made.length,
    (start, end) => encodeFeatures(table, dummyLevels, start, end).X,
  );
  const featureNames = made.map((d) => d.name);
  const fitted: FeatureTransform & { toJSON(): object } = {
    featureNames,
    means,
    scales,
    levels,
    derivations: made,
    transform(rows: BankTable) {
      const { X, unseenLevels } = encodeFeatures(rows, dummyLevels);
      standardizeInPlace(X, { means, scales });
      return { X, y: Float64Array.from(rows.label), unseenLevels };
    },
    toJSON() {
      const dummies = Object.fromEntries(DUMMY_COLUMNS.map((c) => [c, levels[c]]));
      return {
        featureNames,
        means: Array.from(means),
        scales: Array.from(scales),
        levels: dummies,
        derivations: made,
      };
    },
  };
  return fitted;
}
