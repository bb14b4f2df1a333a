#!/usr/bin/env python3
"""The numpy baseline of `npm run bench -- --numpy` (measurement only; nothing in the kit's tests uses it).

The article's vectorized batch gradient descent, recording its (clipped) cost after every epoch,
timed (wall clock and CPU time of all threads) on the matrix the bench wrote: X as rows*cols
little-endian float64 (row-major), y as rows float64. The article's steps are those of
scripts/article_steps.py, run as in scripts/article.py but without its extra per-epoch passes
(stable cost, max |z|), so that exactly the article's work is timed. Prints one JSON object.

    /usr/bin/python3 scripts/bench/numpy_baseline.py X.f64 y.f64 ROWS COLS EPOCHS ALPHA RUNS
"""
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # scripts/, for article_steps
from article_steps import compute_cost_vectorized, compute_gradients_vectorized  # noqa: E402


def gradient_descent(X, y, w, b, alpha, epochs):
    cost_history = []
    for _ in range(epochs):
        dw, db = compute_gradients_vectorized(X, y, w, b)
        w = w - alpha * dw
        b = b - alpha * db
        cost_history.append(compute_cost_vectorized(X, y, w, b))
    return w, b, cost_history


def main(x_path, y_path, rows, cols, epochs, alpha, runs):
    X = np.fromfile(x_path, dtype="<f8").reshape(int(rows), int(cols))
    y = np.fromfile(y_path, dtype="<f8")
    seconds, cpu_seconds = [], []
    for _ in range(int(runs)):
        start, cpu_start = time.perf_counter(), time.process_time()
        _, _, history = gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, float(alpha), int(epochs))
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    print(json.dumps({
        "seconds": seconds,
        "cpuSeconds": cpu_seconds,
        "finalCost": float(history[-1]),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main(*sys.argv[1:])
