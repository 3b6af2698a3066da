"""The Dataset tab on the full MNIST, offscreen: filters, detail, confusion matrix, keyboard, sending.

Two kinds of model: ``RuleModel``, whose answer for each image is known from the pixels alone (so the
expected rows can be computed independently of the tab), and a small real network from the engine.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from mnist_gui.ui.dataset.tab import DatasetTab
from mnist_gui.core.inference import input_from_uint8

PREDICTION_TIMEOUT = 60_000


class RuleModel:
    """predict(x): the digit is (number of inked pixels) mod 10, with a confidence that varies per image.

    Ink counts do not change with the input scale, so the rule gives the same answer for uint8 and
    [0, 1] input.
    """

    def predict(self, x):
        x = np.asarray(x).reshape(len(x), -1)
        ink = (x > 0).sum(axis=1)
        guess = ink % 10
        confidence = 0.3 + 0.6 * ((ink * 7) % 13) / 12.0
        probs = np.tile(((1 - confidence) / 9)[:, None], (1, 10)).astype(np.float32)
        probs[np.arange(len(x)), guess] = confidence
        return probs

    @staticmethod
    def expected(images):
        ink = (images.reshape(len(images), -1) > 0).sum(axis=1)
        return (ink % 10).astype(np.uint8), (0.3 + 0.6 * ((ink * 7) % 13) / 12.0)


@pytest.fixture(scope="module")
def engine_model(dataset):
    """A small network from the engine, trained for one epoch on 2,000 images (clearly imperfect)."""
    from mnist_gui.nn import presets

    cfg = presets.TrainConfig(hidden=(32,), epochs=1, batch_size=32, seed=0)
    model = presets.build_model(cfg)
    model.fit(dataset.x_train[:2000], dataset.y_train[:2000], epochs=1, batch_size=32, seed=0)
    return model


@pytest.fixture
def make_tab(qtbot, dataset):
    tabs = []

    def make(model=None, split="train"):
        tab = DatasetTab(dataset)
        qtbot.addWidget(tab)
        tab.resize(1200, 800)
        tab.show()
        qtbot.waitExposed(tab)
        if split != "train":
            tab.set_split(split)
        if model is not None:
            set_model_and_wait(qtbot, tab, model)
        tabs.append(tab)
        return tab

    yield make
    for tab in tabs:
        tab.close()
        assert not tab.service._thread.isRunning(), "the prediction thread outlived the tab"


def set_model_and_wait(qtbot, tab, model):
    with qtbot.waitSignal(tab.service.ready, timeout=PREDICTION_TIMEOUT):
        tab.set_model(model)
    qtbot.waitUntil(lambda: tab.controls.predictions_enabled(), timeout=5000)


def shown(tab):
    return tab.shown_indices()


def choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def click_thumbnail(qtbot, tab, pos):
    index = tab.grid.grid_model.index_at(pos)
    tab.grid.scrollTo(index)
    center = tab.grid.visualRect(index).center()
    qtbot.mouseClick(tab.grid.viewport(), Qt.LeftButton, pos=center)


def test_no_model_still_browses_labels(make_tab, dataset, qtbot):
    tab = make_tab()
    c = tab.controls
    assert tab.grid.grid_model.count() == 60_000
    assert "60,000 of 60,000" in c.count_label.text()
    for widget in (c.predicted_combo, c.mistakes_check, c.order_combo):
        assert not widget.isEnabled()
        assert "No model" in widget.toolTip()
    choose(c.label_combo, 3)
    assert np.array_equal(shown(tab), np.flatnonzero(dataset.y_train == 3))
    click_thumbnail(qtbot, tab, 5)
    i = int(np.flatnonzero(dataset.y_train == 3)[5])
    assert tab.detail.shown_index() == i
    assert tab.detail.shown_label() == 3
    assert tab.detail.shown_probabilities() is None
    assert "No model" in tab.detail.chart.message()
    assert tab.confusion.matrix() is None
    assert not tab.grab().isNull()


def test_row_counts_under_each_filter_equal_counts_from_the_arrays(make_tab, dataset):
    tab = make_tab(RuleModel())
    c, y = tab.controls, dataset.y_train
    predicted, _ = RuleModel.expected(dataset.x_train)
    for label in range(10):
        choose(c.label_combo, label)
        assert tab.grid.grid_model.count() == np.count_nonzero(y == label)
        assert tab.grid.grid_model.rowCount() == -(-np.count_nonzero(y == label) // tab.grid.grid_model.columns)
    choose(c.label_combo, None)
    for digit in range(10):
        choose(c.predicted_combo, digit)
        assert np.array_equal(shown(tab), np.flatnonzero(predicted == digit))
    choose(c.predicted_combo, None)
    c.mistakes_check.setChecked(True)
    assert np.array_equal(shown(tab), np.flatnonzero(predicted != y))
    choose(c.label_combo, 7)
    assert np.array_equal(shown(tab), np.flatnonzero((predicted != y) & (y == 7)))
    assert f"{np.count_nonzero((predicted != y) & (y == 7)):,} of 60,000" in c.count_label.text()
    c.clear_button.click()
    assert tab.grid.grid_model.count() == 60_000


def test_sort_by_confidence_puts_the_least_confident_first(make_tab, dataset):
    tab = make_tab(RuleModel())
    choose(tab.controls.label_combo, 2)
    choose(tab.controls.order_combo, "confidence")
    order = shown(tab)
    _, confidence = RuleModel.expected(dataset.x_train)
    assert sorted(order.tolist()) == np.flatnonzero(dataset.y_train == 2).tolist()
    assert np.all(np.diff(confidence[order]) >= -1e-6)
    assert confidence[order[0]] < confidence[order[-1]]


def test_selecting_an_image_updates_the_detail_panel(make_tab, dataset, qtbot):
    tab = make_tab(RuleModel())
    click_thumbnail(qtbot, tab, 17)
    d = tab.detail
    assert d.shown_index() == 17
    assert d.shown_label() == dataset.y_train[17]
    assert "#17" in d.title.text()
    assert f"({dataset.class_names[dataset.y_train[17]]})" in d.label_text.text()
    probs = d.shown_probabilities()
    assert probs.shape == (10,) and probs.sum() == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(d.chart.values(), probs)
    predicted, _ = RuleModel.expected(dataset.x_train[17:18])
    assert "Predicted: <b style='color:" in d.prediction_text.text()
    assert f">{predicted[0]}</b>" in d.prediction_text.text()


def test_hovering_the_large_image_reads_pixel_values(make_tab, dataset, qtbot):
    tab = make_tab()
    tab.jump_to(0)
    view = tab.detail.pixels
    rect = view.image_rect()
    side = rect.width() // 28
    row, col = 14, 15
    at = QPointF(rect.x() + col * side + side / 2, rect.y() + row * side + side / 2)
    # QTest's mouseMove does not reach a tracking widget offscreen, so send the move event itself
    move = QMouseEvent(QEvent.MouseMove, at, view.mapToGlobal(at), Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(view, move)
    assert "row 14, column 15" in tab.detail.readout.text()
    assert f"<b>{dataset.x_train[0][row, col]}</b>" in tab.detail.readout.text()
    leave = QEvent(QEvent.Leave)
    QApplication.sendEvent(view, leave)
    assert "Hover" in tab.detail.readout.text()


def test_mistakes_filter_with_a_real_model_shows_exactly_the_misclassified(make_tab, dataset, engine_model):
    tab = make_tab(engine_model, split="test")
    probs = tab.predictions("test").probs
    # the tab's probabilities are the model's own ...
    assert np.allclose(probs[:500], engine_model.predict(input_from_uint8(engine_model, dataset.x_test[:500])),
                       atol=1e-5)
    tab.controls.mistakes_check.setChecked(True)
    wrong = np.flatnonzero(probs.argmax(axis=1) != dataset.y_test)
    # ... and the filter shows exactly the images they get wrong
    assert 0 < len(wrong) < len(dataset.y_test)
    assert np.array_equal(shown(tab), wrong)


def test_clicking_a_confusion_cell_filters_the_grid_to_that_cell(make_tab, dataset, engine_model, qtbot):
    tab = make_tab(engine_model, split="test")
    matrix = tab.confusion.matrix()
    predicted = tab.predictions("test").predicted
    off_diagonal = matrix - np.diag(np.diag(matrix))
    t, p = np.unravel_index(np.argmax(off_diagonal), matrix.shape)
    assert matrix[t, p] > 0
    tab.controls.mistakes_check.setChecked(True)   # a cell must win over an earlier filter
    tab.views.setCurrentIndex(2)
    table = tab.confusion.table
    qtbot.waitExposed(table)
    center = table.visualItemRect(table.item(int(t), int(p))).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=center)
    assert tab.views.currentIndex() == 0
    expected = np.flatnonzero((dataset.y_test == t) & (predicted == p))
    assert np.array_equal(shown(tab), expected)
    assert len(expected) == matrix[t, p]
    # a diagonal cell shows the right answers of that class
    tab.show_confusion_cell(3, 3)
    assert np.array_equal(shown(tab), np.flatnonzero((dataset.y_test == 3) & (predicted == 3)))
    accuracy = table.item(3, 10).text()
    assert accuracy == f"{matrix[3, 3] / matrix[3].sum():.1%}"


def test_keyboard_navigation_in_the_grid(make_tab, qtbot):
    tab = make_tab()
    grid = tab.grid
    grid.setFocus()
    grid.select_position(0)
    cols = grid.grid_model.columns
    assert cols > 1
    n = grid.grid_model.count()
    steps = [(Qt.Key_Right, 1), (Qt.Key_Down, 1 + cols), (Qt.Key_Left, cols), (Qt.Key_Up, 0),
             (Qt.Key_Up, 0), (Qt.Key_Left, 0), (Qt.Key_End, n - 1), (Qt.Key_Right, n - 1),
             (Qt.Key_Home, 0)]
    for key, expected in steps:
        qtbot.keyClick(grid, key)
        assert grid.current_position() == expected, key
    qtbot.keyClick(grid, Qt.Key_PageDown)
    page = grid.current_position()
    assert page > cols and page % cols == 0
    qtbot.keyClick(grid, Qt.Key_PageUp)
    assert grid.current_position() == 0
    # moving the cursor also moves the detail panel and scrolls the image into view
    qtbot.keyClick(grid, Qt.Key_End)
    assert tab.detail.shown_index() == n - 1
    assert grid.viewport().rect().intersects(grid.visualRect(grid.currentIndex()))


def test_right_arrow_wraps_to_the_next_row(make_tab, qtbot):
    tab = make_tab()
    grid = tab.grid
    cols = grid.grid_model.columns
    grid.select_position(cols - 1)
    qtbot.keyClick(grid, Qt.Key_Right)
    assert grid.current_position() == cols


def test_image_sent_carries_a_copy_of_the_selected_image(make_tab, dataset, qtbot):
    tab = make_tab()
    tab.jump_to(1234)
    with qtbot.waitSignal(tab.image_sent, timeout=2000) as blocker:
        tab.detail.send_button.click()
    sent = blocker.args[0]
    assert sent.dtype == np.uint8 and sent.shape == (28, 28)
    assert np.array_equal(sent, dataset.x_train[1234])
    assert not np.shares_memory(sent, dataset.x_train)
    with qtbot.waitSignal(tab.image_sent, timeout=2000) as blocker:
        qtbot.keyClick(tab.grid, Qt.Key_Return)
    assert np.array_equal(blocker.args[0], dataset.x_train[1234])


def test_switching_split_jumping_and_thumbnail_size(make_tab, dataset, qtbot):
    tab = make_tab(RuleModel())
    tab.set_split("test")
    assert tab.grid.grid_model.count() == 10_000
    qtbot.waitUntil(lambda: tab.predictions("test") is not None, timeout=PREDICTION_TIMEOUT)
    predicted, _ = RuleModel.expected(dataset.x_test)
    assert np.array_equal(tab.predictions("test").predicted, predicted)
    choose(tab.controls.label_combo, 1)
    tab.controls.jump_spin.setValue(0)   # image 0 of the test split is a 7: hidden by the filter
    tab.controls.jump_button.click()
    assert tab.grid.current_dataset_index() == 0
    assert tab.grid.grid_model.count() == 10_000
    assert "cleared" in tab.status.text()
    assert tab.detail.shown_index() == 0 and tab.detail.shown_label() == dataset.y_test[0]
    with pytest.raises(ValueError, match="0..9999"):
        tab.jump_to(10_000)
    before = tab.grid.cell_size()
    cols = tab.grid.grid_model.columns
    tab.controls.size_slider.setValue(4)
    assert tab.grid.cell_size().width() > before.width()
    assert tab.grid.grid_model.columns < cols
    assert tab.grid.current_dataset_index() == 0


def test_set_model_none_goes_back_to_labels_only(make_tab, dataset):
    tab = make_tab(RuleModel())
    tab.controls.mistakes_check.setChecked(True)
    assert tab.grid.grid_model.count() < 60_000
    choose(tab.controls.label_combo, 5)
    tab.set_model(None)
    assert np.array_equal(shown(tab), np.flatnonzero(dataset.y_train == 5))   # the label filter stays
    assert not tab.controls.mistakes_check.isEnabled()
    assert not tab.controls.mistakes_check.isChecked()
    assert tab.grid.grid_model.predicted is None
    assert tab.detail.shown_probabilities() is None
    assert tab.confusion.matrix() is None


def test_statistics_view_describes_the_split(make_tab, dataset, qtbot):
    tab = make_tab()
    tab.views.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.stats.statistics() is not None, timeout=10_000)
    stats = tab.stats.statistics()
    assert np.array_equal(stats.counts, np.bincount(dataset.y_train, minlength=10))
    assert np.array_equal(tab.stats.counts_chart.values(), stats.counts)
    assert stats.histogram.sum() == dataset.x_train.size
    assert np.allclose(stats.means[4], dataset.x_train[dataset.y_train == 4].mean(axis=0), atol=1e-3)
    tab.set_split("test")
    qtbot.waitUntil(lambda: tab.stats.statistics().counts.sum() == 10_000, timeout=10_000)


def _frame_colors(image, thumb):
    """Colours just outside the left edge of a thumbnail, where a mistake's red frame is drawn."""
    y = thumb.center().y()
    return {image.pixelColor(x, y).name() for x in range(thumb.x() - 3, thumb.x())}


def test_mistakes_are_painted_red_and_right_answers_not(make_tab, dataset):
    from mnist_gui.ui.dataset.thumbnails import verdict_colors

    tab = make_tab(RuleModel())
    grid = tab.grid
    on_screen = 3 * grid.grid_model.columns
    predicted, _ = RuleModel.expected(dataset.x_train[:on_screen])
    right_pos = int(np.flatnonzero(predicted == dataset.y_train[:on_screen])[0])
    wrong_pos = int(np.flatnonzero(predicted != dataset.y_train[:on_screen])[0])
    grid.select_position(on_screen + 1)   # keep the selection frame away from the cells we look at
    image = grid.viewport().grab().toImage()
    side = grid.thumbnails.thumb_size()

    def thumb(pos):
        cell = grid.visualRect(grid.grid_model.index_at(pos))
        return cell.adjusted((cell.width() - side) // 2, grid.thumbnails.MARGIN, 0, 0)

    _, wrong = verdict_colors(grid.palette())
    assert wrong.name() in _frame_colors(image, thumb(wrong_pos))
    assert wrong.name() not in _frame_colors(image, thumb(right_pos))


def test_thumbnails_are_painted_on_demand_not_held_for_every_image(make_tab, dataset):
    from PySide6.QtWidgets import QWidget

    tab = make_tab()
    grid = tab.grid
    bar = grid.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    image = grid.viewport().grab().toImage()
    cols = grid.grid_model.columns
    visible_rows = grid.viewport().height() // grid.cell_size().height() + 2
    assert 0 < grid.thumbnails.images_painted <= cols * visible_rows   # only what is on screen
    assert len(tab.findChildren(QWidget)) < 300   # and no widget per image
    # the painted thumbnail is the image itself, each pixel a scale x scale square
    pos = grid.grid_model.position(grid.indexAt(grid.viewport().rect().center()))
    cell = grid.visualRect(grid.grid_model.index_at(pos))
    side, s = grid.thumbnails.thumb_size(), grid.thumbnails.scale
    x0, y0 = cell.x() + (cell.width() - side) // 2, cell.y() + grid.thumbnails.MARGIN
    painted = np.array([[image.pixelColor(x0 + c * s, y0 + r * s).red() for c in range(28)] for r in range(28)])
    assert np.array_equal(painted, dataset.x_train[grid.grid_model.dataset_index(pos)])


def test_the_selected_image_is_answered_at_once_while_the_split_is_still_predicted(make_tab, dataset, qtbot):
    tab = make_tab()
    tab.set_model(RuleModel())           # predictions for the whole split now run in the background
    assert tab.predictions() is None
    click_thumbnail(qtbot, tab, 17)
    probs = tab.detail.shown_probabilities()
    assert probs is not None and probs.shape == (10,)
    predicted, _ = RuleModel.expected(dataset.x_train[17:18])
    assert int(np.argmax(probs)) == predicted[0]
    assert "No model" not in tab.detail.chart.message()
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)


def test_go_to_image_follows_the_image_clicked(make_tab, dataset, qtbot):
    tab = make_tab(split="test")
    choose(tab.controls.label_combo, 3)   # the grid shows threes: position 5 is not image 5
    click_thumbnail(qtbot, tab, 5)
    clicked = int(tab.shown_indices()[5])
    assert clicked != 5 and tab.detail.shown_index() == clicked
    assert tab.controls.jump_spin.value() == clicked
    qtbot.keyClick(tab.grid, Qt.Key_Right)
    assert tab.controls.jump_spin.value() == int(tab.shown_indices()[6])
    tab.controls.jump_button.click()      # "Go" with the number shown keeps the image shown
    assert tab.grid.current_dataset_index() == int(tab.shown_indices()[6])
