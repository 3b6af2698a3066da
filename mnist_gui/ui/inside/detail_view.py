"""The panel that explains one clicked unit: its weights, the input it looked at, the arithmetic.

Shows a ``core.inside_explain.Explanation``: the weights and the input patch side by side (each on its
own colour scale, named under it), the arithmetic as monospaced lines, and for the answer a temperature
slider (0.1 to 10, logarithmic) whose changes it reports with ``temperature_changed``. Not here: the
arithmetic itself (``core.inside_explain``).
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QSlider, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.core.inside_pictures import colours, shared_scale, tile
from mnist_gui.ui.inside.network_view import rgb_qimage

PICTURE_SIDE = 112
HINT = QT_TR_NOOP("Click a feature map, a unit or an answer above to see why it fired.")


class DetailView(QWidget):
    temperature_changed = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(tr(HINT))
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.weights_picture, self.patch_picture = QLabel(), QLabel()
        self.weights_label, self.patch_label = QLabel(), QLabel()
        pictures = QGridLayout()
        for col, (picture, label) in enumerate([(self.weights_picture, self.weights_label),
                                                (self.patch_picture, self.patch_label)]):
            picture.setFixedSize(PICTURE_SIDE, PICTURE_SIDE)
            picture.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            label.setFixedWidth(PICTURE_SIDE + 10)
            label.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
            # room for three wrapped lines: a short pane squeezes the picture, never the words over it
            label.setMinimumHeight(3 * label.fontMetrics().lineSpacing())
            pictures.addWidget(picture, 0, col)
            pictures.addWidget(label, 1, col)
        self.arithmetic = QPlainTextEdit(readOnly=True)
        self.arithmetic.setAccessibleName(tr("What the selected unit computes"))
        self.arithmetic.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.arithmetic.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.temperature = QSlider(Qt.Horizontal, minimum=-50, maximum=50, value=0)
        self.temperature.setAccessibleName(tr("Softmax temperature"))
        self.temperature_text = QLabel()
        self.temperature.valueChanged.connect(self._on_temperature)
        self.temperature_row = QWidget()
        row = QHBoxLayout(self.temperature_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Softmax temperature T:")))
        row.addWidget(self.temperature, 1)
        row.addWidget(self.temperature_text)
        self._on_temperature(0, emit=False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addLayout(pictures)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.temperature_row)
        right.addWidget(self.arithmetic, 1)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        # the layout's own minimum leaves out the title's second line: a short pane then slid the pictures over
        # their words; this is the height two title lines, the pictures and three lines under them take
        spacing = max(left.spacing(), 0) + max(pictures.spacing(), 0)
        self.setMinimumHeight(8 + 2 * self.title.fontMetrics().lineSpacing() + PICTURE_SIDE
                              + 3 * self.weights_label.fontMetrics().lineSpacing() + 2 * spacing)
        self.show_hint()

    def temperature_value(self) -> float:
        return 10 ** (self.temperature.value() / 50.0)

    def set_temperature(self, value: float) -> None:
        """Move the slider to temperature ``value`` (clamped to 0.1 .. 10)."""
        self.temperature.setValue(int(round(50 * math.log10(min(max(value, 0.1), 10.0)))))

    def _on_temperature(self, _position: int, emit: bool = True) -> None:
        self.temperature_text.setText(number(self.temperature_value(), ".2f"))
        if emit:
            self.temperature_changed.emit(self.temperature_value())

    def show_hint(self, text: str = HINT) -> None:
        """Say ``text`` (an English source text, translated here; "" for nothing) instead of an explanation."""
        self.title.setText(tr(text) if text else "")
        self.arithmetic.setPlainText("")
        for widget in (self.weights_picture, self.patch_picture):
            widget.clear()
        self.weights_label.setText("")
        self.patch_label.setText("")
        self.temperature_row.setVisible(False)

    def show_explanation(self, e, is_answer: bool = False) -> None:
        self.title.setText(tr("{title}: output {value:.4g}").format(title=e.title, value=e.value))
        self._picture(self.weights_picture, self.weights_label, e.weights, e.weights_label)
        self._picture(self.patch_picture, self.patch_label, e.patch, e.patch_label)
        self.arithmetic.setPlainText("\n".join(e.lines))
        self.temperature_row.setVisible(is_answer)

    def _picture(self, widget: QLabel, label: QLabel, array, words: str) -> None:
        if array is None:
            widget.clear()
            label.setText("")
            return
        a = np.asarray(array, np.float32)
        if a.ndim == 3:
            a = tile(a) if a.shape[2] > 1 else a[:, :, 0]
        scale = shared_scale(a)
        image = rgb_qimage(colours(a, scale))
        widget.setPixmap(QPixmap.fromImage(image).scaled(PICTURE_SIDE, PICTURE_SIDE, Qt.KeepAspectRatio,
                                                         Qt.FastTransformation))
        label.setText(tr("{what}\n(scale ±{scale:.3g})").format(what=words, scale=scale))
