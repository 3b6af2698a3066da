"""The drawing itself, apart from any widget: strokes and pictures with undo/redo, painted into a QImage.

Strokes are kept as point lists in *canvas units* (a 280 x 280 square, ten times MNIST's 28) and painted
into a grayscale ``QImage`` of any resolution, so the pad can re-render sharply at its physical pixel size
after a resize or a move to a high-DPI screen. Ink is bright on black, the way MNIST stores digits. Each
edit (a stroke, a loaded picture, a clear) is one step of the history; undo re-renders from the last
picture or clear. Painting uses QPainter (anti-aliased, round caps and joins), which needs no widget.

Every stroke is painted twice: at the display resolution (RGB32, the format the screen's backing store
uses, so showing it is a plain copy) and into a grayscale PIPELINE_SIDE copy for ``to_mnist``. Painting a
segment costs well under a millisecond, while scaling a 560-pixel image down on every prediction cost
~1.7 ms, a third of the latency budget.

Not here: mouse, tablet and keyboard handling (``pad``); which part of a picture is ink
(``mnist_gui.core.pictures``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from mnist_gui.ui.widgets.qimages import gray_to_qimage, qimage_to_array

CANVAS = 280.0  # canvas units per side
PIPELINE_SIDE = 280  # a second, smaller copy is painted alongside for the network (see ``image``)
MAX_SIDE = 1024  # a picture is kept at most this big: the pad is never larger on screen


@dataclass
class Stroke:
    width: float  # canvas units, at full pressure
    erase: bool
    points: list[tuple[float, float, float]] = field(default_factory=list)  # x, y, pressure


@dataclass
class Picture:
    """A loaded picture (ink-bright grayscale, any size) or, with ``image=None``, a clear canvas.

    ``source`` is the picture as it was opened (its pixels before the paper was taken away), if any.
    """

    image: QImage | None
    source: np.ndarray | None = None


def _mid(a, b) -> QPointF:
    return QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _blank(side: int, fmt: QImage.Format) -> QImage:
    image = QImage(side, side, fmt)
    image.fill(QColor(0, 0, 0))
    return image


class InkCanvas:
    """A square drawing of ``side`` pixels; edits return the dirty box in canvas units (or None).

    ``qimage`` is what the pad shows (RGB32, gray), ``small`` the grayscale copy for the network (None
    when the display image is no larger).
    """

    def __init__(self, side: int):
        self.history: list[Stroke | Picture] = []
        self.undone: list[Stroke | Picture] = []
        self.stroke: Stroke | None = None  # the stroke being drawn, not yet in the history
        self._new_images(side)

    def side(self) -> int:
        return self.qimage.width()

    def image(self, max_side: int | None = None) -> np.ndarray:
        """The drawing as float32 (H, W) in [0, 1], ink bright, at most ``max_side`` pixels a side."""
        image = self.qimage
        if max_side is not None and image.width() > max_side:
            if self.small is not None and self.small.width() >= max_side:
                image = self.small
            if image.width() > max_side:
                image = image.scaled(max_side, max_side, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
        return qimage_to_array(image)

    def is_blank(self) -> bool:
        """True when nothing was drawn since the last clear (strokes erased to nothing still count)."""
        if self.stroke is not None:
            return False
        for item in reversed(self.history):
            return isinstance(item, Picture) and item.image is None
        return True

    # ---- strokes ----

    def begin(self, x: float, y: float, pressure: float, width: float, erase: bool) -> QRectF:
        self.stroke = Stroke(width, erase, [(x, y, pressure)])
        return self._paint_segment(self.stroke, 1)  # a dot at once, so a click leaves a mark

    def extend(self, x: float, y: float, pressure: float) -> QRectF | None:
        points = self.stroke.points
        if (x - points[-1][0]) ** 2 + (y - points[-1][1]) ** 2 < 0.25:
            return None  # sub-pixel jitter adds segments but no ink
        points.append((x, y, pressure))
        return self._paint_segment(self.stroke, len(points) - 1)

    def end(self) -> QRectF:
        stroke, self.stroke = self.stroke, None
        box = self._paint_segment(stroke, len(stroke.points))
        self._push(stroke)
        return box

    # ---- whole-picture edits ----

    def set_picture(self, array: np.ndarray, source: np.ndarray | None = None) -> None:
        image = gray_to_qimage(array)
        if max(image.width(), image.height()) > MAX_SIDE:
            image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
        self._push(Picture(image, source))
        self.render()

    def base(self) -> Picture | None:
        """The picture the strokes are drawn over (the last picture or clear), None for a new canvas."""
        return next((item for item in reversed(self.history) if isinstance(item, Picture)), None)

    def picture_rect(self) -> QRectF | None:
        """Where the opened picture lies on the canvas, in canvas units (None when there is none)."""
        base = self.base()
        if base is None or base.image is None:
            return None
        w, h = base.image.width(), base.image.height()
        k = CANVAS / max(w, h)
        return QRectF((CANVAS - w * k) / 2, (CANVAS - h * k) / 2, w * k, h * k)

    def clear(self) -> bool:
        if self.is_blank():
            return False
        self._push(Picture(None))
        self.render()
        return True

    def undo(self) -> bool:
        if not self.history:
            return False
        self.undone.append(self.history.pop())
        self.render()
        return True

    def redo(self) -> bool:
        if not self.undone:
            return False
        self.history.append(self.undone.pop())
        self.render()
        return True

    def _push(self, item) -> None:
        self.history.append(item)
        self.undone.clear()

    # ---- painting ----

    def render(self, side: int | None = None) -> None:
        """Repaint the whole image from the history, at ``side`` pixels (default: the current size)."""
        self._new_images(side or self.side())
        start = max((i for i, item in enumerate(self.history) if isinstance(item, Picture)), default=0)
        for item in self.history[start:]:
            if isinstance(item, Picture):
                self._paint_picture(item)
            else:
                for i in range(1, len(item.points) + 1):
                    self._paint_segment(item, i)
        if self.stroke is not None:
            for i in range(1, len(self.stroke.points)):
                self._paint_segment(self.stroke, i)

    def _new_images(self, side: int) -> None:
        self.qimage = _blank(side, QImage.Format_RGB32)  # the screen's format: shown without conversion
        self.small = _blank(PIPELINE_SIDE, QImage.Format_Grayscale8) if side > PIPELINE_SIDE else None

    def _targets(self) -> list[QImage]:
        return [self.qimage] if self.small is None else [self.qimage, self.small]

    def _paint_picture(self, picture: Picture) -> None:
        if picture.image is None:
            return
        for target in self._targets():
            side = target.width()
            scaled = picture.image.scaled(side, side, Qt.KeepAspectRatio, Qt.SmoothTransformation)
            painter = QPainter(target)
            painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
            painter.end()

    def _paint_segment(self, stroke: Stroke, i: int) -> QRectF:
        """Paint the piece of ``stroke`` that point ``i`` completes (``i == len(points)`` ends it).

        Pieces are quadratic curves between the midpoints of successive points, with the points as
        control points, so a stroke is smooth rather than a polygon however fast the pen moved. Returns
        the box painted, in canvas units.
        """
        pts = stroke.points
        path = QPainterPath()
        if len(pts) == 1:
            path.moveTo(pts[0][0], pts[0][1])
            path.lineTo(pts[0][0] + 0.01, pts[0][1])  # a dot: the round cap makes it a disc
            pressure = pts[0][2]
        elif i == len(pts):
            path.moveTo(_mid(pts[-2], pts[-1]) if len(pts) > 2 else QPointF(pts[0][0], pts[0][1]))
            path.lineTo(pts[-1][0], pts[-1][1])
            pressure = pts[-1][2]
        elif i == 1:
            path.moveTo(pts[0][0], pts[0][1])
            path.lineTo(_mid(pts[0], pts[1]))
            pressure = (pts[0][2] + pts[1][2]) / 2
        else:
            path.moveTo(_mid(pts[i - 2], pts[i - 1]))
            path.quadTo(QPointF(pts[i - 1][0], pts[i - 1][1]), _mid(pts[i - 1], pts[i]))
            pressure = pts[i - 1][2]
        width = stroke.width * (0.35 + 0.65 * min(max(pressure, 0.0), 1.0))
        pen = QPen(QColor(0, 0, 0) if stroke.erase else QColor(255, 255, 255), width, Qt.SolidLine,
                   Qt.RoundCap, Qt.RoundJoin)
        for target in self._targets():
            scale = target.width() / CANVAS
            painter = QPainter(target)
            painter.setRenderHint(QPainter.Antialiasing)
            painter.scale(scale, scale)
            painter.setPen(pen)
            painter.drawPath(path)
            painter.end()
        return path.boundingRect().adjusted(-width, -width, width, width)
