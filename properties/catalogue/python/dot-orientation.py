"""compute_cost_vectorized takes the logits as np.dot(X.T, w) instead of np.dot(X, w)."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "compute_cost_vectorized"


def compute_cost_vectorized(X, y, w, b):
    z = np.dot(X.T, w) + b  # BUG: the wrong orientation
    return float(np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)))
