"""The drawing pad on its own: strokes, mouse, undo/redo/clear, eraser, keys, resizing, loaded pictures."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from mnist_gui.ui.draw.pad import CANVAS, DrawingPad


@pytest.fixture
def pad(qtbot):
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(280, 280)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def ink_at(pad, x, y) -> float:
    """Ink at canvas point (x, y), whatever the image resolution."""
    image = pad.image()
    k = image.shape[0] / CANVAS
    return float(image[int(y * k), int(x * k)])


def test_draw_stroke_puts_ink_along_the_stroke_and_nowhere_else(pad):
    pad.draw_stroke([(140, 40), (140, 240)], width=20)
    image = pad.image()
    assert image.dtype == np.float32 and image.ndim == 2 and image.shape[0] == image.shape[1]
    assert ink_at(pad, 140, 40) == 1.0 and ink_at(pad, 140, 140) == 1.0 and ink_at(pad, 140, 239) == 1.0
    assert ink_at(pad, 100, 140) == 0.0 and ink_at(pad, 140, 10) == 0.0 and ink_at(pad, 140, 270) == 0.0
    assert 0 < image.mean() < 0.1


def test_a_fast_stroke_with_few_events_has_no_gaps(pad):
    pad.draw_stroke([(20, 20), (260, 260)], width=10)
    assert all(ink_at(pad, t, t) > 0.9 for t in range(20, 261, 5))


def test_strokes_are_smooth_curves_through_the_points(pad):
    pad.draw_stroke([(40, 200), (140, 40), (240, 200)], width=8)
    # a polygon would pass through its corner (140, 40); the quadratic smoothing rounds it off
    assert ink_at(pad, 140, 40) < 0.5
    assert ink_at(pad, 140, 80) > 0.9  # the apex: halfway between the chord of the midpoints and the corner


def test_mouse_press_move_release_draws_like_draw_stroke(pad, qtbot):
    qtbot.mousePress(pad, Qt.LeftButton, pos=QPoint(50, 50))
    for t in range(60, 231, 20):
        qtbot.mouseMove(pad, QPoint(t, t))
    qtbot.mouseRelease(pad, Qt.LeftButton, pos=QPoint(230, 230))
    assert ink_at(pad, 50, 50) == 1.0 and ink_at(pad, 140, 140) == 1.0 and ink_at(pad, 230, 230) == 1.0
    assert ink_at(pad, 50, 230) == 0.0
    pad.undo()
    assert pad.image().max() == 0, "a whole mouse stroke is one undo step"


def test_a_click_leaves_a_dot(pad, qtbot):
    qtbot.mouseClick(pad, Qt.LeftButton, pos=QPoint(100, 100))
    assert ink_at(pad, 100, 100) == 1.0 and ink_at(pad, 100, 140) == 0.0


def test_undo_redo_and_clear_work_per_stroke(pad):
    changes = []
    pad.changed.connect(lambda: changes.append(1))
    pad.draw_stroke([(60, 60), (60, 220)])
    pad.draw_stroke([(200, 60), (200, 220)])
    assert changes
    pad.undo()
    assert ink_at(pad, 60, 140) == 1.0 and ink_at(pad, 200, 140) == 0.0
    pad.redo()
    assert ink_at(pad, 200, 140) == 1.0
    pad.clear()
    assert pad.image().max() == 0 and pad.is_blank()
    pad.undo()
    assert ink_at(pad, 60, 140) == 1.0 and ink_at(pad, 200, 140) == 1.0, "a clear can be undone"
    pad.undo()
    pad.draw_stroke([(140, 20), (140, 40)])
    assert not pad.can_redo(), "a new stroke drops the strokes you undid"
    pad.undo()
    pad.undo()
    assert not pad.can_undo() and pad.image().max() == 0


def test_keys_clear_undo_redo_and_label(pad, qtbot):
    digits = []
    pad.digit_key_pressed.connect(digits.append)
    pad.draw_stroke([(60, 60), (60, 220)])
    qtbot.keyClick(pad, Qt.Key_Z, Qt.ControlModifier)
    assert pad.image().max() == 0
    qtbot.keyClick(pad, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert ink_at(pad, 60, 140) == 1.0
    qtbot.keyClick(pad, Qt.Key_Escape)
    assert pad.image().max() == 0
    qtbot.keyClick(pad, Qt.Key_Z, Qt.ControlModifier)
    qtbot.keyClick(pad, Qt.Key_Delete)
    assert pad.image().max() == 0
    pad.undo()
    pad.undo()
    qtbot.keyClick(pad, Qt.Key_Y, Qt.ControlModifier)
    assert ink_at(pad, 60, 140) == 1.0
    qtbot.keyClick(pad, Qt.Key_7)
    assert digits == [7]


def test_eraser_removes_ink_and_is_undoable(pad):
    pad.draw_stroke([(40, 140), (240, 140)], width=20)
    pad.set_eraser(True)
    pad.draw_stroke([(140, 100), (140, 180)], width=30)
    assert ink_at(pad, 140, 140) == 0.0 and ink_at(pad, 60, 140) == 1.0
    pad.undo()
    assert ink_at(pad, 140, 140) == 1.0


def test_pressure_makes_thinner_strokes(pad):
    pad.draw_stroke([(60, 40, 1.0), (60, 240, 1.0)], width=30)
    pad.draw_stroke([(200, 40, 0.1), (200, 240, 0.1)], width=30)
    image = pad.image()
    k = image.shape[0] / CANVAS
    row = image[int(140 * k)]
    heavy = row[: int(130 * k)].sum()
    light = row[int(130 * k):].sum()
    assert light < 0.6 * heavy


def test_brush_width_is_clamped_and_used(pad):
    pad.set_brush_width(1000)
    assert pad.brush_width() <= 60
    pad.set_brush_width(40)
    pad.draw_stroke([(140, 40), (140, 240)])
    assert ink_at(pad, 140 + 15, 140) == 1.0


def test_ink_survives_a_resize_at_the_same_place(pad, qtbot):
    pad.draw_stroke([(70, 70), (70, 210)])
    small = pad.image()
    pad.resize(560, 560)
    qtbot.waitUntil(lambda: pad.image().shape[0] >= 560)
    large = pad.image()
    assert ink_at(pad, 70, 140) == 1.0 and ink_at(pad, 210, 140) == 0.0
    assert abs(large.mean() - small.mean()) < 0.01


def test_set_image_fits_the_picture_and_undo_brings_back_the_drawing(pad):
    pad.draw_stroke([(20, 20), (40, 40)])
    picture = np.zeros((28, 56), np.uint8)
    picture[:, 20:36] = 255  # a wide picture: fitted by width, centred vertically
    pad.set_image(picture)
    assert ink_at(pad, 140, 140) == 1.0
    assert ink_at(pad, 140, 20) == 0.0 and ink_at(pad, 30, 30) == 0.0, "the picture replaces the drawing"
    pad.undo()
    assert ink_at(pad, 30, 30) == 1.0 and ink_at(pad, 140, 140) == 0.0


def test_image_can_be_area_averaged_down(pad):
    pad.resize(560, 560)
    pad.draw_stroke([(140, 40), (140, 240)])
    small = pad.image(max_side=140)
    assert small.shape == (140, 140)
    assert abs(small.mean() - pad.image().mean()) < 0.01


def test_a_pen_tablet_draws_with_its_pressure(pad):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    pen = QPointingDevice("pen", 1, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def stroke(x, pressure):
        for kind, y, buttons in [(QEvent.TabletPress, 40, Qt.LeftButton), (QEvent.TabletMove, 140, Qt.LeftButton),
                                 (QEvent.TabletMove, 240, Qt.LeftButton), (QEvent.TabletRelease, 240, Qt.NoButton)]:
            p = QPointF(x, y)
            QApplication.sendEvent(pad, QTabletEvent(kind, pen, p, p, pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
                                                     Qt.NoModifier, Qt.LeftButton, buttons))

    stroke(60, 0.2)
    stroke(200, 1.0)
    row = pad.image()[140]
    light, heavy = row[:130].sum(), row[130:].sum()
    assert 0 < light < 0.6 * heavy
    pad.undo()
    assert ink_at(pad, 200, 140) == 0 and ink_at(pad, 60, 140) == 1.0, "each pen stroke is one undo step"


def test_the_first_stroke_repaints_the_whole_pad_so_no_bit_of_the_hint_stays(pad, qtbot, monkeypatch):
    pad.repaint()                                   # painted blank: the "Draw a digit here" hint is on screen
    updates = []
    monkeypatch.setattr(pad, "update", lambda *args: updates.append(args))
    pad.draw_stroke([(40, 40), (60, 60)])
    assert updates and updates[0] == ()             # the whole widget, not just the stroke's box
    updates.clear()
    pad.draw_stroke([(100, 100), (120, 120)])
    assert updates and all(args for args in updates)  # later strokes repaint only where they drew
