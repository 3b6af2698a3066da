"""A number entry for values that span decades (learning rates): a spin box plus a log-scale slider.

The spin box steps along 1-2-5 (0.001, 0.002, 0.005, 0.01, ...) and shows values the short way
(``1e-05``, ``0.003``); the slider moves in tenths of a decade. Both edit the same value.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QWidget

_NICE = (1.0, 2.0, 5.0)


def nice_step(value: float, steps: int) -> float:
    """The value ``steps`` places away from ``value`` along 1, 2, 5, 10, 20, 50, ..."""
    ladder = [m * 10.0 ** e for e in range(-8, 4) for m in _NICE]
    # start from the nearest rung below (or at) the value, so 0.003 + 1 step -> 0.005
    i = max(k for k, v in enumerate(ladder) if v <= value * (1 + 1e-9)) if value >= ladder[0] else 0
    if steps < 0 and ladder[i] < value * (1 - 1e-9):
        i += 1
    return ladder[min(max(i + steps, 0), len(ladder) - 1)]


class LogSpinBox(QDoubleSpinBox):
    """A QDoubleSpinBox for positive values spanning decades; arrows step along 1-2-5."""

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(minimum, maximum)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        stripped = text.strip()
        if not stripped or stripped in (".", "-") or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.Acceptable, text, pos
        return QValidator.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        self.setValue(min(max(nice_step(self.value(), steps), self.minimum()), self.maximum()))


class LogSlider(QWidget):
    """LogSpinBox + a horizontal slider on log10 of the value, kept in step; emits value_changed."""

    value_changed = Signal(float)
    TICKS_PER_DECADE = 10

    def __init__(self, minimum: float, maximum: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.spin = LogSpinBox(minimum, maximum)
        self.slider = QSlider(Qt.Horizontal)
        self._lo = math.log10(minimum)
        self.slider.setRange(0, round((math.log10(maximum) - self._lo) * self.TICKS_PER_DECADE))
        self.slider.setPageStep(self.TICKS_PER_DECADE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.spin, 2)
        layout.addWidget(self.slider, 3)
        self.spin.valueChanged.connect(self._on_spin)
        self.slider.valueChanged.connect(self._on_slider)
        self._sync_slider(self.spin.value())

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

    def _on_spin(self, value: float) -> None:
        self._sync_slider(value)
        self.value_changed.emit(value)

    def _on_slider(self, pos: int) -> None:
        value = float(f"{10 ** (self._lo + pos / self.TICKS_PER_DECADE):.2g}")
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.value_changed.emit(self.spin.value())
