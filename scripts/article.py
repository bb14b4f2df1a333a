#!/usr/bin/env python3
"""The article's Python run, for checking the TypeScript train script's parity (not part of the kit).

"Logistic Regression from Scratch with Python": the article's cleaning and feature engineering
(pandas), StandardScaler, and its vectorized numpy batch gradient descent from zero weights with
alpha 0.1 for 1000 epochs, recording the article's clipped cost after every epoch.

Prints one JSON object: the feature names, the cost history, the final weights and bias, and the
largest |z| = |X w + b| reached over all epochs (the clip at 1e-15 bites only where |z| > 34.5).

    /usr/bin/python3 scripts/article.py ../shared/data/bank.csv > article.json

Needs numpy, pandas and scikit-learn (Debian: python3-numpy python3-pandas python3-sklearn).
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compute_cost_vectorized(X, y, w, b):
    z = np.dot(X, w) + b
    y_hat = sigmoid(z)
    y_hat = np.clip(y_hat, 1e-15, 1 - 1e-15)  # the article's guard against log(0)
    return -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def compute_gradients_vectorized(X, y, w, b):
    m = y.shape[0]
    y_hat = sigmoid(np.dot(X, w) + b)
    dw = np.dot(X.T, (y_hat - y)) / m
    db = np.sum(y_hat - y) / m
    return dw, db


def gradient_descent(X, y, w, b, alpha, epochs):
    cost_history = []
    max_abs_z = 0.0
    for _ in range(epochs):
        dw, db = compute_gradients_vectorized(X, y, w, b)
        w = w - alpha * dw
        b = b - alpha * db
        max_abs_z = max(max_abs_z, float(np.max(np.abs(np.dot(X, w) + b))))
        cost_history.append(compute_cost_vectorized(X, y, w, b))
    return w, b, cost_history, max_abs_z


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


def main(path):
    X_df, y = features(pd.read_csv(path))
    X = StandardScaler().fit_transform(X_df.to_numpy(dtype=float))
    w, b, cost_history, max_abs_z = gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, 0.1, 1000)
    json.dump(
        {
            "features": list(X_df.columns),
            "costHistory": [float(c) for c in cost_history],
            "weights": [float(v) for v in w],
            "bias": float(b),
            "maxAbsLogit": max_abs_z,
            "versions": {"numpy": np.__version__, "pandas": pd.__version__},
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/article.py <bank.csv>")
    main(sys.argv[1])
