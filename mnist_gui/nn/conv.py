"""Layers for images, channels last as in Keras: Conv2D and Reshape (and MaxPooling2D, defined in
pooling.py, gathered here with them for the layer registry).

Conv2D is im2col + a matrix product, a few images at a time: each chunk's input windows are copied into
a column matrix that stays in cache (with a column of ones, so the product adds the bias), multiplied by
the kernel seen as (kh*kw*C [+ bias row], filters) on float32 BLAS, and the activation applied to the
chunk at once. The backward pass copies each chunk's windows again and does one product for the kernel
and bias gradients and one per kernel offset for the input gradient, skipping output rows and columns
whose gradient is zero. The array work, and what was measured to choose it, is in conv_kernels.py; what
is not here: the dense layers (core_layers.py), the pooling layers (pooling.py).
"""

from __future__ import annotations

import math
from threading import get_ident

import numpy as np

from mnist_gui.nn.activations import get_activation
from mnist_gui.nn.conv_kernels import (ONE_COPY_CHANNELS, TRIM_MIN_WINDOW, add_input_gradient, chunk_images,
                                      im2col, im2col_transposed, live_extent, window_view)
from mnist_gui.nn.initializers import check_initializer, init_kernel
from mnist_gui.nn.core_layers import Layer
from mnist_gui.nn.pooling import MaxPooling2D, _pair, _shape_list
from mnist_gui.nn.regularizers import get_regularizer


class Conv2D(Layer):
    """A 2-D convolution ``y = activation(conv(x, kernel) + bias)`` on (B, H, W, C) inputs.

    ``kernel`` is (kh, kw, C, filters) and ``bias`` (filters,), Keras's layout. ``padding='valid'``
    keeps only full windows; ``'same'`` pads with zeros so that the output is ceil(H / stride) high
    (TensorFlow's convention: any odd padding pixel goes at the bottom and right).
    """

    def __init__(self, filters: int, kernel_size, strides=1, padding: str = "valid", activation=None,
                 use_bias: bool = True, kernel_initializer: str = "auto", kernel_regularizer=None, name=None,
                 input_shape=None):
        super().__init__(name, input_shape)
        if isinstance(filters, bool) or not isinstance(filters, (int, np.integer)) or filters < 1:
            raise ValueError(f"Conv2D filters must be a positive integer, got {filters!r}")
        if padding not in ("valid", "same"):
            raise ValueError(f"Conv2D padding must be 'valid' or 'same', got {padding!r}")
        self.filters = int(filters)
        self.kernel_size = _pair(kernel_size, "Conv2D kernel_size")
        self.strides = _pair(strides, "Conv2D strides")
        self.padding = padding
        self.activation = get_activation(activation)
        self.kernel_initializer = check_initializer(kernel_initializer)
        self.use_bias = bool(use_bias)
        self.kernel_regularizer = get_regularizer(kernel_regularizer)
        self.kernel = self.bias = self.kernel_grad = self.bias_grad = None

    def compute_output_shape(self, input_shape):
        if len(input_shape) != 3:
            raise ValueError(f"Conv2D expects input of shape (n, height, width, channels), got "
                             f"(n, {', '.join(map(str, input_shape))}); add Reshape((28, 28, 1)) in front of it")
        (h, w, _), (kh, kw), (sh, sw) = input_shape, self.kernel_size, self.strides
        if self.padding == "same":
            ho, wo = -(-h // sh), -(-w // sw)
            pad_h, pad_w = max((ho - 1) * sh + kh - h, 0), max((wo - 1) * sw + kw - w, 0)
            self._pad = (pad_h // 2, pad_h - pad_h // 2, pad_w // 2, pad_w - pad_w // 2)
        else:
            if h < kh or w < kw:
                raise ValueError(f"Conv2D kernel {kh}x{kw} is larger than its {h}x{w} input")
            ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
            self._pad = (0, 0, 0, 0)
        return (ho, wo, self.filters)

    def param_shapes(self):
        kh, kw = self.kernel_size
        return ([("kernel", (kh, kw, self.input_shape[2], self.filters))]
                + ([("bias", (self.filters,))] if self.use_bias else []))

    def bind(self, params, grads):
        self.kernel, self.bias = params["kernel"], params.get("bias")
        self.kernel_grad, self.bias_grad = grads["kernel"], grads.get("bias")

    def init_params(self, rng):
        kh, kw, c, f = self.kernel.shape
        init_kernel(self, kh * kw * c, kh * kw * f, rng)

    def forward(self, x, training=False):
        b = x.shape[0]
        (h, w, c), (ho, wo, f) = self.input_shape, self.output_shape
        xp = self.padded(x)
        z = self._buffer("z", (b, ho, wo, f))
        weights, windows = self._weights(), self._window_view(xp, (ho, wo))
        for lo, hi, col in self._chunks(b, (ho, wo)):
            zc = z[lo:hi].reshape(-1, f)
            np.dot(self._columns(xp[lo:hi], col, (ho, wo), windows, lo), weights, out=zc)
            # the activation on the chunk while it is still in cache
            if self.activation.name != "linear":
                self.activation.forward(zc, zc)
        if training:
            self._xp, self._a = xp, z
        return z

    def padded(self, x):
        """x with the 'same' padding around it (a buffer whose zero border is written once), or x itself."""
        top, bottom, left, right = self._pad
        if not (top or bottom or left or right):
            return x
        b, h, w, c = x.shape
        shape = (b, h + top + bottom, w + left + right, c)
        xp = self._bufs.get(("xp", shape, get_ident()))
        if xp is None:
            xp = self._buffer("xp", shape)
            xp.fill(0.0)
        xp[:, top:top + h, left:left + w, :] = x
        return xp

    def _weights(self):
        """The product's right-hand side: the kernel as (kh*kw*C, filters), then the bias as a last row."""
        kernel = self.kernel.reshape(-1, self.filters)
        if self.bias is None:
            return kernel
        weights = self._buffer("weights", (kernel.shape[0] + 1, self.filters))
        weights[:-1], weights[-1] = kernel, self.bias
        return weights

    def _chunks(self, b, out_hw):
        """(lo, hi, column buffer) for each chunk of the batch (see conv_kernels): (pixels, K) with
        K = kh*kw*C (+1, a column of ones, with a bias), or (K, pixels) for one channel."""
        f, (kh, kw), c = self.filters, self.kernel_size, self.input_shape[2]
        width = kh * kw * c + (self.bias is not None)
        n = chunk_images(out_hw[0] * out_hw[1], (width + f) * np.dtype(self.dtype).itemsize, b)
        for lo in range(0, b, n):
            hi = min(lo + n, b)
            rows = (hi - lo) * out_hw[0] * out_hw[1]
            shape = (width, rows) if c == 1 else (rows, width)
            col = self._bufs.get(("col", shape, get_ident()))
            if col is None:
                col = self._buffer("col", shape)
                if self.bias is not None:  # the ones are written once, the windows never touch them
                    (col[-1] if c == 1 else col[:, -1]).fill(1.0)
            yield lo, hi, col

    def _window_view(self, xp, out_hw):
        """The whole batch's windows as a view when the columns are copied from one (many channels)."""
        if self.input_shape[2] < ONE_COPY_CHANNELS:
            return None
        return window_view(xp, self.kernel_size, self.strides, out_hw)

    def _columns(self, xp, col, out_hw, windows, lo):
        """Fill ``col`` with the windows of the chunk xp (b, Hp, Wp, C), images lo.., for an output of
        out_hw; the matrix to multiply by _weights()."""
        (kh, kw), c, b = self.kernel_size, self.input_shape[2], xp.shape[0]
        k = kh * kw * c
        if c == 1:
            im2col_transposed(xp, col[:k].reshape(kh, kw, b, *out_hw), self.kernel_size, self.strides, out_hw)
            return col.T
        im2col(xp, col[:, :k].reshape(b, *out_hw, kh, kw, c), self.kernel_size, self.strides, out_hw,
               None if windows is None else windows[lo:lo + b])
        return col

    def backward(self, dy, need_dx=True):
        """Per chunk of the batch: the activation's gradient, the windows copied again from the kept
        input, the kernel and bias gradients from one product, and (need_dx) the input gradient, one
        product per kernel offset. Output rows and columns whose gradient is zero are skipped."""
        b, f = dy.shape[0], self.filters
        (h, w, _), (ho, wo, _) = self.input_shape, self.output_shape
        top, bottom, left, right = self._pad
        rows, cols = live_extent(dy) if self.kernel.size // f >= TRIM_MIN_WINDOW else (ho, wo)
        trimmed = (rows, cols) != (ho, wo)
        width = self.kernel.size // f + (self.bias is not None)
        grad = self._buffer("grad", (width, f))
        part = self._buffer("part-grad", (width, f))
        dxp = self._buffer("dxp", self._xp.shape) if need_dx else None
        windows = self._window_view(self._xp, (rows, cols))
        for lo, hi, col in self._chunks(b, (rows, cols)):
            if trimmed or self.activation.name != "linear":
                # into a chunk-sized buffer, in cache for the products; dy is left as it came
                dz = self._buffer("dz", (hi - lo, rows, cols, f))
                self.activation.backward(self._a[lo:hi, :rows, :cols], dy[lo:hi, :rows, :cols], dz)
            else:
                dz = dy[lo:hi]
            dz2 = dz.reshape(-1, f)
            columns = self._columns(self._xp[lo:hi], col, (rows, cols), windows, lo)
            np.dot(columns.T, dz2, out=grad if lo == 0 else part)
            if lo:
                np.add(grad, part, out=grad)
            if need_dx:
                dxc = dxp[lo:hi]
                dxc.fill(0.0)
                scratch = self._buffer("dcol", (dz2.shape[0], self.input_shape[2]))
                add_input_gradient(dz2, self.kernel, scratch, dxc, self.strides, (rows, cols))
        self.kernel_grad.reshape(-1, f)[...] = grad[:self.kernel.size // f]
        if self.bias_grad is not None:
            self.bias_grad[...] = grad[-1]
        if not need_dx:
            return None
        return dxp[:, top:top + h, left:left + w, :] if (top or bottom or left or right) else dxp

    def get_config(self):
        config = {"name": self.name, "filters": self.filters, "kernel_size": list(self.kernel_size),
                "strides": list(self.strides), "padding": self.padding,
                "activation": self.activation.get_config(), "kernel_initializer": self.kernel_initializer,
                "input_shape": _shape_list(self.input_shape)}
        if not self.use_bias:
            config["use_bias"] = False
        if self.kernel_regularizer is not None:
            config["kernel_regularizer"] = self.kernel_regularizer.get_config()
        return config

    def describe(self):
        kh, kw = self.kernel_size
        act = self.activation.name
        return f"conv {self.filters}@{kh}x{kw}" + ("" if act == "linear" else f" {act}")


class Reshape(Layer):
    """(B, ...) -> (B, *target_shape), e.g. Reshape((28, 28, 1)) in front of a Conv2D; one entry of
    ``target_shape`` may be -1 (inferred)."""

    def __init__(self, target_shape, name=None, input_shape=None):
        super().__init__(name, input_shape)
        try:
            self.target_shape = tuple(int(n) for n in target_shape)
        except (TypeError, ValueError):
            raise ValueError(f"Reshape target_shape must be a tuple of integers, got {target_shape!r}") from None
        if not self.target_shape or any(n == 0 or n < -1 for n in self.target_shape) \
                or self.target_shape.count(-1) > 1:
            raise ValueError(f"Reshape target_shape must hold positive sizes (one may be -1), got {target_shape!r}")

    def compute_output_shape(self, input_shape):
        size, known = math.prod(input_shape), math.prod(n for n in self.target_shape if n != -1)
        shape = tuple(size // known if n == -1 else n for n in self.target_shape)
        if math.prod(shape) != size:
            raise ValueError(f"Reshape cannot turn inputs of shape {tuple(input_shape)} into {self.target_shape}")
        return shape

    def forward(self, x, training=False):
        return x.reshape((x.shape[0],) + self.output_shape)

    def backward(self, dy, need_dx=True):
        return dy.reshape((dy.shape[0],) + self.input_shape) if need_dx else None

    def get_config(self):
        return {"name": self.name, "target_shape": list(self.target_shape),
                "input_shape": _shape_list(self.input_shape)}


CONV_LAYER_CLASSES = {cls.__name__: cls for cls in (Conv2D, MaxPooling2D, Reshape)}
