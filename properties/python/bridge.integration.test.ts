import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { ArticleImplementation } from "../../src/contract.js";
import { NO_PYTHON } from "../../src/python/find-python.js";
import { loadPythonModule } from "../../src/python/load.js";
import { python } from "./python-suite.js";

/**
 * The pipes to a Python module (src/python) keep what a local call keeps: in-place changes reach
 * the caller, a returned argument is the caller's array, the same object returned twice is the
 * same array, a new one is new; a missing function, an exception and a dead process each fail
 * with a message naming the Python function and its article step. Each test starts a python.
 */
const MODULE = `
import os
import numpy as np

kept = np.zeros(2)

def predict(x, w, b):
    w *= 2.0  # in place: the caller must see it
    return float(np.dot(x, w) + b)

def compute_gradients(X, y, w, b):
    return w, 0.5  # returns its argument w itself

def compute_gradients_vectorized(X, y, w, b):
    kept[:] = w  # the same array every call, refilled
    return kept, 1.0

def compute_cost(X, y, w, b):
    return float(np.log(-1.0 if b < 0 else 1.0) + [][0])

def sigmoid(z):
    os._exit(3)

def gradient_descent(X, y, w, b, alpha=0.1, epochs=1, gradient_function=None, cost_values=None):
    dw, db = gradient_function(X, y, w, b)
    cost_values.append(7.0)
    return w - alpha * dw, b - alpha * db

def fit_scaler(X):
    return X.mean(axis=0), X.std(axis=0)
`;

function load(): ArticleImplementation {
  const folder = mkdtempSync(join(tmpdir(), "logreg-bridge-"));
  const path = join(folder, "logreg.py");
  writeFileSync(path, MODULE);
  return loadPythonModule(path);
}

const X = { rows: 1, cols: 2, data: Float64Array.from([1, 2]) };
const y = Float64Array.from([1]);

test("in-place changes, returned arguments and returned objects keep their identity", ({
  skip,
}) => {
  if (python === undefined) return skip(NO_PYTHON);
  const py = load();
  const w = Float64Array.from([1, 3]);
  expect(py.predict(Float64Array.from([1, 1]), w, 0.5)).toBe(8.5);
  expect(Array.from(w)).toEqual([2, 6]);
  const returned = py.computeGradients(X, y, w, 0);
  expect(returned.dw).toBe(w);
  const first = py.computeGradientsVectorized(X, y, Float64Array.from([4, 5]), 0).dw;
  const second = py.computeGradientsVectorized(X, y, Float64Array.from([6, 7]), 0).dw;
  expect(second).toBe(first);
  expect(Array.from(first)).toEqual([6, 7]);
  const scaler = py.fitScaler({ rows: 2, cols: 1, data: Float64Array.from([1, 3]) });
  const again = py.fitScaler({ rows: 2, cols: 1, data: Float64Array.from([1, 3]) });
  expect(again.means).not.toBe(scaler.means);
  expect(Array.from(again.means)).toEqual([2]);
});

test("a JavaScript gradient function is called back from Python; cost_values reaches the caller", ({
  skip,
}) => {
  if (python === undefined) return skip(NO_PYTHON);
  const py = load();
  const costHistory = [1];
  const model = py.gradientDescent(X, y, Float64Array.from([0, 0]), 0, {
    alpha: 0.5,
    epochs: 1,
    gradientFunction: () => ({ dw: Float64Array.from([2, 4]), db: 6 }),
    costHistory,
  });
  expect(Array.from(model.w)).toEqual([-1, -2]);
  expect(model.b).toBe(-3);
  expect(costHistory).toEqual([1, 7]);
});

test("a missing function, an exception and a dead process name the Python function", ({ skip }) => {
  if (python === undefined) return skip(NO_PYTHON);
  const py = load();
  expect(() => py.logLoss(y, y)).toThrow("logreg.py does not define log_loss (article step 9)");
  expect(() => py.computeCost(X, y, Float64Array.from([0, 0]), 0)).toThrow(
    /^compute_cost \(article step 2\) raised IndexError: list index out of range\n {2}logreg\.py:\d+: /,
  );
  expect(() => py.sigmoid(0)).toThrow(/sigmoid \(article step 1\): the Python process ended/);
  expect(() => py.predict(y, y, 0)).toThrow(/predict \(article step 1\): the Python process ended/);
});
