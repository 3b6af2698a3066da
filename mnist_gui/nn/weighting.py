"""Per-sample weights for ``fit`` and ``evaluate``: Keras's ``sample_weight`` and ``class_weight``.

A sample's weight scales its loss and its gradient; a batch's loss is Keras's 'sum_over_batch_size',
sum(w * loss) / batch size, and accuracy is the weighted mean, sum(w * right) / sum(w), as Keras's
metrics weight it. ``class_weight={0: 1.0, 7: 5.0}`` gives each sample the weight of its class (1.0 for
classes not named), combined with ``sample_weight`` by multiplication when both are given. What is not
here: the weighted loss (losses.Loss.weighted_forward_backward).
"""

from __future__ import annotations

import math

import numpy as np


def check_sample_weight(sample_weight, n: int) -> np.ndarray:
    """``sample_weight`` as a float64 (n,) array of finite, non-negative numbers; ValueError otherwise."""
    w = np.asarray(sample_weight)
    if w.ndim == 2 and w.shape[1] == 1:
        w = w[:, 0]
    if w.ndim != 1 or len(w) != n:
        raise ValueError(f"sample_weight must hold one number per sample, shape ({n},), got shape {w.shape}")
    if w.dtype.kind not in "biuf":
        raise ValueError(f"sample_weight must be numbers, got dtype {w.dtype}")
    w = w.astype(np.float64)
    if n and (not np.isfinite(w).all() or w.min() < 0):
        raise ValueError("sample_weight must be finite and non-negative")
    return w


def class_weights(class_weight, labels: np.ndarray, num_classes: int) -> np.ndarray:
    """The weight of each sample's class, (n,); ``labels`` are class indices."""
    if not isinstance(class_weight, dict):
        raise ValueError(f"class_weight must be a dict {{class index: weight}}, got {type(class_weight).__name__}")
    table = np.ones(num_classes, np.float64)
    for cls, weight in class_weight.items():
        if isinstance(cls, bool) or not isinstance(cls, (int, np.integer)) or not 0 <= cls < num_classes:
            raise ValueError(f"class_weight keys must be class indices 0..{num_classes - 1}, got {cls!r}")
        weight = float(weight)
        if not (math.isfinite(weight) and weight >= 0):
            raise ValueError(f"class_weight[{cls}] must be a finite non-negative number, got {weight}")
        table[int(cls)] = weight
    return table[labels]


def sample_weights(loss, targets, sample_weight, class_weight, num_classes):
    """The combined per-sample weights for prepared ``targets``, or None when neither is given."""
    if sample_weight is None and class_weight is None:
        return None
    w = np.ones(len(targets)) if sample_weight is None else check_sample_weight(sample_weight, len(targets))
    if class_weight is not None:
        labels = targets if targets.ndim == 1 else targets.argmax(axis=1)
        w = w * class_weights(class_weight, labels, num_classes)
    return w
