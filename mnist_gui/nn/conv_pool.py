"""A Conv2D 3x3 followed by a MaxPooling2D 2x2, run as one step (Winograd's F(2x2, 3x3), winograd.py).

``fuse(body)`` is what Sequential runs: its list of layers with each such pair replaced by a ``ConvPool``
that uses the two layers' own weights and gradients. The layers themselves are unchanged: a model file,
``model.layers``, the summary, ONNX export and the Inside tab (which runs the layers one at a time to
show every layer's output) see the Conv2D and the MaxPooling2D as before; only fit, evaluate and predict
take the fused path. Fused when the convolution is 3x3, stride 1, with 8 or more input channels (with
fewer, the transforms cost more than the products save, so the first convolution of a grey image stays
direct), and its activation is ReLU or linear, and the pooling is 2x2.

Why it is faster (benchmarks/conv_profile.py): the pooling's windows are the Winograd output blocks, so
the convolution computes only the outputs the pooling reads (the last row and column of an odd-sized
output are never computed), with 2.25x fewer multiply-adds; the pooling is a max over the four values of
each block; and the activation is applied after the max, on a quarter of the values (ReLU and the
identity are non-decreasing, so max(relu(z)) = relu(max(z)), and the bias, the same in a block, commutes
with the max). The gradient goes to the first maximum of each window, as MaxPooling2D's. What is not
here: the direct convolution and pooling (conv.py, pooling.py), the transforms (winograd.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn import winograd
from mnist_gui.nn.conv import Conv2D
from mnist_gui.nn.conv_kernels import chunk_images
from mnist_gui.nn.core_layers import scratch
from mnist_gui.nn.pooling import MaxPooling2D

MIN_CHANNELS = 8  # input channels from which the fused path pays (see the docstring)
CHUNK_BYTES = 1 << 21  # a chunk's transformed patches and products: 2 MB measured fastest (1-4 MB tried)


def fusable(conv, pool) -> bool:
    """Whether the pair (conv, pool) runs as a ConvPool."""
    return (type(conv) is Conv2D and type(pool) is MaxPooling2D and conv.kernel_size == (3, 3)
            and conv.strides == (1, 1) and conv.input_shape[2] >= MIN_CHANNELS
            and conv.activation.name in ("relu", "linear") and pool.pool_size == (2, 2)
            and min(conv.output_shape[:2]) >= 2)


def fuse(body: list) -> list:
    """body with every fusable (Conv2D, MaxPooling2D) pair replaced by one ConvPool."""
    out, i = [], 0
    while i < len(body):
        if i + 1 < len(body) and fusable(body[i], body[i + 1]):
            out.append(ConvPool(body[i], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return out


class ConvPool:
    """Runs ``conv`` then ``pool`` (see the module docstring); forward/backward as a layer's."""

    mode_dependent = False

    def __init__(self, conv, pool):
        self.conv, self.pool = conv, pool
        self.name = f"{conv.name}+{pool.name}"
        self.dtype = conv.dtype
        self.output_shape = pool.output_shape
        self._bufs = {}

    @property
    def trainable(self):
        return self.conv.trainable

    def param_shapes(self):
        return self.conv.param_shapes()

    def describe(self):
        return f"{self.conv.describe()} + {self.pool.describe()}"

    def _buffer(self, tag, shape, dtype=None):
        return scratch(self._bufs, tag, shape, dtype or self.dtype, limit=96)

    def _chunks(self, b):
        th, tw, f = self.output_shape
        c = self.conv.input_shape[2]
        n = chunk_images(th * tw, 16 * (c + f) * np.dtype(self.dtype).itemsize, b, CHUNK_BYTES)
        for lo in range(0, b, n):
            yield lo, min(lo + n, b)

    def _patches(self, xc, kept=None, lo=0):
        """The chunk's transformed patches V (16, P, C): in a chunk buffer, or (training) in ``kept``
        (4, 4, B, th, tw, C), the whole batch's, which the backward pass reads again."""
        th, tw, _ = self.output_shape
        n, _, wp, c = xc.shape
        rows = self._buffer("rows", (4, n, th, wp, c))
        v = self._buffer("v", (4, 4, n, th, tw, c)) if kept is None else kept[:, :, lo:lo + n]
        winograd.transform_input(xc, rows, v, th, tw)
        return v.reshape(16, n * th * tw, c)

    def forward(self, x, training=False):
        conv, (th, tw, f) = self.conv, self.output_shape
        xp = conv.padded(x)  # the convolution's own buffer (its zero border)
        b = x.shape[0]
        u = winograd.transform_kernel(conv.kernel, self.dtype)
        out = self._buffer("out", (b, th, tw, f))
        flat = out.reshape(-1, f)
        # training: which value of each window won (as 0/1 multipliers) and the patches, for backward
        hi = self._buffer("hi", (b * th * tw, f)) if training else None
        lo_ = self._buffer("lo", (2, b * th * tw, f)) if training else None
        kept = self._buffer("v-all", (4, 4, b, th, tw, xp.shape[3])) if training else None
        for lo, hi_ in self._chunks(b):
            v = self._patches(xp[lo:hi_], kept, lo)
            p = v.shape[1]
            m = self._buffer("m", (16, p, f))
            np.matmul(v, u, out=m)
            partial = self._buffer("partial", (2, 4, p, f))
            y = self._buffer("y", (2, 2, p, f))
            winograd.transform_output(m.reshape(4, 4, p, f), partial, y)
            rows = slice(lo * th * tw, hi_ * th * tw)
            pair = partial[0, :2]  # reused: the larger of each block row
            np.maximum(y[:, 0], y[:, 1], out=pair)
            if training:  # which value won, the first on ties: the row, then the column in it
                np.greater(y[:, 1], y[:, 0], out=lo_[:, rows])
                np.greater(pair[1], pair[0], out=hi[rows])
            np.maximum(pair[0], pair[1], out=flat[rows])
        if conv.bias is not None:
            np.add(flat, conv.bias, out=flat)
        if conv.activation.name != "linear":
            conv.activation.forward(flat, flat)
        if training:
            self._xp, self._a, self._hi, self._lo, self._u, self._v = xp, flat, hi, lo_, u, kept
        return out

    def backward(self, dy, need_dx=True):
        conv, (th, tw, f) = self.conv, self.output_shape
        b = dy.shape[0]
        dflat = dy.reshape(-1, f)
        if conv.activation.name != "linear":
            dz = self._buffer("dz", dflat.shape)
            conv.activation.backward(self._a, dflat, dz)
        else:
            dz = dflat
        c = conv.input_shape[2]
        du = self._buffer("du", (16, c, f))
        part = self._buffer("du-part", (16, c, f))
        ut = np.ascontiguousarray(self._u.transpose(0, 2, 1)) if need_dx else None
        dxp = self._buffer("dxp", self._xp.shape) if need_dx else None
        for lo, hi_ in self._chunks(b):
            rows = slice(lo * th * tw, hi_ * th * tw)
            p = (hi_ - lo) * th * tw
            dm = self._route(dz[rows], self._hi[rows], self._lo[:, rows], p, f)
            v = self._v[:, :, lo:hi_].reshape(16, p, c)
            np.matmul(v.transpose(0, 2, 1), dm, out=du if lo == 0 else part)
            if lo:
                np.add(du, part, out=du)
            if need_dx:
                self._input_gradient(dm, ut, dxp[lo:hi_])
        conv.kernel_grad[...] = winograd.transform_kernel_adjoint(du, conv.kernel.shape)
        if conv.bias_grad is not None:
            conv.bias_grad[...] = dz.sum(axis=0)
        if not need_dx:
            return None
        top, bottom, left, right = conv._pad
        h, w, _ = conv.input_shape
        return dxp[:, top:top + h, left:left + w] if (top or bottom or left or right) else dxp

    def _route(self, dz, hi, lo_, p, f):
        """The products' gradient dM (16, P, F): each pooled gradient sent to its window's first maximum
        (exact: dz * mask and dz - that), then through the output transform's adjoint."""
        dyp = self._buffer("dyp", (2, p, f))
        np.multiply(dz, hi, out=dyp[1])
        np.subtract(dz, dyp[1], out=dyp[0])
        dyb = self._buffer("dyb", (2, 2, p, f))
        np.multiply(dyp, lo_, out=dyb[:, 1])
        np.subtract(dyp, dyb[:, 1], out=dyb[:, 0])
        dm = self._buffer("dm", (16, p, f))
        winograd.transform_output_adjoint(dyb, self._buffer("dpartial", (2, 4, p, f)), dm.reshape(4, 4, p, f))
        return dm

    def _input_gradient(self, dm, ut, dxc):
        """dxc (the chunk's input gradient) = the adjoint of the input transform of dM @ U^T."""
        th, tw, _ = self.output_shape
        n, _, wp, c = dxc.shape
        dv = self._buffer("dv", (16, dm.shape[1], c))
        np.matmul(dm, ut, out=dv)
        dxc.fill(0.0)
        scratch_rows = (self._buffer("sr0", (n, th, wp, c)), self._buffer("sr1", (n, th, wp, c)))
        scratch_cols = (self._buffer("sc0", (4, n, th, tw, c)), self._buffer("sc1", (4, n, th, tw, c)))
        winograd.transform_input_adjoint(dv.reshape(4, 4, n, th, tw, c), self._buffer("drows", (4, n, th, wp, c)),
                                         dxc, th, tw, scratch_rows, scratch_cols)
