"""Ruled lines are paper: take the faint long straight runs out of ink (``without_faint_lines``).

A notebook page has ruled or squared lines; a photo of it also has the edge of a shadow or of the page.
Once the paper's shade is taken away (``mnist_gui.core.paper``) they are left as faint straight streaks
running across the picture, which would join the digits into one shape. A digit's strokes are short (a
few tenths of the picture at most) or strong; these are long (``LINE_LENGTH`` of the picture) and faint
(``LINE_MAX``). So along each axis the ink is opened (the largest level each pixel keeps under every
window of that length) with a few pixels of play across (``LINE_SLANT``, for a page not square to the
camera), and whatever faint level survives is subtracted. NumPy only.

Not here: the paper itself (``core.paper``), cutting ink into digits (``core.numbers``).
"""

from __future__ import annotations

import numpy as np

LINE_LENGTH = 0.5  # a straight run of faint ink this long (of the picture's width or height) is paper ...
LINE_MAX = 0.45  # ... when fainter than this (of the strongest ink): a 1 filling the picture is ink
LINE_SLANT = 4  # pixels a line may drift across over its length on a photo not quite square to the page


def without_faint_lines(ink: np.ndarray) -> np.ndarray:
    """The ink less its faint long straight runs (a morphological opening along each axis, on a half-size
    copy, with LINE_SLANT of play across): ruled lines are as faint as they are long, digits are short."""
    half = _half(ink) if min(ink.shape) >= 8 else ink
    k = ink.shape[0] / half.shape[0]
    for axis in (1, 0):
        length = int(LINE_LENGTH * half.shape[axis])
        if length < 4:
            continue
        across = _spread(half, 1 - axis, max(1, int(round(LINE_SLANT / k))))
        lines = _opening(across, axis, length)
        lines[lines > LINE_MAX] = 0  # strong long strokes are ink (a 1 filling the picture)
        if lines.any():
            ink = np.maximum(ink - _nearest(lines, ink.shape), 0)
    return ink


def _spread(a: np.ndarray, axis: int, r: int) -> np.ndarray:
    """The maximum over 2r + 1 neighbours along ``axis`` (edges repeated)."""
    pad = [(0, 0), (0, 0)]
    pad[axis] = (r, r)
    p = np.pad(a, pad, mode="edge")
    n = a.shape[axis]
    out = np.take(p, np.arange(0, n), axis=axis)
    for i in range(1, 2 * r + 1):
        np.maximum(out, np.take(p, np.arange(i, i + n), axis=axis), out=out)
    return out


def _opening(a: np.ndarray, axis: int, length: int) -> np.ndarray:
    """The largest value each pixel keeps under every window of ``length`` along ``axis`` that covers it:
    the minimum over each window (by doubling), then the maximum of those minima over the windows."""
    eroded = _window(a, axis, length, np.minimum, np.inf)
    return _window(eroded, axis, length, np.maximum, -np.inf, backwards=True)


def _window(a: np.ndarray, axis: int, length: int, op, fill: float, backwards: bool = False) -> np.ndarray:
    """``op`` over the ``length`` values from each position on (or, ``backwards``, up to it)."""
    a = np.moveaxis(a, axis, -1)
    if backwards:
        a = a[..., ::-1]
    out = a.copy()
    span = 1
    while span * 2 <= length:
        shifted = np.full_like(out, fill)
        shifted[..., :-span] = out[..., span:]
        op(out, shifted, out=out)
        span *= 2
    if span < length:  # two overlapping windows of ``span`` cover ``length``
        shifted = np.full_like(out, fill)
        shifted[..., :-(length - span)] = out[..., length - span:]
        op(out, shifted, out=out)
    if backwards:
        out = out[..., ::-1]
    out = np.where(np.isfinite(out), out, 0).astype(np.float32)
    return np.moveaxis(out, -1, axis)


def _nearest(a: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    rows = np.minimum((np.arange(shape[0]) * a.shape[0]) // shape[0], a.shape[0] - 1)
    cols = np.minimum((np.arange(shape[1]) * a.shape[1]) // shape[1], a.shape[1] - 1)
    return a[rows][:, cols]


def _half(a: np.ndarray) -> np.ndarray:
    """2 x 2 block means (a last odd row or column dropped)."""
    h, w = a.shape[0] // 2 * 2, a.shape[1] // 2 * 2
    return (a[0:h:2, 0:w:2] + a[1:h:2, 0:w:2] + a[0:h:2, 1:w:2] + a[1:h:2, 1:w:2]) * np.float32(0.25)
