"""Average pooling: AveragePooling2D (the mean of each window) and GlobalAveragePooling2D (the mean of
each channel over the whole image), channels last as in Keras.

Windows do not overlap (the stride is the pool size, Keras's default) and rows or columns that do not
fill a window are dropped ('valid' padding). What is not here: MaxPooling2D and Conv2D (conv.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.conv import _pair, _shape_list
from mnist_gui.nn.core_layers import Layer


def _image_shape(layer, input_shape):
    if len(input_shape) != 3:
        raise ValueError(f"{type(layer).__name__} expects input of shape (n, height, width, channels), got "
                         f"(n, {', '.join(map(str, input_shape))})")
    return input_shape


class AveragePooling2D(Layer):
    def __init__(self, pool_size=2, strides=None, padding="valid", name=None, input_shape=None):
        super().__init__(name, input_shape)
        self.pool_size = _pair(pool_size, "AveragePooling2D pool_size")
        if strides is not None and _pair(strides, "AveragePooling2D strides") != self.pool_size:
            raise ValueError("AveragePooling2D supports only strides equal to pool_size (Keras's default)")
        if padding != "valid":
            raise ValueError(f"AveragePooling2D supports padding='valid' only, got {padding!r}")

    def compute_output_shape(self, input_shape):
        (h, w, c), (p, q) = _image_shape(self, input_shape), self.pool_size
        if h < p or w < q:
            raise ValueError(f"AveragePooling2D pool {p}x{q} is larger than its {h}x{w} input")
        return (h // p, w // q, c)

    def forward(self, x, training=False):
        (ho, wo, c), (p, q) = self.output_shape, self.pool_size
        windows = x[:, :ho * p, :wo * q, :].reshape(x.shape[0], ho, p, wo, q, c)
        out = self._buffer("y", (x.shape[0], ho, wo, c))
        np.mean(windows, axis=(2, 4), out=out)
        return out

    def backward(self, dy, need_dx=True):
        if not need_dx:
            return None
        (h, w, c), (ho, wo, _), (p, q) = self.input_shape, self.output_shape, self.pool_size
        dx = self._buffer("dx", (dy.shape[0], h, w, c))
        if h != ho * p or w != wo * q:
            dx.fill(0.0)
        share = (dy * self.dtype.type(1.0 / (p * q)))[:, :, None, :, None, :]
        dx[:, :ho * p, :wo * q, :].reshape(dy.shape[0], ho, p, wo, q, c)[...] = share
        return dx

    def get_config(self):
        return {"name": self.name, "pool_size": list(self.pool_size), "input_shape": _shape_list(self.input_shape)}

    def describe(self):
        return "avg pool {}x{}".format(*self.pool_size)


class GlobalAveragePooling2D(Layer):
    """(B, H, W, C) -> (B, C): each channel's mean over the image."""

    def compute_output_shape(self, input_shape):
        return (_image_shape(self, input_shape)[2],)

    def forward(self, x, training=False):
        out = self._buffer("y", (x.shape[0], x.shape[3]))
        np.mean(x, axis=(1, 2), out=out)
        return out

    def backward(self, dy, need_dx=True):
        if not need_dx:
            return None
        h, w, c = self.input_shape
        dx = self._buffer("dx", (dy.shape[0], h, w, c))
        dx[...] = (dy * self.dtype.type(1.0 / (h * w)))[:, None, None, :]
        return dx

    def get_config(self):
        return {"name": self.name, "input_shape": _shape_list(self.input_shape)}

    def describe(self):
        return "global avg pool"


POOLING_LAYER_CLASSES = {cls.__name__: cls for cls in (AveragePooling2D, GlobalAveragePooling2D)}
