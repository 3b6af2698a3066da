"""Weight penalties, Keras's ``keras.regularizers``: L1, L2 and L1L2 (and their lower-case shortcuts).

``Dense(..., kernel_regularizer=keras.regularizers.l2(0.01))`` adds ``0.01 * sum(kernel ** 2)`` to the
loss the model reports and trains on, as Keras does (where the optimizer's ``l2`` option adds only the
gradient of ``l2/2 * sum(w**2)`` and reports the data loss alone; see optimizer_base.py). What is not
here: where the penalty is added (the training loop and ``evaluate``).
"""

from __future__ import annotations

import math

import numpy as np


def _factor(name, value):
    value = float(value)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be zero or a positive number, got {value}")
    return value


class Regularizer:
    """``l1 * sum(|w|) + l2 * sum(w ** 2)``; ``apply(w, grad)`` returns the penalty and, when ``grad`` is
    an array, adds the penalty's gradient to it in place."""

    def __init__(self, l1: float = 0.0, l2: float = 0.0):
        self.l1, self.l2 = _factor("l1", l1), _factor("l2", l2)

    def __call__(self, w) -> float:
        return self.apply(np.asarray(w), None)

    def apply(self, w, grad=None) -> float:
        penalty = 0.0
        if self.l1:
            penalty += self.l1 * float(np.abs(w).sum(dtype=np.float64))
            if grad is not None:
                grad += self.l1 * np.sign(w)
        if self.l2:
            penalty += self.l2 * float(np.vdot(w.ravel(), w.ravel()))
            if grad is not None:
                grad += (2.0 * self.l2) * w
        return penalty

    def get_config(self) -> dict:
        return {"name": "l1_l2", "l1": self.l1, "l2": self.l2}

    def __repr__(self):
        return f"{type(self).__name__}(l1={self.l1:g}, l2={self.l2:g})"


class L1L2(Regularizer):
    pass


class L1(Regularizer):
    def __init__(self, l1: float = 0.01):
        super().__init__(l1=l1)


class L2(Regularizer):
    def __init__(self, l2: float = 0.01):
        super().__init__(l2=l2)


def l1(l1=0.01):  # noqa: E743  (Keras's names)
    return L1(l1)


def l2(l2=0.01):
    return L2(l2)


def l1_l2(l1=0.01, l2=0.01):
    return L1L2(l1, l2)


def get_regularizer(spec) -> Regularizer | None:
    """None, a Regularizer, 'l1' / 'l2' / 'l1_l2' (Keras's default factors) or a config dict."""
    if spec is None or isinstance(spec, Regularizer):
        return spec
    if isinstance(spec, str) and spec in ("l1", "l2", "l1_l2"):
        return {"l1": L1, "l2": L2, "l1_l2": L1L2}[spec]() if spec != "l1_l2" else L1L2(0.01, 0.01)
    if isinstance(spec, dict) and spec.get("name") == "l1_l2":
        return L1L2(spec.get("l1", 0.0), spec.get("l2", 0.0))
    raise ValueError(f"unknown regularizer: {spec!r} (expected keras.regularizers.l1(...), l2(...) or l1_l2(...))")
