"""How the cells of the image grid are painted: the thumbnail, the label and the predicted digit.

Thumbnails are made on demand from the uint8 array, for the cells being painted and nothing else.
:class:`ThumbnailPainter` composes the visible cells in NumPy as one RGB32 block and draws it with a
single ``drawImage``: the images are gathered with one indexing and scaled by a whole multiple
(nearest neighbour: each MNIST pixel stays a crisp square, the picture the network sees); mistakes
get a frame in the wrong colour and a ✗ (a ✓ when right: never colour alone), read "label ✓/✗ answer" as
``accessibility.verdict_short`` writes it in the Draw tab's My digits list (``VERDICT_KEY`` explains it under
the My digits split); labels and predicted digits are copied in from ten small pre-rendered tiles per colour
(digits drawn by Qt with the widget's font on the base colour, redone when font or palette change).

Why not a QStyledItemDelegate with a cache of per-image pixmaps (the usual recipe)? From Python every
per-cell call costs: the delegate call, the QImage -> QPixmap conversion, and above all QPainter calls
per cell (a 2-pixel frame, two texts). A screen of 286 small thumbnails of an untrained model (nearly
all mistakes) took ~25 ms that way; composed in NumPy it takes a few ms at any size, and nothing is
cached between paints (no cache to size or to invalidate).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen

from mnist_gui.ui.accessibility import RIGHT_MARK, WRONG_MARK, verdict_colors  # noqa: F401 - verdict_colors for the other views

FRAME = 2   # width of a mistake's frame, in pixels, just outside the thumbnail
NOT_YET = 255  # a predicted digit not known yet (the split is still being predicted)


def _rgb32(color: QColor) -> np.uint32:
    return np.uint32(0xFF000000 | (color.rgb() & 0xFFFFFF))


def digit_tiles(font: QFont, color: QColor, background: QColor, texts=tuple(str(d) for d in range(10))) -> np.ndarray:
    """The digits 0-9 (or other short ``texts``) drawn by Qt in ``font`` and ``color`` on ``background``:
    RGB32 (len(texts), h, w)."""
    fm = QFontMetrics(font)
    n = len(texts)
    w, h = max(fm.horizontalAdvance(t) for t in texts), fm.height()
    image = QImage(n * w, h, QImage.Format_RGB32)
    image.fill(background)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(color)
    for d, text in enumerate(texts):
        painter.drawText(QRect(d * w, 0, w, h), Qt.AlignCenter, text)
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint32).reshape(h, image.bytesPerLine() // 4)[:, :n * w]
    return pixels.reshape(h, n, w).transpose(1, 0, 2).copy()


class ThumbnailPainter:
    """Paints grid cells: under the thumbnail, the true label on the left and the predicted digit on
    the right, with ✓ or ✗ between them, in the right and wrong colours of ``ui.accessibility`` (a frame
    marks a mistake too, so it shows at a glance). The selected cell gets a light wash and a frame in the highlight colour."""

    MARGIN = 4

    def __init__(self):
        self.scale = 2
        self.images_painted = 0   # thumbnails made by the last paint (they are not kept)
        self._style_key = None
        self._style = {}

    def thumb_size(self) -> int:
        return 28 * self.scale

    def cell_size(self, font_height: int) -> QSize:
        side = self.thumb_size() + 2 * self.MARGIN
        return QSize(max(side, 40), side + font_height + 2)

    def _style_for(self, palette: QPalette, font: QFont) -> dict:
        """Colours and digit tiles for a palette and font, worked out once."""
        key = (palette.cacheKey(), font.key())
        if key != self._style_key:
            right, wrong = verdict_colors(palette)
            base, text, highlight = (palette.color(r) for r in (QPalette.Base, QPalette.Text, QPalette.Highlight))
            fill = QColor(highlight)
            fill.setAlpha(70)
            self._style = {
                "base": _rgb32(base), "wrong": _rgb32(wrong), "fill": fill, "pen": QPen(highlight, 2),
                "labels": digit_tiles(font, text, base), "right_digits": digit_tiles(font, right, base),
                "wrong_digits": digit_tiles(font, wrong, base),
                # ✓ / ✗ between label and guess: right and wrong told by shape, not by colour alone
                "marks": np.stack([digit_tiles(font, right, base, (RIGHT_MARK, WRONG_MARK))[0],
                                   digit_tiles(font, wrong, base, (RIGHT_MARK, WRONG_MARK))[1]]),
            }
            self._style_key = key
        return self._style

    def compose(self, model, rows: range, cols: range, cell: QSize, style: dict) -> np.ndarray:
        """RGB32 pixels (R * cell height, C * cell width) of the cells ``rows`` x ``cols``."""
        cw, ch, s, m = cell.width(), cell.height(), self.scale, self.MARGIN
        positions = np.add.outer(np.arange(rows.start, rows.stop) * model.columns,
                                 np.arange(cols.start, cols.stop))             # (R, C)
        shown = positions < model.count()
        indices = model.indices[np.where(shown, positions, 0)]                # (R, C) dataset indices
        images = model.images[indices]                                        # (R, C, h, w) uint8
        n_rows, n_cols, h, w = images.shape
        self.images_painted = int(shown.sum())

        argb = images.astype(np.uint32)
        argb *= np.uint32(0x010101)                                           # gray into R, G and B
        argb |= np.uint32(0xFF000000)
        argb[~shown] = style["base"]
        if s > 1:
            argb = argb.repeat(s, axis=3)                                     # (R, C, h, w*s): wider
        block = np.full((n_rows, ch, n_cols, cw), style["base"], dtype=np.uint32)
        x0 = (cw - w * s) // 2
        # the thumbnail area as (R, h, s, C, w*s): each widened row written s times, whole rows at a time
        area = block[:, m:m + h * s, :, x0:x0 + w * s].reshape(n_rows, h, s, n_cols, w * s)
        assert np.shares_memory(area, block)
        area[...] = argb.transpose(0, 2, 1, 3)[:, :, None, :, :]

        r_idx, c_idx = np.nonzero(shown)
        labels = model.labels[indices[r_idx, c_idx]].astype(np.intp)
        tiles = style["labels"]
        th, tw = tiles.shape[1:]
        ty = min(m + h * s + FRAME + 1, ch - th)
        block[r_idx, ty:ty + th, c_idx, x0:x0 + tw] = tiles[labels]
        if model.predicted is not None:
            guesses = model.predicted[indices[r_idx, c_idx]].astype(np.intp)
            known = guesses != NOT_YET   # a split still being predicted: no mark yet under the others
            r_idx, c_idx, labels, guesses = r_idx[known], c_idx[known], labels[known], guesses[known]
            wrong = guesses != labels
            digits = np.where(wrong[:, None, None], style["wrong_digits"][guesses], style["right_digits"][guesses])
            block[r_idx, ty:ty + th, c_idx, x0 + w * s - tw:x0 + w * s] = digits
            marks = style["marks"]
            mw = marks.shape[2]
            mx = x0 + (w * s - mw) // 2
            if marks.shape[1] == th and x0 + tw <= mx and mx + mw <= x0 + w * s - tw:   # room between the two
                block[r_idx, ty:ty + th, c_idx, mx:mx + mw] = marks[wrong.astype(np.intp)]
            self._frame(block, r_idx[wrong], c_idx[wrong], m, x0, h * s, style["wrong"])
        return block.reshape(n_rows * ch, n_cols * cw)

    @staticmethod
    def _frame(block, rows, cols, top, left, side, color) -> None:
        """A FRAME-pixel border just outside the thumbnail of cells (rows[k], cols[k])."""
        f = FRAME
        block[rows, top - f:top, cols, left - f:left + side + f] = color
        block[rows, top + side:top + side + f, cols, left - f:left + side + f] = color
        block[rows, top:top + side, cols, left - f:left] = color
        block[rows, top:top + side, cols, left + side:left + side + f] = color

    def paint_block(self, painter, palette: QPalette, font: QFont, model, rows: range, cols: range,
                    cell: QSize, origin: QPoint, selected_pos: int) -> None:
        """Paint the cells in ``rows`` x ``cols`` of an ImageGridModel; cell (r, c) has its top-left
        corner at origin + (c * width, r * height). ``selected_pos``: flat position of the selection."""
        style = self._style_for(palette, font)
        block = self.compose(model, rows, cols, cell, style)
        top_left = QPoint(origin.x() + cols.start * cell.width(), origin.y() + rows.start * cell.height())
        # opaque RGB32 on the base colour: drawn as a plain copy, no blending
        painter.drawImage(top_left, QImage(block.data, block.shape[1], block.shape[0], block.shape[1] * 4,
                                           QImage.Format_RGB32))
        r, c = divmod(selected_pos, model.columns) if selected_pos >= 0 else (-1, -1)
        if rows.start <= r < rows.stop and cols.start <= c < cols.stop:
            x = origin.x() + c * cell.width()
            y = origin.y() + r * cell.height()
            self._paint_selection(painter, QRect(x, y, cell.width(), cell.height()), style["fill"], style["pen"])

    def _paint_selection(self, painter, cell: QRect, fill: QColor, pen: QPen) -> None:
        """A wash around the thumbnail (its pixels stay as they are) and a frame round the cell."""
        side, inner = self.thumb_size(), cell.adjusted(1, 1, -1, -1)
        thumb = QRect(cell.x() + (cell.width() - side) // 2, cell.y() + self.MARGIN, side, side)
        above = QRect(inner.left(), inner.top(), inner.width(), thumb.top() - inner.top())
        left = QRect(inner.left(), thumb.top(), thumb.left() - inner.left(), side)
        right = QRect(thumb.right() + 1, thumb.top(), inner.right() - thumb.right(), side)
        below = QRect(inner.left(), thumb.bottom() + 1, inner.width(), inner.bottom() - thumb.bottom())
        for part in (above, left, right, below):
            painter.fillRect(part, fill)
        painter.setPen(pen)
        painter.drawRect(inner.adjusted(0, 0, -1, -1))
