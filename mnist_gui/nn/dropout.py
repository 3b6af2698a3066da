"""Dropout: inverted dropout, the model's only random layer.

What is not here: the other layers (layers.py gathers them) and the random stream (seeding.py; the
training loop hands each epoch's generator to the layer).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.core_layers import Layer


class Dropout(Layer):
    """Inverted dropout: while training, zero each input with probability ``rate`` and scale the rest
    by 1/(1-rate), so inference needs no change. The random numbers come from the model's generator
    (``rng`` is set by the training loop), so seeded runs repeat exactly."""

    mode_dependent = True

    def __init__(self, rate: float, name=None, input_shape=None):
        super().__init__(name, input_shape)
        if not 0.0 <= float(rate) < 1.0:
            raise ValueError(f"Dropout rate must be in [0, 1), got {rate}")
        self.rate = float(rate)
        self.rng = None
        self._mask = None

    def forward(self, x, training=False):
        if not training or self.rate == 0.0:
            if training:
                self._mask = None
            return x
        # 16 random bits per unit (raw generator bytes) are twice as fast to draw as a float32 each;
        # the keep probability becomes threshold / 65536 and the scale its exact inverse
        threshold = max(1, round((1.0 - self.rate) * 65536))
        bits = np.frombuffer(self.rng.bytes(2 * x.size), np.uint16).reshape(x.shape)
        kept = self._buffer("kept", x.shape, np.bool_)
        np.less(bits, threshold, out=kept)
        mask = self._buffer("mask", x.shape)
        np.multiply(kept, self.dtype.type(65536 / threshold), out=mask)
        self._mask = mask
        out = self._buffer("y", x.shape)
        return np.multiply(x, mask, out=out)

    def backward(self, dy, need_dx=True):
        if not need_dx or self._mask is None:
            return dy if need_dx else None
        return np.multiply(dy, self._mask, out=dy)

    def get_config(self):
        return {"name": self.name, "rate": self.rate,
                "input_shape": list(self.input_shape) if self.input_shape else None}

    def describe(self):
        return f"dropout {self.rate:g}"


DROPOUT_LAYER_CLASSES = {"Dropout": Dropout}
