"""What a screen reader hears and what a colour-blind eye sees: every control named through Qt's
accessibility interface, the charts in words, right and wrong told by shape and a safe palette."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QComboBox, QSlider, QTableView, QWidget

from mnist_gui.core.paths import resource_path
from mnist_gui.nn import load_model
from mnist_gui.ui.accessibility import (RIGHT_MARK, WRONG_MARK, spoken_name, unnamed_controls, verdict_colors)
from mnist_gui.ui.dataset.confusion_view import ConfusionView
from mnist_gui.ui.dataset.grid import ImageGridView
from mnist_gui.ui.draw.my_digits_panel import MyDigitsPanel
from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def window(qtbot, small_dataset, settings, model):
    w = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(w)
    w.show()
    return w


def description(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Description)


def test_every_control_of_every_tab_has_a_spoken_name(qtbot, window):
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        unnamed = [f"{type(w).__name__} under {type(w.parentWidget()).__name__} ({name!r})"
                   for w, name in unnamed_controls(window.tabs.widget(i))]
        assert not unnamed, f"{window.tabs.tabText(i)}: {unnamed}"
    assert not unnamed_controls(window.statusBar())


def test_the_check_finds_a_control_without_a_name(qtbot, window):
    """The walk above can fail: a bare slider or combo box is reported, named ones are not."""
    slider, combo = QSlider(window.draw_tab), QComboBox(window.draw_tab)
    combo.addItems(["relu", "tanh"])
    found = [w for w, _ in unnamed_controls(window.draw_tab)]
    assert slider in found and combo in found        # a combo's value alone ("relu") is no name
    slider.setAccessibleName("Opacity")
    combo.setAccessibleName("Activation")
    assert not unnamed_controls(window.draw_tab)
    assert spoken_name(combo) == "Activation: relu"


def test_every_tables_corner_button_says_it_selects_all(window):
    """Qt names it nothing (and before 6.11 does not mark it as an inner part either)."""
    tables = window.findChildren(QTableView)
    assert len(tables) >= 3                              # the image grid, the confusion matrix, the runs
    for table in tables:
        corner = [c for c in table.children() if isinstance(c, QAbstractButton)]
        assert [spoken_name(c) for c in corner] == ["Select all"], type(table).__name__


def test_names_say_what_the_control_is(window):
    expect = {
        window.draw_tab.pad: "Drawing pad", window.draw_tab.brush_slider: "Brush size",
        window.dataset_tab.grid: "Images", window.training_tab.plots.graphics: "Training curves",
        window.dataset_tab.confusion.table: "Confusion matrix", window.inside_tab.network: "Layers of the network",
    }
    for widget, words in expect.items():
        assert spoken_name(widget).startswith(words), spoken_name(widget)


def test_the_probability_bars_read_as_text(qtbot, window, small_dataset):
    window.draw_tab.show_image(small_dataset.x_test[0])
    window.draw_tab.update_prediction()
    text = description(window.draw_tab.prediction)
    digit, _ = window.draw_tab.prediction.top()
    assert f"The network says {digit}" in text
    assert f"Bars: {digit}: " in text and text.count("%") >= 3


def test_the_confusion_matrix_and_the_curves_read_as_text(qtbot):
    view = ConfusionView()
    qtbot.addWidget(view)
    m = np.diag(np.full(10, 9))
    m[7, 2] = 3
    view.set_matrix(m, "test")
    text = description(view.table)
    assert text.startswith("Accuracy on the test split: 96.8%")
    assert "7: 75.0% right, most often read as 2 (3 images)" in text
    cell = view.table.item(7, 2)
    assert cell.data(Qt.AccessibleTextRole) == "True 7, predicted 2: 3 images, mistakes"


def test_the_curves_last_values_are_described(qtbot, small_dataset):
    from mnist_gui.ui.train.plots import TrainingPlots

    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.begin_run(100, epochs=2, steps=50)
    assert description(plots.graphics).startswith("No run yet")
    plots.add_batches({"x": [0.02, 0.04], "loss": [2.3, 2.1], "accuracy": [0.1, 0.2]})
    plots.refresh()
    assert description(plots.graphics).startswith("During the first epoch, batch 2: loss ")
    plots.add_epoch({"epoch": 1, "loss": 0.5, "accuracy": 0.875, "val_loss": 0.6, "val_accuracy": 0.85})
    plots.refresh()
    text = description(plots.graphics)
    assert text.startswith("After epoch 1: training loss 0.5000, training accuracy 87.5%")
    assert "validation loss 0.6000, validation accuracy 85.0%" in text and "test" not in text


def _deuteranope(color: QColor) -> tuple[float, float]:
    """What is left of a colour without the red-green channel: (lightness, blue-yellow)."""
    r, g, b = color.redF(), color.greenF(), color.blueF()
    return 0.3 * r + 0.59 * g + 0.11 * b, b - (r + g) / 2


@pytest.mark.parametrize("base", ["#ffffff", "#1e1e20"])
def test_right_and_wrong_colours_differ_without_red_green(base):
    palette = QPalette()
    palette.setColor(QPalette.Base, QColor(base))
    right, wrong = verdict_colors(palette)
    (_, right_by), (_, wrong_by) = _deuteranope(right), _deuteranope(wrong)
    assert right_by - wrong_by > 0.5      # blue against orange: apart on the axis red-green blindness keeps
    for color in (right, wrong):
        assert abs(QColor(base).lightnessF() - color.lightnessF()) > 0.25    # readable on the background


def test_thumbnails_mark_right_and_wrong_by_shape(qtbot, small_dataset):
    grid = ImageGridView()
    qtbot.addWidget(grid)
    grid.resize(400, 300)
    model = grid.grid_model
    labels = small_dataset.y_test[:4]
    model.set_source(small_dataset.x_test[:4], labels, [str(k) for k in range(10)])
    model.set_indices(np.arange(4))
    guesses = labels.copy()
    guesses[1] = (labels[1] + 1) % 10
    model.set_predictions(guesses)
    style = grid.thumbnails._style_for(grid.palette(), grid.font())
    block = grid.thumbnails.compose(model, range(0, 1), range(0, 4), grid.cell_size(), style)
    marks = style["marks"]
    cw = grid.cell_size().width()
    for col in range(4):
        cell = block[:, col * cw:(col + 1) * cw]
        want, other = (marks[1], marks[0]) if col == 1 else (marks[0], marks[1])
        assert _contains(cell, want) and not _contains(cell, other), col
    assert WRONG_MARK in model.describe(1) and RIGHT_MARK in model.describe(0)


def _contains(cell: np.ndarray, tile: np.ndarray) -> bool:
    th, tw = tile.shape
    for y in range(cell.shape[0] - th + 1):
        for x in range(cell.shape[1] - tw + 1):
            if np.array_equal(cell[y:y + th, x:x + tw], tile):
                return True
    return False


def test_the_confusion_diagonal_carries_a_check_mark(qtbot):
    view = ConfusionView()
    qtbot.addWidget(view)
    m = np.full((10, 10), 0)
    np.fill_diagonal(m, 5)
    m[4, 9] = 5
    view.set_matrix(m, "test")
    view.resize(600, 500)
    view.show()
    table = view.table
    marks = table.itemDelegate()
    assert marks.mark(table.model().index(4, 4)) == RIGHT_MARK and marks.mark(table.model().index(4, 9)) == ""
    assert marks.mark(table.model().index(4, 5)) == ""           # an empty cell
    # painted: the diagonal cell and a mistake cell of the same count differ beyond their colour
    table.item(4, 9).setBackground(table.item(4, 4).background())
    right, wrong = (table.viewport().grab(table.visualItemRect(table.item(4, c))).toImage() for c in (4, 9))
    assert right != wrong


def test_my_digits_are_marked_right_or_wrong_in_words(qtbot, tmp_path, model, small_dataset):
    store = MyDigitsStore(tmp_path)
    panel = MyDigitsPanel(store)
    qtbot.addWidget(panel)
    image, label = small_dataset.x_test[0], int(small_dataset.y_test[0])
    store.add(image, label)
    store.add(image, (label + 1) % 10)
    panel.set_model(model)
    texts = [panel.list.item(i).text() for i in range(2)]
    other = (label + 1) % 10
    # one wording with the Dataset grid (label, mark, answer; it read "✗ 6 ≠ 5" here and "6 ✗ 5" there)
    assert texts == [f"{label} {RIGHT_MARK} {label}", f"{other} {WRONG_MARK} {label}"]
    tip = panel.list.item(1).toolTip()
    assert f"Yours: {other}; the network reads {label} ({WRONG_MARK} wrong)" in tip
    assert "your label" in panel.list.toolTip() and "what the network reads" in panel.list.toolTip()
