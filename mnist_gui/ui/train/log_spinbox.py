"""Number entries that keep what the user types: :class:`NumberBox` for every number field of the Train
tab's form, and :class:`LogSlider` (a NumberBox plus a log-scale slider) for the learning rate.

A NumberBox is a spin box (arrow buttons, Up/Down, PageUp/PageDown, the mouse wheel) whose text is never
corrected, clamped or dropped: ``1e6``, ``0``, ``5000`` or letters stay as typed, and the form says why
they are refused. Reading and stepping the text is ``mnist_gui.core.train_form``'s (no rules here).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QSlider, QWidget

from mnist_gui.core import train_form
from mnist_gui.core.i18n import tr
from mnist_gui.core.training_text import label

nice_step = train_form.nice_step   # the learning rate's 1-2-5 steps, where the tab's tests look for them


class NumberBox(QAbstractSpinBox):
    """The entry for form field ``name`` (a key of ``train_form.NUMBER_FIELDS``). ``value()`` is the number
    typed (ValueError if it is not one, whatever its range); ``edited`` is emitted on every change."""

    edited = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.setAccelerated(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectToPreviousValue)
        self.lineEdit().textChanged.connect(self._on_text)

    def validate(self, text: str, pos: int):
        # everything is let through: refusing keystrokes is how letters used to vanish without a word
        return QValidator.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text

    def value(self):
        return train_form.read(self.name, self.lineEdit().text())

    def setValue(self, value) -> None:  # noqa: N802 - reads like the Qt spin boxes it replaces
        self.lineEdit().setText(train_form.show(self.name, value))

    def text_value(self) -> str:
        return self.lineEdit().text()

    def stepEnabled(self):  # noqa: N802 - Qt override
        try:
            self.value()
        except ValueError:
            return QAbstractSpinBox.StepNone
        return QAbstractSpinBox.StepUpEnabled | QAbstractSpinBox.StepDownEnabled

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        try:
            value = self.value()
        except ValueError:
            return
        self.setValue(train_form.step(self.name, value, steps))
        self.selectAll()

    def sizeHint(self):  # noqa: N802 - room for the widest sensible value, e.g. a seed of 4,294,967,295
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), self.fontMetrics().horizontalAdvance("4,294,967,295") + 40))
        return hint

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setWidth(max(hint.width(), self.fontMetrics().horizontalAdvance("60,000") + 36))
        return hint

    def _on_text(self, text: str) -> None:
        self.edited.emit(text)


class LogSlider(QWidget):
    """A learning-rate NumberBox (arrows step along 1-2-5) + a horizontal slider on log10 of the value from
    ``minimum`` to ``maximum``, kept in step; emits ``value_changed`` with the text on every edit. A typed
    value beyond the slider's ends leaves the slider at its end and the text as typed."""

    value_changed = Signal(str)
    TICKS_PER_DECADE = 10

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.spin = NumberBox("learning_rate")
        self.spin.setAccessibleName(label("learning_rate"))
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setAccessibleName(tr("Learning rate, on a logarithmic slider"))
        self._lo = math.log10(minimum)
        self.slider.setRange(0, round((math.log10(maximum) - self._lo) * self.TICKS_PER_DECADE))
        self.slider.setPageStep(self.TICKS_PER_DECADE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin, 2)
        layout.addWidget(self.slider, 3)
        self.spin.edited.connect(self._on_spin)
        self.slider.valueChanged.connect(self._on_slider)

    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:  # noqa: N802 - reads like the Qt widgets beside it
        self.spin.setValue(value)

    def setToolTip(self, text: str) -> None:  # noqa: N802
        super().setToolTip(text)
        self.spin.setToolTip(text)
        self.slider.setToolTip(text)

    def _sync_slider(self, value: float) -> None:
        pos = round((math.log10(max(value, 1e-30)) - self._lo) * self.TICKS_PER_DECADE)
        self.slider.blockSignals(True)
        self.slider.setValue(pos)
        self.slider.blockSignals(False)

    def _on_spin(self, text: str) -> None:
        try:
            value = self.spin.value()
        except ValueError:
            value = None
        if value is not None and math.isfinite(value) and value > 0:
            self._sync_slider(value)
        self.value_changed.emit(text)

    def _on_slider(self, pos: int) -> None:
        self.spin.setValue(float(f"{10 ** (self._lo + pos / self.TICKS_PER_DECADE):.2g}"))
