"""compute_gradients_vectorized works in float32 (X.astype(np.float32), "to save memory")."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "compute_gradients_vectorized"


def compute_gradients_vectorized(X, y, w, b):
    X32 = X.astype(np.float32)  # BUG: float32 arrays
    m = X32.shape[0]
    y_hat = 1 / (1 + np.exp(-(X32 @ w.astype(np.float32) + np.float32(b))))
    error = y_hat - y.astype(np.float32)
    return X32.T @ error / m, float(np.mean(error))
