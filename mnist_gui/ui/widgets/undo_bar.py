"""A strip saying what was just deleted from My digits, with "Undo delete": the Draw tab's panel and the
Dataset tab's My digits split both use it.

It holds the deletions (``MyDigitsStore.remove_many``'s answers), newest last; "Undo delete" (or
``undo()``, which the views bind to Ctrl+Z where that key means nothing else) puts the newest back in its
place. The strip is tinted like ``widgets.banner`` and closing it forgets what could be undone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from mnist_gui.core.i18n import tr
from mnist_gui.core.words import a_or_an

UNDO_DEPTH = 20  # deletions that can be undone, newest first


class UndoDeleteBar(QFrame):
    """``offer(removed)`` after a delete; ``undone(removed)`` once a deletion is put back."""

    undone = Signal(object)

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._stack: list[list] = []
        self.setObjectName("undoDeleteBar")
        self.setStyleSheet("#undoDeleteBar { background: rgba(42, 130, 218, 45); "
                           "border: 1px solid rgb(42, 130, 218); border-radius: 4px; }")
        self.label = QLabel(textInteractionFlags=Qt.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo delete"))
        self.close_button = QToolButton(text="✕", autoRaise=True)
        self.close_button.setToolTip(tr("Hide this message (the delete can then no longer be undone)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 3, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.forget)
        self.hide()

    def can_undo(self) -> bool:
        return bool(self._stack)

    def offer(self, removed: list) -> None:
        """Show what was deleted (a list of ``Removed``) and keep it for Undo."""
        if not removed:
            return
        self._stack = (self._stack + [list(removed)])[-UNDO_DEPTH:]
        self._show()

    def undo(self) -> bool:
        """Put the newest deletion back; True if there was one."""
        if not self._stack:
            return False
        removed = self._stack.pop()
        self.store.restore_many(removed)  # a refusing disk keeps them as unsaved, which the views show
        self._show()
        self.undone.emit(removed)
        return True

    def forget(self) -> None:
        self._stack.clear()
        self.hide()

    def _show(self) -> None:
        if not self._stack:
            self.hide()
            return
        last, undoable = self._stack[-1], len(self._stack)
        values = dict(label=last[0].label, count=len(last), undoable=undoable)
        # one digit by its label: the source sentence picks English's "a" or "an", a translation need not
        an = len(last) == 1 and a_or_an(last[0].label) == "an"
        if len(last) == 1 and undoable > 1:
            text = (tr("Deleted an {label} from My digits ({undoable} deletes can be undone).") if an
                    else tr("Deleted a {label} from My digits ({undoable} deletes can be undone)."))
        elif len(last) == 1:
            text = tr("Deleted an {label} from My digits.") if an else tr("Deleted a {label} from My digits.")
        elif undoable > 1:
            text = tr("Deleted {count:,} digit(s) from My digits ({undoable} deletes can be undone).", None, len(last))
        else:
            text = tr("Deleted {count:,} digit(s) from My digits.", None, len(last))
        if len(last) == 1:
            tip = (tr("Put back an {label} where it was (Ctrl+Z)") if an
                   else tr("Put back a {label} where it was (Ctrl+Z)"))
        else:
            tip = tr("Put back {count:,} digit(s) where it/they was/were (Ctrl+Z)", None, len(last))
        self.label.setText(text.format(**values))
        self.undo_button.setToolTip(tip.format(**values))
        self.show()
