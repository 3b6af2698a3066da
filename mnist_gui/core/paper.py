"""Real paper: find the ink on a photo or scan of paper, whatever the paper and the light: ``separate_ink``.

A phone photo of a digit is not black ink on white: the paper is grey, cream or coloured, lit unevenly
(brighter in the middle, a shadow at one side), grainy, and JPEG adds its own ripples. So the paper is
estimated everywhere and taken away before anything else, and the ink is what differs from it:

1. Polarity, once for the picture: the paper is most of it, so the median is paper, and the ink is on the
   side (darker or lighter) where the picture reaches further from it.
2. The paper's colour, as a smooth surface, in two passes on a copy at most ``SMALL_SIDE`` pixels a side.
   First a coarse grid of cells (``COARSE_CELLS`` on the long side), each taking a percentile on the
   paper's side of its colours, so that ink covering up to three quarters of a cell is ignored; that marks
   the clear ink. Then a finer grid (``FINE_CELLS``) averages only the pixels not marked, which follows
   uneven light and soft shadows; a cell that is all ink takes its neighbours' paper.
3. The ink is the distance from that paper: the lightness difference on the ink's side (a glare spot on
   dark-ink paper is not ink) plus the whole colour difference, so blue ink on yellow paper shows even
   where the two are equally light.
4. Noise is measured from differences between neighbouring pixels (robust to the lighting, unlike the
   spread of the border), and ink weaker than ``NOISE_FLOOR`` noise sigmas is taken as paper. What is
   left is scaled so that the strongest ink is 1.0. If nothing stands out by ``MIN_CONTRAST`` (on the
   0..1 scale of the picture) the picture is blank.
5. Faint long straight marks are paper too: ruled or squared lines, a shadow's edge (``core.lines``).

The result is ink bright on black, as the pad draws and MNIST stores digits; other faint marks stay
faint, and ``mnist_gui.core.numbers`` reads only the clear ink. NumPy only, no Qt.

Not here: decoding files (``mnist_gui.data.images``, the Qt decoder in ``mnist_gui.ui.decode``), the size a
picture is worked on (``mnist_gui.core.pictures``), cutting the ink into digits (``core.numbers``).
"""

from __future__ import annotations

import functools

import numpy as np

from mnist_gui.core.lines import without_faint_lines
from mnist_gui.data.gray import LUMA, on_white
from mnist_gui.data.preprocess import to_unit

NOISE_FLOOR = 4.0  # ink weaker than this many noise sigmas is paper grain
MIN_CONTRAST = 0.05  # a picture whose ink stands out less than this (0..1 scale) is blank
SMALL_SIDE = 256  # the paper is estimated on a copy at most this many pixels a side
COARSE_CELLS = 4  # cells on the long side in the first pass: larger than any stroke
FINE_CELLS = 16  # cells on the long side in the second pass: follows uneven light and shadows
MARK_LEVEL = 0.25  # in the first pass, pixels at this fraction of the strongest ink are kept out of the paper
MIN_PAPER = 0.2  # a fine cell needs this fraction of paper pixels to measure the paper itself


def separate_ink(picture) -> np.ndarray:
    """Any picture array (gray (H, W), RGB or RGBA; uint8, uint16 or float in [0, 1]) -> float32 (H, W)
    in [0, 1], ink bright on black paper, the strongest ink 1.0; all zeros when the picture is blank."""
    colour = unit_colour(picture)  # (C, H, W), C = 1 or 3, transparency already paper
    _, h, w = colour.shape
    if h == 0 or w == 0:
        return np.zeros((h, w), np.float32)
    small = _shrink(colour, SMALL_SIDE)
    dark = _dark_ink(_luma(small))
    coarse = _upsample(_cell_percentile(small, COARSE_CELLS, 75.0 if dark else 25.0), small.shape[1:])
    marked = _distance(small, coarse, dark)
    peak = float(marked.max())
    mask = _dilate(marked > max(MARK_LEVEL * peak, MIN_CONTRAST))
    paper = _upsample(_masked_cell_mean(small, mask, FINE_CELLS, coarse), (h, w))
    ink = _distance(colour, paper, dark)
    ink -= np.float32(NOISE_FLOOR * _noise(colour))
    strongest = float(_box3(ink).max())  # a box mean, so one hot pixel does not set the scale
    if strongest < MIN_CONTRAST:
        return np.zeros((h, w), np.float32)
    ink *= np.float32(1 / strongest)
    np.clip(ink, 0, 1, out=ink)
    return without_faint_lines(ink)


def unit_colour(picture) -> np.ndarray:
    """A picture array -> float32 (C, H, W) planes in [0, 1], C = 1 (gray) or 3 (RGB); alpha composited on
    white paper by ``mnist_gui.data.gray.on_white``, the rule of every decoder."""
    a = np.asarray(picture)
    if a.ndim == 2:
        a = a[..., None]
    if a.ndim != 3 or a.shape[2] not in (1, 2, 3, 4):
        raise ValueError(f"expected a picture of shape (H, W), (H, W, 3) or (H, W, 4), got {a.shape}")
    if a.shape[2] in (2, 4) and a.dtype == np.uint8 and a[..., -1].min() == 255:
        a = a[..., :-1]  # opaque (a photo): nothing to composite
    if a.dtype == np.uint8:  # the common case (every decoded photo): one pass per plane, straight to float32
        planes = np.empty((a.shape[2], *a.shape[:2]), np.float32)
        for c in range(a.shape[2]):
            np.multiply(a[..., c], np.float32(1 / 255), out=planes[c], dtype=np.float32)
    else:
        planes = to_unit(np.moveaxis(a, 2, 0))
    if planes.shape[0] in (2, 4):
        planes = on_white(planes[:-1], planes[-1][None])
    return np.ascontiguousarray(planes, dtype=np.float32)


def _luma(colour: np.ndarray) -> np.ndarray:
    if colour.shape[0] == 1:
        return colour[0]
    return LUMA[0] * colour[0] + LUMA[1] * colour[1] + LUMA[2] * colour[2]


def _shrink(colour: np.ndarray, side: int) -> np.ndarray:
    """Block means by a whole factor, so the longer side is at most ``side`` (a trailing strip is dropped)."""
    k = -(-max(colour.shape[1:]) // side)
    return np.stack([block_mean(plane, k) for plane in colour]) if k > 1 else colour


def block_mean(a: np.ndarray, k: int) -> np.ndarray:
    """The means of k x k blocks of (H, W, ...) as float32 (the last rows and columns that do not fill a block
    are dropped; a side shorter than k is averaged whole). Sums of strided slices: NumPy's mean over the
    axes of a reshaped array is many times slower."""
    h, w = a.shape[:2]
    ky, kx = min(k, h), min(k, w)
    hh, ww = h // ky, w // kx
    rows = a[0:hh * ky:ky].astype(np.float32)
    for i in range(1, ky):
        rows += a[i:hh * ky:ky]
    out = rows[:, 0:ww * kx:kx].copy()
    for j in range(1, kx):
        out += rows[:, j:ww * kx:kx]
    out *= np.float32(1 / (ky * kx))
    return out


def _dark_ink(luma: np.ndarray) -> bool:
    """The polarity: dark ink on light paper unless the picture reaches further above its median."""
    low, median, high = np.percentile(luma[::2, ::2], [0.5, 50, 99.5])  # a quarter of the pixels is plenty
    return bool(median - low >= high - median)


def _cell_size(shape: tuple[int, int], cells: int) -> int:
    return max(-(-max(shape) // cells), 1)


def _blocks(plane: np.ndarray, size: int, fill: str = "edge") -> np.ndarray:
    """(H, W) -> (gh, gw, size * size): the plane cut into cells, padded to whole cells."""
    h, w = plane.shape
    if h % size or w % size:
        plane = np.pad(plane, ((0, -h % size), (0, -w % size)), mode=fill)
    gh, gw = plane.shape[0] // size, plane.shape[1] // size
    return plane.reshape(gh, size, gw, size).transpose(0, 2, 1, 3).reshape(gh, gw, size * size)


def _cell_percentile(colour: np.ndarray, cells: int, q: float) -> np.ndarray:
    """Each cell's ``q``-th percentile, per channel: (C, gh, gw)."""
    size = _cell_size(colour.shape[1:], cells)
    if size >= 16:  # every other pixel of a big cell tells its percentile as well, for a quarter of the sorting
        colour = colour[:, ::2, ::2]
        size = _cell_size(colour.shape[1:], cells)
    return np.stack([np.percentile(_blocks(plane, size), q, axis=2) for plane in colour]).astype(np.float32)


def _masked_cell_mean(colour: np.ndarray, ink: np.ndarray, cells: int, fallback: np.ndarray) -> np.ndarray:
    """Each cell's mean colour over the pixels not marked as ink, (C, gh, gw); cells with too little paper
    take the mean of their measured neighbours (repeatedly), or ``fallback`` (a full-size estimate)."""
    size = _cell_size(colour.shape[1:], cells)
    weight = (~ink).astype(np.float32)
    count = _blocks(weight, size, "constant").sum(axis=2)  # (gh, gw)
    total = np.stack([_blocks(plane * weight, size, "constant").sum(axis=2) for plane in colour])
    known = count >= MIN_PAPER * size * size
    if not known.any():
        return _cell_percentile(fallback, cells, 50.0)
    grid = np.where(known, total / np.maximum(count, 1), 0).astype(np.float32)
    while not known.all():
        n = _neighbour_sum(known.astype(np.float32))
        sums = np.stack([_neighbour_sum(g * known) for g in grid])
        fill = ~known & (n > 0)
        grid[:, fill] = sums[:, fill] / n[fill]
        known = known | fill
    return grid


def _neighbour_sum(grid: np.ndarray) -> np.ndarray:
    """Each cell's sum over itself and its 8 neighbours (zero beyond the edge)."""
    p = np.pad(grid, 1)
    rows = p[:-2] + p[1:-1] + p[2:]
    return rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]


@functools.lru_cache(maxsize=64)
def _bilinear(n_out: int, n_cells: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each of n_out positions, the two cells around it and the weight of the second: interpolation
    between cell centres, flat beyond the outer centres."""
    centre = np.clip((np.arange(n_out) + 0.5) * (n_cells / n_out) - 0.5, 0, n_cells - 1)
    i0 = np.floor(centre).astype(np.intp)
    i1 = np.minimum(i0 + 1, n_cells - 1)
    frac = (centre - i0).astype(np.float32)
    for a in (i0, i1, frac):
        a.flags.writeable = False
    return i0, i1, frac


def _upsample(grid: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """(C, gh, gw) cell values -> a smooth (C, H, W) surface through the cell centres. Across first, on the
    few grid rows, then down by gathering whole rows (memory copies); not a matrix product: with an inner
    size of a few cells, BLAS threads cost more than they save on a busy machine."""
    y0, y1, fy = _bilinear(shape[0], grid.shape[1])
    x0, x1, fx = _bilinear(shape[1], grid.shape[2])
    cols = grid[:, :, x0] * (1 - fx) + grid[:, :, x1] * fx  # (C, gh, W)
    out = cols[:, y0]  # (C, H, W)
    step = cols[:, y1]
    step -= out
    step *= fy[:, None]
    out += step
    return out


def _distance(colour: np.ndarray, paper: np.ndarray, dark: bool) -> np.ndarray:
    """How far each pixel is from the paper: lightness on the ink's side, and any colour difference.
    ``paper`` is a scratch surface: it is overwritten."""
    diff = np.subtract(colour, paper, out=paper)  # (C, H, W)
    light = _luma(diff)
    side = np.maximum(np.negative(light, out=light) if dark else light, 0)
    if diff.shape[0] == 1:
        return side
    if dark:
        np.negative(light, out=light)
    diff -= light  # what is left of the difference when its lightness is taken out
    diff *= diff
    side *= side
    side += diff[0]
    side += diff[1]
    side += diff[2]
    return np.sqrt(side, out=side)


def _noise(colour: np.ndarray) -> float:
    """The pixel noise sigma, from differences between horizontal neighbours (median absolute value, so
    edges of ink and slow changes of light hardly count), over all channels together."""
    rows = colour[:, ::max(colour.shape[1] // 32, 1)]  # some thirty rows are plenty
    if rows.shape[2] < 2:
        return 0.0
    diff = np.abs(np.diff(rows, axis=2))
    sigmas = 1.4826 * np.median(diff.reshape(diff.shape[0], -1), axis=1) / np.sqrt(2)
    return float(np.sqrt(np.sum(sigmas ** 2)))


def _dilate(mask: np.ndarray) -> np.ndarray:
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    wide = out.copy()
    out[:, 1:] |= wide[:, :-1]
    out[:, :-1] |= wide[:, 1:]
    return out


def _box3(a: np.ndarray) -> np.ndarray:
    """3 x 3 mean (edges repeated)."""
    p = np.pad(a, 1, mode="edge")
    rows = p[:-2] + p[1:-1] + p[2:]
    return (rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]) * np.float32(1 / 9)
