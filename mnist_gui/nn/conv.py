"""Layers for images, channels last as in Keras: Conv2D, MaxPooling2D and Reshape.

Conv2D is im2col + one matrix product: the input windows are copied into a (B*Ho*Wo, kh*kw*C) matrix,
one copy per kernel offset (kh*kw strided copies, never a loop over pixels or samples), and multiplied
by the kernel seen as (kh*kw*C, filters) on float32 BLAS. The backward pass is two more products
(kernel gradient and column gradient) and col2im, again one strided addition per kernel offset.
MaxPooling2D compares the pool's shifted views of the input and remembers which one won. What is not
here: the dense layers (layers.py).
"""

from __future__ import annotations

import math
from threading import get_ident

import numpy as np

from mnist_gui.nn.activations import get_activation
from mnist_gui.nn.initializers import check_initializer, init_kernel
from mnist_gui.nn.layers import Layer


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


class Conv2D(Layer):
    """A 2-D convolution ``y = activation(conv(x, kernel) + bias)`` on (B, H, W, C) inputs.

    ``kernel`` is (kh, kw, C, filters) and ``bias`` (filters,), Keras's layout. ``padding='valid'``
    keeps only full windows; ``'same'`` pads with zeros so that the output is ceil(H / stride) high
    (TensorFlow's convention: any odd padding pixel goes at the bottom and right).
    """

    def __init__(self, filters: int, kernel_size, strides=1, padding: str = "valid", activation=None,
                 kernel_initializer: str = "auto", name=None, input_shape=None):
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
        return [("kernel", (kh, kw, self.input_shape[2], self.filters)), ("bias", (self.filters,))]

    def bind(self, params, grads):
        self.kernel, self.bias = params["kernel"], params["bias"]
        self.kernel_grad, self.bias_grad = grads["kernel"], grads["bias"]

    def init_params(self, rng):
        kh, kw, c, f = self.kernel.shape
        init_kernel(self, kh * kw * c, kh * kw * f, rng)

    def _windows(self, xp, ho, wo):
        """(kernel row, kernel column, strided view of xp (B, ho, wo, C)) for every kernel offset."""
        (kh, kw), (sh, sw) = self.kernel_size, self.strides
        for i in range(kh):
            for j in range(kw):
                yield i, j, xp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :]

    def forward(self, x, training=False):
        b = x.shape[0]
        (h, w, c), (ho, wo, f), (kh, kw) = self.input_shape, self.output_shape, self.kernel_size
        top, bottom, left, right = self._pad
        if top or bottom or left or right:
            # the border of this buffer is zeroed when it is made and never written again
            shape = (b, h + top + bottom, w + left + right, c)
            key = ("xp", shape, get_ident())
            xp = self._bufs.get(key)
            if xp is None:
                xp = self._buffer("xp", shape)
                xp.fill(0.0)
            xp[:, top:top + h, left:left + w, :] = x
        else:
            xp = x
        col = self._buffer("col", (b, ho, wo, kh, kw, c))
        for i, j, window in self._windows(xp, ho, wo):
            col[:, :, :, i, j, :] = window
        col2 = col.reshape(b * ho * wo, kh * kw * c)
        z = self._buffer("z", (b, ho, wo, f))
        np.dot(col2, self.kernel.reshape(-1, f), out=z.reshape(-1, f))
        np.add(z, self.bias, out=z)
        if self.activation.name != "linear":
            self.activation.forward(z, z)
        if training:
            self._col, self._a = col2, z
        return z

    def backward(self, dy, need_dx=True):
        dz = dy if self.activation.name == "linear" else self.activation.backward(self._a, dy, dy)
        f = self.filters
        dz2 = dz.reshape(-1, f)  # (B*Ho*Wo, filters)
        np.dot(self._col.T, dz2, out=self.kernel_grad.reshape(-1, f))
        ones = self._buffer("ones", (dz2.shape[0],))
        ones.fill(1.0)
        np.dot(ones, dz2, out=self.bias_grad)
        if not need_dx:
            return None
        b = dz.shape[0]
        (h, w, c), (ho, wo, _), (kh, kw) = self.input_shape, self.output_shape, self.kernel_size
        top, bottom, left, right = self._pad
        dcol = self._buffer("dcol", (b, ho, wo, kh, kw, c))
        np.dot(dz2, self.kernel.reshape(-1, f).T, out=dcol.reshape(b * ho * wo, -1))
        dxp = self._buffer("dxp", (b, h + top + bottom, w + left + right, c))
        dxp.fill(0.0)
        for i, j, window in self._windows(dxp, ho, wo):
            window += dcol[:, :, :, i, j, :]
        return dxp[:, top:top + h, left:left + w, :] if (top or bottom or left or right) else dxp

    def get_config(self):
        return {"name": self.name, "filters": self.filters, "kernel_size": list(self.kernel_size),
                "strides": list(self.strides), "padding": self.padding,
                "activation": self.activation.get_config(), "kernel_initializer": self.kernel_initializer,
                "input_shape": _shape_list(self.input_shape)}

    def describe(self):
        kh, kw = self.kernel_size
        act = self.activation.name
        return f"conv {self.filters}@{kh}x{kw}" + ("" if act == "linear" else f" {act}")


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
        channel axis innermost was three times slower)."""
        b = x.shape[0]
        (h, w, c), (ho, wo, _), (p, q) = self.input_shape, self.output_shape, self.pool_size
        if h != ho * p or w != wo * q:
            x = x[:, :ho * p, :wo * q, :]
        rows = np.ascontiguousarray(x).reshape(b, ho, p, wo * q * c)  # a view unless cropped
        r = self._buffer("r", (b, ho, wo * q * c))
        y = self._buffer("y", (b, ho, wo, c))
        cols = r.reshape(b, ho, wo, q, c)
        self._reduce(rows, 2, p, r, "row", training)
        self._reduce(cols, 3, q, y, "col", training)
        return y

    def _reduce(self, a, axis, n, out, tag, training):
        """out = max of the n slices of a along axis; when training, remember which slice won (the first
        on ties) in a uint8 array."""
        take = lambda k: a[(slice(None),) * axis + (k,)]  # noqa: E731
        np.copyto(out, take(0))
        if not training:
            for k in range(1, n):
                np.maximum(out, take(k), out=out)
            return
        which = self._buffer("which-" + tag, out.shape, np.uint8)
        greater = self._buffer("greater-" + tag, out.shape, np.bool_)
        which.fill(0)
        for k in range(1, n):
            np.greater(take(k), out, out=greater)
            if n == 2:
                np.copyto(which, greater, casting="unsafe")
            else:
                np.copyto(which, k, where=greater)
            np.maximum(out, take(k), out=out)
        setattr(self, "_which_" + tag, which)

    def _spread(self, d, which, da, axis, n, tag):
        """The gradient d of the maximum, sent to the winning slice of da along axis."""
        mask = self._buffer("mask-" + tag, d.shape, np.bool_)
        for k in range(n):
            np.equal(which, k, out=mask)
            np.multiply(d, mask, out=da[(slice(None),) * axis + (k,)])

    def backward(self, dy, need_dx=True):
        if not need_dx:
            return None
        b = dy.shape[0]
        (h, w, c), (ho, wo, _), (p, q) = self.input_shape, self.output_shape, self.pool_size
        dr = self._buffer("dr", (b, ho, wo * q * c))
        self._spread(dy, self._which_col, dr.reshape(b, ho, wo, q, c), 3, q, "col")
        dx = self._buffer("dx", (b, h, w, c))
        if h == ho * p and w == wo * q:
            self._spread(dr, self._which_row, dx.reshape(b, ho, p, wo * q * c), 2, p, "row")
            return dx
        inner = self._buffer("dx-inner", (b, ho * p, wo * q, c))
        self._spread(dr, self._which_row, inner.reshape(b, ho, p, wo * q * c), 2, p, "row")
        dx.fill(0.0)
        dx[:, :ho * p, :wo * q, :] = inner
        return dx

    def get_config(self):
        return {"name": self.name, "pool_size": list(self.pool_size), "input_shape": _shape_list(self.input_shape)}

    def describe(self):
        return "max pool {}x{}".format(*self.pool_size)


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
