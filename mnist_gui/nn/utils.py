"""``keras.utils``: to_categorical (one-hot labels) and set_random_seed."""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.seeding import set_random_seed

MAX_CLASSES = 1 << 16


def to_categorical(x, num_classes=None) -> np.ndarray:
    """Integer labels (n,) -> one-hot rows (n, num_classes), float32, as Keras's ``to_categorical``;
    ``num_classes`` defaults to the largest label + 1."""
    y = np.asarray(x)
    if y.ndim > 1 and y.shape[-1] == 1:
        y = y.reshape(y.shape[:-1])
    if y.dtype.kind == "f":
        if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
            raise ValueError("to_categorical expects integer class labels")
    elif y.dtype.kind not in "iub":
        raise ValueError(f"to_categorical expects integer class labels, got dtype {y.dtype}")
    y = y.astype(np.int64)
    if y.size and y.min() < 0:
        raise ValueError(f"to_categorical expects labels of 0 or more, got {y.min()}")
    if num_classes is None:
        num_classes = int(y.max()) + 1 if y.size else 0
    num_classes = int(num_classes)
    if not 0 < num_classes <= MAX_CLASSES:
        raise ValueError(f"num_classes must be from 1 to {MAX_CLASSES}, got {num_classes}")
    if y.size and y.max() >= num_classes:
        raise ValueError(f"label {y.max()} does not fit num_classes={num_classes}")
    out = np.zeros(y.shape + (num_classes,), np.float32)
    np.put_along_axis(out, y[..., None], 1.0, axis=-1)
    return out


__all__ = ["set_random_seed", "to_categorical"]
