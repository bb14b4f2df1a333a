import type { Matrix, Scaling } from "../contract.js";
import * as reference from "../reference/index.js";
import { AGE_LABELS } from "../reference/index.js";
import { DUMMY_COLUMNS, derivations, encodeFeatures } from "./encode.js";
import type { Derivation, DummyLevels, FeatureSteps } from "./encode.js";
import { CATEGORICAL_COLUMNS } from "./schema.js";
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
  /** The features of `table` before standardization (step 5 alone, with the fitted levels). */
  encode(table: BankTable): Matrix;
  /**
   * The standardized features X (rows × features), the label y, and per string column the
   * number of rows whose level was not seen in fitting (encoded as all zeros).
   */
  transform(table: BankTable): { X: Matrix; y: Float64Array; unseenLevels: Record<string, number> };
}

/** The step-5 and step-6 functions the feature pipeline calls. */
export type DataSteps = FeatureSteps & Pick<Scaling, "fitScaler" | "transformScaler">;

/**
 * Fits the article's pipeline on `table`:
 *
 *     age_group = pd.cut(age, bins=[18,25,35,45,55,65,100], labels=[…])
 *     drop age, day;  <col>_flag = {yes: 1, no: 0}[<col>] for default, housing, loan
 *     pd.get_dummies([age_group, marital, education, poutcome, job, contact, month], drop_first=True)
 *     StandardScaler().fit(X)
 *
 * String levels are those that occur in the table, sorted (pandas: `oneHot`'s default levels);
 * age_group keeps all six categories, as a pandas Categorical does, even those without rows.
 * Steps 5 and 6 are the reference's functions unless `steps` names another implementation's
 * (the learner's, with `npm run train -- --impl impl`).
 */
export function fitFeatures(table: BankTable, steps: DataSteps = reference): FeatureTransform {
  if (table.rows === 0) throw new RangeError("fitFeatures: the table has no rows");
  const levels: Record<string, string[]> = { age_group: [...AGE_LABELS] };
  for (const column of CATEGORICAL_COLUMNS) {
    const { codes, levels: tableLevels } = table.categorical[column];
    levels[column] = steps.oneHot(Array.from(codes, (code) => tableLevels[code])).levels;
  }
  const dummyLevels = levels as unknown as DummyLevels;
  const made = derivations(dummyLevels);
  const encode = (rows: BankTable) => encodeFeatures(rows, dummyLevels, 0, rows.rows, steps);
  const { means, scales } = steps.fitScaler(encode(table).X);
  const featureNames = made.map((d) => d.name);
  const fitted: FeatureTransform & { toJSON(): object } = {
    featureNames,
    means,
    scales,
    levels,
    derivations: made,
    encode: (rows) => encode(rows).X,
    transform(rows: BankTable) {
      const { X, unseenLevels } = encode(rows);
      return {
        X: steps.transformScaler(X, { means, scales }),
        y: Float64Array.from(rows.label),
        unseenLevels,
      };
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
