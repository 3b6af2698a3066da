"""An inline message strip (info, warning, error) with a close button: a message box that does not block.

Used where a dialog would interrupt, e.g. "the loss became NaN, the weights were restored". Its text
stays readable in light and dark palettes because only the tint and the border are coloured.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from mnist_gui.core.i18n import tr

_TINTS = {"info": (42, 130, 218), "warning": (230, 160, 20), "error": (214, 69, 69)}
_ICONS = {"info": "ℹ", "warning": "⚠", "error": "✖"}


class Banner(QFrame):
    """Hidden until ``show_message(kind, text)``; the user closes it, or ``clear()`` does."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.kind = ""
        self.icon = QLabel()
        self.label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)
        self.close_button = QToolButton(text="✕", autoRaise=True)
        self.close_button.setToolTip(tr("Hide this message"))
        self.close_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 4, 6)
        layout.addWidget(self.icon, 0, Qt.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        if kind not in _TINTS:
            raise ValueError(f"unknown banner kind: {kind!r} (expected info, warning or error)")
        r, g, b = _TINTS[kind]
        self.kind = kind
        self.setStyleSheet(f"#banner {{ background: rgba({r}, {g}, {b}, 45); border: 1px solid rgb({r}, {g}, {b});"
                           f" border-radius: 4px; }}")
        self.icon.setText(_ICONS[kind])
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text()

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()
