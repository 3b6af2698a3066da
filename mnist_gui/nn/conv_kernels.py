"""The array work behind Conv2D and MaxPooling2D (conv.py), NumPy only, on preallocated arrays.

A convolution is done a few images at a time: the windows of a chunk of the batch are copied into a
column matrix small enough to stay in the core's cache (``CHUNK_BYTES`` for the columns and the output
rows together), multiplied by the kernel, and the bias and activation applied to that chunk while it is
still in cache. The full (B*Ho*Wo, kh*kw*C) column matrix, 18 MB for the default CNN's second
convolution at batch 128, is never built: the backward pass copies each chunk's windows again from the
(kept) input, which costs less than writing them all out and reading them back. Measured on this
machine (benchmarks/conv_profile.py): one product over the whole batch ran at the same speed as
chunked products, but the copies, bias, activation and col2im around it ran out of cache, at memory
speed. A 3x3 kernel on one channel (K = 9) stays a product too: as nine strided multiply-adds broadcast
over the filters it was 10x slower in NumPy.

Max pooling compares the pool's shifted views and keeps, per output, the index of the winning view
(uint8, the first on ties); its backward writes each view's share as ``dy * (index == k)``, for the
usual 2-wide pool as ``dy * index`` and ``dy - that``, exact in floating point.
"""

from __future__ import annotations

import numpy as np

CHUNK_BYTES = 1 << 20


def chunk_images(rows_per_image: int, row_bytes: int, batch: int) -> int:
    """How many images a chunk holds so its column and output rows fit in CHUNK_BYTES (at least one)."""
    return max(1, min(batch, CHUNK_BYTES // max(rows_per_image * row_bytes, 1)))


def im2col(xp, col, kernel_size, strides, out_hw):
    """Copy the windows of xp (b, Hp, Wp, C) into col (b, ho, wo, kh, kw, C): one strided copy per
    kernel offset, never a loop over pixels or images."""
    (kh, kw), (sh, sw), (ho, wo) = kernel_size, strides, out_hw
    for i in range(kh):
        for j in range(kw):
            col[:, :, :, i, j, :] = xp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :]


def col2im_add(dcol, dxp, kernel_size, strides, out_hw):
    """The adjoint of im2col: add dcol (b, ho, wo, kh, kw, C) into the windows of dxp (b, Hp, Wp, C)."""
    (kh, kw), (sh, sw), (ho, wo) = kernel_size, strides, out_hw
    for i in range(kh):
        for j in range(kw):
            dxp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :] += dcol[:, :, :, i, j, :]


def pool_max(a, axis, n, out, which=None):
    """out = the largest of the n slices of a along axis; with ``which`` (uint8, out's shape), also the
    index of the slice that won, the first on ties."""
    take = lambda k: a[(slice(None),) * axis + (k,)]  # noqa: E731
    if which is None:
        np.maximum(take(0), take(1), out=out) if n > 1 else np.copyto(out, take(0))
        for k in range(2, n):
            np.maximum(out, take(k), out=out)
        return
    np.copyto(out, take(0))
    if n == 2:
        # a bool written through a uint8 view is 0 or 1, the index itself
        np.greater(take(1), out, out=which.view(np.bool_))
        np.maximum(out, take(1), out=out)
        return
    which.fill(0)
    for k in range(1, n):
        wins = take(k) > out
        which[wins] = k
        np.maximum(out, take(k), out=out)


def pool_spread(d, which, da, axis, n):
    """Send the gradient d of each maximum to the winning slice of da along axis (the others get 0)."""
    view = lambda k: da[(slice(None),) * axis + (k,)]  # noqa: E731
    if n == 2:
        np.multiply(d, which, out=view(1))
        np.subtract(d, view(1), out=view(0))
        return
    for k in range(n):
        np.multiply(d, which == k, out=view(k))
