"""Pooling layers, channels last as in Keras: MaxPooling2D (the largest value of each window),
AveragePooling2D (the mean of each window) and GlobalAveragePooling2D (the mean of each channel over the
whole image), and the pair-of-sizes argument rule the image layers share (``_pair``).

Windows do not overlap (the stride is the pool size, Keras's default) and rows or columns that do not
fill a window are dropped ('valid' padding). MaxPooling2D's array work (and the reason for its chunks)
is in conv_kernels.py; it is also reachable as ``conv.MaxPooling2D``. What is not here: Conv2D and
Reshape (conv.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn import conv_kernels
from mnist_gui.nn.conv_kernels import chunk_images, pool_max, pool_spread
from mnist_gui.nn.core_layers import Layer


def _pair(value, what):
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        value = (value, value)
    try:
        pair = tuple(int(v) for v in value)
    except (TypeError, ValueError):
        pair = ()
    if len(pair) != 2 or min(pair) < 1 or any(isinstance(v, bool) for v in value):
        raise ValueError(f"{what} must be a positive integer or a pair of them, got {value!r}")
    return pair


def _shape_list(shape):
    return list(shape) if shape else None


def _image_shape(layer, input_shape):
    if len(input_shape) != 3:
        raise ValueError(f"{type(layer).__name__} expects input of shape (n, height, width, channels), got "
                         f"(n, {', '.join(map(str, input_shape))})")
    return input_shape


class MaxPooling2D(Layer):
    """The largest value in each ``pool_size`` window of (B, H, W, C), windows not overlapping (the
    stride is the pool size, Keras's default); rows and columns that do not fill a window are dropped,
    as with Keras's 'valid' padding. The gradient goes to the first maximum of each window."""

    def __init__(self, pool_size=2, name=None, input_shape=None):
        super().__init__(name, input_shape)
        self.pool_size = _pair(pool_size, "MaxPooling2D pool_size")

    def compute_output_shape(self, input_shape):
        if len(input_shape) != 3:
            raise ValueError(f"MaxPooling2D expects input of shape (n, height, width, channels), got "
                             f"(n, {', '.join(map(str, input_shape))})")
        (h, w, c), (p, q) = input_shape, self.pool_size
        if h < p or w < q:
            raise ValueError(f"MaxPooling2D pool {p}x{q} is larger than its {h}x{w} input")
        return (h // p, w // q, c)

    def forward(self, x, training=False):
        """Pooled in two passes, first over row pairs then over column pairs, so that every NumPy
        operation runs along long contiguous rows (pooling through (p*q) strided views with a short
        channel axis innermost was three times slower), a few images at a time so that the row pass's
        result is still in cache for the column pass."""
        b = x.shape[0]
        (ho, wo, c), (p, q) = self.output_shape, self.pool_size
        y = self._buffer("y", (b, ho, wo, c))
        which_row = self._buffer("which-row", (b, ho, wo * q * c), np.uint8) if training else None
        which_col = self._buffer("which-col", y.shape, np.uint8) if training else None
        for lo, hi, r in self._chunks(b, "r"):
            xc = x[lo:hi, :ho * p, :wo * q, :]
            rows = xc.reshape(hi - lo, ho, p, wo * q * c)  # a view, also when cropped (W and C stay contiguous)
            pool_max(rows, 2, p, r, which_row[lo:hi] if training else None)
            pool_max(r.reshape(hi - lo, ho, wo, q, c), 3, q, y[lo:hi], which_col[lo:hi] if training else None)
        if training:
            self._which_row, self._which_col = which_row, which_col
        return y

    def _chunks(self, b, tag):
        """(lo, hi, scratch (hi - lo, ho, wo*q*C)) for each chunk of the batch."""
        (h, w, c), (ho, wo, _), q = self.input_shape, self.output_shape, self.pool_size[1]
        n = chunk_images(h * w, c * np.dtype(self.dtype).itemsize, b, conv_kernels.POOL_CHUNK_BYTES)
        for lo in range(0, b, n):
            hi = min(lo + n, b)
            yield lo, hi, self._buffer(tag, (hi - lo, ho, wo * q * c))

    def backward(self, dy, need_dx=True):
        if not need_dx:
            return None
        b = dy.shape[0]
        (h, w, c), (ho, wo, _), (p, q) = self.input_shape, self.output_shape, self.pool_size
        dx = self._buffer("dx", (b, h, w, c))
        if h != ho * p or w != wo * q:  # the rows and columns no window covers get no gradient
            dx[:, ho * p:] = 0.0
            dx[:, :ho * p, wo * q:] = 0.0
        for lo, hi, dr in self._chunks(b, "dr"):
            m = hi - lo
            pool_spread(dy[lo:hi], self._which_col[lo:hi], dr.reshape(m, ho, wo, q, c), 3, q)
            # a view of dx, also when cropped: W and C stay contiguous, H splits into (ho, p)
            target = dx[lo:hi, :ho * p, :wo * q, :].reshape(m, ho, p, wo * q * c)
            pool_spread(dr, self._which_row[lo:hi], target, 2, p)
        return dx

    def get_config(self):
        return {"name": self.name, "pool_size": list(self.pool_size), "input_shape": _shape_list(self.input_shape)}

    def describe(self):
        return "max pool {}x{}".format(*self.pool_size)


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
