"""A Conv2D followed by a MaxPooling2D 2x2, run as one step on the pooling's windows; here the shared
forward and backward, and for a 3x3 convolution on many channels, Winograd's F(2x2, 3x3) (winograd.py).

``fusion.fuse(body)`` is what Sequential runs: its layers with each such pair replaced by one step that
uses the two layers' own weights and gradients. The layers themselves are unchanged: a model file,
``model.layers``, the summary, ONNX export and the Inside tab (which runs the layers one at a time to
show every layer's output) see the Conv2D and the MaxPooling2D as before; only fit, evaluate and predict
take the fused path. Fused when the convolution has stride 1 and a ReLU or linear activation and the
pooling is 2x2: as ``ConvPool`` (Winograd) for a 3x3 kernel on 8 or more input channels, as
``TilePool`` (tile_pool.py) for fewer channels (a first convolution on grey images), where the
transforms would cost more than the products save.

Why it is faster (benchmarks/conv_profile.py): the pooling's windows are the Winograd output blocks, so
the convolution computes only the outputs the pooling reads (the last row and column of an odd-sized
output are never computed), with 2.25x fewer multiply-adds; the pooling is a max over the four values of
each block; and the activation is applied after the max, on a quarter of the values (ReLU and the
identity are non-decreasing, so max(relu(z)) = relu(max(z)), and the bias, the same in a block, commutes
with the max). The gradient goes to the first maximum of each window, as MaxPooling2D's. What is not
here: the direct convolution and pooling (conv.py, pooling.py), the transforms (winograd.py), the tiles
(tile_pool.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn import winograd
from mnist_gui.nn.conv_kernels import chunk_images
from mnist_gui.nn.core_layers import scratch
from mnist_gui.nn.threads import for_each_chunk

CHUNK_BYTES = 1 << 21  # a chunk's transformed patches and products: 2 MB measured fastest (1-4 MB tried)


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
        return scratch(self._bufs, tag, shape, dtype or self.dtype, limit=160)  # per thread: the helpers' too

    def _chunks(self, b):
        """The chunks' (first, end) images: set by the batch size alone, never by the threads."""
        th, tw, _ = self.output_shape
        n = chunk_images(th * tw, self._row_bytes(), b, CHUNK_BYTES)
        return [(lo, min(lo + n, b)) for lo in range(0, b, n)]

    def forward(self, x, training=False):
        conv, (th, tw, f) = self.conv, self.output_shape
        xp = conv.padded(x)  # the convolution's own buffer (its zero border)
        b = x.shape[0]
        weights, kept = self._prepare(b, xp.shape[3], training)
        out = self._buffer("out", (b, th, tw, f))
        flat = out.reshape(-1, f)
        # training: which value of each window won, as 0/1 multipliers for the backward pass
        hi = self._buffer("hi", (b * th * tw, f)) if training else None
        lo_ = self._buffer("lo", (2, b * th * tw, f)) if training else None
        chunks = self._chunks(b)

        def chunk(k):  # on this thread or a helper (threads.for_each_chunk): its own rows only
            lo, hi_ = chunks[k]
            y = self._outputs(xp[lo:hi_], weights, kept, lo)  # (2, 2, P, F): each window's four values
            rows = slice(lo * th * tw, hi_ * th * tw)
            pair = self._buffer("pair", (2,) + y.shape[2:])  # the larger of each window row
            np.maximum(y[:, 0], y[:, 1], out=pair)
            if training:  # which value won, the first on ties: the row, then the column in it
                np.greater(y[:, 1], y[:, 0], out=lo_[:, rows])
                np.greater(pair[1], pair[0], out=hi[rows])
            a = flat[rows]
            np.maximum(pair[0], pair[1], out=a)
            if conv.bias is not None:
                np.add(a, conv.bias, out=a)
            if conv.activation.name != "linear":
                conv.activation.forward(a, a)

        for_each_chunk(len(chunks), chunk)
        if training:
            self._xp, self._a, self._hi, self._lo, self._weights, self._kept = xp, flat, hi, lo_, weights, kept
        return out

    def backward(self, dy, need_dx=True):
        conv, (th, tw, f) = self.conv, self.output_shape
        dflat = dy.reshape(-1, f)
        linear = conv.activation.name == "linear"
        dz = dflat if linear else self._buffer("dz", dflat.shape)
        dxp = self._buffer("dxp", self._xp.shape) if need_dx else None
        if need_dx:
            self._prepare_input_gradient()
        chunks = self._chunks(dy.shape[0])
        parts = [None] * len(chunks)

        def chunk(k):  # the chunk's share of the kernel's gradient is kept, to be added in chunk order
            lo, hi_ = chunks[k]
            rows = slice(lo * th * tw, hi_ * th * tw)
            if not linear:
                conv.activation.backward(self._a[rows], dflat[rows], dz[rows])
            dyb = self._window_gradient(dz[rows], self._hi[rows], self._lo[:, rows])
            parts[k] = self._gradients(dyb, lo, hi_, None if dxp is None else dxp[lo:hi_]).copy()

        for_each_chunk(len(chunks), chunk)
        grad = parts[0]
        for part in parts[1:]:
            np.add(grad, part, out=grad)
        conv.kernel_grad[...] = self._kernel_gradient(grad)
        if conv.bias_grad is not None:
            conv.bias_grad[...] = dz.sum(axis=0)
        if not need_dx:
            return None
        top, bottom, left, right = conv._pad
        h, w, _ = conv.input_shape
        return dxp[:, top:top + h, left:left + w] if (top or bottom or left or right) else dxp

    def _window_gradient(self, dz, hi, lo_):
        """The gradient of each window's four values (2, 2, P, F): each pooled gradient sent to its
        window's first maximum (exact: dz * mask and dz - that)."""
        p, f = dz.shape
        dyp = self._buffer("dyp", (2, p, f))
        np.multiply(dz, hi, out=dyp[1])
        np.subtract(dz, dyp[1], out=dyp[0])
        dyb = self._window_buffer(p, f)
        np.multiply(dyp, lo_, out=dyb[:, 1])
        np.subtract(dyp, dyb[:, 1], out=dyb[:, 0])
        return dyb

    # what the two ways of computing the windows' values provide (Winograd here, tile_pool.py's tiles)

    def _row_bytes(self):
        """Bytes a chunk needs per pooled output (for the chunk size)."""
        return 16 * (self.conv.input_shape[2] + self.output_shape[2]) * np.dtype(self.dtype).itemsize

    def _prepare(self, b, c, training):
        """(the kernel as the chunks' products use it, training: where the batch's patches are kept for
        the backward pass). Nothing is stored on self: predictions may run in other threads meanwhile."""
        kept = self._buffer("v-all", (4, 4, b) + self.output_shape[:2] + (c,)) if training else None
        return winograd.transform_kernel(self.conv.kernel, self.dtype), kept

    def _outputs(self, xc, u, kept, lo):
        """The chunk's windows' four values (2, 2, P, F) from its input xc (n, Hp, Wp, C)."""
        v = self._patches(xc, kept, lo)
        p, f = v.shape[1], self.output_shape[2]
        m = self._buffer("m", (16, p, f))
        np.matmul(v, u, out=m)
        y = self._buffer("y", (2, 2, p, f))
        winograd.transform_output(m.reshape(4, 4, p, f), self._buffer("partial", (2, 4, p, f)), y)
        return y

    def _window_buffer(self, p, f):
        return self._buffer("dyb", (2, 2, p, f))

    def _gradients(self, dyb, lo, hi_, dxc):
        """The chunk's share of the kernel's gradient (as _kernel_gradient takes it) and, with dxc, its
        input gradient written there, from the windows' gradient dyb."""
        _, _, p, f = dyb.shape
        c = self.conv.input_shape[2]
        dm = self._buffer("dm", (16, p, f))
        winograd.transform_output_adjoint(dyb, self._buffer("dpartial", (2, 4, p, f)), dm.reshape(4, 4, p, f))
        v = self._kept[:, :, lo:hi_].reshape(16, p, c)
        du = self._buffer("du-part", (16, c, f))
        np.matmul(v.transpose(0, 2, 1), dm, out=du)
        if dxc is not None:
            self._input_gradient(dm, self._ut, dxc)
        return du

    def _prepare_input_gradient(self):
        """U^T for the input gradient's products, once per backward pass, before the chunks."""
        self._ut = np.ascontiguousarray(self._weights.transpose(0, 2, 1))

    def _kernel_gradient(self, du):
        return winograd.transform_kernel_adjoint(du, self.conv.kernel.shape)

    def _patches(self, xc, kept=None, lo=0):
        """The chunk's transformed patches V (16, P, C): in a chunk buffer, or (training) in ``kept``
        (4, 4, B, th, tw, C), the whole batch's, which the backward pass reads again."""
        th, tw, _ = self.output_shape
        n, _, wp, c = xc.shape
        rows = self._buffer("rows", (4, n, th, wp, c))
        v = self._buffer("v", (4, 4, n, th, tw, c)) if kept is None else kept[:, :, lo:lo + n]
        winograd.transform_input(xc, rows, v, th, tw)
        return v.reshape(16, n * th * tw, c)

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
