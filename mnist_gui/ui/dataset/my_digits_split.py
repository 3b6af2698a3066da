"""The Dataset tab's third split, My digits: the person's kept digits, edited where they are browsed.

:class:`MyDigitsEditor` sits under the detail panel while the split is shown: the selected digit's label
(choose another, or press a digit key in the grid, to relabel it), Delete (or the Delete key) and the
"Undo delete" strip (``widgets.undo_bar``; Ctrl+Z in the tab). Every edit goes straight to the store
(``core.my_digits``), which writes it through and tells the tab, so the grid, the filters, the statistics
and the confusion matrix follow, as they follow a digit kept on the Draw tab. The model's answers for the
digits come from the store too (``MyDigitsStore.probabilities``: only new pictures are run), not from the
background prediction service the 70,000 MNIST images need.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.words import a_or_an, error_text
from mnist_gui.ui.accessibility import VERDICT_KEY
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.ui.widgets.undo_bar import UndoDeleteBar

MY_DIGITS = "mine"
EMPTY_TEXT = QT_TR_NOOP("No digits kept yet. On the Draw tab, draw a digit and press its key (or a 0-9 button "
                        "under My digits) to keep it here, or import a folder of digits there.")


class MyDigitsSplit:
    """The Dataset tab's side of the split (mixed into ``DatasetTab``, which has the grid, the editor, the
    predictions and the store): answers, following the store, the keys in the grid."""

    def _predict_my_digits(self) -> None:
        """My digits are answered at once (the store runs only pictures it has not seen), or, when thousands
        are new to the model, in the background (``widgets.my_digits_answers``); the store then tells the tab."""
        try:
            probs = self.my_digits_answers.probabilities(self._model)
        except Exception as exc:  # noqa: BLE001 - the boundary: said in the tab, as the service would
            self._on_predictions_failed(MY_DIGITS, tr("Could not compute predictions: {error}").format(
                error=error_text(exc)))
            return
        if probs is None:
            self.controls.set_predictions_state("computing")
            self.status.setText(tr("Working out the model's answers for your {n:,} digits…").format(
                n=len(self.my_digits)))
            return
        self._on_predictions_ready(self._model, MY_DIGITS, probs)

    def _on_my_digits_changed(self) -> None:
        """The store changed (a digit kept on the Draw tab, an edit here, an import): follow it, keeping the
        selected number (after a delete, the next digit)."""
        self.stats.forget((MY_DIGITS, self._mine_version))
        self._mine_version += 1
        store = self.my_digits
        self._splits[MY_DIGITS] = (store.images, store.labels)
        self._predictions.pop(MY_DIGITS, None)
        self.controls.set_split_count(MY_DIGITS, len(store))
        if self.split() != MY_DIGITS:
            return
        keep = self.grid.current_dataset_index()
        self._on_split_changed(MY_DIGITS)
        if keep >= 0 and len(store):
            self.grid.select_dataset_index(min(keep, len(store) - 1))

    def _on_undone(self, removed) -> None:
        if self.split() == MY_DIGITS and removed:
            self.grid.select_dataset_index(min(r.index for r in removed))

    def eventFilter(self, watched, event) -> bool:
        """On My digits, a digit key in the grid relabels the selected digit, Delete deletes it."""
        if (watched is self.grid and event.type() == QEvent.KeyPress and self.split() == MY_DIGITS
                and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)):
            if Qt.Key_0 <= event.key() <= Qt.Key_9:
                self.editor.relabel(event.key() - Qt.Key_0)
                return True
            if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
                self.editor.delete()
                return True
        return super().eventFilter(watched, event)


class MyDigitsEditor(QWidget):
    """Relabel and delete the digit ``set_digit(index)`` of ``store``; -1 when none is selected."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._index = -1
        self.label_combo = QComboBox()
        for d in range(10):
            self.label_combo.addItem(str(d), d)
        self.label_combo.setToolTip(tr("Relabel the digit (or press a digit key in the grid)"))
        self.label_combo.setAccessibleName(tr("Label of the selected digit"))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the digit from My digits (Delete key in the grid; Ctrl+Z undoes)"))
        self.undo_bar = UndoDeleteBar(store)
        self.key = QLabel(tr(VERDICT_KEY), wordWrap=True)  # what "6 ✗ 5" under each digit means
        self.status = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}")
        self.status.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Label:")))
        row.addWidget(self.label_combo)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addLayout(row)
        layout.addWidget(self.key)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.status)
        self.label_combo.activated.connect(lambda i: self.relabel(self.label_combo.itemData(i)))
        self.delete_button.clicked.connect(self.delete)
        self.set_digit(-1)

    def set_digit(self, index: int) -> None:
        self._index = index if 0 <= index < len(self.store) else -1
        shown = self._index >= 0
        self.label_combo.setEnabled(shown)
        self.delete_button.setEnabled(shown)
        if shown:
            self.label_combo.setCurrentIndex(int(self.store.labels[self._index]))
        self._show_problem()

    def relabel(self, label: int) -> bool:
        """Give the selected digit ``label``; False when none is selected or the disk refused."""
        if self._index < 0 or label == int(self.store.labels[self._index]):
            return False
        done = self.store.relabel(self._index, label)
        self._show_problem()
        return done

    def delete(self) -> bool:
        """Delete the selected digit, offering Undo; False when none is selected or the disk refused."""
        if self._index < 0:
            return False
        removed = self.store.remove_many([self._index])
        if removed:
            self.undo_bar.offer(removed)
        self._show_problem()
        return bool(removed)

    def undo(self) -> bool:
        return self.undo_bar.undo()

    def describe(self, index: int) -> str:
        """The detail panel's title for digit ``index`` (English "a 7", "an 8": one source text each)."""
        digit = int(self.store.labels[index])
        an = a_or_an(digit) == "an"
        if self.store.is_saved(index):
            text = (tr("Digit #{index:,} of My digits, kept as an {digit}") if an
                    else tr("Digit #{index:,} of My digits, kept as a {digit}"))
        else:
            text = (tr("Digit #{index:,} of My digits, kept as an {digit} (not saved yet)") if an
                    else tr("Digit #{index:,} of My digits, kept as a {digit} (not saved yet)"))
        return text.format(index=index, digit=digit)

    def _show_problem(self) -> None:
        error = self.store.save_error
        self.status.setText(error or "")
        self.status.setVisible(bool(error))
