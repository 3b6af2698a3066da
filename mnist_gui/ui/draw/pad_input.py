"""The drawing pad's input: the mouse (a drag draws, or on a crop-mode picture chooses the crop), the
brush outline under the cursor, pen tablets (pressure sets the width) and the pad's own keys (Esc/Delete
clear, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, 0-9 announced as ``digit_key_pressed``). Touch arrives as
synthesised mouse events.

A mixin of :class:`mnist_gui.ui.draw.pad.DrawingPad`, which has the canvas (``_canvas``), the overlay, the
brush (``_width``, ``_eraser``, ``_hover``), the stroke methods every input goes through
(``begin_stroke`` / ``extend_stroke`` / ``end_stroke``) and the widget-to-canvas mapping. Not here: the
drawing and its history (``ink_canvas``), painting the pad (``pad``), the crop and the marks
(``pad_overlay``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeySequence

from mnist_gui.ui.draw.ink_canvas import CANVAS


class PadInput:
    """The pad's pointer and key event handlers (see the module docstring)."""

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.crop_mode():
            self._overlay.drag(self._widget_to_canvas(event.position()), start=True)
            event.accept()
        elif event.button() == Qt.LeftButton:
            self.begin_stroke(*self._widget_to_canvas(event.position()))
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        old = self._hover
        self._hover = event.position()
        if self._overlay.dragging() and event.buttons() & Qt.LeftButton:
            self._overlay.drag(self._widget_to_canvas(event.position()))
            self.update()
        elif self._canvas.stroke is not None and event.buttons() & Qt.LeftButton:
            self.extend_stroke(*self._widget_to_canvas(event.position()))
        else:
            self._update_hover(old)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self._overlay.dragging():
            self.set_crop(self._overlay.end_drag(self._widget_to_canvas(event.position())))  # a click: no crop
            self.update()
            event.accept()
        elif event.button() == Qt.LeftButton and self._canvas.stroke is not None:
            self.extend_stroke(*self._widget_to_canvas(event.position()))
            self.end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def leaveEvent(self, event) -> None:
        old, self._hover = self._hover, None
        self._update_hover(old)
        super().leaveEvent(event)

    def _update_hover(self, old: QPointF | None) -> None:
        radius = self._width / 2 * self._square().width() / CANVAS + 3
        for p in (old, self._hover):
            if p is not None:
                self.update(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius).toAlignedRect())

    def tabletEvent(self, event) -> None:
        """Pen tablets: pressure sets the width; accepting stops Qt making mouse events from them too."""
        x, y = self._widget_to_canvas(event.position())
        pressure = event.pressure()
        kind = event.type()
        if kind == event.Type.TabletPress:
            self.begin_stroke(x, y, pressure)
        elif kind == event.Type.TabletMove and self._canvas.stroke is not None:
            self.extend_stroke(x, y, pressure)
        elif kind == event.Type.TabletRelease and self._canvas.stroke is not None:
            self.end_stroke()
        event.accept()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Escape, Qt.Key_Delete):
            self.clear()
        elif event.matches(QKeySequence.Undo):
            self.undo()
        elif event.matches(QKeySequence.Redo) or (
                event.key() == Qt.Key_Y and event.modifiers() & Qt.ControlModifier):
            self.redo()
        elif Qt.Key_0 <= event.key() <= Qt.Key_9 and event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier):
            self.digit_key_pressed.emit(event.key() - Qt.Key_0)
        else:
            super().keyPressEvent(event)
