/**
 * The contract every implementation of the article's math satisfies.
 *
 * `src/reference` (the trusted version) and `src/impl` (the learner's room) both export these
 * names; the property suite in `properties/model` loads either one, or any module named by
 * `LOGREG_IMPL`, through this type. Other tools load implementations through it too: keep the
 * names and shapes stable and add members rather than change them.
 */

/** A dense matrix of float64 values stored row-major: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The gradient of the cost: ∂J/∂w (one entry per feature) and ∂J/∂b. */
export interface Gradients {
  dw: Float64Array;
  db: number;
}

/** A function that computes the gradients of the mean cost at (w, b). */
export type GradientFunction = (
  X: Matrix,
  y: Float64Array,
  w: Float64Array,
  b: number,
) => Gradients;

/** A function that computes the mean binary cross-entropy cost at (w, b). */
export type CostFunction = (X: Matrix, y: Float64Array, w: Float64Array, b: number) => number;

export interface GradientDescentOptions {
  /** Learning rate α. */
  alpha: number;
  /** Number of full-batch updates. */
  epochs: number;
  /** Gradient used for each update; defaults to the implementation's vectorized one (or faster). */
  gradientFunction?: GradientFunction;
  /** When given, receives the cost after each epoch's update (one entry per epoch, appended). */
  costHistory?: number[];
}

export interface Model {
  w: Float64Array;
  b: number;
}

/** The article's steps 1–4 and 7, as named exports of one module. */
export interface LogisticRegression {
  /** Step 1: the logit z = w·x + b of one example. */
  predict(x: Float64Array, w: Float64Array, b: number): number;
  /** Step 1: σ(z) = 1 / (1 + e^(−z)). */
  sigmoid(z: number): number;
  /** Step 2: mean binary cross-entropy, one example at a time. */
  computeCost: CostFunction;
  /** Step 2: mean binary cross-entropy, over whole arrays. */
  computeCostVectorized: CostFunction;
  /** Step 3: gradients of the mean cost, one example at a time. */
  computeGradients: GradientFunction;
  /** Step 3: gradients of the mean cost, over whole arrays. */
  computeGradientsVectorized: GradientFunction;
  /** Step 4 (trained in step 7): batch gradient descent from (w, b); never mutates its arguments. */
  gradientDescent(
    X: Matrix,
    y: Float64Array,
    w: Float64Array,
    b: number,
    options: GradientDescentOptions,
  ): Model;
}

/*
 * The article's steps 5, 6 and 9 — the data side of the article, which the learner writes too.
 * Each function is documented with the pandas/sklearn line it replaces. Types stay plain: strings,
 * numbers, Float64Array columns and row-major Matrix.
 */

/** Step 5: the result of one-hot encoding one column (`pd.get_dummies(col, drop_first=True)`). */
export interface OneHot {
  /** Every level, in pandas' order (sorted by code point); `levels[0]` is the dropped baseline. */
  levels: string[];
  /** One column per level after the first (`levels.length − 1` columns), each with one 0/1 per row. */
  columns: Float64Array[];
}

/** Step 6: a fitted StandardScaler: `scaler.mean_` and `scaler.scale_`, one entry per column. */
export interface Scaler {
  means: Float64Array;
  scales: Float64Array;
}

/** Step 9: the four counts of a classifier's outcomes (sklearn's `confusion_matrix`, unrolled). */
export interface ConfusionMatrix {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

/** Article step 5 — data cleaning and feature engineering. */
export interface FeatureEngineering {
  /**
   * `pd.cut(df['age'], bins=[18, 25, 35, 45, 55, 65, 100], labels=['18–24', '25–34', '35–44',
   * '45–54', '55–64', '65+'])`: the label of the right-closed bin (18, 25], (25, 35], …,
   * (65, 100] that holds `age`, or null (pandas' NaN) when it is in none: 18 itself, anything
   * below it, above 100, or NaN.
   */
  ageGroup(age: number): string | null;
  /** `df[col].map({'yes': 1, 'no': 0})`: 1 for "yes", 0 for "no", NaN for anything else (as pandas). */
  yesNoFlag(value: string): number;
  /**
   * `pd.get_dummies(values, drop_first=True)` for one column. `levels` defaults to the distinct
   * non-null values sorted by Unicode code point (as Python sorts `str`); given, it is used as it
   * is (the levels fitted on the training rows). Row i gets a 1 in the column of its level, and
   * all zeros when its level is `levels[0]` (dropped), null (pandas' NaN) or not in `levels`.
   */
  oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot;
}

/** Article step 6 — standardization with sklearn's StandardScaler. */
export interface Scaling {
  /**
   * `StandardScaler().fit(X)`: per column the mean and the population standard deviation
   * (ddof 0, not pandas' `.std()`), and scale 1 for a constant column (so it standardizes to 0).
   */
  fitScaler(X: Matrix): Scaler;
  /** `scaler.transform(X)`: a new Matrix with (xᵢⱼ − meanⱼ) / scaleⱼ; X is left as it was. */
  transformScaler(X: Matrix, scaler: Scaler): Matrix;
  /**
   * `X = df.drop(columns='y'); y = df['y']; X = StandardScaler().fit_transform(X)`: splits the
   * label column `labelColumn` off the table `df`, standardizes the remaining columns (in their
   * order) and returns the label as it is — the label is never scaled.
   */
  standardizeFeatures(
    df: Matrix,
    labelColumn: number,
  ): { X: Matrix; y: Float64Array; scaler: Scaler };
}

/**
 * Article step 9 — evaluation (the article promises it; sklearn.metrics does it). Ratios whose
 * denominator is 0 are null ("undefined", as the train report records them), never NaN.
 */
export interface Evaluation {
  /**
   * `confusion_matrix(y, (p >= threshold).astype(int))`: a row is predicted positive when its
   * probability pᵢ ≥ threshold (default 0.5; 0.5 itself is positive, as the article's
   * `1 if p >= 0.5 else 0`). Labels are 0 or 1.
   */
  confusionMatrix(
    y: Float64Array,
    probabilities: Float64Array,
    threshold?: number,
  ): ConfusionMatrix;
  /** `accuracy_score`: (TP + TN) / m; NaN for m = 0 (0/0). */
  accuracy(confusion: ConfusionMatrix): number;
  /** `precision_score`: TP / (TP + FP); null when nothing is predicted positive (sklearn: 0 with a warning). */
  precision(confusion: ConfusionMatrix): number | null;
  /** `recall_score`: TP / (TP + FN); null when there is no positive label. */
  recall(confusion: ConfusionMatrix): number | null;
  /** `f1_score`: 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; null when TP + FP + FN = 0. */
  f1(confusion: ConfusionMatrix): number | null;
  /**
   * `roc_auc_score(y, scores)`: the probability that a random positive scores higher than a
   * random negative, a tie counting ½ (Mann–Whitney U / (P·N)); null when a class is absent.
   */
  rocAuc(y: Float64Array, scores: Float64Array): number | null;
  /**
   * `log_loss(y, sigmoid(z))` from the logits z: (1/m) Σᵢ −[yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))],
   * the step-2 cost of the logits, with no clipping.
   */
  logLoss(y: Float64Array, logits: Float64Array): number;
}

/** The whole article as one module: steps 1–4 (and 7), 5, 6 and 9. */
export type ArticleImplementation = LogisticRegression & FeatureEngineering & Scaling & Evaluation;

/** The name of every function of the contract. */
export type ContractFunction = keyof ArticleImplementation;

/** The article step each function of the contract belongs to. */
export const ARTICLE_STEP: Readonly<Record<ContractFunction, 1 | 2 | 3 | 4 | 5 | 6 | 9>> = {
  predict: 1,
  sigmoid: 1,
  computeCost: 2,
  computeCostVectorized: 2,
  computeGradients: 3,
  computeGradientsVectorized: 3,
  gradientDescent: 4,
  ageGroup: 5,
  yesNoFlag: 5,
  oneHot: 5,
  fitScaler: 6,
  transformScaler: 6,
  standardizeFeatures: 6,
  confusionMatrix: 9,
  accuracy: 9,
  precision: 9,
  recall: 9,
  f1: 9,
  rocAuc: 9,
  logLoss: 9,
};
