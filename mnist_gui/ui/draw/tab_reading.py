"""The Draw tab's reading of the drawing: a pad change only starts the single-shot timer
(``_schedule_update``), so a burst of stroke segments costs one reading; ``update_prediction`` reads the
drawing (or the cropped part of a picture, ``core.reading.read_ink``), boxes each digit on the pad with its
answer and shows the prediction and the network's input; the occlusion overlay (``update_overlay``, after
the pen is lifted) is shown on the 28x28 input and, carried back through ``to_mnist``'s crop and scale
(``core.saliency.heat_on_ink``), over the digit on the big pad.

A mixin of :class:`mnist_gui.ui.draw.tab.DrawTab`, which owns the state it uses (``_model``, ``_input``,
``_reading``, ``_shown_ink``, the timers) and the widgets (``pad``, ``prediction``, ``network_view``).
Not here: the tools, keeping digits and the status line (``tab``), pictures from files, drops and pastes
(``image_import``), the pad itself (``pad``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.reading import Reading, read_ink
from mnist_gui.core.saliency import heat_on_ink, occlusion_map
from mnist_gui.ui.draw.ink_canvas import CANVAS, PIPELINE_SIDE  # 10x MNIST: plenty for to_mnist, and cheap
from mnist_gui.ui.draw.prediction_view import percent

TOO_MANY_TEXT = QT_TR_NOOP("Too many marks")


class TabReading:
    """The tab's reading, prediction and overlay methods (see the module docstring)."""

    def _schedule_update(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def update_prediction(self) -> None:
        """Read the drawing (or the cropped part of a picture) now, and show the result."""
        self._timer.stop()
        view = self.network_view
        ink, to_canvas = self._ink_to_read()
        reading = read_ink(self._model, ink, with_steps=view.wants_steps())
        self._reading = reading
        focus = reading.focus()
        self._input = x = None if focus is None else reading.digits[focus].input
        self._shown_ink = None if focus is None else (ink, reading.digits[focus].box, to_canvas)
        steps = None
        if reading.steps is not None:
            source = self.pad.picture_source()
            steps = dict(reading.steps, ink=ink, picture=ink if source is None else source)
        view.set_input(x, steps)
        view.set_overlay(None)
        self.pad.set_heat(None)
        # boxes while the pen is down would be repainted on every segment: they come when it is lifted; and
        # one drawn digit needs no box
        labelled = (self._model is not None and not self.pad.is_drawing()
                    and (len(reading.digits) > 1 or (reading.digits and self.pad.has_picture())))
        self.pad.set_marks([(to_canvas(d.box), f"{d.label()} {percent(float(d.probabilities.max()))}")
                            for d in reading.digits] if labelled else [])
        if self._model is None:
            self.prediction.show_no_model()
        elif reading.problem:
            self.prediction.show_problem(tr(TOO_MANY_TEXT), reading.problem)
        elif x is None:
            self.prediction.show_empty()
        else:
            if len(reading.digits) == 1:
                self.prediction.show_probabilities(reading.digits[0].probabilities)
            else:
                self.prediction.show_number(reading.text(), reading.digits[focus].probabilities, focus)
            if view.wants_overlay():
                self._overlay_timer.start()
        self.prediction_updated.emit()

    def _ink_to_read(self):
        """(The ink to read: the pad's drawing, or its cropped part at the pad's full resolution; a function
        taking a box in that ink's pixels to a QRectF in canvas units)."""
        crop = self.pad.crop()
        if crop is None:
            ink = self.pad.image(max_side=PIPELINE_SIDE)
            k, x0, y0 = ink.shape[0] / CANVAS, 0, 0
        else:
            full = self.pad.image()
            k = full.shape[0] / CANVAS
            x0, y0 = int(crop.left() * k), int(crop.top() * k)
            ink = full[y0:int(np.ceil(crop.bottom() * k)), x0:int(np.ceil(crop.right() * k))]

        def to_canvas(box) -> QRectF:
            x, y, w, h = box
            return QRectF((x0 + x) / k, (y0 + y) / k, w / k, h / k)
        return ink, to_canvas

    def reading(self) -> Reading:
        """What was read last: the digits left to right, their boxes (in the pixels read) and answers."""
        return self._reading

    def update_overlay(self) -> None:
        """Compute and show the occlusion map for the current input (skipped while a stroke is open)."""
        self._overlay_timer.stop()
        if self.pad.is_drawing() or self._model is None or self._input is None:
            return  # lifting the pen ends the stroke, which schedules a fresh update
        if self.network_view.wants_overlay() and self.prediction.top() is not None:
            target = self.prediction.top()[0]
            heat = occlusion_map(self._model, self._input, target)
            self.network_view.set_overlay(heat, target)
            self._show_heat_on_pad(heat)

    def _show_heat_on_pad(self, heat: np.ndarray) -> None:
        """The occlusion map over the shown digit on the pad, at the place and size it was drawn."""
        ink, (x, y, w, h), to_canvas = self._shown_ink
        margin = 2  # black around the digit, so its border is paper for to_mnist (as core.numbers cuts it)
        carried = heat_on_ink(heat, self._input, np.pad(ink[y:y + h, x:x + w], margin))
        if carried is None:
            return
        big, (cx, cy, cw, ch) = carried
        self.pad.set_heat(big, to_canvas((x + cx - margin, y + cy - margin, cw, ch)))

    def network_input(self) -> np.ndarray | None:
        """The 28x28 input of the digit shown (the only one, or the least sure of several; None when empty)."""
        return self._input
