"""The "My digits" panel: label the drawing and keep it, browse and delete, see how the model does on them.

The files and their safety live in ``my_digits_store`` (no Qt); this panel only shows them. The panel does
not know the drawing: it asks for a label (``label_chosen``, from its buttons or the pad's digit keys via
the tab) and the tab calls ``add`` with the network input the tab already has.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListView, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)

from mnist_gui.ui.draw.image_import import array_to_qimage
from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.ui.theme import ERROR_COLOR

THUMB = 40


class MyDigitsPanel(QGroupBox):
    label_chosen = Signal(int)  # a "this is a d" button was pressed

    def __init__(self, store: MyDigitsStore | None = None, parent=None):
        super().__init__("My digits", parent)
        self.store = store if store is not None else MyDigitsStore()
        self._model = None
        self._predicted = np.zeros(0, int)

        # explicit line breaks, not word wrap: wrapped labels make box layouts misjudge heights
        hint = QLabel("Keep the drawing as your own example of a digit:\npress its key on the pad, or a button.")
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

        self.list = QListWidget()
        self.list.setViewMode(QListView.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 16, THUMB + 22))
        self.list.setResizeMode(QListView.Adjust)
        self.list.setMovement(QListView.Static)
        self.list.setSelectionMode(QListWidget.ExtendedSelection)
        self.list.setMinimumHeight(2 * (THUMB + 22) + 8)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected digits (Delete key in the list)")
        self.delete_button.setEnabled(False)
        self.list.installEventFilter(self)  # the Delete key in the list deletes
        self.score = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}")

        bottom = QHBoxLayout()
        bottom.addWidget(self.score, 1)
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
        self.status.setText(self.store.problem or "")
        self.status.setVisible(bool(self.store.problem))
        self._refresh()

    def set_model(self, model) -> None:
        self._model = model
        self._refresh()

    def add(self, image: np.ndarray, label: int) -> None:
        """Keep a 28x28 network input (float in [0, 1]) as ``label``; saved to disk at once."""
        self.store.add(image, label)
        self._refresh()
        self.list.scrollToBottom()

    def delete_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.store.remove(row)
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
            item = QListWidgetItem(QIcon(QPixmap.fromImage(array_to_qimage(image))), str(label))
            item.setToolTip(f"You said {label}")
            if self._model is not None and self._predicted[i] != label:
                item.setText(f"{label} ≠ {self._predicted[i]}")
                item.setForeground(QColor(210, 60, 50))
                item.setToolTip(f"You said {label}; the network says {self._predicted[i]}")
            self.list.addItem(item)
        self.delete_button.setEnabled(False)
        acc = self.accuracy()
        if len(store) == 0:
            self.score.setText("None kept yet.")
        elif acc is None:
            self.score.setText(f"{len(store)} kept. Load a model to see how it does on them.")
        else:
            self.score.setText(f"The model gets {acc[0]} of {acc[1]} right ({acc[0] / acc[1]:.0%}).")

    def sizeHint(self) -> QSize:
        return QSize(340, 260)
