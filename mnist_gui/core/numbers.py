"""Whole numbers: cut the ink of a picture or a drawing into digits, left to right: ``split_digits``.

The ink (bright on black, as ``mnist_gui.core.paper`` and the pad give it) is thresholded at
``INK_LEVEL`` and cut into connected pieces (8-connected, found from the runs of each row). Pieces are
then grouped into digits the way people write them:

* specks far smaller than the largest piece (dust, paper grain, a stray dot) are dropped;
* pieces one above the other belong to one digit: a 5 with its top bar apart, a 4 drawn in two strokes, a
  broken 7. Two pieces are merged when they overlap horizontally by at least ``MERGE_OVERLAP`` of the
  narrower one's width and are not more than a digit's height apart;
* a piece much wider than tall (``SPLIT_ASPECT``) may be digits that touch: it is also cut into 2, 3, ...
  parts, at the columns with the least ink near where equal-width digits would meet, and the reader
  (``core.reading``) keeps whichever way the network finds likelier, whole or cut (a wide 2 is as wide
  as two touching 1s).

Each digit comes back as its box and its own ink (only its pieces, so a neighbour reaching into the box
is left out) with a black margin, ready for ``to_mnist``. A picture with more than ``MAX_DIGITS`` digits
or ``MAX_PIECES`` pieces is not a number (``ValueError``). NumPy only, no Qt.

Not here: finding the ink on paper (``core.paper``), the network (``core.reading``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mnist_gui.core.i18n import tr

INK_LEVEL = 0.3  # a piece must reach this brightness somewhere; fainter marks (ruled lines, haze) are not read
LINK_LEVEL = 0.15  # within a piece, pixels this bright still hold it together (a faint stretch of a stroke)
SPECK = 0.015  # a piece with less than this fraction of the largest piece's area is dust
SMALL_DIGIT = 0.05  # a group with less than this fraction of the largest group's area is dust too
MERGE_OVERLAP = 0.75  # pieces overlapping horizontally by this much of the narrower width are one digit
FRAGMENT = 0.15  # a group with less than this fraction of the largest group's area is a fragment ...
FLAT = 0.5  # a group less tall than this fraction of a typical digit is a bar, and joins the same way
NEAR = 0.3  # ... and joins the nearest digit if it is within this fraction of that digit's height
SPLIT_ASPECT = 1.25  # a digit wider than this times its height is touching digits
NARROWEST = 0.35  # the narrowest a digit is cut to, times its height (a 1 is narrow)
MOST_PARTS = 5  # a piece is tried as at most this many touching digits
MAX_PIECES = 500
MAX_DIGITS = 40
MARGIN = 2  # black pixels around each digit's ink, so its border is paper for to_mnist


@dataclass(frozen=True)
class DigitInk:
    box: tuple[int, int, int, int]  # x, y, width, height in the ink's pixels
    ink: np.ndarray  # float32, the digit's own ink in its box with MARGIN black pixels around
    cuts: tuple = ()  # when it may be touching digits: ways to cut it, each a tuple of DigitInk, left to right


def split_digits(ink: np.ndarray) -> list[DigitInk]:
    """Ink (float32 (H, W) in [0, 1], bright) -> its digits, left to right ([] when there is no ink)."""
    mask = ink >= LINK_LEVEL
    runs = _runs(mask)
    if runs.count == 0:
        return []
    labels = _connect(runs, mask.shape[1])
    pieces = _boxes(runs, labels)
    strong = np.zeros(len(pieces), bool)
    strong[np.unique(labels[_strong_runs(runs, ink)])] = True
    keep = strong & (pieces[:, 4] >= SPECK * pieces[:, 4][strong].max()) if strong.any() else strong
    if not keep.any():
        return []
    if keep.sum() > MAX_PIECES:
        raise ValueError(tr("{marks} separate marks: too many to be a number (at most {most} digits are read); "
                            "crop to the digits").format(marks=int(keep.sum()), most=MAX_DIGITS))
    groups = _group(pieces, keep)
    label_image = _label_image(runs, labels, mask.shape)
    typical = _typical_height(pieces, groups)
    digits = [d for d in (_cut(ink, label_image, pieces, members, typical) for members in groups) if d]
    if digits:
        largest = max(int(np.count_nonzero(d.ink >= INK_LEVEL)) for d in digits)
        digits = [d for d in digits if np.count_nonzero(d.ink >= INK_LEVEL) >= SMALL_DIGIT * largest]
    if len(digits) > MAX_DIGITS:
        raise ValueError(tr("{n} digits: more than the {most} read at once; crop to the number").format(
            n=len(digits), most=MAX_DIGITS))
    return sorted(digits, key=lambda d: d.box[0] + d.box[2] / 2)


@dataclass(frozen=True)
class _Runs:
    row: np.ndarray  # each run's row
    start: np.ndarray  # first column
    end: np.ndarray  # one past the last column
    count: int


def _runs(mask: np.ndarray) -> _Runs:
    """The horizontal runs of True in ``mask``, in row order."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), np.int8)
    padded[:, 1:-1] = mask
    step = np.diff(padded.ravel())
    starts, ends = np.flatnonzero(step == 1) + 1, np.flatnonzero(step == -1) + 1  # in the padded rows
    row = starts // (w + 2)
    return _Runs(row, starts - row * (w + 2) - 1, ends - row * (w + 2) - 1, len(starts))


def _strong_runs(runs: _Runs, ink: np.ndarray) -> np.ndarray:
    """The runs holding a pixel at least INK_LEVEL bright."""
    strong = ink >= INK_LEVEL
    csum = np.concatenate([np.zeros((strong.shape[0], 1), np.int64), np.cumsum(strong, axis=1)], axis=1)
    return (csum[runs.row, runs.end] - csum[runs.row, runs.start]) > 0


def _connect(runs: _Runs, width: int) -> np.ndarray:
    """A piece number for each run: runs touching (8-connected) in neighbouring rows share one."""
    key = width + 2
    first = runs.row * key + runs.start  # sorted, and so are the ends: runs are disjoint and in order
    last = runs.row * key + runs.end
    # the runs of the next row touching run a start at most at a's end and end at least at a's start
    lo = np.searchsorted(last, first + key, side="left")
    hi = np.searchsorted(first, last + key, side="right")
    counts = np.maximum(hi - lo, 0)
    a = np.repeat(np.arange(runs.count), counts)
    b = np.repeat(lo, counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
    parent = np.arange(runs.count)
    while a.size:
        pa, pb = parent[a], parent[b]
        if np.array_equal(pa, pb):
            break
        low = np.minimum(pa, pb)
        np.minimum.at(parent, pa, low)
        np.minimum.at(parent, pb, low)
        while True:  # pointer jumping: every run points at its piece's smallest run
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    return np.unique(parent, return_inverse=True)[1]


def _boxes(runs: _Runs, labels: np.ndarray) -> np.ndarray:
    """(pieces, 5) int array: x0, y0, x1, y1 (exclusive), area."""
    n = int(labels.max()) + 1
    out = np.empty((n, 5), np.int64)
    out[:, 0], out[:, 1] = np.iinfo(np.int64).max, np.iinfo(np.int64).max
    out[:, 2], out[:, 3] = -1, -1
    np.minimum.at(out[:, 0], labels, runs.start)
    np.minimum.at(out[:, 1], labels, runs.row)
    np.maximum.at(out[:, 2], labels, runs.end)
    np.maximum.at(out[:, 3], labels, runs.row + 1)
    out[:, 4] = np.bincount(labels, weights=runs.end - runs.start, minlength=n)
    return out


def _label_image(runs: _Runs, labels: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """(H, W) int32: 1 + each pixel's piece, 0 off the ink."""
    image = np.zeros(shape[0] * shape[1], np.int32)
    lengths = runs.end - runs.start
    first = runs.row * shape[1] + runs.start
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    image[np.repeat(first, lengths) + offsets] = np.repeat(labels + 1, lengths)
    return image.reshape(shape)


def _group(pieces: np.ndarray, keep: np.ndarray) -> list[list[int]]:
    """The kept pieces grouped into digits (lists of piece numbers): all pieces that should merge are
    merged at once, and again with the merged boxes, until nothing changes."""
    groups = [[int(i)] for i in np.flatnonzero(keep)]
    while len(groups) > 1:
        boxes = np.array([_union(pieces[g]) for g in groups])  # (n, 4)
        x0, y0, x1, y1 = boxes.T
        overlap = np.minimum(x1[:, None], x1[None]) - np.maximum(x0[:, None], x0[None])
        narrower = np.minimum((x1 - x0)[:, None], (x1 - x0)[None])
        gap = np.maximum(y0[:, None], y0[None]) - np.minimum(y1[:, None], y1[None])
        taller = np.maximum((y1 - y0)[:, None], (y1 - y0)[None])
        join = (overlap >= MERGE_OVERLAP * narrower) & (gap <= taller)
        label = np.arange(len(groups))
        while True:  # each group takes the smallest label it is joined to, until none changes
            joined = np.where(join, label[None], len(groups)).min(axis=1)
            new = np.minimum(label, joined)
            if np.array_equal(new, label):
                break
            label = new
        if len(np.unique(label)) == len(groups):
            break
        merged: dict[int, list[int]] = {}
        for g, k in zip(groups, label.tolist()):
            merged.setdefault(k, []).extend(g)
        groups = list(merged.values())
    return _attach_fragments(pieces, groups)


def _typical_height(pieces: np.ndarray, groups: list[list[int]]) -> float:
    """The height of a digit in this picture: the upper quartile of the heights of the groups that are not
    fragments (with a digit and its detached bar, nearer the digit's)."""
    if len(groups) == 1:
        box = _union(pieces[groups[0]])
        return float(box[3] - box[1])
    area = np.array([pieces[g, 4].sum() for g in groups], np.float64)
    heights = np.array([_union(pieces[g])[3] - _union(pieces[g])[1] for g in groups], np.float64)
    return float(np.percentile(heights[area >= FRAGMENT * area.max()], 75))


def _attach_fragments(pieces: np.ndarray, groups: list[list[int]]) -> list[list[int]]:
    """Small groups (``FRAGMENT``) and flat ones (``FLAT``) join the nearest digit when close to it
    (``NEAR``): a 5's top bar, the pieces of a stroke broken by a faint stretch."""
    while len(groups) > 1:
        area = np.array([pieces[g, 4].sum() for g in groups], np.float64)
        boxes = np.array([_union(pieces[g]) for g in groups])
        x0, y0, x1, y1 = boxes.T
        typical = _typical_height(pieces, groups)
        dx = np.maximum(np.maximum(x0[:, None], x0[None]) - np.minimum(x1[:, None], x1[None]), 0)
        dy = np.maximum(np.maximum(y0[:, None], y0[None]) - np.minimum(y1[:, None], y1[None]), 0)
        distance = np.hypot(dx, dy)
        np.fill_diagonal(distance, np.inf)
        small = np.flatnonzero((area < FRAGMENT * area.max()) | (y1 - y0 < FLAT * typical))
        best = None
        for i in small[np.argsort(area[small])]:
            j = int(np.argmin(distance[i]))
            if distance[i, j] <= NEAR * (y1[j] - y0[j]):
                best = (int(i), j)
                break
        if best is None:
            return groups
        i, j = best
        groups[j] = groups[j] + groups[i]
        del groups[i]
    return groups


def _union(boxes: np.ndarray) -> tuple[int, int, int, int]:
    return int(boxes[:, 0].min()), int(boxes[:, 1].min()), int(boxes[:, 2].max()), int(boxes[:, 3].max())


def _cut(ink: np.ndarray, label_image: np.ndarray, pieces: np.ndarray, members: list[int],
         typical: float) -> DigitInk | None:
    """One group -> its digit; when it is wider than ``SPLIT_ASPECT`` times its height and the ``typical``
    digit height (a flat bar is not two digits), with the ways to cut it into 2, 3, ... touching digits."""
    x0, y0, x1, y1 = _union(pieces[members])
    labels = label_image[y0:y1, x0:x1]
    own = labels == members[0] + 1 if len(members) == 1 else np.isin(labels, np.asarray(members) + 1)
    region = ink[y0:y1, x0:x1] * _grow(own)
    digit = _tight(region, x0, y0)
    h, w = own.shape
    height = max(h, typical)
    if digit is None or w <= SPLIT_ASPECT * height:
        return digit
    column_ink = own.sum(axis=0)
    ways = []
    for n in range(2, min(MOST_PARTS, int(w / (NARROWEST * height))) + 1):
        cuts = [0] + [_valley(column_ink, k * w / n, w / n) for k in range(1, n)] + [w]
        parts = [_tight(region[:, left:right], x0 + left, y0) for left, right in zip(cuts[:-1], cuts[1:])]
        parts = tuple(p for p in parts if p is not None)
        if len(parts) == n:
            ways.append(parts)
    return DigitInk(digit.box, digit.ink, tuple(ways)) if ways else digit


def _tight(region: np.ndarray, x0: int, y0: int) -> DigitInk | None:
    """The ink of ``region`` (placed at x0, y0) cropped to its ink, with MARGIN black pixels around."""
    rows = np.flatnonzero((region >= LINK_LEVEL).any(axis=1))
    cols = np.flatnonzero((region >= LINK_LEVEL).any(axis=0))
    if rows.size == 0:
        return None
    part = region[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    box = (x0 + int(cols[0]), y0 + int(rows[0]), part.shape[1], part.shape[0])
    return DigitInk(box, np.pad(part, MARGIN).astype(np.float32, copy=False))


def _valley(column_ink: np.ndarray, centre: float, spacing: float) -> int:
    """The column with the least ink within a third of a digit's width of ``centre`` (nearest on ties)."""
    lo = max(int(centre - spacing / 3), 1)
    hi = min(int(centre + spacing / 3) + 1, len(column_ink) - 1)
    if hi <= lo:
        return int(round(centre))
    window = column_ink[lo:hi].astype(np.float64) + np.abs(np.arange(lo, hi) - centre) * 1e-6
    return lo + int(np.argmin(window))


def _grow(mask: np.ndarray) -> np.ndarray:
    """The mask and its 8 neighbours: keeps the anti-aliased rim of a digit's strokes."""
    out = mask.copy()
    out[1:] |= mask[:-1]
    out[:-1] |= mask[1:]
    tall = out.copy()
    out[:, 1:] |= tall[:, :-1]
    out[:, :-1] |= tall[:, 1:]
    return out
