"""One column of the Layers picture, and the NumPy-to-QImage conversion it paints with.

``Column`` is where one layer's view is drawn (its rectangle, the body between the title and the footer)
and what: the view's grid coloured (``core.inside_pictures.colours``) and enlarged in NumPy to fill the
body, so painting it is a plain copy, and where each unit cell's centre is. ``packed_rgb`` and
``rgb_qimage`` turn uint8 RGB arrays into RGB32 QImages (the detail view uses them too). ``AnswerRows`` is
where the answer column writes each class: its name (as wide as the longest name needs), its bar, and its
probability and logit (on two lines when a row has room for two, else on one), so nothing is cut off.
``wrapped_height`` says how tall a column's title or footer is when wrapped to its width.

Not here: laying the columns out, painting the titles, bars and links, and clicks (``network_view``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage

from mnist_gui.core.i18n import local, number
from mnist_gui.core.inside_pictures import GAP_GREY, colours

HEADER, FOOTER = 44, 34  # the least room for a column's title above its body and the scale's words below it


def wrapped_height(fm: QFontMetricsF, width: float, text: str) -> float:
    """The height ``text`` takes wrapped to ``width`` in the font of ``fm``."""
    return fm.boundingRect(QRectF(0, 0, max(width, 1.0), 1e6), Qt.TextWordWrap, text).height()


def packed_rgb(rgb: np.ndarray) -> np.ndarray:
    """uint8 (H, W, 3) -> uint32 (H, W) 0xffRRGGBB, QImage's RGB32 (the screen's own format)."""
    a = np.asarray(rgb, np.uint8).astype(np.uint32)
    return (a[..., 0] << 16) | (a[..., 1] << 8) | a[..., 2] | np.uint32(0xFF000000)


def rgb_qimage(rgb: np.ndarray) -> QImage:
    """uint8 (H, W, 3), or packed uint32 (H, W), -> an RGB32 QImage owning a copy."""
    packed = np.ascontiguousarray(rgb if rgb.ndim == 2 else packed_rgb(rgb), np.uint32)
    h, w = packed.shape
    return QImage(packed.data, w, h, 4 * w, QImage.Format_RGB32).copy()


class Column:
    """Where one view is drawn and what: ``image`` (a QImage, fitted into ``target``) or bars."""

    def __init__(self, view, rect: QRectF, header: float = HEADER, footer: float = FOOTER):
        self.view, self.rect = view, rect
        self.header, self.footer = header, footer
        self.body = QRectF(rect.left(), rect.top() + header, rect.width(), max(rect.height() - header - footer, 1.0))
        self.image: QImage | None = None
        self.target = QRectF()
        self.columns = 1
        self.grid_shape = (1, 1, 1)
        self.grid_size = (1, 1)  # (height, width) of the array drawn, before it is enlarged

    def show(self, grid: np.ndarray, scale: float, cell_gaps: bool = False) -> None:
        """Colour ``grid`` (2-D) and enlarge it in NumPy to fill the body, so painting it is a plain copy (a
        scaled drawImage cost ~1 ms a layer). ``cell_gaps``: a 1-pixel gap between cells."""
        h, w = grid.shape
        self.grid_size = (h, w)
        fit = max(min(self.body.width() / w, self.body.height() / h, 64.0), 0.1)
        th, tw = max(1, int(h * fit)), max(1, int(w * fit))
        # nearest-neighbour enlargement by indexing the coloured pixels: cheaper than a scaled drawImage
        rows = np.minimum((np.arange(th) / fit).astype(np.intp), h - 1)
        cols = np.minimum((np.arange(tw) / fit).astype(np.intp), w - 1)
        big = packed_rgb(colours(grid, scale)).take(rows, axis=0).take(cols, axis=1)
        if cell_gaps and fit >= 4:
            grey = packed_rgb(np.full((1, 1, 3), GAP_GREY))[0, 0]
            big[np.flatnonzero(np.diff(rows, append=h)), :] = grey
            big[:, np.flatnonzero(np.diff(cols, append=w))] = grey
        self.image = rgb_qimage(big)
        self.target = QRectF(round(self.body.center().x() - tw / 2),
                             round(self.body.top() + (self.body.height() - th) / 2), tw, th)

    def cell_centre(self, position: int) -> QPointF:
        """The centre of the position-th unit cell (column-major) of a units grid."""
        rows, cols, _ = self.grid_shape
        q, r = divmod(position, rows)
        return QPointF(self.target.left() + (q + 0.5) * self.target.width() / cols,
                       self.target.top() + (r + 0.5) * self.target.height() / rows)


class AnswerRows:
    """The answer column's rows (``c.view.kind == "output"``): the k-th shown class's name, bar and numbers."""

    def __init__(self, c: Column, class_names, fm: QFontMetricsF):
        v = c.view
        self.c, self.fm, self.n = c, fm, max(v.shown.size, 1)
        self.h = min(c.body.height() / self.n, 40.0)
        self.top = c.body.top() + (c.body.height() - self.h * v.shown.size) / 2
        self.names = [class_names[u] if u < len(class_names) else str(u) for u in v.shown]
        widest = max((fm.horizontalAdvance(name) for name in self.names), default=0.0)
        self.name_w = min(widest + 8, c.body.width() * 0.4)
        two_lines = self.h >= 2 * fm.lineSpacing()
        if v.logits is None:
            self.numbers = [number(float(v.values[u]), ".2f") for u in v.shown]
        else:
            self.numbers = [local("{:.0%}").format(float(v.values[u])) + ("\n" if two_lines else "  ")
                            + local("z {:+.1f}").format(float(v.logits[u])) for u in v.shown]
        self.number_w = max((fm.horizontalAdvance(line) for text in self.numbers for line in text.split("\n")),
                            default=0.0) + 4

    def row(self, k: int) -> QRectF:
        return QRectF(self.c.body.left(), self.top + k * self.h, self.c.body.width(), self.h)

    def name_rect(self, k: int) -> QRectF:
        """The box of the k-th name's text, right-aligned before its bar (the lines into it end at its left)."""
        row = self.row(k)
        width = min(self.fm.horizontalAdvance(self.names[k]) + 4, self.name_w - 2)
        return QRectF(row.left() + self.name_w - 2 - width, row.center().y() - self.fm.height() / 2, width,
                      self.fm.height())

    def bar_rect(self, k: int, share: float) -> QRectF:
        row = self.row(k)
        room = row.width() - self.name_w - self.number_w - 2
        return QRectF(row.left() + self.name_w, row.top() + 3, max(room * share, 1.0), row.height() - 6)

    def number_rect(self, k: int) -> QRectF:
        row = self.row(k)
        return QRectF(row.right() - self.number_w, row.top(), self.number_w, row.height())
