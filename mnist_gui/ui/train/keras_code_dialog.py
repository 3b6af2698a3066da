""""Show as Keras code": a window with the Keras 3 program for the Training tab's current settings.

The code is ``mnist_gui.core.keras_code.keras_code`` (no Qt there); this module only shows it, monospaced,
read-only and selectable, with a Copy button, and follows the settings form as it changes
(``TrainingControls.config_changed``). While the settings are invalid the window says why and keeps the
code for the last valid ones. The window is not modal, so the form stays usable beside it.
``add_keras_code_button(tab)`` puts the button under the Training tab's Start / Pause / Stop. Not here: the code
itself (core/keras_code.py).
"""

from __future__ import annotations

import html
import keyword
import re

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
                               QWidget)

from mnist_gui.core.i18n import tr
from mnist_gui.core.keras_code import keras_code

COPIED_MS = 1500      # how long the Copy button says "Copied"
_TOKENS = re.compile(r'(?P<comment>#.*)|(?P<string>"[^"\n]*"|\'[^\'\n]*\')|(?P<word>\b[A-Za-z_]\w*\b)')


class _PythonHighlighter(QSyntaxHighlighter):
    """Comments dimmed, strings and the docstring tinted, keywords bold: enough colour to read the program by,
    in either palette."""

    def __init__(self, document, palette: QPalette):
        super().__init__(document)
        self.comment, self.string, self.keyword = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        self.keyword.setFontWeight(QFont.Bold)
        self.restyle(palette)

    def restyle(self, palette: QPalette) -> None:
        """Colours for ``palette`` (light or dark), applied to the whole text."""
        dark = palette.color(QPalette.Base).lightness() < 128
        self.comment.setForeground(palette.color(QPalette.PlaceholderText))
        self.string.setForeground(QColor("#8fce8f" if dark else "#2a7a2a"))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        inside = self.previousBlockState() == 1          # within the program's docstring
        if inside or text.startswith('"""'):
            self.setFormat(0, len(text), self.string)
            closes = text.count('"""') % 2 == 1
            self.setCurrentBlockState(0 if inside == closes else 1)
            return
        self.setCurrentBlockState(0)
        for match in _TOKENS.finditer(text):
            kind = match.lastgroup
            if kind == "word" and not keyword.iskeyword(match.group()):
                continue
            style = self.keyword if kind == "word" else getattr(self, kind)
            self.setFormat(match.start(), match.end() - match.start(), style)


class KerasCodeDialog(QDialog):
    """The Keras program for ``controls`` (a TrainingControls)' settings. ``code`` is the text shown;
    ``copied(text)`` is emitted when the user copies it."""

    copied = Signal(str)

    def __init__(self, controls, parent: QWidget | None = None):
        super().__init__(parent)
        self.controls = controls
        self.code = ""
        self.setWindowTitle(tr("Keras code for these settings"))
        self.note = QLabel(wordWrap=True, textFormat=Qt.RichText)
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setAccessibleName(tr("Keras code"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.editor.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self._highlighter = _PythonHighlighter(self.editor.document(), self.editor.palette())
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy the whole program to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self._copied_timer = QTimer(self, singleShot=True, interval=COPIED_MS)
        self._copied_timer.timeout.connect(lambda: self.copy_button.setText(tr("Copy")))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        width = self.editor.fontMetrics().horizontalAdvance("x" * 108)
        self.resize(min(width + 60, 1100), 640)
        controls.config_changed.connect(self.show_config)
        self.show_config(controls.config() if controls.is_valid() else None)

    def show_config(self, cfg) -> None:
        """Show the program for ``cfg`` (a TrainConfig), or, for None (invalid settings), say why and keep
        the last program."""
        if cfg is None:
            reason = html.escape(self.controls.error or tr("the settings are not valid"))
            note = (tr("<b>These settings cannot be trained:</b> {reason}. The code below is for the last valid "
                       "settings.") if self.code else tr("<b>These settings cannot be trained:</b> {reason}."))
            self.note.setText(note.format(reason=reason))
            self.copy_button.setEnabled(bool(self.code))
            return
        code = keras_code(cfg)
        self.note.setText(tr("A complete Keras 3 program for the network these settings train: the same layers and "
                             "parameter count, optimizer, schedule and data. Run it with "
                             "<code>pip install keras tensorflow</code>."))
        self.copy_button.setEnabled(True)
        if code != self.code:
            bar = self.editor.verticalScrollBar()
            position = bar.value()
            self.code = code
            self.editor.setPlainText(code)
            bar.setValue(position)         # an edit of the form does not jump the view back to the top

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.PaletteChange:       # the app switched between light and dark
            self._highlighter.restyle(self.palette())
        super().changeEvent(event)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText(tr("Copied"))
        self._copied_timer.start()
        self.copied.emit(self.code)


def show_keras_code(tab) -> KerasCodeDialog:
    """Open (or bring forward) the tab's one Keras code window."""
    dialog = getattr(tab, "keras_code_dialog", None)
    if dialog is None:
        dialog = tab.keras_code_dialog = KerasCodeDialog(tab.controls, tab)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def add_keras_code_button(tab) -> QPushButton:
    """The "Show as Keras code" button, placed under Start / Pause / Stop (always in view, where the form's
    scroll area is not); returns it."""
    button = QPushButton(tr("Show as Keras code"))
    button.setToolTip(tr("The Keras program that trains this network with these settings, to read or copy"))
    button.clicked.connect(lambda: show_keras_code(tab))
    panel = tab.progress.parentWidget().layout()
    panel.insertWidget(panel.indexOf(tab.progress), button)
    return button
