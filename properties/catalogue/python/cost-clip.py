"""compute_cost clips sigmoid(z) to [1e-15, 1 - 1e-15] before its log, as many tutorials do."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "compute_cost"


def compute_cost(X, y, w, b):
    m = X.shape[0]
    total = 0.0
    for i in range(m):
        y_hat = np.clip(sigmoid(predict(X[i], w, b)), 1e-15, 1 - 1e-15)  # BUG: the clip
        total += -(y[i] * np.log(y_hat) + (1 - y[i]) * np.log(1 - y_hat))
    return float(total / m)
