"""Resampling a batch of images through per-image affine maps, vectorised over the whole batch.

The machinery behind ``mnist_gui.data.augment``: :func:`warp` samples every image of a batch at once with
bilinear interpolation (zero outside the image), optionally through an extra displacement field
(:func:`elastic_field`, Simard et al. 2003) and after a stroke-thickness change (a 3x3 max filter blend).
There is no per-image Python loop: the batch is copied into a buffer of zero-bordered images, one matrix
product gives every output pixel's source position, whose whole and fractional parts become a flat index
into that buffer and two weights, and four ``np.take`` gathers fetch the corners. Batches go through in
passes of ``IMAGES_PER_PASS`` images, which keeps the scratch buffers (reused across calls, one set per
thread) in the CPU cache. Random parameters are not drawn here (augment.py does that).

Coordinates are (x, y) = (column, row) in pixels, pixel centres at integers. A sampling matrix
``m`` (2, 3) maps an *output* pixel to the *source* position it reads: ``src = m[:, :2] @ (x, y) + m[:, 2]``.
"""

from __future__ import annotations

import functools
import threading

import numpy as np

__all__ = ["warp", "elastic_field", "IMAGES_PER_PASS"]

_F32 = np.float32
IMAGES_PER_PASS = 64  # the buffers stay in the CPU cache, flat indices exact in float32
_BLAS_WORK = 1 << 18  # multiply-adds per matrix product call, see _matmul
_local = threading.local()  # scratch buffers per thread: the training worker and the GUI may both warp


class _Workspace:
    """Buffers for one pass shape, and views into them, made once and reused (allocating them costs as
    much as the arithmetic, and at 32 images a batch so does making views)."""

    def __init__(self, b: int, h: int, w: int):
        self.s = s = w + 2  # padded row length: a one-pixel zero border on every side
        rows = h + 2
        self.m = m = b * rows * s
        # a spare padded row (+1) at the end keeps the +1/+row corner gathers of the last image inside
        self.flat = flat = np.zeros(m + s + 1, _F32)
        self.padded = flat[:m].reshape(b, rows, s)
        self.inner = self.padded[:, 1:-1, 1:-1]  # (B, H, W) view; the border stays zero
        self.sources = flat, flat[1:], flat[s:], flat[s + 1:]  # the four corners, at the same index
        self.coords = np.empty((2 * b, h * w), _F32)  # x rows then y rows; the fractions, after floor
        self.floors = np.empty((2 * b, h * w), _F32)
        self.x0, self.y0 = self.floors[:b], self.floors[b:]
        self.fx, self.fy = self.coords[:b].reshape(-1), self.coords[b:].reshape(-1)
        self.idx = np.empty((b, h * w), np.intp)
        self.flat_idx = self.idx.reshape(-1)
        self.corners = np.empty((4, b * h * w), _F32)
        self.base = (np.arange(b, dtype=_F32) * rows).reshape(b, 1)  # first padded row of each image
        # (3, H*W): x, y and 1 for every output pixel, so that all source positions are one matrix product
        yy, xx = np.mgrid[0:h, 0:w]
        self.grid = np.stack([xx.ravel(), yy.ravel(), np.ones(h * w)]).astype(_F32)
        self.hi = np.array([[w + 1]] * b + [[h + 1]] * b, _F32) if h != w else _F32(w + 1)
        self.stride = _F32(s)
        self.filtered = None  # two more padded-size buffers, made when thickness is first used


def _workspace(b: int, h: int, w: int) -> _Workspace:
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    ws = cache.get((b, h, w))
    if ws is None:
        if len(cache) >= 6:  # a training run uses a couple of pass sizes; don't hoard memory
            cache.clear()
        ws = cache[(b, h, w)] = _Workspace(b, h, w)
    return ws


def warp(images, matrices, out=None, field=None, thickness=None) -> np.ndarray:
    """Resample ``images`` (B, H, W) through sampling ``matrices`` (B, 2, 3) with bilinear interpolation.

    ``field``: optional (2, B, H, W) float32 displacement (dx, dy) in pixels, added to each output pixel's
    source position. ``thickness``: optional (B,) values in [-1, 1]: t > 0 blends each image by t towards
    its 3x3 maximum filter (thicker strokes), t < 0 by |t| towards its 3x3 minimum filter (thinner),
    before the geometric warp. Returns float32 (B, H, W) on the input's scale (``out`` if given).
    Outside the source image counts as 0.
    """
    images = np.asarray(images)
    n = len(images)
    if out is None:
        out = np.empty(images.shape, _F32)
    # x rows of every image's matrix, then y rows; +1 moves into the padded frame
    rows = np.array(matrices, _F32).transpose(1, 0, 2)  # (2, B, 3)
    rows[:, :, 2] += 1
    if thickness is not None:
        thickness = np.asarray(thickness, _F32).reshape(n, 1)
    if n <= IMAGES_PER_PASS:
        _warp_pass(images, rows.reshape(2 * n, 3), out, field, thickness)
        return out
    for lo in range(0, n, IMAGES_PER_PASS):
        hi = min(lo + IMAGES_PER_PASS, n)
        _warp_pass(images[lo:hi], rows[:, lo:hi].reshape(2 * (hi - lo), 3), out[lo:hi],
                    None if field is None else field[:, lo:hi], None if thickness is None else thickness[lo:hi])
    return out


def _warp_pass(images, rows, out, field, thickness) -> None:
    """warp() for at most IMAGES_PER_PASS images; ``rows`` (2B, 3): the x rows of the matrices, then the y rows."""
    b, h, w = images.shape
    ws = _workspace(b, h, w)
    if thickness is None:
        np.copyto(ws.inner, images, casting="unsafe")
    else:
        _thicken(images, thickness, ws)
    coords, floors = ws.coords, ws.floors
    _matmul(rows, ws.grid, coords)  # (2B, H*W) source positions
    if field is not None:
        coords[:b] += field[0].reshape(b, h * w)
        coords[b:] += field[1].reshape(b, h * w)
    # anything beyond the border pixel reads the zero border: clipping keeps it there, and keeps every
    # index below inside the buffer (so the gathers can skip their bounds handling: mode="wrap")
    np.clip(coords, 0, ws.hi, out=coords)
    np.floor(coords, out=floors)
    coords -= floors  # now the fractions towards the next pixel
    y0 = ws.y0
    y0 += ws.base
    y0 *= ws.stride
    np.add(y0, ws.x0, out=ws.idx, casting="unsafe")  # exact: whole numbers far below 2**24
    idx, fx, fy = ws.flat_idx, ws.fx, ws.fy
    c00, c01, c10, c11 = ws.corners
    for source, corner in zip(ws.sources, ws.corners):
        np.take(source, idx, out=corner, mode="wrap")
    c01 -= c00  # top = c00 + fx * (c01 - c00)
    c01 *= fx
    c01 += c00
    c11 -= c10  # bottom = c10 + fx * (c11 - c10)
    c11 *= fx
    c11 += c10
    c11 -= c01  # out = top + fy * (bottom - top)
    c11 *= fy
    np.add(c01, c11, out=out.reshape(-1))


def _thicken(images, t, ws: _Workspace) -> None:
    """Write ``(1 - |t|) x + |t| filter(x)`` into the padded buffer, filter = 3x3 max for t > 0, min for t < 0.

    One max filter serves both: the minimum filter of x is minus the maximum filter of -x, so each image
    is multiplied by the sign of its t first (the zero border is right for both). The filter runs on the
    flat buffer, so every NumPy call covers the whole batch in one long loop; rows and images only meet
    across zero borders, and the border is zeroed again at the end.
    """
    if ws.filtered is None:
        ws.filtered = np.zeros(ws.m, _F32), np.zeros(ws.m, _F32)
    b, f, (hm, dil), n, s = len(t), ws.flat, ws.filtered, ws.m, ws.s
    np.copyto(ws.inner, images, casting="unsafe")
    sign = np.where(t < 0, _F32(-1), _F32(1))  # (B, 1)
    rows = ws.padded[:, 1:-1].reshape(b, -1)  # the image rows of each padded image, border columns included
    rows *= sign
    np.maximum(f[:n - 2], f[1:n - 1], out=hm[1:n - 1])  # along rows
    np.maximum(hm[1:n - 1], f[2:n], out=hm[1:n - 1])
    np.maximum(hm[:n - 2 * s], hm[s:n - s], out=dil[s:n - s])  # down columns
    np.maximum(dil[s:n - s], hm[2 * s:], out=dil[s:n - s])
    # sign * ((1 - |t|) * signed + |t| * filtered) = (1 - |t|) * x + t * filtered; the filter spills one
    # pixel past the image, which is dropped: the border rows are not written, the columns zeroed again
    spread = dil.reshape(ws.padded.shape)[:, 1:-1].reshape(b, -1)
    spread *= t
    rows *= (1 - np.abs(t)) * sign
    rows += spread
    ws.padded[:, 1:-1, 0] = 0
    ws.padded[:, 1:-1, -1] = 0


@functools.lru_cache(maxsize=8)
def _smoother(n: int, sigma: float) -> np.ndarray:
    """(n, m) matrix spreading noise on a coarse grid (step ~sigma, reaching 3 sigma past the edges) into
    n pixels with a Gaussian of width sigma, scaled so that ``K U K.T`` for U uniform in [-1, 1] has the
    variance of Simard's field (uniform noise at every pixel, smoothed by a normalised Gaussian)."""
    step = max(1.0, sigma)  # a Gaussian this wide cannot tell a grid this fine from every pixel
    reach = 3 * sigma
    knots = np.arange(-reach, n - 1 + reach + step, step)
    d = np.arange(n)[:, None] - knots[None, :]
    k = np.exp(-0.5 * (d / sigma) ** 2)
    taps = np.arange(-int(np.ceil(4 * sigma)), int(np.ceil(4 * sigma)) + 1)
    g = np.exp(-0.5 * (taps / sigma) ** 2)
    g /= g.sum()
    centre = (n - 1) // 2
    k *= np.sqrt((g ** 2).sum() / (k[centre] ** 2).sum())
    k = k.astype(_F32)
    k.setflags(write=False)
    return k


def elastic_field(b: int, h: int, w: int, alpha: float, sigma: float, rng: np.random.Generator) -> np.ndarray:
    """Random smooth displacement fields, float32 (2, B, H, W): (dx, dy) for each image, in pixels.

    Simard et al. (2003): uniform noise in [-alpha, alpha] at each pixel, smoothed by a Gaussian of
    width ``sigma``. Sampled here as noise on a grid ``sigma`` pixels apart smoothed by the same Gaussian
    (statistically the same field, a twentieth of the random numbers), through two matrix products.
    """
    kh, kw = _smoother(h, float(sigma)), _smoother(w, float(sigma))
    mh, mw = kh.shape[1], kw.shape[1]
    u = rng.random((2 * b * mw, mh), dtype=_F32)  # the transpose of the noise; equally random
    u *= _F32(2 * alpha)
    u -= _F32(alpha)
    v = _matmul(u, kh.T).reshape(2 * b, mw, h).transpose(0, 2, 1).reshape(2 * b * h, mw)  # (U^T Kh^T)^T
    return _matmul(v, kw.T).reshape(2, b, h, w)  # Kh U Kw^T


def _matmul(a, b, out=None) -> np.ndarray:
    """``a @ b`` in row blocks small enough that OpenBLAS runs each on one thread: its threads spin
    while waiting for each other, and with the other core busy (training, the GUI) a product of a few
    microseconds was measured taking 5-10 ms. A product this small gains nothing from threads anyway."""
    if out is None:
        out = np.empty((a.shape[0], b.shape[1]), np.result_type(a, b))
    step = max(1, _BLAS_WORK // (b.shape[0] * b.shape[1]))
    for lo in range(0, a.shape[0], step):
        np.matmul(a[lo:lo + step], b, out=out[lo:lo + step])
    return out
