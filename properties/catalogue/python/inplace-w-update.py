"""gradient_descent updates the caller's w in place (w -= alpha * dw) instead of a copy of it."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../fixtures/python"))
from logreg import *  # noqa: E402,F401,F403 (the correct solution, but for the function below)

BREAKS = "gradient_descent"


def gradient_descent(X, y, w, b, alpha=0.1, epochs=1000, gradient_function=None, cost_values=None):
    gradient_function = gradient_function or compute_gradients_vectorized
    for _ in range(int(epochs)):
        dw, db = gradient_function(X, y, w, b)
        w -= alpha * dw  # BUG: changes the caller's array
        b -= alpha * db
        if cost_values is not None:
            cost_values.append(compute_cost_vectorized(X, y, w, b))
    return w, b
