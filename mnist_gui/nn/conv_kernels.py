"""The array work behind Conv2D (conv.py) and MaxPooling2D (pooling.py), NumPy only, on preallocated arrays.

A convolution is done a few images at a time: the windows of a chunk of the batch are copied into a
column matrix small enough to stay in the core's cache (``CHUNK_BYTES`` for the columns and the output
rows together) and multiplied by the kernel, and the activation applied to that chunk while it is still
in cache. The full (B*Ho*Wo, kh*kw*C) column matrix, 18 MB for the default CNN's second convolution at
batch 128, is never built: the backward pass copies each chunk's windows again from the (kept) input,
which costs less than writing them all out and reading them back. Measured on this machine
(benchmarks/conv_profile.py): one product over the whole batch ran at the same speed as chunked
products or slower, but the copies and activation around it ran out of cache, at memory speed.

- The columns carry a last column of ones when the layer has a bias, and the product's right-hand side
  a last row holding the bias: the bias is added by the product itself, and the bias gradient comes
  out of the kernel-gradient product as its last row (a separate broadcast add over the output was
  0.1-0.4 ms per batch of 128; the extra column costs the product nothing measurable).
- The windows are copied in one NumPy call from a strided view of the input when the channels are many
  (each window row, kw*C values, is contiguous): 0.6 ms per batch for the second convolution against
  1.1 ms for one copy per kernel offset. With few channels, one copy per offset; with one channel (a
  first convolution on grey images) the columns are stored transposed, (kh*kw, pixels), so that each
  offset's copy is a contiguous image-shaped block: 0.2 ms per batch against 0.46 ms for 9-value rows
  (1.8 ms from the strided view). That convolution (K = 9) stays a product: as nine strided
  multiply-adds broadcast over the filters it was 10x slower in NumPy.
- The input gradient is one product per kernel offset, dz (pixels, F) @ kernel[i, j].T (F, C), each
  added to its shifted slice of the input gradient along rows of wo*C contiguous values. Forming all
  the column gradients in one product and scattering them back (col2im) read them in C-value pieces:
  3.6 ms per batch, against 1.3 ms for the nine adds.
- The backward pass skips output rows and columns at the bottom and right whose gradient is zero for
  every image (``live_extent``): a 2x2 max pooling after an odd-sized output (11x11 in the default CNN)
  drops its last row and column, 17% of that layer's backward products. Exact: a zero gradient adds
  nothing. Only for windows of TRIM_MIN_WINDOW values or more: with one channel (K = 9) the products
  are a small part of the pass, and the activation's gradient on the trimmed (strided) views cost more
  than they saved (the first convolution's MNIST gradients end two rows early: 2.44 ms trimmed against
  2.33 ms whole, and 0.5 ms more inside a training step).
- Chunks of 2 MB (one core's L2 cache) ran 3-8% faster than 1 MB for the convolutions; max pooling keeps
  1 MB chunks (``POOL_CHUNK_BYTES``), measured faster there.

Max pooling compares the pool's shifted views and keeps, per output, the index of the winning view
(uint8, the first on ties); its backward writes each view's share as ``dy * (index == k)``, for the
usual 2-wide pool as ``dy * index`` and ``dy - that``, exact in floating point.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

CHUNK_BYTES = 1 << 21  # one core's L2 cache
ONE_COPY_CHANNELS = 8  # from this many channels on, the windows are copied in one call
TRIM_MIN_WINDOW = 32  # kh*kw*C from which the backward pass skips zero-gradient rows (see above)


POOL_CHUNK_BYTES = 1 << 20  # max pooling's row pass and column pass (2 MB chunks measured slower there)


def chunk_images(rows_per_image: int, row_bytes: int, batch: int, budget: int | None = None) -> int:
    """How many images a chunk holds so its rows fit in ``budget`` bytes (CHUNK_BYTES: a convolution's
    column and output rows), at least one."""
    budget = CHUNK_BYTES if budget is None else budget
    return max(1, min(batch, budget // max(rows_per_image * row_bytes, 1)))


def _offset(xp, i, j, strides, out_hw):
    """The (b, ho, wo, C) slice of xp that kernel offset (i, j) reads (or, backward, adds to)."""
    (sh, sw), (ho, wo) = strides, out_hw
    return xp[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :]


def window_view(xp, kernel_size, strides, out_hw):
    """The windows of xp (b, Hp, Wp, C) as a read-only (b, ho, wo, kh, kw, C) view (made once per pass:
    making one costs ~20 us, slicing it per chunk ~1 us)."""
    (kh, kw), (sh, sw), (ho, wo) = kernel_size, strides, out_hw
    s0, s1, s2, s3 = xp.strides
    return as_strided(xp, (xp.shape[0], ho, wo, kh, kw, xp.shape[3]), (s0, sh * s1, sw * s2, s1, s2, s3),
                      writeable=False)


def im2col(xp, col, kernel_size, strides, out_hw, windows=None):
    """Copy the windows of xp (b, Hp, Wp, C) into col (b, ho, wo, kh, kw, C), which may be a view;
    ``windows``: xp's window_view when there is one (one copy from it with many channels)."""
    kh, kw = kernel_size
    if xp.shape[3] >= ONE_COPY_CHANNELS:
        np.copyto(col, window_view(xp, kernel_size, strides, out_hw) if windows is None else windows)
        return
    for i in range(kh):
        for j in range(kw):
            col[:, :, :, i, j, :] = _offset(xp, i, j, strides, out_hw)


def im2col_transposed(xp, col_t, kernel_size, strides, out_hw):
    """For one channel: copy the windows of xp (b, Hp, Wp, 1) into col_t (kh, kw, b, ho, wo)."""
    kh, kw = kernel_size
    for i in range(kh):
        for j in range(kw):
            col_t[i, j] = _offset(xp, i, j, strides, out_hw)[..., 0]


def add_input_gradient(dz2, kernel, scratch, dxp, strides, out_hw):
    """dxp (b, Hp, Wp, C) += the input gradient of the windows, given dz2 (b*ho*wo, F) and kernel
    (kh, kw, C, F): one product per kernel offset into ``scratch`` (at least b*ho*wo*C elements,
    contiguous), added to that offset's slice of dxp."""
    kh, kw, c, _ = kernel.shape
    b, (ho, wo) = dxp.shape[0], out_hw
    part = scratch.reshape(-1)[:dz2.shape[0] * c].reshape(dz2.shape[0], c)
    for i in range(kh):
        for j in range(kw):
            np.dot(dz2, kernel[i, j].T, out=part)
            target = _offset(dxp, i, j, strides, out_hw)
            np.add(target, part.reshape(b, ho, wo, c), out=target)


def live_extent(dy):
    """(rows, cols): the top-left part of dy (B, Ho, Wo, F) outside which every value is zero, for all
    images (at least 1 x 1). Only the bottom rows and right columns are looked at, cheaply."""
    rows, cols = dy.shape[1], dy.shape[2]
    while rows > 1 and _all_zero(dy[:, rows - 1]):
        rows -= 1
    while cols > 1 and _all_zero(dy[:, :rows, cols - 1]):
        cols -= 1
    return rows, cols


def _all_zero(part) -> bool:
    """Whether part (B, ...) is zero everywhere; the first image alone usually answers no (looking at
    the whole batch's last row there cost 0.6 ms in a training step, though 0.03 ms alone)."""
    return not part[0].any() and not part.any()


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
