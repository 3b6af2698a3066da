"""What the pad shows over the drawing: each digit's box and answer, the crop of an opened picture, and
the occlusion map of the digit shown ("which pixels mattered"), carried back from the 28x28 input.

``Overlay`` keeps them, and the rectangle being dragged, in canvas units (the 280 x 280 square of
``ink_canvas``); ``paint_overlay`` paints them at the widget's size, so they follow resizes. Outside the
crop the picture is dimmed: what is dimmed is not read.

``PadDecorations`` is the pad's side of them: the public methods ``DrawingPad`` offers for the crop, the marks
and the colours (a mixin of ``DrawingPad``, which has ``_overlay``, ``_crop_mode``, ``crop_changed`` and the
canvas-to-widget mapping).

Not here: the drawing itself (``ink_canvas``), the mouse events (``pad``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from mnist_gui.ui.draw.preprocess_view import heat_to_qimage
from mnist_gui.ui.widgets.qimages import qimage_to_rgba

BOX_COLOR = QColor(255, 170, 40)
CROP_COLOR = QColor(120, 200, 255)
DIM = QColor(0, 0, 0, 150)
MIN_CROP = 8.0  # canvas units: a smaller drag is a click, which removes the crop


class Overlay:
    """The crop (None: read everything), the rectangle being dragged, and the digits' marks."""

    def __init__(self, canvas: float):
        self.canvas = canvas
        self.crop: QRectF | None = None
        self.band: QRectF | None = None
        self._band_start: tuple[float, float] | None = None
        self.marks: list[tuple[QRectF, str]] = []
        self.heat: tuple[QImage, QRectF] | None = None  # the map's colours and where they go (canvas units)

    def set_heat(self, heat, rect: QRectF | None) -> bool:
        """Colour ``rect`` (canvas units) by ``heat`` ((h, w) in [-1, 1]: red for, blue against); None
        removes it. Whether anything changed."""
        if heat is None or rect is None:
            changed, self.heat = self.heat is not None, None
            return changed
        # white ink under the colours washes weak evidence out: a square root keeps it visible
        heat = np.sign(heat) * np.sqrt(np.abs(heat))
        self.heat = (heat_to_qimage(heat), QRectF(rect))
        return True

    def set_crop(self, rect: QRectF | None) -> bool:
        """Crop to ``rect`` (a tiny one is a click: no crop); whether the crop changed."""
        if rect is not None:
            rect = rect.intersected(QRectF(0, 0, self.canvas, self.canvas))
            if rect.width() < MIN_CROP or rect.height() < MIN_CROP:
                rect = None
        changed = rect != self.crop
        self.crop = rect
        return changed

    def dragging(self) -> bool:
        return self._band_start is not None

    def drag(self, point: tuple[float, float], start: bool = False) -> None:
        if start:
            self._band_start = point
        self.band = normalised(self._band_start, point, self.canvas)

    def end_drag(self, point: tuple[float, float]) -> QRectF:
        band = normalised(self._band_start, point, self.canvas)
        self._band_start = self.band = None
        return band

    def set_marks(self, marks, square: QRectF) -> QRectF:
        """Show ``marks``, (canvas QRectF, label) pairs; the widget area to repaint (empty: no change)."""
        marks = [(QRectF(r), str(t)) for r, t in marks]
        if marks == self.marks:
            return QRectF()
        area = dirty_rect(square, self.canvas, self.marks).united(dirty_rect(square, self.canvas, marks))
        self.marks = marks
        return area

    def paint(self, painter: QPainter, square: QRectF) -> None:
        if self.heat is not None:
            image, rect = self.heat
            painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(to_widget(rect, square, self.canvas), image)
        paint_overlay(painter, square, self.canvas, self.marks, self.crop, self.band)


def to_widget(box: QRectF, square: QRectF, canvas: float) -> QRectF:
    k = square.width() / canvas
    return QRectF(square.x() + box.x() * k, square.y() + box.y() * k, box.width() * k, box.height() * k)


def normalised(a: tuple[float, float], b: tuple[float, float], canvas: float) -> QRectF:
    """The rectangle between two canvas points, inside the canvas."""
    x0, x1 = sorted((min(max(a[0], 0.0), canvas), min(max(b[0], 0.0), canvas)))
    y0, y1 = sorted((min(max(a[1], 0.0), canvas), min(max(b[1], 0.0), canvas)))
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def paint_overlay(painter: QPainter, square: QRectF, canvas: float, marks, crop: QRectF | None,
                  band: QRectF | None) -> None:
    """Dim outside ``crop``, outline it (or the ``band`` being dragged), and box each of ``marks``
    ((canvas rectangle, label) pairs) with its label above it."""
    painter.setRenderHint(QPainter.Antialiasing)
    if crop is not None:
        outside = QPainterPath()
        outside.addRect(square)
        inside = QPainterPath()
        inside.addRect(to_widget(crop, square, canvas))
        painter.fillPath(outside.subtracted(inside), DIM)
    for rect, dashed in ((crop, False), (band, True)):
        if rect is not None:
            pen = QPen(CROP_COLOR, 1.5, Qt.DashLine if dashed else Qt.SolidLine)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(to_widget(rect, square, canvas))
    if not marks:
        return
    font = QFont(painter.font())
    font.setPointSizeF(9)
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for rect, label in marks:
        box = to_widget(rect, square, canvas).adjusted(-3, -3, 3, 3)
        painter.setPen(QPen(BOX_COLOR, 1.5))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(box)
        tag = QRectF(box.x(), box.y() - 16, max(box.width(), metrics.horizontalAdvance(f" {label} ")), 15)
        if tag.y() < square.y():
            tag.moveTop(box.bottom() + 1)
        painter.fillRect(tag, QColor(0, 0, 0, 170))
        painter.setPen(BOX_COLOR)
        painter.drawText(tag, Qt.AlignLeft | Qt.AlignVCenter, f" {label}")


def dirty_rect(square: QRectF, canvas: float, marks) -> QRectF:
    """The widget area the ``marks`` cover, labels included (for a partial repaint)."""
    area = QRectF()
    for rect, _ in marks:
        box = to_widget(rect, square, canvas).adjusted(-5, -20, 60, 20)
        area = area.united(box)
    return area


class PadDecorations:
    """The crop, marks and colours of the drawing pad (see the module docstring)."""


    def set_crop_mode(self, on: bool) -> None:
        """While on (and over a picture), dragging chooses what is read instead of drawing."""
        self._crop_mode = bool(on)

    def crop_mode(self) -> bool:
        return self._crop_mode and self.has_picture()

    def crop(self) -> QRectF | None:
        """The part of the canvas to read, in canvas units (0-280), or None for all of it."""
        crop = self._overlay.crop
        return None if crop is None else QRectF(crop)

    def set_crop(self, rect: QRectF | None) -> None:
        """Read only ``rect`` (canvas units) of an opened picture; None, or no picture, reads everything."""
        self._set_crop(rect if self.has_picture() else None)

    def _set_crop(self, rect: QRectF | None, notify: bool = True) -> None:
        if self._overlay.set_crop(rect):
            self.update()
            if notify:
                self.crop_changed.emit()

    def set_marks(self, marks) -> None:
        """Box each of ``marks``, (canvas QRectF, label) pairs, over the drawing ([] for none)."""
        area = self._overlay.set_marks(marks, self._square())
        if not area.isEmpty():
            self.update(area.toAlignedRect())

    def marks(self) -> list[tuple[QRectF, str]]:
        return list(self._overlay.marks)

    def set_heat(self, heat: np.ndarray | None, rect: QRectF | None = None) -> None:
        """Colour ``rect`` (canvas units) by ``heat`` ((h, w) in [-1, 1], see ``core.saliency``); None
        removes the colours (no repaint when there were none, so a stroke pays nothing for it)."""
        old = self._overlay.heat
        if self._overlay.set_heat(heat, rect):
            for shown in (old, self._overlay.heat):  # only where the colours were and are
                if shown is not None:
                    self.update(self._canvas_to_widget_rect(shown[1]))

    def heat(self) -> tuple[np.ndarray, QRectF] | None:
        """(The colours shown, RGBA (h, w, 4) uint8, and their canvas rectangle), or None."""
        if self._overlay.heat is None:
            return None
        image, rect = self._overlay.heat
        return qimage_to_rgba(image), QRectF(rect)
