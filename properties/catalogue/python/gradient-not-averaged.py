"""compute_gradients_vectorized forgets the / m: dw is the sum of the examples' gradients, not their mean."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "compute_gradients_vectorized"


def compute_gradients_vectorized(X, y, w, b):
    m = X.shape[0]
    error = 1 / (1 + np.exp(-(X @ w + b))) - y
    return X.T @ error, float(np.sum(error)) / m  # BUG: X.T @ error without / m
