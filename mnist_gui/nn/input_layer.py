"""``keras.Input(shape=...)``: how a Keras program gives a Sequential its input shape.

What is not here: the other layers (layers.py gathers them).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.core_layers import Layer


class InputLayer(Layer):
    """``keras.Input(shape=(28, 28))``: gives a Sequential its input shape. Sequential keeps only the
    shape (the next layer's ``input_shape``), not the object, as Keras's summary shows no input row."""

    def __init__(self, shape=None, batch_size=None, name=None, input_shape=None, dtype=None):
        shape = shape if shape is not None else input_shape
        if shape is None:
            raise ValueError("Input needs a shape, e.g. keras.Input(shape=(28, 28))")
        if isinstance(shape, (int, np.integer)):
            shape = (shape,)
        try:
            shape = tuple(int(n) for n in shape)
        except (TypeError, ValueError):
            raise ValueError(f"Input shape must be a tuple of positive integers, got {shape!r}") from None
        if not shape or min(shape) < 1:
            raise ValueError(f"Input shape must be a tuple of positive integers (no batch axis), got {shape!r}")
        super().__init__(name, shape)
        self.shape = (None,) + shape

    def forward(self, x, training=False):
        return x

    def backward(self, dy, need_dx=True):
        return dy if need_dx else None


def Input(shape=None, batch_size=None, name=None, dtype=None):  # noqa: N802  (Keras's spelling)
    """``keras.Input(shape=...)``: an InputLayer to put first in ``Sequential([...])`` or ``add``."""
    return InputLayer(shape=shape, batch_size=batch_size, name=name, dtype=dtype)
