"""A Conv2D with few input channels followed by a MaxPooling2D 2x2, run as one step on pooling windows.

The first convolution of a grey image (one channel, K = kh*kw = 9) is bound by memory, not by its
products, so Winograd's saving (conv_pool.py) does not help it; what costs is writing the 26x26x32
output, reading it again to pool it, and the pooling's own passes. Here each 2x2 pooling window's four
outputs come from one product of the (kh+1) x (kw+1) input patch under the window with a kernel laid
out for the four positions: (P, (kh+1)(kw+1)C) @ ((kh+1)(kw+1)C, 4F), written straight in the layout
the max over the window reads. The convolution's output beyond the pooling (a last odd row or column)
is never computed. Same rules as ConvPool otherwise (the activation after the max, the first maximum of
each window takes the gradient). What is not here: the shared forward and backward (conv_pool.py), the
window copies (conv_kernels.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.conv_kernels import im2col, im2col_transposed
from mnist_gui.nn.conv_pool import ConvPool


class TilePool(ConvPool):
    """conv then pool for few input channels: one product per chunk on the pooling windows' patches."""

    def _patch(self):
        kh, kw = self.conv.kernel_size
        return kh + 1, kw + 1

    def _row_bytes(self):
        ph, pw = self._patch()
        f = self.output_shape[2]
        return (ph * pw * self.conv.input_shape[2] + 8 * f) * np.dtype(self.dtype).itemsize

    def _prepare(self, b, c, training):
        """The kernel for the four positions of a window, ((kh+1)(kw+1)C, 4F); training: the batch's
        patches are kept for the kernel's gradient."""
        kh, kw, _, f = self.conv.kernel.shape
        ph, pw = self._patch()
        wide = self._buffer("wide", (ph, pw, c, 2, 2, f))
        wide.fill(0.0)
        for p in range(2):
            for q in range(2):
                wide[p:p + kh, q:q + kw, :, p, q, :] = self.conv.kernel
        th, tw, _ = self.output_shape
        width = ph * pw * c
        kept = self._buffer("cols-all", (width, b * th * tw) if c == 1 else (b * th * tw, width)) \
            if training else None
        return wide.reshape(width, 4 * f), kept

    def _columns(self, xc, kept, lo):
        """The chunk's patches as the product's left side (P, (kh+1)(kw+1)C): copied into the kept
        columns (training) or a chunk buffer; for one channel stored transposed, one block per offset."""
        th, tw, f = self.output_shape
        n, c = xc.shape[0], xc.shape[3]
        ph, pw = self._patch()
        width, p = ph * pw * c, n * th * tw
        rows = slice(lo * th * tw, lo * th * tw + p)
        if c == 1:
            col = self._buffer("cols", (width, p)) if kept is None else kept[:, rows]
            im2col_transposed(xc, col.reshape(ph, pw, n, th, tw), (ph, pw), (2, 2), (th, tw))
            return col.T
        col = self._buffer("cols", (p, width)) if kept is None else kept[rows]
        im2col(xc, col.reshape(n, th, tw, ph, pw, c), (ph, pw), (2, 2), (th, tw))
        return col

    def _outputs(self, xc, wide, kept, lo):
        cols = self._columns(xc, kept, lo)
        f = self.output_shape[2]
        prod = self._buffer("prod", (cols.shape[0], 4 * f))
        np.dot(cols, wide, out=prod)
        return prod.reshape(-1, 2, 2, f).transpose(1, 2, 0, 3)

    def _window_buffer(self, p, f):
        return self._buffer("dprod", (p, 2, 2, f)).transpose(1, 2, 0, 3)

    def _gradients(self, dyb, lo, hi_, dxc):
        """The wide kernel's gradient from this chunk's patches and, with dxc, the input gradient: the
        patches' gradient added back at each window offset."""
        th, tw, f = self.output_shape
        p = dyb.shape[2]
        dprod = dyb.transpose(2, 0, 1, 3).reshape(p, 4 * f)  # the buffer itself, (P, 4F)
        rows = slice(lo * th * tw, lo * th * tw + p)
        c = self.conv.input_shape[2]
        cols = self._kept[:, rows].T if c == 1 else self._kept[rows]
        part = self._buffer("wide-grad", (cols.shape[1], 4 * f))
        np.dot(cols.T, dprod, out=part)
        if dxc is not None:
            self._input_gradient(dprod, dxc)
        return part

    def _prepare_input_gradient(self):
        """Nothing to prepare: the input gradient's products use the wide kernel as it is."""

    def _kernel_gradient(self, dwide):
        kh, kw, c, f = self.conv.kernel.shape
        ph, pw = self._patch()
        wide = dwide.reshape(ph, pw, c, 2, 2, f)
        return sum(wide[p:p + kh, q:q + kw, :, p, q, :] for p in range(2) for q in range(2))

    def _input_gradient(self, dprod, dxc):
        th, tw, f = self.output_shape
        n, c = dxc.shape[0], dxc.shape[3]
        ph, pw = self._patch()
        dcols = self._buffer("dcols", (dprod.shape[0], ph * pw * c))
        np.dot(dprod, self._weights.T, out=dcols)
        dxc.fill(0.0)
        patches = dcols.reshape(n, th, tw, ph, pw, c)
        for i in range(ph):
            for j in range(pw):
                target = dxc[:, i:i + 2 * th:2, j:j + 2 * tw:2]
                np.add(target, patches[:, :, :, i, j], out=target)

