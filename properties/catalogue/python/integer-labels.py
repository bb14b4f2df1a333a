"""compute_gradients makes the labels integers (y.astype(int)) and its errors zeros_like(y): each error is truncated."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "compute_gradients"


def compute_gradients(X, y, w, b):
    y = y.astype(int)  # BUG: integer labels ...
    m, n = X.shape
    errors = np.zeros_like(y)  # ... so the errors are integers too
    for i in range(m):
        errors[i] = sigmoid(predict(X[i], w, b)) - y[i]
    dw = np.zeros(n)
    for i in range(m):
        dw += errors[i] * X[i]
    return dw / m, float(np.sum(errors)) / m
