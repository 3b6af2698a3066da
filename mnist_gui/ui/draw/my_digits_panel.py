"""The "My digits" panel: label the drawing and keep it, browse and delete, see how the model does on them.

The files and their safety live in ``mnist_gui.core.my_digits`` (no Qt); this panel only shows them. The
panel does not know the drawing: it asks for a label (``label_chosen``, from its buttons or the pad's digit
keys via the tab) and the tab calls ``add`` with the network input the tab already has. Every digit is
written to disk before it is shown; one the disk refused is shown framed in red as "unsaved", with the
store's reason below and a Retry button (keeping the next digit retries too).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)

from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.ui.widgets.qimages import gray_to_qimage

THUMB = 40
UNSAVED = "unsaved"  # under the thumbnail of a digit the disk refused
WRONG_COLOR = QColor(210, 60, 50)


class MyDigitsPanel(QGroupBox):
    label_chosen = Signal(int)  # a "this is a d" button was pressed

    def __init__(self, store: MyDigitsStore | None = None, parent=None):
        super().__init__("My digits", parent)
        self.store = store if store is not None else MyDigitsStore()
        self._model = None
        self._predicted = np.zeros(0, int)
        # explicit line breaks, not word wrap: wrapped labels make box layouts misjudge heights
        hint = QLabel("Keep the drawing as your own example of a digit:\npress its key on the pad, or a button.")
        buttons = self._make_label_buttons()
        self._make_list()
        self.score = QLabel()
        self.retry_button = QPushButton("Retry")
        self.retry_button.setToolTip("Try again to save the digits marked unsaved")
        self.retry_button.setFocusPolicy(Qt.NoFocus)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}")
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        bottom = QHBoxLayout()
        bottom.addWidget(self.score, 1)
        bottom.addWidget(self.retry_button)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

        self.list.itemSelectionChanged.connect(
            lambda: self.delete_button.setEnabled(bool(self.list.selectedItems())))
        self.delete_button.clicked.connect(self.delete_selected)
        self.retry_button.clicked.connect(self.retry)
        self._refresh()

    def _make_label_buttons(self) -> QGridLayout:
        buttons = QGridLayout()
        buttons.setSpacing(2)
        self.label_buttons = []
        for d in range(10):
            button = QPushButton(str(d))
            button.setFocusPolicy(Qt.NoFocus)  # keep the keyboard on the pad
            button.setFixedWidth(30)
            button.setToolTip(f"Keep the drawing as a {d} (or press {d} on the pad)")
            button.clicked.connect(lambda _=False, d=d: self.label_chosen.emit(d))
            buttons.addWidget(button, 0, d)
            self.label_buttons.append(button)
        return buttons

    def _make_list(self) -> None:
        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        text_width = self.list.fontMetrics().horizontalAdvance(f"9 {UNSAVED}") + 12
        self.list.setGridSize(QSize(max(THUMB + 16, text_width), THUMB + 22))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMovement(QListView.Static)
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.list.setMinimumHeight(THUMB + 22 + 8)  # one row: the problem lines below may need the room
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected digits (Delete key in the list)")
        self.delete_button.setEnabled(False)
        self.list.installEventFilter(self)  # the Delete key in the list deletes

    def set_model(self, model) -> None:
        self._model = model
        self._refresh()

    def add(self, image: np.ndarray, label: int) -> bool:
        """Keep a 28x28 network input (float in [0, 1]) as ``label``, written to disk before it is shown.

        Returns whether it is saved; if the disk refused, it is shown as unsaved, with the reason.
        """
        saved = self.store.add(image, label)
        self._refresh()
        self.list.scrollToBottom()
        return saved

    def retry(self) -> bool:
        """Try again to save the unsaved digits; True when none is left."""
        saved = self.store.save()
        self._refresh()
        return saved

    def delete_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            if not self.store.remove(row):
                break  # the disk refused (the store says why): the others would be refused too
        if rows:
            self._refresh()

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.list and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.list.selectedItems()):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def accuracy(self) -> tuple[int, int] | None:
        """(correct, total) for the current model, or None without a model or digits."""
        if self._model is None or len(self.store) == 0:
            return None
        return int((self._predicted == self.store.labels).sum()), len(self.store)

    def _refresh(self) -> None:
        store = self.store
        self._predicted = store.predictions(self._model) if self._model is not None else np.zeros(0, int)
        self.list.clear()
        for i, (image, label) in enumerate(zip(store.images, store.labels)):
            self.list.addItem(self._item(i, image, int(label)))
        self.delete_button.setEnabled(False)
        acc = self.accuracy()
        if len(store) == 0:
            self.score.setText("None kept yet.")
        elif acc is None:
            self.score.setText(f"{len(store)} kept. Load a model to see how it does on them.")
        else:
            self.score.setText(f"The model gets {acc[0]} of {acc[1]} right ({acc[0] / acc[1]:.0%}).")
        self._show_problems()

    def _item(self, i: int, image: np.ndarray, label: int) -> QListWidgetItem:
        thumbnail = gray_to_qimage(image)
        item = QListWidgetItem(str(label))
        tip = f"You said {label}"
        if self._model is not None and self._predicted[i] != label:
            item.setText(f"{label} ≠ {self._predicted[i]}")
            item.setForeground(WRONG_COLOR)
            tip += f"; the network says {self._predicted[i]}"
        if not self.store.is_saved(i):
            thumbnail = _framed(thumbnail)
            item.setText(f"{label} {UNSAVED}")
            item.setForeground(QColor(ERROR_COLOR))
            tip += ". Not saved yet: press Retry, or keep another digit, to try again"
        item.setIcon(QIcon(QPixmap.fromImage(thumbnail)))
        item.setToolTip(tip)
        return item

    def _show_problems(self) -> None:
        """What went wrong with the files (on opening, on the last write), and Retry while any is unsaved."""
        store = self.store
        lines = [store.problem] if store.problem else []
        if store.save_error:
            lines.append(store.save_error)
        if store.unsaved:
            n = store.unsaved
            lines.append(f"{n} digit{'s are' if n > 1 else ' is'} kept in this window only, marked unsaved: "
                         f"saved with the next one you keep, or press Retry.")
        self.status.setText("\n".join(lines))
        self.status.setVisible(bool(lines))
        self.retry_button.setVisible(store.unsaved > 0)

    def sizeHint(self) -> QSize:
        return QSize(340, 260)


def _framed(thumbnail: QImage) -> QImage:
    """The thumbnail in a red frame (in colour: a gray image would paint the frame gray): not on disk."""
    framed = thumbnail.convertToFormat(QImage.Format_RGB32)
    painter = QPainter(framed)
    painter.setPen(QPen(QColor(ERROR_COLOR), 2))
    painter.drawRect(framed.rect().adjusted(1, 1, -1, -1))
    painter.end()
    return framed
