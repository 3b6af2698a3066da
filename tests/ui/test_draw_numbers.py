"""Whole numbers and crop in the Draw tab: a picture (or a drawing) of several digits shows each digit's box
and answer and the whole number; dragging a rectangle on an opened picture chooses what is read, while
on a drawing a drag still draws.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from mnist_gui.core.paths import resource_path
from mnist_gui.nn import load_model
from mnist_gui.ui.draw.pad import CANVAS
from mnist_gui.ui.draw.tab import DrawTab

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import photo_set  # noqa: E402

ONE = [(60, 60), (62, 150), (64, 230)]
SEVEN = [(150, 70), (240, 68), (200, 150), (180, 230)]


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def tab(qtbot, model):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.set_model(model)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def year(dataset, tmp_path):
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(2024)
    ids = [int(np.flatnonzero(dataset.y_test == d)[4]) for d in (2, 0, 2, 4)]
    rgb = np.ascontiguousarray(photo_set.photo(photo_set.number_ink([dataset.x_test[i] for i in ids], rng), rng))
    path = tmp_path / "year.jpg"
    assert QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format_RGB888).save(str(path), "JPG", 80)
    return path


def widget_point(pad, x: float, y: float) -> QPoint:
    side = min(pad.width(), pad.height())
    return QPointF((pad.width() - side) / 2 + x * side / CANVAS, y * side / CANVAS).toPoint()


def drag(qtbot, pad, a, b) -> None:
    qtbot.mousePress(pad, Qt.LeftButton, pos=widget_point(pad, *a))
    for t in np.linspace(0, 1, 6)[1:]:
        qtbot.mouseMove(pad, widget_point(pad, a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    qtbot.mouseRelease(pad, Qt.LeftButton, pos=widget_point(pad, *b))


def test_a_photo_of_a_number_shows_each_digit_and_the_whole_number(tab, year):
    assert tab.open_file(year)
    tab.update_prediction()
    assert tab.reading().text() == "2024" and tab.prediction.number() == "2024"
    marks = tab.pad.marks()
    assert [label.split()[0] for _, label in marks] == list("2024"), "each digit boxed with its answer"
    lefts = [rect.left() for rect, _ in marks]
    assert lefts == sorted(lefts) and all(0 <= r.left() and r.right() <= CANVAS for r, _ in marks)
    assert "2024" in tab.prediction.accessibleDescription()
    tab.pad.setFocus()
    tab.my_digits.label_chosen.emit(2)
    assert "4 digits" in tab.status.text() and len(tab.my_digits.store) == 0, "a number is not kept as one digit"


def test_dragging_a_rectangle_on_an_opened_picture_chooses_what_is_read(tab, year, qtbot):
    assert tab.open_file(year)
    tab.update_prediction()
    assert tab.crop_button.isEnabled() and tab.crop_button.isChecked(), "crop is on for an opened picture"
    four = tab.pad.marks()[3][0]
    before = tab.pad.image()
    drag(qtbot, tab.pad, (four.left() - 6, four.top() - 6), (four.right() + 6, four.bottom() + 6))
    tab.update_prediction()
    assert tab.pad.crop() is not None and tab.reading().text() == "4"
    assert tab.prediction.top()[0] == 4 and tab.prediction.number() == ""
    assert np.array_equal(tab.pad.image(), before), "dragging to crop draws nothing"
    mark = tab.pad.marks()[0][0]
    assert abs(mark.center().x() - four.center().x()) < 4, "the box stays on the digit, in canvas units"
    drag(qtbot, tab.pad, (20, 20), (21, 21))  # a click reads everything again
    tab.update_prediction()
    assert tab.pad.crop() is None and tab.reading().text() == "2024"
    tab.crop_button.setChecked(False)
    drag(qtbot, tab.pad, (250, 200), (250, 270))
    assert not np.array_equal(tab.pad.image(), before), "with Crop off, a drag draws on the picture"
    tab.pad.clear()
    assert not tab.crop_button.isEnabled() and not tab.crop_button.isChecked()


def test_on_a_drawing_a_drag_draws_and_several_digits_are_read(tab, qtbot):
    assert not tab.crop_button.isEnabled()
    drag(qtbot, tab.pad, ONE[0], ONE[-1])
    tab.update_prediction()
    assert tab.pad.crop() is None and tab.reading().text() == "1"
    for a, b in zip(SEVEN[:-1], SEVEN[1:]):
        tab.pad.draw_stroke([a, b])
    tab.update_prediction()
    assert tab.reading().text() == "17" and tab.prediction.number() == "17"
    assert len(tab.pad.marks()) == 2


def test_a_crop_goes_with_its_picture(tab, year, qtbot):
    assert tab.open_file(year)
    tab.pad.set_crop(tab.pad.picture_rect().adjusted(10, 10, -10, -10))
    assert tab.pad.crop() is not None
    tab.pad.draw_stroke([(5, 5), (6, 6)])
    tab.pad.undo()
    assert tab.pad.crop() is not None, "undoing a stroke keeps the crop"
    tab.pad.undo()
    assert tab.pad.crop() is None, "undoing the picture drops its crop"
    tab.pad.set_crop(QRectF(10, 10, 100, 100))
    assert tab.pad.crop() is None, "no picture, no crop"
