#!/usr/bin/env python3
"""The article's Python run, for checking the TypeScript train script's parity (not part of the kit).

"Logistic Regression from Scratch with Python": the article's cleaning and feature engineering
(pandas), StandardScaler, and its vectorized numpy batch gradient descent from zero weights with
alpha 0.1 for 1000 epochs, recording the article's clipped cost after every epoch.

Prints one JSON object: the feature names, the cost history, the final weights and bias, and the
largest |z| = |X w + b| reached over all epochs (the clip at 1e-15 bites only where |z| > 34.5);
also, not from the article, the same costs computed stably (np.logaddexp), which tells the
rounding of the article's log(1 - p) apart from any difference in the run itself.
With --compare <report.json> (a report of `npm run train` on the same file) it prints instead
the largest absolute and relative differences between the two runs.

With --golden <out.json> it writes the run to <out.json> as the golden file that
properties/train/article-parity.test.ts checks the TypeScript pipeline against, in CI, without
Python: the source file's name and SHA-256, alpha and epochs, the feature names in order,
StandardScaler's mean_ and scale_, both cost histories, the final w and b, the largest |z|, and the
versions of Python, numpy, pandas and scikit-learn. Floats are written as Python's repr, which
reads back to the same double. The golden file is committed, so --golden accepts only a file in
the repository's fixtures/ folder (the synthetic fixture): nothing derived from the real data may
be committed. `npm run golden` regenerates fixtures/article-golden.json from fixtures/bank.csv;
run it whenever the fixture is regenerated (the test compares the fixture's SHA-256 with the
golden's and says so).

    /usr/bin/python3 scripts/article.py ../shared/data/bank.csv > article.json
    /usr/bin/python3 scripts/article.py ../shared/data/bank.csv --compare reports/latest/report.json
    /usr/bin/python3 scripts/article.py fixtures/bank.csv --golden fixtures/article-golden.json

Needs numpy, pandas and scikit-learn (Debian: python3-numpy python3-pandas python3-sklearn).
"""
import hashlib
import json
import os
import platform
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import StandardScaler

from article_steps import compute_cost_vectorized, compute_gradients_vectorized


def stable_cost(X, y, w, b):
    """Not the article's: the same cost as log(1 + e^-z) and log(1 + e^z), without 1 - p."""
    z = np.dot(X, w) + b
    return np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))


def gradient_descent(X, y, w, b, alpha, epochs):
    cost_history = []
    stable_history = []
    max_abs_z = 0.0
    for _ in range(epochs):
        dw, db = compute_gradients_vectorized(X, y, w, b)
        w = w - alpha * dw
        b = b - alpha * db
        max_abs_z = max(max_abs_z, float(np.max(np.abs(np.dot(X, w) + b))))
        cost_history.append(compute_cost_vectorized(X, y, w, b))
        stable_history.append(stable_cost(X, y, w, b))
    return w, b, cost_history, stable_history, max_abs_z


def features(df):
    """The article's steps 5 and 6: age groups, yes/no flags, one-hot encoding."""
    df = df.copy()
    df["age_group"] = pd.cut(
        df["age"],
        bins=[18, 25, 35, 45, 55, 65, 100],
        labels=["18–24", "25–34", "35–44", "45–54", "55–64", "65+"],
    )
    df = df.drop(columns=["age", "day"])
    for column in ["default", "housing", "loan"]:
        df[f"{column}_flag"] = df[column].map({"yes": 1, "no": 0})
    df["deposit"] = df["deposit"].map({"yes": 1, "no": 0})
    df = df.drop(columns=["default", "housing", "loan"])
    df = pd.get_dummies(
        df,
        columns=["age_group", "marital", "education", "poutcome", "job", "contact", "month"],
        drop_first=True,
    )
    X = df.drop(columns=["deposit"])
    return X, df["deposit"].to_numpy(dtype=float)


ALPHA = 0.1
EPOCHS = 1000


def article_run(path):
    X_df, y = features(pd.read_csv(path))
    scaler = StandardScaler()
    X = scaler.fit_transform(X_df.to_numpy(dtype=float))
    w, b, cost_history, stable_history, max_abs_z = gradient_descent(
        X, y, np.zeros(X.shape[1]), 0.0, ALPHA, EPOCHS
    )
    return {
        "features": list(X_df.columns),
        "means": [float(v) for v in scaler.mean_],
        "scales": [float(v) for v in scaler.scale_],
        "costHistory": [float(c) for c in cost_history],
        "stableCostHistory": [float(c) for c in stable_history],
        "weights": [float(v) for v in w],
        "bias": float(b),
        "maxAbsLogit": max_abs_z,
        "versions": {"numpy": np.__version__, "pandas": pd.__version__},
    }


def refuse_unless_fixture(path):
    """--golden's guard, before anything is read: the input must be in the repository's fixtures/."""
    fixtures = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", "fixtures"))
    if os.path.dirname(os.path.realpath(path)) != fixtures:
        sys.exit(f"--golden: {path} is not in {fixtures}; the golden file is committed, so it is "
                 "made from the synthetic fixture only, never from the real data")


def write_golden(path, run, out_path):
    """The --golden file: the run on the synthetic fixture, with what it was computed from."""
    with open(path, "rb") as f:
        sha256 = hashlib.sha256(f.read()).hexdigest()
    golden = {
        "generatedBy": f"scripts/article.py {os.path.basename(path)} --golden (npm run golden)",
        "source": {"file": os.path.basename(path), "sha256": sha256},
        "alpha": ALPHA,
        "epochs": EPOCHS,
        "features": run["features"],
        "means": run["means"],
        "scales": run["scales"],
        "costHistory": run["costHistory"],
        "stableCostHistory": run["stableCostHistory"],
        "weights": run["weights"],
        "bias": run["bias"],
        "maxAbsLogit": run["maxAbsLogit"],
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "sklearn": sklearn.__version__,
        },
    }
    text = json.dumps(golden, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{out_path}: {len(run['features'])} features, {len(run['costHistory'])} costs, "
          f"final cost {run['costHistory'][-1]!r} ({os.path.basename(path)} {sha256[:12]}…)")


def differences(name, ours, theirs):
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    absolute = np.abs(ours - theirs)
    relative = absolute / np.maximum(np.abs(ours), np.abs(theirs))
    k = int(np.argmax(absolute))
    print(f"{name}: max abs difference {absolute.max():.3e} (at index {k}), "
          f"max rel difference {relative.max():.3e}")


def compare(run, report_path):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    config = report["config"]
    if (config["alpha"], config["epochs"]) != (0.1, 1000):
        sys.exit(f"{report_path}: trained with alpha {config['alpha']}, {config['epochs']} epochs; "
                 "the article uses 0.1 and 1000")
    names = list(report["model"]["weights"])
    if names != run["features"]:
        sys.exit(f"{report_path}: feature names differ from pandas': {names} vs {run['features']}")
    print(f"features: the same {len(names)} names in the same order")
    history = report["training"]["costHistory"]
    print(f"cost after epoch 1: numpy {run['costHistory'][0]!r}, TypeScript {history[0]!r}")
    print(f"cost after epoch {len(history)}: numpy {run['costHistory'][-1]!r}, TypeScript {history[-1]!r}")
    differences("cost history", history, run["costHistory"])
    differences("cost history vs numpy's stable form (logaddexp)", history, run["stableCostHistory"])
    differences("weights", list(report["model"]["weights"].values()), run["weights"])
    differences("bias", [report["model"]["bias"]], [run["bias"]])
    print(f"max |z| over all epochs: {run['maxAbsLogit']:.6g} "
          f"(the clip at 1e-15 changes the cost only where |z| > 34.54)")


if __name__ == "__main__":
    if len(sys.argv) == 2:
        json.dump(article_run(sys.argv[1]), sys.stdout)
        sys.stdout.write("\n")
    elif len(sys.argv) == 4 and sys.argv[2] == "--compare":
        compare(article_run(sys.argv[1]), sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[2] == "--golden":
        refuse_unless_fixture(sys.argv[1])
        write_golden(sys.argv[1], article_run(sys.argv[1]), sys.argv[3])
    else:
        sys.exit("usage: python3 scripts/article.py <bank.csv> "
                 "[--compare <report.json> | --golden <out.json>]")
