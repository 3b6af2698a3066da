"""The Draw tab: draw a digit (or bring a picture) and watch the network recognise it as you go.

Assembles the parts: the drawing pad with its tools, the prediction (top digit and ten bars), what the
network sees (the 28x28 input, the preprocessing steps, the occlusion overlay) and the "My digits"
collection. Predictions are throttled: pad changes only start a single-shot 30 ms timer, so a burst of
stroke segments costs one ``to_mnist`` + forward pass, done between stroke events, never blocking them. The
optional occlusion overlay (a batch of ~170 forward passes) waits until the pen is lifted. Reading the
drawing and showing the answers and the overlay: ``tab_reading``; the row of tools, which wraps rather
than widen the tab: ``tool_row``.

Pictures (files, drops, pastes and digits sent from the Dataset tab) are decoded as ``mnist-gui predict``
decodes them (``mnist_gui.ui.decode``) and arrive as ink on black paper, the paper taken away by the
command line's rule (``mnist_gui.core.pictures.picture_to_ink``), so the pad shows what the network will
read and what is drawn on top shows too. A blank picture is said to be blank, never named a digit. On an
opened picture the Crop tool (on at first) chooses the part that is read by a drag.

What is read is cut into digits (``mnist_gui.core.reading.read_ink``): the pad boxes each digit with its
answer, and for several the prediction shows the whole number.

The main window calls ``set_model`` (the default model on first launch, later a trained or opened one)
and ``show_image`` (a digit sent from the Dataset tab).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSlider, QToolButton,
                               QVBoxLayout, QWidget)

from mnist_gui.ui.draw.pad import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, DrawingPad
from mnist_gui.ui.draw.image_import import PictureInput
from mnist_gui.ui.draw.my_digits_panel import MyDigitsPanel
from mnist_gui.ui.draw.prediction_view import PredictionView
from mnist_gui.ui.draw.preprocess_view import PreprocessView
from mnist_gui.ui.draw.tab_reading import TabReading
from mnist_gui.ui.draw.tool_row import ToolRow, tool_group
from mnist_gui.core.pictures import has_ink, picture_to_ink
from mnist_gui.core.reading import Reading
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.words import a_or_an
from mnist_gui.ui.theme import ERROR_COLOR
from mnist_gui.ui.widgets.fitting_tabs import ColumnScroll

THROTTLE_MS = 30
OVERLAY_DELAY_MS = 150  # the occlusion map waits for a pause: ~170 forward passes, too many per segment
BLANK_TEXT = QT_TR_NOOP("That picture looks blank: nothing on it stands out from the paper.")


class DrawTab(PictureInput, TabReading, QWidget):
    prediction_updated = Signal()  # the prediction area shows the current drawing

    def __init__(self, parent=None, my_digits_store=None):
        super().__init__(parent)
        self._model = None
        self._input: np.ndarray | None = None  # the current network input, (28, 28) in [0, 1]
        self._reading = Reading()
        self._shown_ink = None  # (the ink read, the shown digit's box in it, its box -> canvas function)
        self._error_shown = False
        self.setAcceptDrops(True)
        self.pad = DrawingPad()
        self.prediction = PredictionView()
        self.network_view = PreprocessView()
        self.my_digits = MyDigitsPanel(my_digits_store)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._timer = QTimer(self, singleShot=True, interval=THROTTLE_MS)
        self._overlay_timer = QTimer(self, singleShot=True, interval=OVERLAY_DELAY_MS)
        self._make_tools()
        self._lay_out()
        self._connect()
        self.setFocusProxy(self.pad)  # switching to the tab puts the keyboard on the canvas
        # Tab goes pad -> tools -> the rest: Qt jumps from the tab straight to its proxy, skipping what lies between
        chain = [self.pad, self.brush_slider, self.eraser_button, self.crop_button,
                 *(b for b in self.findChildren(QToolButton) if b.defaultAction() is not None)]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self._update_actions()
        self.update_prediction()

    def _make_tools(self) -> None:
        """The actions (with their shortcuts, on this tab), the eraser and the brush size."""
        self.undo_action = self._action(tr("Undo"), self.pad.undo, [QKeySequence.Undo], tr("Undo the last stroke"))
        self.redo_action = self._action(tr("Redo"), self.pad.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                                        tr("Redo the stroke you undid"))
        self.clear_action = self._action(tr("Clear"), self.pad.clear, [], tr("Clear the canvas (Esc or Delete)"))
        # not Ctrl+O: the main window's File > Open model has it, and a second owner would make it ambiguous
        self.open_action = self._action(tr("Open picture…"), self._on_open, ["Ctrl+Shift+O"],
                                        tr("Open a picture of a digit (or drop one on the canvas)"))
        self.paste_action = self._action(tr("Paste"), self.paste, [QKeySequence.Paste], tr("Paste a picture"))
        self.eraser_button = QToolButton(text=tr("Eraser"), checkable=True, focusPolicy=Qt.TabFocus)
        self.eraser_button.setToolTip(tr("Erase instead of drawing"))
        self.crop_button = QToolButton(text=tr("Crop"), checkable=True, focusPolicy=Qt.TabFocus)
        self.crop_button.setToolTip(tr("On an opened picture: drag a rectangle to choose what is read"))
        self.brush_slider = QSlider(Qt.Horizontal, focusPolicy=Qt.TabFocus)  # Tab reaches it, a click leaves the pad focused
        self.brush_slider.setAccessibleName(tr("Brush size"))
        self.brush_slider.setRange(int(MIN_WIDTH), int(MAX_WIDTH))
        self.brush_slider.setValue(int(DEFAULT_WIDTH))
        self.brush_slider.setMaximumWidth(140)
        self.brush_slider.setMinimumWidth(64)     # a narrow window must not squeeze it to a box
        self.brush_slider.setToolTip(tr("Brush size"))

    def _lay_out(self) -> None:
        """The tools above the pad and the status line on the left; what the network says and sees, and
        My digits, on the right."""
        buttons = []
        for action in (self.undo_action, self.redo_action, self.clear_action, self.open_action, self.paste_action):
            button = QToolButton(focusPolicy=Qt.TabFocus)
            button.setDefaultAction(action)
            buttons.append(button)
        tools = ToolRow()  # wraps onto a second line rather than widen the tab (longer words in German)
        tools.addWidget(tool_group(QLabel(tr("Brush")), self.brush_slider, self.eraser_button, self.crop_button))
        tools.addWidget(tool_group(*buttons[:3]))
        tools.addWidget(tool_group(*buttons[3:]))
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.pad, 1)
        left.addWidget(self.status)
        column = QWidget()
        right = QVBoxLayout(column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.prediction)
        right.addWidget(self.network_view)
        right.addWidget(self.my_digits, 1)
        # in a scroll area, so that showing the steps can never make the window taller than the screen
        scroll = ColumnScroll(column)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(scroll, 2)

    def _connect(self) -> None:
        self._timer.timeout.connect(self.update_prediction)
        self._overlay_timer.timeout.connect(self.update_overlay)
        self.pad.changed.connect(self._schedule_update)
        self.pad.history_changed.connect(self._update_actions)
        self.pad.stroke_finished.connect(self._forget_error)
        self.pad.digit_key_pressed.connect(self._keep_as)
        self.my_digits.label_chosen.connect(self._keep_as)
        self.my_digits.digit_opened.connect(self.show_image)  # a kept digit, back on the pad to be read
        self.my_digits.store.on_change(self._on_kept_changed)
        self.brush_slider.valueChanged.connect(self.pad.set_brush_width)
        self.eraser_button.toggled.connect(self.pad.set_eraser)
        self.crop_button.toggled.connect(self.pad.set_crop_mode)
        self.pad.crop_changed.connect(self._schedule_update)
        self.network_view.steps_toggled.connect(lambda _: self.update_prediction())
        self.network_view.overlay_toggled.connect(lambda _: self.update_prediction())

    # ---- slots for the main window ----

    def set_model(self, model) -> None:
        """Use ``model`` (a ``mnist_gui.nn`` model, or None) for predictions from now on."""
        self._model = model
        self.my_digits.set_model(model)
        self.update_prediction()

    def show_image(self, array) -> None:
        """Show a picture on the canvas (uint8 0-255 or float 0-1, (H, W)), e.g. a digit from the Dataset tab."""
        a = np.asarray(array)
        if a.ndim != 2 or a.size == 0:
            raise ValueError(f"show_image expects a 2-D grayscale image, got shape {a.shape}")
        self._show_picture(a, "", crop=False)

    def _show_picture(self, picture: np.ndarray, shown: str, crop: bool = True) -> None:
        """Take the paper away from ``picture``, put its ink on the pad and say ``shown``, or that it is
        blank; with ``crop``, turn the Crop tool on."""
        ink = picture_to_ink(picture)
        self.pad.set_image(ink, source=np.asarray(picture))
        if has_ink(ink):
            self._say(shown)
            self.crop_button.setChecked(crop)
        else:
            self._say(tr("{blank} Undo brings back what was there.").format(blank=tr(BLANK_TEXT)), error=True)

    # ---- keeping digits ----

    def _keep_as(self, label: int) -> None:
        if self._timer.isActive():
            self.update_prediction()
        an = a_or_an(label) == "an"  # "an 8", "a 7": each sentence twice, so German can say "eine 8" in both
        if self._input is None:
            text = (tr("Draw a digit first, then press {digit} to keep it as an {digit}.") if an else
                    tr("Draw a digit first, then press {digit} to keep it as a {digit}."))
            self._say(text.format(digit=label), error=True)
            return
        if len(self._reading.digits) > 1:
            text = (tr("That reads as {count} digits: crop or draw one digit to keep it as an {digit}.") if an else
                    tr("That reads as {count} digits: crop or draw one digit to keep it as a {digit}."))
            self._say(text.format(count=len(self._reading.digits), digit=label), error=True)
            return
        if self.my_digits.store.room() == 0:
            self._say(self.my_digits.store.full_text(), error=True)
            return
        if self.my_digits.add(self._input, label):
            n = len(self.my_digits.store)
            text = (tr("Kept as an {digit}: {n:,} digit(s) in My digits.", None, n) if an else
                    tr("Kept as a {digit}: {n:,} digit(s) in My digits.", None, n))
            self._say(text.format(digit=label, n=n))
            self._kept_said = self.my_digits.store.labels.copy()  # the digits that line was true of
        else:
            text = (tr("Kept as an {digit}, but not saved yet. {reason}") if an else
                    tr("Kept as a {digit}, but not saved yet. {reason}"))
            self._say(text.format(digit=label, reason=self.my_digits.store.save_error), error=True)

    def shutdown(self) -> None:
        """The window is closing: stop fine-tuning and folder work (My digits panel) without keeping anything."""
        self.my_digits.shutdown()

    # ---- small helpers ----

    def _action(self, text, slot, keys, tip) -> QAction:
        keys = [QKeySequence(k) for k in keys]
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        shortcut = keys[0].toString(QKeySequence.NativeText) if keys else ""
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _update_actions(self) -> None:
        self.undo_action.setEnabled(self.pad.can_undo())
        self.redo_action.setEnabled(self.pad.can_redo())
        self.clear_action.setEnabled(not self.pad.is_blank())
        picture = self.pad.has_picture()
        self.crop_button.setEnabled(picture)
        if not picture:
            self.crop_button.setChecked(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self._error_shown = error

    def _on_kept_changed(self) -> None:
        """A delete, relabel or import after "Kept as a 3: 11 digits" makes that line wrong: clear it."""
        said = getattr(self, "_kept_said", None)
        if said is not None and not np.array_equal(said, self.my_digits.store.labels):
            self._kept_said = None
            self._say("")

    def _forget_error(self) -> None:
        if self._error_shown:  # the person has moved on: drawing again answers the complaint
            self._say("")
