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
  /**
   * Step 1: the logit z = w·x + b of one example.
   *
   * @clause predict.value z = b + Σⱼ wⱼ xⱼ, exact wherever float64 arithmetic is exact
   * @clause predict.fresh reads x and w at each call: no result kept from an earlier call
   * @clause predict.no-mutation x and w are bit for bit the same after the call
   */
  predict(x: Float64Array, w: Float64Array, b: number): number;
  /**
   * Step 1: σ(z) = 1 / (1 + e^(−z)).
   *
   * @clause sigmoid.value within a few ulps, relative, of the exact σ(z) wherever σ(z) is a normal number (the tail-accuracy policy of docs/learners.md)
   * @clause sigmoid.range in [0, 1] and never NaN for every double but NaN, ±Infinity and ±1e308 included
   * @clause sigmoid.monotone z₁ ≤ z₂ gives σ(z₁) ≤ σ(z₂), neighbouring doubles included
   * @clause sigmoid.symmetry σ(−z) = 1 − σ(z) within rounding
   * @clause sigmoid.special σ(±0) = ½, σ(+∞) = 1, σ(−∞) = 0 exactly
   * @clause sigmoid.nan σ(NaN) = NaN: a NaN is passed on, never turned into a number
   */
  sigmoid(z: number): number;
  /**
   * Step 2: mean binary cross-entropy, one example at a time.
   *
   * @clause computeCost.value within rounding of the exact mean loss, for logits up to 1e300
   * @clause computeCost.one-row the loss of one example within a few ulps, relative, saturated logits included
   * @clause computeCost.never-negative never NaN and never negative unless a logit is NaN; an infinite logit gives Infinity or a finite cost
   * @clause computeCost.nan-logit a NaN logit (∞ − ∞) gives NaN
   * @clause computeCost.finite finite whenever every logit is finite, up to ±1e308 (the mean does not overflow)
   * @clause computeCost.zero-weights ln 2 at w = 0, b = 0, for any data
   * @clause computeCost.metamorphic unchanged by permuting or duplicating the rows, by permuting the columns with w, and by (y, w, b) → (1 − y, −w, −b)
   * @clause computeCost.fresh reads X, y and w at each call: no result cached by the arrays
   * @clause computeCost.no-mutation X, y and w are bit for bit the same after the call
   * @clause computeCost.large data sets of hundreds to thousands of rows, and a fixture-sized one
   */
  computeCost: CostFunction;
  /**
   * Step 2: mean binary cross-entropy, over whole arrays.
   *
   * @clause computeCostVectorized.value within rounding of the exact mean loss, for logits up to 1e300
   * @clause computeCostVectorized.one-row the loss of one example within a few ulps, relative, saturated logits included
   * @clause computeCostVectorized.never-negative never NaN and never negative unless a logit is NaN; an infinite logit gives Infinity or a finite cost
   * @clause computeCostVectorized.nan-logit a NaN logit (∞ − ∞) gives NaN
   * @clause computeCostVectorized.finite finite whenever every logit is finite, up to ±1e308 (the mean does not overflow)
   * @clause computeCostVectorized.zero-weights ln 2 at w = 0, b = 0, for any data
   * @clause computeCostVectorized.metamorphic unchanged by permuting or duplicating the rows, by permuting the columns with w, and by (y, w, b) → (1 − y, −w, −b)
   * @clause computeCostVectorized.fresh reads X, y and w at each call: no result cached by the arrays
   * @clause computeCostVectorized.no-mutation X, y and w are bit for bit the same after the call
   * @clause computeCostVectorized.large data sets of hundreds to thousands of rows, and a fixture-sized one
   */
  computeCostVectorized: CostFunction;
  /**
   * Step 3: gradients of the mean cost, one example at a time.
   *
   * @clause computeGradients.value within rounding of the exact gradient, for magnitudes up to 1e300
   * @clause computeGradients.saturated for one example with a saturated logit, each component within a few ulps, relative
   * @clause computeGradients.calculus agrees with central differences of the cost
   * @clause computeGradients.nan-logit a NaN logit makes every component NaN
   * @clause computeGradients.metamorphic permuting or duplicating rows leaves it, mirroring the labels negates it, permuting columns permutes dw, a zero column gets 0
   * @clause computeGradients.new-result dw is a new array every call: not the storage of X, y, w or an earlier result
   * @clause computeGradients.fresh reads X, y and w at each call: no result cached by the arrays
   * @clause computeGradients.no-mutation X, y and w are bit for bit the same after the call
   * @clause computeGradients.large data sets of hundreds to thousands of rows, and a fixture-sized one
   */
  computeGradients: GradientFunction;
  /**
   * Step 3: gradients of the mean cost, over whole arrays.
   *
   * @clause computeGradientsVectorized.value within rounding of the exact gradient, for magnitudes up to 1e300
   * @clause computeGradientsVectorized.saturated for one example with a saturated logit, each component within a few ulps, relative
   * @clause computeGradientsVectorized.calculus agrees with central differences of the cost
   * @clause computeGradientsVectorized.nan-logit a NaN logit makes every component NaN
   * @clause computeGradientsVectorized.metamorphic permuting or duplicating rows leaves it, mirroring the labels negates it, permuting columns permutes dw, a zero column gets 0
   * @clause computeGradientsVectorized.new-result dw is a new array every call: not the storage of X, y, w or an earlier result
   * @clause computeGradientsVectorized.fresh reads X, y and w at each call: no result cached by the arrays
   * @clause computeGradientsVectorized.no-mutation X, y and w are bit for bit the same after the call
   * @clause computeGradientsVectorized.large data sets of hundreds to thousands of rows, and a fixture-sized one
   */
  computeGradientsVectorized: GradientFunction;
  /**
   * Step 4 (trained in step 7): batch gradient descent from (w, b); never mutates its arguments.
   *
   * @clause gradientDescent.copies-w the caller's w is unchanged and the result's w is a new array, for every number of epochs (0 included) and after a later call
   * @clause gradientDescent.epochs exactly `epochs` updates, also where the gradient is 0 (no early stop)
   * @clause gradientDescent.gradient-function options.gradientFunction, when given, is called once per epoch and its result stepped by −α
   * @clause gradientDescent.cost-history options.costHistory, when given, gets the cost after each epoch appended (entries already there kept)
   * @clause gradientDescent.alpha any α is used as given, α = 0 included (the model stays where it started)
   * @clause gradientDescent.descent one step at α ≤ 1/L lowers the cost by at least (α/2)‖∇J‖², within rounding
   * @clause gradientDescent.known-values one step from a worked example lands where the formula says
   * @clause gradientDescent.deterministic the same call twice gives bit for bit the same model and history
   * @clause gradientDescent.no-mutation X, y and w are bit for bit the same after the call
   */
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
   *
   * @clause ageGroup.bins an age in (18, 100] gets the label of the right-closed bin that holds it
   * @clause ageGroup.edges at each edge 18, 25, 35, 45, 55, 65, 100 and at the doubles either side of it, the bin the right-closed rule gives
   * @clause ageGroup.outside 18 itself, anything below it, anything above 100, and NaN → null
   */
  ageGroup(age: number): string | null;
  /**
   * `df[col].map({'yes': 1, 'no': 0})`: 1 for "yes", 0 for "no", NaN for anything else (as pandas).
   *
   * @clause yesNoFlag.yes exactly "yes" → 1
   * @clause yesNoFlag.no exactly "no" → 0
   * @clause yesNoFlag.other anything other than exactly "yes" or "no" (other case, whitespace, empty, unicode) → NaN
   */
  yesNoFlag(value: string): number;
  /**
   * `pd.get_dummies(values, drop_first=True)` for one column. `levels` defaults to the distinct
   * non-null values sorted by Unicode code point (as Python sorts `str`); given, it is used as it
   * is (the levels fitted on the training rows). Row i gets a 1 in the column of its level, and
   * all zeros when its level is `levels[0]` (dropped), null (pandas' NaN) or not in `levels`.
   *
   * @clause oneHot.default-levels without `levels`: the distinct non-null values sorted by code point, the empty string and characters beyond U+FFFF included
   * @clause oneHot.given-levels a given `levels` is returned and used as it is
   * @clause oneHot.columns one column per level after the first, each with one entry per row
   * @clause oneHot.rows row i has a 1 in the column of its level, all zeros for `levels[0]`, null or a level not in `levels`
   * @clause oneHot.row-order permuting the rows permutes the encoded rows the same way
   */
  oneHot(values: readonly (string | null)[], levels?: readonly string[]): OneHot;
}

/** Article step 6 — standardization with sklearn's StandardScaler. */
export interface Scaling {
  /**
   * `StandardScaler().fit(X)`: per column the mean and the population standard deviation
   * (ddof 0, not pandas' `.std()`), and scale 1 for a constant column (so it standardizes to 0).
   *
   * @clause fitScaler.population each column's mean and population standard deviation (ddof 0): standardized, it has mean 0 and std 1
   * @clause fitScaler.constant-column a constant column gets scale 1 (never 0 or NaN), one-row tables included
   * @clause fitScaler.affine shifting a column moves its mean, scaling it scales its std
   * @clause fitScaler.no-mutation X is bit for bit the same after the call
   */
  fitScaler(X: Matrix): Scaler;
  /**
   * `scaler.transform(X)`: a new Matrix with (xᵢⱼ − meanⱼ) / scaleⱼ; X is left as it was.
   *
   * @clause transformScaler.applies (xᵢⱼ − meanⱼ) / scaleⱼ with the scaler it is given, for any rows (no refit)
   * @clause transformScaler.no-mutation X and the scaler are bit for bit the same after the call
   */
  transformScaler(X: Matrix, scaler: Scaler): Matrix;
  /**
   * `X = df.drop(columns='y'); y = df['y']; X = StandardScaler().fit_transform(X)`: splits the
   * label column `labelColumn` off the table `df`, standardizes the remaining columns (in their
   * order) and returns the label as it is — the label is never scaled.
   *
   * @clause standardizeFeatures.label the label column is returned as it is, never scaled or used to fit
   * @clause standardizeFeatures.features the other columns, in their order, standardized as fitScaler then transformScaler do
   * @clause standardizeFeatures.no-mutation df is bit for bit the same after the call
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
   *
   * @clause confusionMatrix.counts every row is counted once, positive exactly when pᵢ ≥ threshold
   * @clause confusionMatrix.default-threshold without a threshold it is 0.5, and 0.5 itself is positive
   * @clause confusionMatrix.threshold a given threshold is used as it is, 0, 1 and ±Infinity included
   * @clause confusionMatrix.special-probabilities a NaN probability is predicted negative (NaN ≥ t is false), +Infinity positive and −Infinity negative (for a finite threshold)
   * @clause confusionMatrix.empty no rows → four zero counts
   * @clause confusionMatrix.new-result a new object every call, which a later call leaves unchanged
   * @clause confusionMatrix.no-mutation y and the probabilities are bit for bit the same after the call
   */
  confusionMatrix(
    y: Float64Array,
    probabilities: Float64Array,
    threshold?: number,
  ): ConfusionMatrix;
  /**
   * `accuracy_score`: (TP + TN) / m; NaN for m = 0 (0/0).
   *
   * @clause accuracy.ratio (TP + TN) / m, in [0, 1], for m > 0
   * @clause accuracy.empty an empty matrix (m = 0) → NaN, not 0 and not null
   */
  accuracy(confusion: ConfusionMatrix): number;
  /**
   * `precision_score`: TP / (TP + FP); null when nothing is predicted positive (sklearn: 0 with a warning).
   *
   * @clause precision.ratio TP / (TP + FP), in [0, 1]
   * @clause precision.undefined null when TP + FP = 0, never NaN or 0
   */
  precision(confusion: ConfusionMatrix): number | null;
  /**
   * `recall_score`: TP / (TP + FN); null when there is no positive label.
   *
   * @clause recall.ratio TP / (TP + FN), in [0, 1]
   * @clause recall.undefined null when TP + FN = 0, never NaN or 0
   */
  recall(confusion: ConfusionMatrix): number | null;
  /**
   * `f1_score`: 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; null when TP + FP + FN = 0.
   *
   * @clause f1.ratio 2 TP / (2 TP + FP + FN), the harmonic (not arithmetic) mean, in [0, 1]
   * @clause f1.undefined null when TP + FP + FN = 0, never NaN or 0
   */
  f1(confusion: ConfusionMatrix): number | null;
  /**
   * `roc_auc_score(y, scores)`: the probability that a random positive scores higher than a
   * random negative, a tie counting ½ (Mann–Whitney U / (P·N)); null when a class is absent.
   *
   * @clause rocAuc.pairs the share of (positive, negative) pairs the positive wins, a tie counting ½, for any scores (±Infinity included)
   * @clause rocAuc.one-class null when either class is absent
   * @clause rocAuc.invariance unchanged by a strictly increasing transform of the scores; AUC(−s) = 1 − AUC(s)
   */
  rocAuc(y: Float64Array, scores: Float64Array): number | null;
  /**
   * `log_loss(y, sigmoid(z))` from the logits z: (1/m) Σᵢ −[yᵢ log σ(zᵢ) + (1 − yᵢ) log(1 − σ(zᵢ))],
   * the step-2 cost of the logits, with no clipping.
   *
   * @clause logLoss.value the mean loss of the logits within rounding of the exact value (the reference's), saturated logits included
   * @clause logLoss.huge finite for every finite logit up to ±1e308: the mean does not overflow
   * @clause logLoss.no-mutation y and the logits are bit for bit the same after the call
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
