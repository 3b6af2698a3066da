"""The array work of a 3x3 convolution followed by a 2x2 max pooling, done as Winograd's F(2x2, 3x3).

Each 2x2 block of the convolution's output is exactly one window of the pooling after it, and Winograd's
minimal filtering computes such a block from the 4x4 input patch under it with 16 products per channel
pair instead of 36: ``Y = A^T [(G g G^T) * (B^T d B)] A``. Over a chunk of images that is 16 matrix
products (P patches, C) @ (C, F), one per point of the 4x4 transformed patch, against the direct
method's one (4P, 9C) @ (9C, F): 2.25x fewer multiply-adds. The transforms of the input (B^T . B) and
of the output (A^T . A) have only 0 and +-1 entries and are done as a few adds and subtracts of strided
views, separably (rows, then columns), on chunks of images small enough to stay in cache.

The functions work on preallocated arrays (see conv_pool.py, which owns them):
- ``transform_input`` / ``transform_input_adjoint``: x (n, Hp, Wp, C) <-> V (4, 4, n, th, tw, C);
- ``transform_output`` / ``transform_output_adjoint``: M (4, 4, P, F) <-> Y (2, 2, P, F);
- ``transform_kernel`` / ``transform_kernel_adjoint``: the kernel (3, 3, C, F) <-> U (4, 4, C, F).
Exact in exact arithmetic (G's halves are exact in binary); in float32 the results differ from the
direct convolution's by rounding only (~1e-6 relative, tested). What is not here: the pooling's winner
and the activation (conv_pool.py), the direct convolution (conv_kernels.py).
"""

from __future__ import annotations

import numpy as np

G = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0.0, 0.0, 1.0]])


def transform_kernel(kernel, dtype):
    """U (16, C, F) = G g G^T for every channel pair of kernel (3, 3, C, F)."""
    _, _, c, f = kernel.shape
    half = np.tensordot(G, kernel.astype(np.float64, copy=False), axes=(1, 0))  # (4, 3, C, F): rows
    full = np.tensordot(G, half, axes=(1, 1))  # (4 cols, 4 rows, C, F)
    return np.ascontiguousarray(full.transpose(1, 0, 2, 3), dtype).reshape(16, c, f)


def transform_kernel_adjoint(du, kernel_shape):
    """The kernel's gradient (3, 3, C, F) from U's gradient du (16, C, F): G^T du G."""
    _, _, c, f = kernel_shape
    du4 = du.reshape(4, 4, c, f).astype(np.float64, copy=False)
    half = np.tensordot(G.T, du4, axes=(1, 0))  # (3, 4, C, F)
    return np.tensordot(G.T, half, axes=(1, 1)).transpose(1, 0, 2, 3)


def _four(out, first, second, third, fourth):
    """out[0..3] = first - third, second + third, third - second, second - fourth (B^T's rows)."""
    np.subtract(first, third, out=out[0])
    np.add(second, third, out=out[1])
    np.subtract(third, second, out=out[2])
    np.subtract(second, fourth, out=out[3])


def transform_input(x, rows, v, th, tw):
    """v (4, 4, n, th, tw, C) = B^T d B for the th x tw patches (4x4, stride 2) of x (n, Hp, Wp, C);
    ``rows`` (4, n, th, Wp, C) is scratch for the row pass."""
    r = lambda i: x[:, i:i + 2 * th:2]  # noqa: E731  patch row i of every patch row
    _four(rows, r(0), r(1), r(2), r(3))
    c = lambda j: rows[:, :, :, j:j + 2 * tw:2]  # noqa: E731
    _four(v.transpose(1, 0, 2, 3, 4, 5), c(0), c(1), c(2), c(3))


def _four_adjoint(target, g, scratch):
    """Adds to the four views target(0..3) the adjoint of _four for the gradient g[0..3]; scratch: two
    arrays of g[0]'s shape."""
    diff, total = scratch
    np.subtract(g[1], g[2], out=diff)
    np.add(g[1], g[2], out=total)
    t0, t1, t2, t3 = target(0), target(1), target(2), target(3)
    np.add(t0, g[0], out=t0)
    np.subtract(t2, g[0], out=t2)
    np.add(t1, diff, out=t1)
    np.add(t1, g[3], out=t1)
    np.add(t2, total, out=t2)
    np.subtract(t3, g[3], out=t3)


def transform_input_adjoint(dv, drows, dx, th, tw, scratch_rows, scratch_cols):
    """dx (n, Hp, Wp, C) += the adjoint of transform_input for dv (4, 4, n, th, tw, C); ``drows``
    (4, n, th, Wp, C) is scratch, zeroed here; dx's last rows/columns beyond the patches get nothing."""
    drows.fill(0.0)
    _four_adjoint(lambda j: drows[:, :, :, j:j + 2 * tw:2], dv.transpose(1, 0, 2, 3, 4, 5), scratch_cols)
    _four_adjoint(lambda i: dx[:, i:i + 2 * th:2], drows, scratch_rows)


def transform_output(m, partial, y):
    """y (2, 2, P, F) = A^T M A for m (4, 4, P, F); ``partial`` (2, 4, P, F) is scratch."""
    np.add(m[0], m[1], out=partial[0])
    np.add(partial[0], m[2], out=partial[0])
    np.subtract(m[1], m[2], out=partial[1])
    np.subtract(partial[1], m[3], out=partial[1])
    np.add(partial[:, 0], partial[:, 1], out=y[:, 0])
    np.add(y[:, 0], partial[:, 2], out=y[:, 0])
    np.subtract(partial[:, 1], partial[:, 2], out=y[:, 1])
    np.subtract(y[:, 1], partial[:, 3], out=y[:, 1])


def transform_output_adjoint(dy, dpartial, dm):
    """dm (4, 4, P, F) = the adjoint of transform_output for dy (2, 2, P, F); dpartial (2, 4, P, F)."""
    np.copyto(dpartial[:, 0], dy[:, 0])
    np.add(dy[:, 0], dy[:, 1], out=dpartial[:, 1])
    np.subtract(dy[:, 0], dy[:, 1], out=dpartial[:, 2])
    np.negative(dy[:, 1], out=dpartial[:, 3])
    np.copyto(dm[0], dpartial[0])
    np.add(dpartial[0], dpartial[1], out=dm[1])
    np.subtract(dpartial[0], dpartial[1], out=dm[2])
    np.negative(dpartial[1], out=dm[3])
