import { basename } from "node:path";
import {
  ARTICLE_STEP,
  type ArticleImplementation,
  type ConfusionMatrix,
  type ContractFunction,
  type GradientFunction,
  type GradientDescentOptions,
  type Matrix,
} from "../contract.js";
import { closestName } from "../grade/exports.js";
import { restoreIdentity } from "./identity.js";
import { PythonError, type PythonProcess } from "./process.js";

/**
 * The contract's functions (src/contract.ts), each calling the article's snake_case function of
 * a Python module with Python-natural shapes (docs/python.md): `compute_gradients` returns
 * `(dw, db)`, `gradient_descent` takes `alpha=`, `epochs=`, `gradient_function=` and
 * `cost_values=` and returns `(w, b)`, a Matrix is a 2-D numpy array, a scaler `(mean, scale)`,
 * a confusion matrix sklearn's 2×2 array `[[tn, fp], [fn, tp]]`. A function the module does not
 * define throws "logreg.py does not define compute_cost (article step 2)" when called; a Python
 * exception becomes an error naming the Python function, its article step and the module's lines.
 */

/** The article's (snake_case) name of each function of the contract. */
export function pythonName(name: ContractFunction): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

type Call = (args: unknown[], keywords?: Record<string, unknown>) => unknown;

function matrix(value: unknown): Matrix {
  return value as Matrix;
}

/** The columns of a 2-D result (a Matrix) or a list of columns as they are. */
function columns(value: unknown): Float64Array[] {
  if (Array.isArray(value)) return value as Float64Array[];
  const { rows, cols, data } = matrix(value);
  return Array.from({ length: cols }, (_, j) =>
    Float64Array.from({ length: rows }, (_, i) => data[i * cols + j]),
  );
}

function pair(value: unknown): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`expected a pair, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value as [unknown, unknown];
}

function scaler(value: unknown): { means: Float64Array; scales: Float64Array } {
  const [means, scales] = pair(value);
  return { means: means as Float64Array, scales: scales as Float64Array };
}

/** sklearn's confusion matrix [[tn, fp], [fn, tp]], as the kit sends it (a 2-D array). */
function sklearnConfusion(c: ConfusionMatrix): Matrix {
  const counts = [c.trueNegatives, c.falsePositives, c.falseNegatives, c.truePositives];
  return { rows: 2, cols: 2, data: Float64Array.from(counts) };
}

function confusion(value: unknown): ConfusionMatrix {
  const [tn, fp, fn, tp] = matrix(value).data;
  return { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn };
}

/** The property's gradient function as Python calls it: `(X, y, w, b) -> (dw, db)`. */
function pythonGradient(f: GradientFunction) {
  return (X: Matrix, y: Float64Array, w: Float64Array, b: number) => {
    const { dw, db } = f(X, y, w, b);
    return [dw, db];
  };
}

function descentKeywords(options: GradientDescentOptions): Record<string, unknown> {
  const keywords: Record<string, unknown> = { alpha: options.alpha, epochs: options.epochs };
  if (options.gradientFunction) {
    keywords.gradient_function = pythonGradient(options.gradientFunction);
  }
  if (options.costHistory) keywords.cost_values = options.costHistory;
  return keywords;
}

/** Each contract function in terms of `call(name)`: the Python function under the article's name. */
function adapters(call: (name: ContractFunction) => Call): ArticleImplementation {
  const gradients =
    (name: ContractFunction) => (X: Matrix, y: Float64Array, w: Float64Array, b: number) => {
      const [dw, db] = pair(call(name)([X, y, w, b]));
      return { dw: dw as Float64Array, db: db as number };
    };
  const ratio = (name: ContractFunction) => (c: ConfusionMatrix) =>
    call(name)([sklearnConfusion(c)]) as number | null;
  return {
    predict: (x, w, b) => call("predict")([x, w, b]) as number,
    sigmoid: (z) => call("sigmoid")([z]) as number,
    computeCost: (X, y, w, b) => call("computeCost")([X, y, w, b]) as number,
    computeCostVectorized: (X, y, w, b) => call("computeCostVectorized")([X, y, w, b]) as number,
    computeGradients: gradients("computeGradients"),
    computeGradientsVectorized: gradients("computeGradientsVectorized"),
    gradientDescent: (X, y, w, b, options) => {
      const [wOut, bOut] = pair(call("gradientDescent")([X, y, w, b], descentKeywords(options)));
      return { w: wOut as Float64Array, b: bOut as number };
    },
    ageGroup: (age) => call("ageGroup")([age]) as string | null,
    yesNoFlag: (value) => call("yesNoFlag")([value]) as number,
    oneHot: (values, levels) => {
      const [found, dummies] = pair(
        call("oneHot")(levels === undefined ? [values] : [values, levels]),
      );
      return { levels: found as string[], columns: columns(dummies) };
    },
    fitScaler: (X) => scaler(call("fitScaler")([X])),
    transformScaler: (X, s) => matrix(call("transformScaler")([X, [s.means, s.scales]])),
    standardizeFeatures: (df, labelColumn) => {
      const result = call("standardizeFeatures")([df, labelColumn]);
      const [X, y, fitted] = Array.isArray(result) ? result : [];
      return { X: matrix(X), y: y as Float64Array, scaler: scaler(fitted) };
    },
    confusionMatrix: (y, p, threshold) =>
      confusion(call("confusionMatrix")(threshold === undefined ? [y, p] : [y, p, threshold])),
    accuracy: ratio("accuracy") as (c: ConfusionMatrix) => number,
    precision: ratio("precision"),
    recall: ratio("recall"),
    f1: ratio("f1"),
    rocAuc: (y, scores) => call("rocAuc")([y, scores]) as number | null,
    logLoss: (y, logits) => call("logLoss")([y, logits]) as number,
  };
}

/** "blames"-style naming of a Python function: `compute_cost (article step 2)`. */
export function pythonFunction(name: ContractFunction): string {
  return `${pythonName(name)} (article step ${ARTICLE_STEP[name]})`;
}

/**
 * The contract's functions over the module that `python` runs (loaded from `modulePath`), each
 * one the module lacks a function that throws "does not define …" when, and only when, called.
 */
export function pythonImplementation(
  python: PythonProcess,
  modulePath: string,
): ArticleImplementation {
  const file = basename(modulePath);
  const call =
    (name: ContractFunction): Call =>
    (args, keywords = {}) => {
      const snake = pythonName(name);
      if (python.stopped === undefined && !python.names.includes(snake)) {
        const near = closestName(snake, python.names);
        const hint = near === undefined ? "" : `; did you mean ${near}?`;
        throw new Error(`${file} does not define ${pythonFunction(name)}${hint}`);
      }
      try {
        return restoreIdentity(python.call(snake, args, keywords), args, keywords);
      } catch (error) {
        if (!(error instanceof PythonError)) {
          throw new Error(`${file}: ${pythonFunction(name)}: ${(error as Error).message}`, {
            cause: error,
          });
        }
        const where = error.frames.length > 0 ? `\n  ${error.frames.join("\n  ")}` : "";
        throw new Error(`${pythonFunction(name)} raised ${error.message}${where}`, {
          cause: error,
        });
      }
    };
  return adapters(call);
}
