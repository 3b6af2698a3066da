"""Layers for images, channels last as in Keras: Conv2D, MaxPooling2D and Reshape.

Conv2D is im2col + a matrix product, a few images at a time: each chunk's input windows are copied into
a (b*Ho*Wo, kh*kw*C) matrix that stays in cache, one copy per kernel offset, multiplied by the kernel
seen as (kh*kw*C, filters) on float32 BLAS, and the bias and activation applied to the chunk at once.
The backward pass copies each chunk's windows again and does two more products (kernel gradient and
column gradient) and col2im. MaxPooling2D compares the pool's shifted views of the input and remembers
the index of the one that won. The array work is in conv_kernels.py; what is not here: the dense
layers (layers.py).
"""

from __future__ import annotations

import math
from threading import get_ident

import numpy as np

from mnist_gui.nn.activations import get_activation
from mnist_gui.nn.conv_kernels import chunk_images, col2im_add, im2col, pool_max, pool_spread
from mnist_gui.nn.initializers import check_initializer, init_kernel
from mnist_gui.nn.core_layers import Layer
from mnist_gui.nn.regularizers import get_regularizer


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
        z = self._buffer("z", (b, ho, wo, f))
        kernel = self.kernel.reshape(-1, f)
        for lo, hi, col in self._chunks(b):
            im2col(xp[lo:hi], col, self.kernel_size, self.strides, (ho, wo))
            zc = z[lo:hi]
            np.dot(col.reshape(-1, kernel.shape[0]), kernel, out=zc.reshape(-1, f))
            # bias and activation on the chunk while it is still in cache
            if self.bias is not None:
                np.add(zc, self.bias, out=zc)
            if self.activation.name != "linear":
                self.activation.forward(zc, zc)
        if training:
            self._xp, self._a = xp, z
        return z

    def _chunks(self, b):
        """(lo, hi, column buffer) for each chunk of the batch (see conv_kernels)."""
        (ho, wo, f), (kh, kw), c = self.output_shape, self.kernel_size, self.input_shape[2]
        itemsize = np.dtype(self.dtype).itemsize
        n = chunk_images(ho * wo, (kh * kw * c + f) * itemsize, b)
        for lo in range(0, b, n):
            hi = min(lo + n, b)
            yield lo, hi, self._buffer("col", (hi - lo, ho, wo, kh, kw, c))

    def backward(self, dy, need_dx=True):
        """Per chunk of the batch: the activation's gradient, the windows copied again from the kept
        input, the kernel and bias gradients added up, and (need_dx) the input gradient by col2im."""
        b, f = dy.shape[0], self.filters
        (h, w, _), (ho, wo, _) = self.input_shape, self.output_shape
        top, bottom, left, right = self._pad
        kernel = self.kernel.reshape(-1, f)
        kernel_grad = self.kernel_grad.reshape(-1, f)
        part_k = self._buffer("part-kernel", kernel_grad.shape)
        part_b = self._buffer("part-bias", (f,))
        bias_grad = self.bias_grad if self.bias_grad is not None else self._buffer("unused-bias", (f,))
        dxp = self._buffer("dxp", self._xp.shape) if need_dx else None
        for lo, hi, col in self._chunks(b):
            dz = dy[lo:hi]
            if self.activation.name != "linear":
                self.activation.backward(self._a[lo:hi], dz, dz)
            im2col(self._xp[lo:hi], col, self.kernel_size, self.strides, (ho, wo))
            col2, dz2 = col.reshape(-1, kernel.shape[0]), dz.reshape(-1, f)
            ones = self._buffer("ones", (dz2.shape[0],))
            ones.fill(1.0)
            first = lo == 0
            np.dot(col2.T, dz2, out=kernel_grad if first else part_k)
            np.dot(ones, dz2, out=bias_grad if first else part_b)
            if not first:
                np.add(kernel_grad, part_k, out=kernel_grad)
                np.add(bias_grad, part_b, out=bias_grad)
            if need_dx:
                # col is free again: it takes the column gradient
                np.dot(dz2, kernel.T, out=col2)
                dxc = dxp[lo:hi]
                dxc.fill(0.0)
                col2im_add(col, dxc, self.kernel_size, self.strides, (ho, wo))
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
            rows = np.ascontiguousarray(xc).reshape(hi - lo, ho, p, wo * q * c)  # a view unless cropped
            pool_max(rows, 2, p, r, which_row[lo:hi] if training else None)
            pool_max(r.reshape(hi - lo, ho, wo, q, c), 3, q, y[lo:hi], which_col[lo:hi] if training else None)
        if training:
            self._which_row, self._which_col = which_row, which_col
        return y

    def _chunks(self, b, tag):
        """(lo, hi, scratch (hi - lo, ho, wo*q*C)) for each chunk of the batch."""
        (h, w, c), (ho, wo, _), q = self.input_shape, self.output_shape, self.pool_size[1]
        n = chunk_images(h * w, c * np.dtype(self.dtype).itemsize, b)
        for lo in range(0, b, n):
            hi = min(lo + n, b)
            yield lo, hi, self._buffer(tag, (hi - lo, ho, wo * q * c))

    def backward(self, dy, need_dx=True):
        if not need_dx:
            return None
        b = dy.shape[0]
        (h, w, c), (ho, wo, _), (p, q) = self.input_shape, self.output_shape, self.pool_size
        dx = self._buffer("dx", (b, h, w, c))
        cropped = h != ho * p or w != wo * q
        if cropped:
            dx.fill(0.0)
            inner = self._buffer("dx-inner", (b, ho * p, wo * q, c))
        for lo, hi, dr in self._chunks(b, "dr"):
            m = hi - lo
            pool_spread(dy[lo:hi], self._which_col[lo:hi], dr.reshape(m, ho, wo, q, c), 3, q)
            target = inner[lo:hi] if cropped else dx[lo:hi]
            pool_spread(dr, self._which_row[lo:hi], target.reshape(m, ho, p, wo * q * c), 2, p)
        if cropped:
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
