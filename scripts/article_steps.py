"""The article's numpy steps 1 to 3, as it writes them: sigmoid, the clipped vectorized cost, and
the vectorized gradients. Shared by scripts/article.py (the parity run) and
scripts/bench/numpy_baseline.py (the timed baseline); numpy only."""
import numpy as np


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
