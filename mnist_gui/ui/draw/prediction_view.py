"""The network's answer: the top digit large with its probability, and a bar for each of the ten classes.

One widget painting itself with QPainter: redrawing it after every throttled update costs well under a
millisecond, and it follows the palette (light or dark). With nothing drawn it shows no prediction at all,
only "Draw a digit", so an empty canvas never looks like a confident "5"; without a model it says so.
For several digits (``show_number``) the headline is the whole number and the bars are those of one digit,
the one the network is least sure of, which says where the reading may be wrong.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr

EMPTY_TEXT = QT_TR_NOOP("Draw a digit")
NO_MODEL_TEXT = QT_TR_NOOP("No model loaded")
NO_MODEL_HINT = QT_TR_NOOP("Train one in the Training tab, or open a saved one.")
EMPTY_HINT = QT_TR_NOOP("The network's guess appears here as you draw.")


class PredictionView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.setMinimumWidth(240)
        self._probs: np.ndarray | None = None
        self._number = ""  # the whole number when several digits are read
        self._number_hint = ""
        self._text, self._hint = tr(EMPTY_TEXT), tr(EMPTY_HINT)
        self._static: QPixmap | None = None
        self._fonts: dict[str, QFont] | None = None
        self.setAccessibleName(tr("Prediction"))

    # ---- state ----

    def show_probabilities(self, probs: np.ndarray) -> None:
        self._probs = np.asarray(probs, dtype=np.float32).ravel()
        self._text = self._hint = self._number = ""
        top = self.top()
        self.setAccessibleDescription(tr("The network says {digit} with probability {p:.0%}. {bars}").format(
            digit=top[0], p=top[1], bars=bars_in_words(self._probs)))
        self.update()

    def show_number(self, text: str, probs: np.ndarray, focus: int) -> None:
        """Several digits: the whole number ``text``, and the bars of digit ``focus`` (0-based)."""
        self._probs = np.asarray(probs, dtype=np.float32).ravel()
        self._text = self._hint = ""
        self._number = text
        top = self.top()
        nth = _ordinal(focus + 1)
        self._number_hint = tr("{count} digits · bars: the {nth}, the least sure ({p})").format(
            count=len(text), nth=nth, p=percent(top[1]))
        self.setAccessibleDescription(tr("The network reads {number}; it is least sure of the {nth} digit, {digit} "
                                         "with probability {p:.0%}. {bars}").format(
            number=text, nth=nth, digit=top[0], p=top[1], bars=bars_in_words(self._probs)))
        self.update()

    def show_problem(self, text: str, hint: str) -> None:
        """Ink the network cannot read as a number (too many marks): say why instead of answering."""
        self._show_message(text, hint)
    def show_empty(self) -> None:
        self._show_message(tr(EMPTY_TEXT), tr(EMPTY_HINT))

    def show_no_model(self) -> None:
        self._show_message(tr(NO_MODEL_TEXT), tr(NO_MODEL_HINT))

    def _show_message(self, text: str, hint: str) -> None:
        self._probs = None
        self._number = ""
        self._text, self._hint = text, hint
        self.setAccessibleDescription(text)
        self.update()

    def top(self) -> tuple[int, float] | None:
        """(class, probability) of the shown prediction, or None when no prediction is shown."""
        if self._probs is None:
            return None
        k = int(np.argmax(self._probs))
        return k, float(self._probs[k])

    def probabilities(self) -> np.ndarray | None:
        return None if self._probs is None else self._probs.copy()

    def message(self) -> str:
        """The text shown instead of a prediction ("" while a prediction is shown)."""
        return self._text

    def number(self) -> str:
        """The whole number shown ("" unless several digits are read)."""
        return self._number

    # ---- painting ----
    # Painting runs after every throttled update, so the parts that never change (the axis and the class
    # labels) are drawn once into a pixmap, and fonts and flags are made once: Python-side overhead, not
    # Qt's drawing, was most of the cost.

    def sizeHint(self) -> QSize:
        return QSize(300, 215)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 215)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.PaletteChange, QEvent.FontChange, QEvent.StyleChange):
            self._static = None
            self._fonts = None
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._static = None
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        if self._fonts is None:
            self._fonts = {name: _font(self, size, bold) for name, (size, bold) in _FONTS.items()}
        if self._static is None:
            self._static = self._paint_static()
        f = self._fonts
        pal = self.palette()
        text_color, faint = pal.windowText().color(), pal.placeholderText().color()
        w = self.width()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._static)
        p.setRenderHint(QPainter.TextAntialiasing)
        if self._probs is None:
            head = QRectF(0, 0, w, 96)
            p.setPen(text_color)
            p.setFont(f["title"])
            p.drawText(head.adjusted(0, 8, 0, -34), _CENTER, self._text)
            p.setPen(faint)
            p.setFont(f["small"])
            p.drawText(head.adjusted(0, 58, 0, 0), _TOP_CENTER_WRAP, self._hint)
            p.end()
            return
        k, prob = self.top()
        accent = pal.highlight().color()
        if self._number:
            number_font = QFont(f["digit"])
            number_font.setPointSizeF(min(56.0, max(14.0, 56.0 * 6 / max(len(self._number), 6))))
            p.setPen(accent)
            p.setFont(number_font)
            p.drawText(QRectF(4, 0, w - 8, 70), _CENTER, self._number)
            p.setPen(faint)
            p.setFont(f["small"])
            p.drawText(QRectF(4, 68, w - 8, 22), _CENTER, self._number_hint)
        else:
            p.setPen(accent)
            p.setFont(f["digit"])
            p.drawText(QRectF(w / 2 - 110, 0, 90, 92), _RIGHT_MIDDLE, str(k))
            p.setPen(text_color)
            p.setFont(f["percent"])
            p.drawText(QRectF(w / 2 - 8, 14, 130, 36), _LEFT_BOTTOM, percent(prob))
            p.setPen(faint)
            p.setFont(f["small"])
            p.drawText(QRectF(w / 2 - 8, 52, 130, 24), _LEFT_TOP, tr("sure"))

        g = self._bar_geometry()
        rest = QColor(text_color)
        rest.setAlphaF(0.45)
        p.setFont(f["value"])
        for i, prob_i in enumerate(self._probs.tolist()):
            x = g.left + g.slot * i + (g.slot - g.bar_w) / 2
            bar_h = max(prob_i * g.full, 1.0)
            p.fillRect(QRectF(x, g.base_y - bar_h, g.bar_w, bar_h), accent if i == k else rest)
            if prob_i >= 0.05:
                p.setPen(text_color if i == k else faint)
                p.drawText(QRectF(x - 10, g.base_y - bar_h - _VALUE_H, g.bar_w + 20, _VALUE_H), _BOTTOM_CENTER,
                           percent(prob_i))
        x = g.left + g.slot * k + (g.slot - g.bar_w) / 2
        label_box = QRectF(x - 6, g.base_y + 2, g.bar_w + 12, _LABEL_H - 2)
        p.fillRect(label_box, pal.window())  # the bold label of the winner covers the faint one
        p.setPen(text_color)
        p.setFont(f["label_bold"])
        p.drawText(label_box, _TOP_CENTER, str(k))
        p.end()

    def _bar_geometry(self) -> "_Bars":
        area = QRectF(8, 92, self.width() - 16, self.height() - 96)
        slot = area.width() / 10
        bar_w = min(slot * 0.7, 28)
        base_y = area.bottom() - _LABEL_H
        return _Bars(area.left(), area.right(), slot, bar_w, base_y, base_y - area.top() - _VALUE_H)

    def _paint_static(self) -> QPixmap:
        """The window background, the axis and the class labels, at the device's pixel ratio."""
        dpr = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * dpr)
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(self.palette().window().color())
        g = self._bar_geometry()
        p = QPainter(pixmap)
        p.setPen(self.palette().placeholderText().color())
        p.drawLine(int(g.left), int(g.base_y), int(g.right), int(g.base_y))
        p.setFont(self._fonts["label"])
        for i in range(10):
            x = g.left + g.slot * i + (g.slot - g.bar_w) / 2
            p.drawText(QRectF(x - 6, g.base_y + 2, g.bar_w + 12, _LABEL_H - 2), _TOP_CENTER, str(i))
        p.end()
        return pixmap


class _Bars(NamedTuple):
    left: float
    right: float
    slot: float
    bar_w: float
    base_y: float
    full: float  # height of a bar at probability 1


_FONTS = {"title": (20, True), "small": (10, False), "digit": (56, True), "percent": (22, True),
          "label": (10, False), "label_bold": (10, True), "value": (8, False)}
_LABEL_H, _VALUE_H = 18, 16
_CENTER = Qt.AlignCenter
_TOP_CENTER = Qt.AlignHCenter | Qt.AlignTop
_TOP_CENTER_WRAP = Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap
_BOTTOM_CENTER = Qt.AlignHCenter | Qt.AlignBottom
_RIGHT_MIDDLE = Qt.AlignRight | Qt.AlignVCenter
_LEFT_BOTTOM = Qt.AlignLeft | Qt.AlignBottom
_LEFT_TOP = Qt.AlignLeft | Qt.AlignTop


def bars_in_words(probs: np.ndarray, shown: int = 3) -> str:
    """The bars for a screen reader, likeliest first: "Bars: 7: 98%, 1: 1%, 2: < 1%"."""
    order = np.argsort(-probs, kind="stable")[:shown]
    return tr("Bars: {bars}").format(bars=", ".join(f"{int(k)}: {percent(float(probs[k]))}" for k in order))


def percent(prob: float) -> str:
    if prob >= 0.995:
        return "> 99%" if prob < 1 else "100%"
    return number(prob, ".0%") if prob >= 0.01 else "< 1%"


def _ordinal(n: int) -> str:
    """"1st", "2nd", "3rd", "4th", "11th", "21st" (in German each is "{n}.")."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    text = {"st": tr("{n}st", "ordinal"), "nd": tr("{n}nd", "ordinal"), "rd": tr("{n}rd", "ordinal")}.get(suffix)
    return (text or tr("{n}th", "ordinal")).format(n=n)


def _font(widget: QWidget, points: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font
