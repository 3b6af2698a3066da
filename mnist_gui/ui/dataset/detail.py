"""One image up close: its pixels (with values on hover), label, index, and the model's probabilities.

:class:`PixelView` paints the 28x28 image large with nearest-neighbour squares and reports the pixel
under the mouse; :class:`ImageDetail` puts it together with the facts about the image, a bar chart of
the ten probabilities (the true class in the right colour, a wrong guess in the wrong one, ``ui.accessibility``) and a "Send to Draw tab" button.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.widgets.bar_chart import BarChart
from mnist_gui.ui.accessibility import verdict_colors, verdict_word
from mnist_gui.ui.widgets.qimages import gray_to_qimage

# English source texts, translated where shown (tr(NO_MODEL_TEXT)); other modules import them
HOVER_HINT = QT_TR_NOOP("Hover over the image to read pixel values (0 = black, 255 = white).")
NO_MODEL_TEXT = QT_TR_NOOP("No model yet: load or train one to see what the network thinks of this image.")
COMPUTING_TEXT = QT_TR_NOOP("Working out what the network thinks of this image…")


class PixelView(QWidget):
    """A uint8 image drawn as big square pixels; ``hovered(row, column)`` (-1, -1 when outside)."""

    hovered = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(112, 112)     # 4 screen pixels an image pixel: a 640-pixel-high screen fits the panel
        self._image: np.ndarray | None = None
        self._qimage = None
        self._hover = (-1, -1)

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def set_image(self, image: np.ndarray | None) -> None:
        self._image = None if image is None else np.asarray(image, dtype=np.uint8)
        self._qimage = None if image is None else gray_to_qimage(self._image)
        self.update()

    def image(self) -> np.ndarray | None:
        return self._image

    def image_rect(self) -> QRect:
        """Where the image is drawn: the largest whole-pixel multiple that fits, centred."""
        if self._image is None:
            return QRect()
        h, w = self._image.shape
        scale = max(1, min(self.width() // w, self.height() // h))
        return QRect((self.width() - w * scale) // 2, (self.height() - h * scale) // 2, w * scale, h * scale)

    def pixel_at(self, x: float, y: float) -> tuple[int, int]:
        rect = self.image_rect()
        if self._image is None or not rect.contains(int(x), int(y)):
            return -1, -1
        h, w = self._image.shape
        return int((y - rect.y()) * h // rect.height()), int((x - rect.x()) * w // rect.width())

    def mouseMoveEvent(self, event) -> None:
        self._set_hover(self.pixel_at(event.position().x(), event.position().y()))

    def leaveEvent(self, event) -> None:
        self._set_hover((-1, -1))

    def _set_hover(self, hover: tuple[int, int]) -> None:
        if hover != self._hover:
            self._hover = hover
            self.hovered.emit(*hover)
            self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        if self._qimage is None:
            p.setPen(self.palette().color(QPalette.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignCenter, tr("Select an image"))
            return
        rect = self.image_rect()
        p.drawImage(rect, self._qimage)
        row, col = self._hover
        if row >= 0:
            side = rect.width() // self._image.shape[1]
            p.setPen(QPen(self.palette().color(QPalette.Highlight), 2))
            p.drawRect(rect.x() + col * side, rect.y() + row * side, side, side)


class ImageDetail(QWidget):
    """The detail panel. ``send_requested`` when the person asks to send the image to the Draw tab."""

    send_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel(tr("No image selected"))
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.title.setWordWrap(True)   # a long title ("Image #12,345 of the my digits split") wraps, never cut
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.pixels = PixelView()
        self.readout = QLabel(tr(HOVER_HINT))
        self.readout.setWordWrap(True)
        self.label_text = QLabel("")
        self.prediction_text = QLabel("")
        self.prediction_text.setWordWrap(True)
        self.chart = BarChart(tr("Probability for each class"), value_format="{:.0%}", y_max=1.0)
        self.chart.set_message(tr(NO_MODEL_TEXT))
        self.send_button = QPushButton(tr("Send to Draw tab"))
        self.send_button.setToolTip(tr("Put this image on the drawing pad of the Draw tab (Enter in the grid)."))
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.title, self.pixels, self.readout, self.label_text, self.prediction_text):
            layout.addWidget(widget)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.send_button)
        self.chart.setMinimumHeight(110)    # with the rest of the panel, inside a 1024×640 screen's window
        self.setMinimumWidth(300)
        # room for the wrapped lines at the panel's narrowest, or a short window squeezes the chart over them
        for label, lines in ((self.readout, 3), (self.prediction_text, 2)):
            label.setMinimumHeight(lines * label.fontMetrics().lineSpacing())
        self.pixels.hovered.connect(self._on_hovered)

        self._index = -1
        self._label = -1
        self._probs: np.ndarray | None = None
        self._class_names: list[str] = []

    # ---- state ----

    def show_image(self, index: int, split_name: str, image: np.ndarray, label: int,
                   class_names: list[str], probs: np.ndarray | None, note: str = NO_MODEL_TEXT) -> None:
        """Show image ``index`` of the split; probs (C,), or None and ``note`` says why (no model yet, or
        the answers are being computed; an English source text is translated here)."""
        self._index, self._label, self._class_names = int(index), int(label), list(class_names)
        self.title.setText(tr("Image #{index:,} of the {split} split").format(index=index, split=split_name))
        self.pixels.set_image(image)
        name = class_names[label] if label < len(class_names) else ""
        self.label_text.setText(tr("Label: <b>{label}</b> ({name})").format(label=label, name=name) if name
                                else tr("Label: <b>{label}</b>").format(label=label))
        self.send_button.setEnabled(True)
        self.set_probabilities(probs, note)
        self._on_hovered(-1, -1)

    def set_probabilities(self, probs: np.ndarray | None, note: str = NO_MODEL_TEXT) -> None:
        self._probs = None if probs is None else np.asarray(probs, dtype=np.float32).copy()
        if self._probs is None or self._index < 0:
            self.prediction_text.setText("")
            self.chart.set_message(tr(note))  # a constant's source text, or a message already in words
            return
        right, wrong = verdict_colors(self.palette())
        guess = int(np.argmax(self._probs))
        ok = guess == self._label
        color = (right if ok else wrong).name()
        verdict = verdict_word(ok)
        self.prediction_text.setText(tr(
            "Predicted: <b style='color:{color}'>{digit}</b> with {share:.1%} (<span style='color:{color}'>"
            "{verdict}</span>)").format(color=color, digit=guess, share=self._probs[guess], verdict=verdict))
        colors: list[QColor | None] = [None] * len(self._probs)
        colors[guess] = wrong
        if self._label < len(colors):
            colors[self._label] = right
        names = [f"{k} ({n})" if k < len(self._class_names) else str(k)
                 for k, n in enumerate(self._class_names or [""] * len(self._probs))]
        self.chart.set_data(self._probs, colors=colors, names=names)

    def clear(self) -> None:
        self._index, self._label, self._probs = -1, -1, None
        self.title.setText(tr("No image selected"))
        self.pixels.set_image(None)
        self.label_text.setText("")
        self.prediction_text.setText("")
        self.chart.set_message(tr("No image selected"))   # nothing to answer (an empty filter or My digits)
        self.send_button.setEnabled(False)

    def shown_index(self) -> int:
        return self._index

    def shown_label(self) -> int:
        return self._label

    def shown_probabilities(self) -> np.ndarray | None:
        return None if self._probs is None else self._probs.copy()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._probs is not None:
            self.set_probabilities(self._probs)

    def _on_hovered(self, row: int, col: int) -> None:
        image = self.pixels.image()
        if row < 0 or image is None:
            self.readout.setText(tr(HOVER_HINT))
        else:
            self.readout.setText(tr("Pixel at row {row}, column {column}: <b>{value}</b> of 255").format(
                row=row, column=col, value=int(image[row, col])))
