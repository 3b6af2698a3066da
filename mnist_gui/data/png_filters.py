"""Undo PNG's row filters (None, Sub, Up, Average, Paeth) in place, vectorised with NumPy: ``unfilter``.

Each row of a PNG's inflated data is a filter-type byte and the row's bytes, each stored as the
difference from a prediction made from already decoded neighbours: ``a`` to the left (one whole pixel
back), ``b`` above, ``c`` above-left. None, Sub and Up rows need only the row above and the row itself,
so each is one or two NumPy calls; they are decoded first, wherever the row above is ready. Average and
Paeth need the decoded left neighbour, which makes a row sequential; but a pixel's left, upper and
upper-left neighbours all lie on earlier anti-diagonals (x + y = const), so the rows from the first
Average/Paeth row to the last row waiting on one are decoded one anti-diagonal at a time (a wavefront):
height + width steps, each a dozen NumPy calls on contiguous buffers that hold the last two diagonals,
plus one strided gather and scatter into the image. Unfiltering a 40-megapixel picture at the pixel
limit takes about 0.7 s in 8-bit gray, 2 s in RGBA and 3-4 s in 16-bit RGBA (see
``benchmarks/hostile_files.py`` for whole decodes).

Not here: inflating, bit depths and colour (``png``).
"""

from __future__ import annotations

import numpy as np

__all__ = ["unfilter"]


def unfilter(table: np.ndarray, bpp: int) -> np.ndarray:
    """Unfilter ``table`` (H, 1 + row_bytes) uint8, each row a filter byte then the filtered row, in place.

    ``bpp``: bytes per complete pixel, at least 1. Returns the (H, row_bytes) view of the decoded rows.
    """
    rows = table[:, 1:]
    if len(table) == 0:
        return rows
    kinds = table[:, 0].copy()
    if kinds.max() > 4:
        raise ValueError(f"bad PNG filter type {kinds.max()}")
    done = _by_rows(rows, kinds, bpp)
    waiting = np.flatnonzero(~done)
    if len(waiting):
        first, last = int(waiting[0]), int(waiting[-1]) + 1
        # rows already decoded are "None" rows of their decoded bytes to the wavefront
        _wavefront(table, np.where(done[first:last], 0, kinds[first:last]), bpp, first)
    return rows


def _by_rows(rows: np.ndarray, kinds: np.ndarray, bpp: int) -> np.ndarray:
    """Decode every row that needs no wavefront, top to bottom: None and Sub rows, and Up rows under a
    decoded row. Returns which rows are decoded (bool (H,))."""
    done = np.zeros(len(rows), bool)
    for y, kind in enumerate(kinds.tolist()):
        if kind == 1:
            row = rows[y].reshape(-1, bpp)
            np.cumsum(row, axis=0, dtype=np.uint8, out=row)  # uint8 wraps around: the sum mod 256
        elif kind == 2 and y > 0:
            if not done[y - 1]:
                continue
            rows[y] += rows[y - 1]
        elif kind > 2:
            continue
        done[y] = True
    return done


def _wavefront(table: np.ndarray, kinds: np.ndarray, bpp: int, first: int) -> None:
    """Rows ``first:first + len(kinds)``, filters ``kinds``, one anti-diagonal at a time; the rows above
    are decoded.

    ``diagonals`` holds three buffers (H + 1, bpp), indexed by y + 1 within the band: diagonal d - 2,
    d - 1 and the one being made. Entry 0 stands for the row above the band. An entry for x = -1 (left
    of the image) must read as zero: it lies just past the end of what its diagonal wrote, and no
    earlier diagonal in the same buffer reached that far, so it is still the zero it started as.
    """
    height, width = len(kinds), (table.shape[1] - 1) // bpp
    stride = table.shape[1]
    above = table[first - 1, 1:].reshape(width, bpp) if first else np.zeros((width, bpp), np.uint8)
    present = set(np.unique(kinds).tolist())
    # 255 on the rows of each filter, 0 elsewhere: predictions are combined with & and |, which is
    # cheaper than masked copies; none needed when one filter makes every row's prediction
    masks = {} if len(present) == 1 else {k: np.where(kinds == k, 255, 0).astype(np.uint8)[:, None]
                                          for k in present - {0}}
    pixel = np.dtype((np.void, bpp))  # one pixel's bytes as one item: the gather is a 1-D copy
    diagonals = [np.zeros((height + 1, bpp), np.uint8) for _ in range(3)]
    filtered = np.empty((height, bpp), np.uint8)
    filtered_items = filtered.view(pixel).reshape(height)
    start = first * stride + 1
    for d in range(height + width - 1):
        y0, y1 = max(0, d - width + 1), min(height, d + 1)
        n = y1 - y0
        older, old, new = diagonals
        if y0 == 0:  # the band's top row reads the row above the band
            old[0] = above[d]
            older[0] = above[d - 1] if d else 0
        # the cells (y, d - y) for y in y0..y1-1, one row (minus one pixel) apart in the table
        cells = np.ndarray((n,), pixel, table, start + y0 * stride + (d - y0) * bpp, (stride - bpp,))
        filtered_items[:n] = cells
        decoded = new[y0 + 1:y1 + 1]
        prediction = _predict(old[y0 + 1:y1 + 1], old[y0:y1], older[y0:y1], present,
                              {k: m[y0:y1] for k, m in masks.items()})
        if prediction is None:
            decoded[...] = filtered[:n]
        else:
            np.add(filtered[:n], prediction, out=decoded)
        cells[...] = decoded.view(pixel).reshape(n)
        diagonals = [old, new, older]


def _predict(a, b, c, present, masks):
    """The prediction for each cell (n, bpp) uint8 from its left, upper and upper-left neighbours;
    ``present``: the filters in the band; ``masks``: {filter: (n, 1) 255 on its rows, else 0}, empty when
    one filter covers every row. None when every prediction is zero."""
    values = {1: a, 2: b}
    if present & {3, 4}:
        pb = np.subtract(a, c, dtype=np.int16)
        pa = np.subtract(b, c, dtype=np.int16)
        pc = np.add(pa, pb)  # a + b - 2c
        if 3 in present:  # Average: floor((a + b) / 2) = c + floor((a + b - 2c) / 2)
            values[3] = np.add(c, pc >> 1, out=np.empty_like(a), casting="unsafe")
        if 4 in present:
            # Paeth: pa = |b - c|, pb = |a - c|, pc = |a + b - 2c|; a if pa <= pb and pa <= pc, else b
            # if pb <= pc, else c. Equivalently: the nearer of a and b (a on ties), unless c is nearer
            # than both.
            np.abs(pc, out=pc)
            np.abs(pa, out=pa)
            np.abs(pb, out=pb)
            paeth = np.where(pa <= pb, a, b)
            np.minimum(pa, pb, out=pa)
            np.copyto(paeth, c, where=pa > pc)
            values[4] = paeth
    if not masks:
        (kind,) = present
        return values.get(kind)  # None for kind 0
    prediction = None
    for kind, mask in masks.items():
        part = np.bitwise_and(values[kind], mask)
        prediction = part if prediction is None else np.bitwise_or(prediction, part, out=prediction)
    return prediction
