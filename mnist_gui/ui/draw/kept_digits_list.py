"""The My digits panel's list of kept digits: one thumbnail per digit with its label, the model's verdict
("3 ✓ 3" in one colour, "6 ✗ 5" in the other: label, verdict, answer, as ``accessibility.verdict_short`` writes
them everywhere, in ``accessibility.verdict_colors``) and, for a
digit the disk refused, a red frame and "unsaved". ``show_digits(store, predicted)`` rebuilds only the rows
that changed, so a keep, a delete or a relabel touches one row.

Not here: what the keys, the context menu and the buttons do with the selection, and when the list is
refreshed (``ui.draw.my_digits_panel``); the digits themselves (``core.my_digits``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem

from mnist_gui.core.i18n import tr
from mnist_gui.ui.accessibility import VERDICT_KEY, verdict_colors, verdict_short, verdict_tip
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.ui.widgets.qimages import gray_to_qimage

THUMB = 40


class KeptDigitsList(QListWidget):
    """Thumbnails of a ``MyDigitsStore``'s digits, in its order, several selectable at once."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        text_width = max(self.fontMetrics().horizontalAdvance(t) for t in (_unsaved(9), verdict_short(8, 8))) + 12
        self.setGridSize(QSize(max(THUMB + 16, text_width), THUMB + 22))
        self.setResizeMode(QListView.Adjust)
        self.setMovement(QListView.Static)
        self.setSelectionMode(QListWidget.ExtendedSelection)
        self.setAccessibleName(tr("Kept digits"))  # Qt before 6.11 does not take the My digits box's title
        self.setToolTip(tr(VERDICT_KEY))  # over the gaps; each digit's own tooltip says it in words
        self.setMinimumHeight(THUMB + 22 + 8)  # one row: the problem lines below may need the room
        self._row_keys: list[tuple] = []  # what each row shows (see show_digits)

    def has_rows(self) -> bool:
        return bool(self._row_keys)

    def forget(self) -> None:
        """Drop every row, so the next ``show_digits`` builds them all afresh (the colours changed)."""
        self._row_keys = []
        self.clear()

    def show_digits(self, store, predicted: np.ndarray | None) -> None:
        """Show the store's digits with the model's answers (``predicted`` (N,) int, None without them),
        rebuilding only the rows between the unchanged start and end: a keep, a delete or a relabel touches
        one row, not all (5,000 rows take 0.23 s to build)."""
        keys = [(image.tobytes(), int(label), int(predicted[i]) if predicted is not None else -1, store.is_saved(i))
                for i, (image, label) in enumerate(zip(store.images, store.labels))]
        old = self._row_keys
        start = 0
        while start < min(len(old), len(keys)) and old[start] == keys[start]:
            start += 1
        end = 0
        while end < min(len(old), len(keys)) - start and old[-1 - end] == keys[-1 - end]:
            end += 1
        for row in range(len(old) - end - 1, start - 1, -1):
            self.takeItem(row)
        for row in range(start, len(keys) - end):
            self.insertItem(row, self._item(store, predicted, row, store.images[row], keys[row][1]))
        self._row_keys = keys

    def _item(self, store, predicted, i: int, image: np.ndarray, label: int) -> QListWidgetItem:
        thumbnail = gray_to_qimage(image)
        item = QListWidgetItem(str(label))
        tip = tr("Yours: {digit}").format(digit=label)
        if predicted is not None:
            # ✓ / ✗ as well as colour, so the verdict does not rest on telling two colours apart
            right = predicted[i] == label
            right_color, wrong_color = verdict_colors(self.palette())
            item.setText(verdict_short(label, int(predicted[i])))
            item.setForeground(right_color if right else wrong_color)
            tip = verdict_tip(label, int(predicted[i]))
        if not store.is_saved(i):
            thumbnail = _framed(thumbnail)
            item.setText(_unsaved(label))
            item.setForeground(QColor(ERROR_COLOR))
            tip = tr("{tip}. Not saved yet: press Retry, or keep another digit, to try again").format(
                tip=tip)
        item.setIcon(QIcon(QPixmap.fromImage(thumbnail)))
        item.setToolTip(tr("{tip}.\nDouble-click: open it in the pad. A digit key: relabel it. Delete: delete "
                           "it.").format(tip=tip))
        return item


def _unsaved(label: int) -> str:
    """What stands under the thumbnail of a digit the disk refused: "3 unsaved"."""
    return tr("{digit} unsaved").format(digit=label)


def _framed(thumbnail: QImage) -> QImage:
    """The thumbnail in a red frame (in colour: a gray image would paint the frame gray): not on disk."""
    framed = thumbnail.convertToFormat(QImage.Format_RGB32)
    painter = QPainter(framed)
    painter.setPen(QPen(QColor(ERROR_COLOR), 2))
    painter.drawRect(framed.rect().adjusted(1, 1, -1, -1))
    painter.end()
    return framed
