"""The drawing pad: a square canvas widget for drawing digits with a mouse, a pen tablet or a finger.

The drawing lives in an ``InkCanvas`` (strokes in canvas units with undo/redo, painted into a grayscale
QImage); this widget feeds it pointer events, keeps its resolution at the widget's *physical* pixel size
(sharp on high-DPI screens, re-rendered after a resize) and shows it. ``draw_stroke`` is the public door
the mouse and tablet handlers (``pad_input``) also go through (``begin_stroke`` / ``extend_stroke`` /
``end_stroke``). Keys: Esc/Delete clear, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, digits 0-9 are
announced (``digit_key_pressed``) for labelling.

On an opened picture, crop mode (``set_crop_mode``) turns a drag into a rectangle choosing what is read
(``crop``); a click removes it. A new picture, a clear, or an undo past the picture removes it too. Over
the drawing the pad paints what the tab gives it (``set_marks``: each digit's box and answer;
``set_heat``: which pixels mattered; see ``pad_overlay``).

Not here: the mouse, tablet and key handlers (``pad_input``), classifying the drawing (``tab``) and
reading image files (``image_import``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.draw.ink_canvas import CANVAS, InkCanvas
from mnist_gui.ui.draw.pad_input import PadInput
from mnist_gui.ui.draw.pad_overlay import Overlay, PadDecorations

DEFAULT_WIDTH = 20.0  # in canvas units: strokes about 2 MNIST pixels wide on a digit drawn full height
MIN_WIDTH, MAX_WIDTH = 4.0, 60.0
__all__ = ["DrawingPad", "CANVAS", "DEFAULT_WIDTH", "MIN_WIDTH", "MAX_WIDTH"]


class DrawingPad(PadDecorations, PadInput, QWidget):
    """A square canvas; ``image()`` gives the drawing as a float32 array in [0, 1] with bright ink."""

    changed = Signal()  # the picture changed (emitted for every stroke segment: throttle downstream)
    stroke_finished = Signal()
    history_changed = Signal()  # undo/redo availability may have changed
    digit_key_pressed = Signal(int)
    crop_changed = Signal()  # the part of the picture to read changed (or was removed)
    # keys the pad handles itself, for the F1 list (ui/shortcut_list.py); Undo/Redo are the tab's actions
    KEY_HINTS = ((QT_TR_NOOP("0 to 9"), QT_TR_NOOP("Keep the drawing in My digits as that digit (on the pad)")),
                 (QT_TR_NOOP("Esc or Delete"), QT_TR_NOOP("Clear the pad (on the pad)")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._placeholder_shown = False   # the "Draw a digit here" hint is on screen (as last painted)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(200, 200)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)  # to show the brush outline under the cursor
        self.setCursor(Qt.CrossCursor)
        self.setAccessibleName(tr("Drawing pad"))
        self.setAccessibleDescription(tr("Draw a digit with the mouse or a pen. Keys: 0 to 9 keep the drawing as "
                                         "that digit, Esc clears, Ctrl+Z undoes, Ctrl+V pastes a picture."))
        self._width = DEFAULT_WIDTH
        self._eraser = False
        self._hover: QPointF | None = None
        self._canvas = InkCanvas(self._side_px())
        self._crop_mode = False
        self._overlay = Overlay(CANVAS)

    # ---- public API ----

    def brush_width(self) -> float:
        return self._width

    def set_brush_width(self, width: float) -> None:
        self._width = float(min(max(width, MIN_WIDTH), MAX_WIDTH))
        self.update()

    def set_eraser(self, on: bool) -> None:
        self._eraser = bool(on)

    def draw_stroke(self, points, width: float | None = None, erase: bool | None = None) -> None:
        """Draw one stroke through ``points`` ((x, y) or (x, y, pressure) in canvas units, 0-280).

        ``width`` defaults to the brush width, ``erase`` to the eraser setting. One undo step.
        """
        points = list(points)
        if not points:
            return
        self.begin_stroke(*points[0], width=width, erase=erase)
        for point in points[1:]:
            self.extend_stroke(*point)
        self.end_stroke()

    def begin_stroke(self, x: float, y: float, pressure: float = 1.0, *, width=None, erase=None) -> None:
        self._finish_open_stroke()
        self._dirty(self._canvas.begin(x, y, pressure, self._width if width is None else float(width),
                                       self._eraser if erase is None else bool(erase)))

    def extend_stroke(self, x: float, y: float, pressure: float = 1.0) -> None:
        if self._canvas.stroke is None:
            self.begin_stroke(x, y, pressure)
        else:
            self._dirty(self._canvas.extend(x, y, pressure))

    def end_stroke(self) -> None:
        if self._canvas.stroke is None:
            return
        self._dirty(self._canvas.end())
        self.history_changed.emit()
        self.stroke_finished.emit()

    def image(self, max_side: int | None = None) -> np.ndarray:
        """The drawing as float32 (H, W) in [0, 1], ink bright; area-averaged down to ``max_side``."""
        return self._canvas.image(max_side)

    def set_image(self, array: np.ndarray, source: np.ndarray | None = None) -> None:
        """Show a picture (2-D, uint8 0-255 or float 0-1, ink bright) fitted into the canvas. One undo step.

        ``source``: the picture as opened, before its paper was taken away (``picture_source``)."""
        self._finish_open_stroke()
        self._canvas.set_picture(array, source)
        self._set_crop(None, notify=False)
        self._rerendered(history=True)

    def has_picture(self) -> bool:
        """Whether the drawing is over an opened picture (which can be cropped)."""
        return self._canvas.picture_rect() is not None

    def picture_source(self) -> np.ndarray | None:
        """The opened picture as it was before its paper was taken away, if the drawing is over one."""
        base = self._canvas.base()
        return None if base is None or base.image is None else base.source

    def picture_rect(self) -> QRectF | None:
        return self._canvas.picture_rect()

    def is_blank(self) -> bool:
        return self._canvas.is_blank()

    def is_drawing(self) -> bool:
        """True between pressing the pen (or mouse button) and lifting it."""
        return self._canvas.stroke is not None

    def clear(self) -> None:
        self._finish_open_stroke()
        if self._canvas.clear():
            self._set_crop(None, notify=False)
            self._rerendered(history=True)

    def can_undo(self) -> bool:
        return bool(self._canvas.history)

    def can_redo(self) -> bool:
        return bool(self._canvas.undone)

    def undo(self) -> None:
        self._finish_open_stroke()
        base = self._canvas.base()
        if self._canvas.undo():
            self._forget_crop_unless(base)
            self._rerendered(history=True)

    def redo(self) -> None:
        base = self._canvas.base()
        if self._canvas.redo():
            self._forget_crop_unless(base)
            self._rerendered(history=True)

    def _forget_crop_unless(self, base) -> None:
        if self._canvas.base() is not base:  # another picture (or none): the crop was of the old one
            self._set_crop(None, notify=False)

    # ---- keeping the widget in step with the canvas ----

    def _side_px(self) -> int:
        side = min(self.width(), self.height()) if self.isVisible() else CANVAS
        return max(int(round(side * self.devicePixelRatioF())), 28)

    def _finish_open_stroke(self) -> None:
        if self._canvas.stroke is not None:
            self.end_stroke()

    def _dirty(self, box: QRectF | None) -> None:
        if box is not None:
            if self._placeholder_shown:   # the first ink: the whole pad, or bits of the hint stay on screen
                self._placeholder_shown = False
                self.update()
            else:
                self.update(self._canvas_to_widget_rect(box))
            self.changed.emit()

    def _rerendered(self, history: bool = False) -> None:
        self.update()
        if history:
            self.history_changed.emit()
        self.changed.emit()

    def _match_resolution(self) -> None:
        if self._canvas.side() != self._side_px():
            self._canvas.render(self._side_px())
            self._rerendered()

    # ---- geometry ----

    def _square(self) -> QRectF:
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, 0, side, side)  # top-aligned: the tools sit just above

    def _widget_to_canvas(self, pos: QPointF) -> tuple[float, float]:
        square = self._square()
        k = CANVAS / max(square.width(), 1.0)
        return (pos.x() - square.x()) * k, (pos.y() - square.y()) * k

    def _canvas_to_widget_rect(self, box: QRectF) -> QRectF:
        square = self._square()
        k = square.width() / CANVAS
        return QRectF(square.x() + box.x() * k, square.y() + box.y() * k,
                      box.width() * k, box.height() * k).toAlignedRect().adjusted(-2, -2, 2, 2)

    # ---- Qt overrides ----

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def event(self, event) -> bool:
        if event.type() == QEvent.DevicePixelRatioChange:  # moved to a screen with another scale
            self._match_resolution()
        return super().event(event)

    def resizeEvent(self, event) -> None:
        self._match_resolution()
        super().resizeEvent(event)

    def showEvent(self, event) -> None:
        self._match_resolution()
        super().showEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        square = self._square()
        image = self._canvas.qimage
        k = image.width() / max(square.width(), 1.0)  # image pixels per widget unit: the device pixel ratio
        # only the exposed part: converting all of a 560-pixel image on each stroke segment costs ~1 ms
        exposed = QRectF(event.rect()).intersected(square)
        source = exposed.translated(-square.topLeft())
        source = QRectF(source.x() * k, source.y() * k, source.width() * k, source.height() * k)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)  # only matters while a resize is pending
        painter.drawImage(exposed, image, source)
        # focus visible: the frame in the highlight colour while the keys reach the pad (Qt repaints on focus)
        focused = self.hasFocus()
        painter.setPen(QPen(self.palette().highlight().color() if focused else self.palette().mid().color(),
                            2 if focused else 1))
        painter.drawRect(square.adjusted(0, 0, -1, -1))
        self._placeholder_shown = self.is_blank()
        if self._placeholder_shown:
            painter.setPen(QColor(110, 110, 110))
            painter.drawText(square, Qt.AlignCenter, tr("Draw a digit here\nor drop a picture"))
        self._overlay.paint(painter, square)
        if self._hover is not None and self._canvas.stroke is None and not self.crop_mode():
            radius = self._width / 2 * square.width() / CANVAS
            painter.setRenderHint(QPainter.Antialiasing)
            painter.setPen(QPen(QColor(255, 120, 60) if self._eraser else QColor(120, 170, 255), 1))
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()
