"""Pictures of what is inside the network, as NumPy arrays: the one colour scale, tiles of feature maps,
bringing an image of another size to the model's input size.

``colours(values, scale)`` is the Inside tab's one colour rule: 0 is black, positive values go through red
and orange to pale yellow at ``+scale``, negative ones through blue to pale cyan at ``-scale``; NaN (the
gaps between tiles) is a neutral grey. ``tile(maps)`` lays (H, W, C) maps out as one 2-D array, so a
view paints one image, not C widgets. No Qt here (``mnist_gui.ui.inside`` turns these into QImages).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.data.preprocess import resample_weights

GAP_GREY = 60
# (position on 0..1, r, g, b): the positive ramp; the negative one is the same with red and blue swapped
_RAMP = np.array([(0.0, 0, 0, 0), (0.35, 150, 20, 20), (0.7, 240, 140, 20), (1.0, 255, 250, 200)], np.float32)


def _lookup() -> np.ndarray:
    """(2, LEVELS, 3) uint8: the positive ramp and the negative one (red and blue swapped)."""
    t = np.linspace(0, 1, LEVELS)
    ramp = np.stack([np.interp(t, _RAMP[:, 0], _RAMP[:, k]) for k in (1, 2, 3)], axis=-1)
    return np.stack([ramp, ramp[:, ::-1]]).round().astype(np.uint8)


LEVELS = 256
_TABLE = _lookup()


def colours(values: np.ndarray, scale: float) -> np.ndarray:
    """values (...) -> uint8 RGB (..., 3) on the shared scale ``scale`` (> 0; values beyond it saturate)."""
    v = np.asarray(values, np.float32)
    gap = np.isnan(v)
    s = np.float32(scale if scale > 0 and math.isfinite(scale) else 1.0)
    level = np.abs(v) * np.float32((LEVELS - 1) / s)
    np.clip(level, 0, LEVELS - 1, out=level)
    level[gap] = 0
    rgb = _TABLE[(v < 0).astype(np.intp), (level + 0.5).astype(np.intp)]
    rgb[gap] = GAP_GREY
    return rgb


def shared_scale(values: np.ndarray) -> float:
    """The largest |value| (finite ones), or 1.0 when all are zero: the brightest colour of a layer."""
    v = np.asarray(values, np.float32)
    v = v[np.isfinite(v)]
    peak = float(np.abs(v).max()) if v.size else 0.0
    return peak if peak > 0 else 1.0


def grid_columns(count: int, aspect: float = 1.0) -> int:
    """How many columns make ``count`` tiles of width/height ``aspect`` about square."""
    return max(1, math.ceil(math.sqrt(count / max(aspect, 1e-6))))


def tile(maps: np.ndarray, columns: int | None = None, gap: int = 1) -> np.ndarray:
    """(H, W, C) maps -> one float32 (rows*(H+gap)-gap, columns*(W+gap)-gap) array, map c at row c //
    columns, column c % columns; the gaps (and unused cells) are NaN."""
    maps = np.asarray(maps, np.float32)
    h, w, c = maps.shape
    columns = columns or grid_columns(c)
    rows = max(1, -(-c // columns))
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan, np.float32)
    for k in range(c):
        r, q = divmod(k, columns)
        out[r * (h + gap):r * (h + gap) + h, q * (w + gap):q * (w + gap) + w] = maps[:, :, k]
    return out


def tile_position(row: int, col: int, shape: tuple, columns: int, gap: int = 1) -> tuple[int, int, int] | None:
    """Which (map, y, x) of ``tile``'s output pixel (row, col) is, or None in a gap."""
    h, w, c = shape
    r, y = divmod(row, h + gap)
    q, x = divmod(col, w + gap)
    k = r * columns + q
    if y >= h or x >= w or q >= columns or k >= c or row < 0 or col < 0:
        return None
    return k, y, x


def as_grid(vector: np.ndarray) -> np.ndarray:
    """A long vector (n,) as an about-square 2-D array in reading order, NaN-padded (e.g. 1,600 weights of
    a dense unit fed by a flattened 5x5x64 map)."""
    v = np.asarray(vector, np.float32).ravel()
    columns = grid_columns(v.size)
    out = np.full(-(-v.size // columns) * columns, np.nan, np.float32)
    out[:v.size] = v
    return out.reshape(-1, columns)


def resample(image: np.ndarray, shape: tuple) -> np.ndarray:
    """A 2-D image brought to ``shape`` (height, width): area averaging down, bilinear up, float32."""
    img = np.asarray(image, np.float32)
    return resample_weights(img.shape[0], shape[0]) @ img @ resample_weights(img.shape[1], shape[1]).T
