"""A small bar chart painted with QPainter: probabilities per class, images per class, a histogram.

It follows the widget's palette (light or dark) by painting with palette colours, answers hover with
a tooltip naming the bar and its value, and shows a message instead of bars when there is nothing to
plot (for instance no model, so no probabilities). The value above each bar never overlaps another: when
the numbers are wider than their bars they get a smaller font, then only every other one (or fewer) is
written, the tooltip naming them all (``value_labels``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mnist_gui.core.i18n import local


class BarChart(QWidget):
    """Bars for ``values`` (n,), with optional per-bar colours and tick labels.

    value_format formats a value for annotations, the y axis and tooltips (e.g. "{:.0%}" or "{:,.0f}").
    y_max fixes the top of the axis (1.0 for probabilities); None scales to the largest value.
    """

    def __init__(self, title: str = "", value_format: str = "{:,.0f}", y_max: float | None = None,
                 parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(True)
        self.title = title
        self.value_format = value_format
        self.y_max = y_max
        self.annotate = True
        self._values = np.zeros(0)
        self._colors: list[QColor | None] = []
        self._ticks: dict[int, str] = {}
        self._names: list[str] = []
        self._message = ""

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 110)

    def set_data(self, values, colors=None, ticks: dict[int, str] | None = None,
                 names: list[str] | None = None) -> None:
        """values (n,); colors: n QColors or Nones (None = the neutral colour); ticks: {bar: text};
        names: a name per bar for tooltips (defaults to the tick or the bar number)."""
        self._values = np.asarray(values, dtype=np.float64).ravel()
        n = len(self._values)
        self._colors = list(colors) if colors is not None else [None] * n
        self._ticks = dict(ticks) if ticks is not None else {i: str(i) for i in range(n)}
        self._names = list(names) if names is not None else [self._ticks.get(i, str(i)) for i in range(n)]
        self._message = ""
        self.setAccessibleDescription(", ".join(
            f"{name}: {local(self.value_format).format(v)}" for name, v in zip(self._names, self._values)))
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of bars."""
        self._values = np.zeros(0)
        self._message = text
        self.setAccessibleDescription(text)
        self.update()

    def values(self) -> np.ndarray:
        return self._values.copy()

    def message(self) -> str:
        return self._message

    # ---- geometry ----

    def _plot_rect(self) -> QRectF:
        fm = QFontMetrics(self.font())
        top = fm.height() + 6 if self.title else 6
        if self.annotate:
            top += fm.height()
        left = fm.horizontalAdvance(self._axis_text(self._top_value())) + 8
        right = fm.horizontalAdvance("000") // 2 + 4
        return QRectF(left, top, max(1.0, self.width() - left - right),
                      max(1.0, self.height() - top - fm.height() - 6))

    def _top_value(self) -> float:
        if self.y_max is not None:
            return self.y_max
        return float(self._values.max()) if len(self._values) and self._values.max() > 0 else 1.0

    def _axis_text(self, value: float) -> str:
        return local(self.value_format).format(value)

    def bar_at(self, x: float) -> int:
        """The bar under horizontal widget position x, or -1."""
        n = len(self._values)
        rect = self._plot_rect()
        if n == 0 or not rect.left() <= x < rect.right():
            return -1
        return min(n - 1, int((x - rect.left()) / rect.width() * n))

    def value_labels(self) -> tuple[QFont, list[tuple[QRectF, str]]]:
        """The font of the numbers above the bars and where each one written goes: (rectangle, text), no two
        rectangles overlapping. Values too small to see get no number; when the numbers are wider than a bar,
        a smaller font (down to 70 %), then left to right only those clear of the one before."""
        n = len(self._values)
        font = QFont(self.font())
        if not self.annotate or n == 0 or self._message:
            return font, []
        rect = self._plot_rect()
        top_value = self._top_value()
        step = rect.width() / n
        heights = np.clip(self._values / top_value, 0, 1) * rect.height()
        shown = [i for i in range(n) if self._values[i] >= 0.01 * top_value]
        texts = {i: local(self.value_format).format(self._values[i]) for i in shown}
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        for share in (0.85, 0.78, 0.7):
            font.setPointSizeF(max(6.0, size * share))
            fm = QFontMetricsF(font)
            if all(fm.horizontalAdvance(t) + 2 <= step for t in texts.values()):
                break
        fm = QFontMetricsF(font)
        axis_h = QFontMetricsF(self.font()).height()
        taken = [QRectF(0, y - axis_h / 2, rect.left() - 4, axis_h) for y in (rect.top(), rect.bottom())]
        placed: list[tuple[QRectF, str]] = []
        for i in shown:
            width = fm.horizontalAdvance(texts[i]) + 2
            centre = rect.left() + (i + 0.5) * step
            box = QRectF(centre - width / 2, rect.bottom() - heights[i] - fm.height(), width, fm.height())
            if box.left() < 0 or box.right() > self.width():
                continue
            if any(r.intersects(box.adjusted(-2, 0, 2, 0)) for r in taken):
                continue
            taken.append(box)
            placed.append((box, texts[i]))
        return font, placed

    # ---- events ----

    def mouseMoveEvent(self, event) -> None:
        i = self.bar_at(event.position().x())
        if i >= 0:
            text = f"{self._names[i]}: {local(self.value_format).format(self._values[i])}"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        text = pal.color(QPalette.WindowText)
        faint = pal.color(QPalette.PlaceholderText)
        fm = QFontMetrics(self.font())
        if self.title:
            p.setPen(text)
            p.drawText(QRectF(0, 0, self.width(), fm.height() + 4), Qt.AlignHCenter | Qt.AlignTop, self.title)
        if self._message or not len(self._values):
            p.setPen(faint)
            p.drawText(QRectF(8, 0, self.width() - 16, self.height()), Qt.AlignCenter | Qt.TextWordWrap,
                       self._message)
            return
        rect = self._plot_rect()
        top_value = self._top_value()
        p.setPen(faint)
        p.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        for value, y in ((0.0, rect.bottom()), (top_value, rect.top())):
            p.drawText(QRectF(0, y - fm.height() / 2, rect.left() - 4, fm.height()),
                       Qt.AlignRight | Qt.AlignVCenter, self._axis_text(value))
        n = len(self._values)
        step = rect.width() / n
        gap = step * 0.18 if step >= 4 else 0.0
        neutral = pal.color(QPalette.Mid) if pal.color(QPalette.Base).lightness() >= 128 else QColor(120, 120, 128)
        heights = np.clip(self._values / top_value, 0, 1) * rect.height()
        for i in range(n):
            x = rect.left() + i * step
            p.fillRect(QRectF(x + gap / 2, rect.bottom() - heights[i], max(step - gap, 1.0), heights[i]),
                       self._colors[i] or neutral)
        font, placed = self.value_labels()
        p.setFont(font)
        p.setPen(text)
        for label_rect, label in placed:
            p.drawText(label_rect, Qt.AlignCenter, label)
        p.setFont(self.font())
        for i, label in self._ticks.items():
            x = rect.left() + (i + 0.5) * step
            width = max(step, fm.horizontalAdvance(label) + 4)
            p.drawText(QRectF(x - width / 2, rect.bottom() + 2, width, fm.height()), Qt.AlignCenter, label)
