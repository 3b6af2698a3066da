"""The "My digits" panel: label the drawing and keep it, browse and delete, see how the model does on them.

The files and their safety live in ``mnist_gui.core.my_digits`` (no Qt); this panel only shows them. The
panel does not know the drawing: it asks for a label (``label_chosen``, from its buttons or the pad's digit
keys via the tab) and the tab calls ``add`` with the network input the tab already has. Every digit is
written to disk before it is shown; one the disk refused is shown framed in red as "unsaved", with the
store's reason below and a Retry button (keeping the next digit retries too).

The kept digits can be edited here: select one and press a digit key to relabel it (or use the list's
context menu), Delete deletes with an "Undo delete" strip (``widgets.undo_bar``; Ctrl+Z while the list has
the keyboard: on the pad Ctrl+Z still undoes strokes), a double-click opens a digit in the pad
(``digit_opened``). Import and Export (``my_digits_io``) bring digits from and to folders, and "Teach it my
handwriting" (``teach.TeachPanel``, below the list) fine-tunes a copy of the model on them. The panel
follows the store (``MyDigitsStore.on_change``), so edits made in the Dataset tab show here too.

Not here: the thumbnails, their verdicts and the row-by-row rebuild (``kept_digits_list.KeptDigitsList``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QVBoxLayout

from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.words import a_or_an
from mnist_gui.ui.widgets.dialog_folders import folders_for
from mnist_gui.ui.draw.kept_digits_list import KeptDigitsList
from mnist_gui.ui.draw.my_digits_io import LAYOUTS, DigitFolders, layout_texts
from mnist_gui.ui.draw.teach import TeachPanel
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.ui.widgets.my_digits_answers import answerer_for
from mnist_gui.ui.widgets.undo_bar import UndoDeleteBar


class MyDigitsPanel(QGroupBox):
    label_chosen = Signal(int)  # a "this is a d" button was pressed
    digit_opened = Signal(object)  # a kept digit, uint8 (28, 28), to show in the pad
    KEY_HINTS = ((QT_TR_NOOP("Delete or Backspace"), QT_TR_NOOP("Delete the selected digits (in the My digits list)")),
                 (QT_TR_NOOP("0 to 9"), QT_TR_NOOP("Relabel the selected digits (in the My digits list)")),  # F1 list
                 (QT_TR_NOOP("Ctrl+Z"), QT_TR_NOOP("Undo the last delete (in the My digits list)")),
                 (QT_TR_NOOP("Enter or double-click"), QT_TR_NOOP("Open the digit in the pad (in the My digits list)")))

    def __init__(self, store: MyDigitsStore | None = None, parent=None):
        super().__init__(tr("My digits"), parent)
        self.store = store if store is not None else MyDigitsStore()
        self._model = None
        self._predicted = np.zeros(0, int)
        self._answered = False  # _predicted holds the model's answers for every digit
        self.answers = answerer_for(self.store)  # shared with the Dataset tab's view
        # explicit line breaks, not word wrap: wrapped labels make box layouts misjudge heights
        hint = QLabel(tr("Keep the drawing as your own example of a digit:\npress its key on the pad, or a button."))
        buttons = self._make_label_buttons()
        self._make_list()
        self.score = QLabel()
        self.retry_button = QPushButton(tr("Retry"))
        self.retry_button.setToolTip(tr("Try again to save the digits marked unsaved"))
        self.retry_button.setFocusPolicy(Qt.TabFocus)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}")
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.undo_bar = UndoDeleteBar(self.store)
        self.folders = DigitFolders(self.store, self)
        self._make_folder_buttons()
        self.files_status = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.files_status.hide()
        self.teach = TeachPanel(self.store)

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
        layout.addWidget(self.undo_bar)
        self.teach.top_row.insertWidget(0, self.import_button)
        self.teach.top_row.insertWidget(1, self.export_button)
        layout.addWidget(self.teach)
        layout.addWidget(self.files_status)

        self.list.itemDoubleClicked.connect(lambda item: self.open_digit(self.list.row(item)))
        self.list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.folders.said.connect(self._say_files)
        self.folders.progressed.connect(lambda text: self._say_files(text, False))
        self.store.on_change(self._refresh)
        self.store.on_change(self._forget_files_error)
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
            button.setFocusPolicy(Qt.TabFocus)  # reached with Tab; a click keeps the keyboard on the pad
            button.setFixedWidth(30)
            tip = (tr("Keep the drawing as an {digit} (or press {digit} on the pad)") if a_or_an(d) == "an" else
                   tr("Keep the drawing as a {digit} (or press {digit} on the pad)"))
            button.setToolTip(tip.format(digit=d))
            button.clicked.connect(lambda _=False, d=d: self.label_chosen.emit(d))
            buttons.addWidget(button, 0, d)
            self.label_buttons.append(button)
        return buttons

    def _make_list(self) -> None:
        self.list = KeptDigitsList()
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected digits (Delete key in the list)"))
        self.delete_button.setEnabled(False)
        self.list.installEventFilter(self)  # the Delete key in the list deletes

    def _make_folder_buttons(self) -> None:
        # tool buttons: narrower than push buttons, so the panel (and the window) need no more width
        self.import_button = QToolButton(text=tr("Import…"))
        self.import_button.setToolTip(tr("Add digits from a folder: pictures in folders named 0-9 (DIR/7/a.png, …) "
                                         "or another My digits folder"))
        self.export_button = QToolButton(text=tr("Export…"), popupMode=QToolButton.InstantPopup)
        self.export_button.setToolTip(tr("Write your digits to a folder, as pictures or as a My digits folder"))
        menu = QMenu(self.export_button)
        for layout in LAYOUTS:
            menu.addAction(layout_texts(layout)[0], lambda layout=layout: self.ask_export(layout))
        self.export_button.setMenu(menu)
        for button in (self.import_button, self.export_button):
            button.setFocusPolicy(Qt.TabFocus)  # Tab reaches them; a click leaves the keyboard on the pad
        self.import_button.clicked.connect(self.ask_import)

    def set_model(self, model) -> None:
        self._model = model
        self.teach.set_model(model)
        self._refresh()

    def shutdown(self) -> None:
        """Stop fine-tuning and any import or export (the window is closing): nothing is half-written."""
        self.teach.shutdown()
        self.folders.shutdown()
        self.answers.shutdown()

    # ---- editing ----

    def open_digit(self, index: int) -> None:
        """Show kept digit ``index`` in the pad (``digit_opened``)."""
        if 0 <= index < len(self.store):
            self.digit_opened.emit(self.store.images[index].copy())

    def selected_rows(self) -> list[int]:
        return sorted(self.list.row(item) for item in self.list.selectedItems())

    def relabel_selected(self, label: int) -> bool:
        """Give the selected digits ``label``; False if the disk refused (the store says why)."""
        rows = self.selected_rows()
        done = all(self.store.relabel(row, label) for row in rows)
        for row in rows:
            self.list.item(row).setSelected(True)
        return bool(rows) and done

    def undo_delete(self) -> bool:
        return self.undo_bar.undo()

    def ask_import(self) -> bool:
        path = folders_for(self).existing_folder(self, "digits", tr("Import digits from a folder"))
        return bool(path) and self.folders.import_folder(path)

    def ask_export(self, layout: str) -> bool:
        path = folders_for(self).existing_folder(self, "digits", layout_texts(layout)[1])
        return bool(path) and self.folders.export(path, layout)

    def _on_context_menu(self, pos) -> None:
        menu = self.context_menu(pos)
        if menu is not None:
            menu.popup(self.list.viewport().mapToGlobal(pos))

    def context_menu(self, pos) -> QMenu | None:
        """The menu for the digit at ``pos`` in the list (selected first); None over no digit."""
        item = self.list.itemAt(pos)
        if item is None:
            return None
        if not item.isSelected():
            self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(tr("Open in the pad"), lambda: self.open_digit(self.list.row(item)))
        relabel = menu.addMenu(tr("Relabel as"))
        current = {int(self.store.labels[row]) for row in self.selected_rows()}  # checked: the label they have
        for d in range(10):
            action = relabel.addAction(str(d), lambda d=d: self.relabel_selected(d))
            action.setCheckable(True)
            action.setChecked(current == {d})
        menu.addAction(tr("Delete"), self.delete_selected)
        return menu

    def _forget_files_error(self) -> None:
        """A red import or export error goes once the digits change (a keep, a delete, a relabel): the
        person has moved on, and an old complaint left there reads as a new one."""
        said = getattr(self, "_files_error_on", None)
        if said is not None and not np.array_equal(said, self.store.labels):
            self._say_files("", False)

    def _say_files(self, text: str, error: bool) -> None:
        self._files_error_on = self.store.labels.copy() if error else None  # the digits it was said about
        self.files_status.setText(text)
        self.files_status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self.files_status.setVisible(bool(text))

    def add(self, image: np.ndarray, label: int) -> bool:
        """Keep a 28x28 network input (float in [0, 1]) as ``label``, written to disk before it is shown.

        Returns whether it is saved; if the disk refused, it is shown as unsaved, with the reason.
        """
        saved = self.store.add(image, label)  # the store tells the panel, which shows it
        self.list.scrollToBottom()
        return saved

    def retry(self) -> bool:
        """Try again to save the unsaved digits; True when none is left."""
        saved = self.store.save()
        self._refresh()  # also when nothing was left to save
        return saved

    def delete_selected(self) -> bool:
        """Delete the selected digits in one write, offering Undo; False if the disk refused (they stay)."""
        rows = self.selected_rows()
        removed = self.store.remove_many(rows) if rows else None
        if removed:
            self.undo_bar.offer(removed)
        return bool(removed)

    def eventFilter(self, watched, event) -> bool:
        """In the list: Delete deletes, a digit key relabels the selection, Enter opens the current digit
        and Ctrl+Z undoes a delete (taken from the tab's stroke Undo only while the list has the keyboard)."""
        if watched is not self.list:
            return super().eventFilter(watched, event)
        undo = event.type() in (QEvent.ShortcutOverride, QEvent.KeyPress) and event.matches(QKeySequence.Undo)
        if undo and self.undo_bar.can_undo():
            if event.type() == QEvent.KeyPress:
                self.undo_delete()
            event.accept()
            return event.type() == QEvent.KeyPress
        if event.type() == QEvent.KeyPress and self.list.selectedItems():
            plain = not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)
            if event.key() in (Qt.Key_Delete, Qt.Key_Backspace):
                self.delete_selected()
                return True
            if plain and Qt.Key_0 <= event.key() <= Qt.Key_9:
                self.relabel_selected(event.key() - Qt.Key_0)
                return True
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self.open_digit(self.list.currentRow())
                return True
        return super().eventFilter(watched, event)

    def accuracy(self) -> tuple[int, int] | None:
        """(correct, total) for the current model, or None without a model or digits."""
        if not self._answered or len(self.store) == 0:
            return None
        return int((self._predicted == self.store.labels).sum()), len(self.store)

    def _refresh(self) -> None:
        store = self.store
        self._answered, self._predicted, failure = False, np.zeros(0, int), None
        if self._model is not None and len(store):
            try:
                probs = self.answers.probabilities(self._model)  # None while worked out in the background
            except ValueError as exc:  # the model could not answer: said below, the digits still shown
                probs, failure = None, str(exc)
            if probs is not None:
                self._answered, self._predicted = True, probs.argmax(axis=1)
        self.list.show_digits(store, self._predicted if self._answered else None)
        self.delete_button.setEnabled(bool(self.list.selectedItems()))
        acc = self.accuracy()
        n = len(store)
        if n == 0:
            self.score.setText(tr("None kept yet."))
        elif failure:
            self.score.setText(tr("{n} kept. {reason}").format(n=n, reason=failure))
        elif self._model is not None and acc is None:
            self.score.setText(tr("{n:,} kept. Working out the model's answers for them…").format(n=n))
        elif acc is None:
            self.score.setText(tr("{n} kept. Load a model to see how it does on them.").format(n=n))
        else:
            self.score.setText(tr("The model gets {right} of {total} right ({share:.0%}).").format(
                right=acc[0], total=acc[1], share=acc[0] / acc[1]))
        self._show_problems()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange and self.list.has_rows():  # the verdict colours come from it
            self.list.forget()
            self._refresh()

    def _show_problems(self) -> None:
        """What went wrong with the files (on opening, on the last write), and Retry while any is unsaved."""
        store = self.store
        lines = [store.problem] if store.problem else []
        if store.save_error:
            lines.append(store.save_error)
        if store.unsaved:
            n = store.unsaved
            lines.append(tr("%n digit(s) is/are kept in this window only, marked unsaved: saved with the next one you "
                            "keep, or press Retry.", None, n))
        self.status.setText("\n".join(lines))
        self.status.setVisible(bool(lines))
        self.retry_button.setVisible(store.unsaved > 0)

    def sizeHint(self) -> QSize:
        return QSize(340, 260)
