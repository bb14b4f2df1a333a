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
