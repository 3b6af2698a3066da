"""The Inside tab as a user meets it: layers for the digit, a click explains a unit, the map, the lab."""

from __future__ import annotations

import types

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from mnist_gui.core.paths import resource_path
from mnist_gui.nn import Dense, Flatten, Sequential, load_model
from mnist_gui.nn.presets import TrainConfig, build_model
from mnist_gui.ui.inside import InsideTab


@pytest.fixture(scope="module")
def cnn():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def test_images(dataset):
    return types.SimpleNamespace(x_test=dataset.x_test[:600], y_test=dataset.y_test[:600],
                                 class_names=dataset.class_names)


@pytest.fixture
def tab(qtbot, test_images, cnn):
    w = InsideTab(test_images)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.set_model(cnn)
    yield w
    w.shutdown()


def _seven(test_images):
    return test_images.x_test[0].astype(np.float32) / 255


def test_blank_pad_asks_for_a_digit(tab):
    tab.set_input(None)
    tab.update_view()
    assert "Draw a digit" in tab.message.text() and tab.network.unit_at(QPointF(300, 200)) is None
    assert "Draw a digit" not in tab.detail.title.text()      # said once, not again in the detail pane


def test_the_digit_is_shown_layer_by_layer_and_many_strokes_cost_one_pass(qtbot, tab, test_images):
    updates = []
    tab.view_updated.connect(lambda: updates.append(1))
    for _ in range(5):  # a burst of stroke segments
        tab.set_input(_seven(test_images))
    qtbot.waitUntil(lambda: bool(updates), timeout=2000)
    QApplication.processEvents()
    assert len(updates) == 1 and not tab._timer.isActive()
    assert [v.kind for v in tab.trace.views][-1] == "output" and tab.trace.answer.values.argmax() == 7
    assert tab.lab_view.answer.text().startswith("Your digit: seven")


def test_clicking_a_feature_map_explains_it(qtbot, tab, test_images):
    tab.set_input(_seven(test_images))
    tab.update_view()
    conv = tab.trace.views[0]
    point = tab.network.unit_centre(conv.index, 4).toPoint()
    qtbot.mouseClick(tab.network, Qt.LeftButton, pos=point)
    assert "feature map 4" in tab.detail.title.text()
    assert "3×3 kernel" in tab.detail.weights_label.text() and "bias" in tab.detail.arithmetic.toPlainText()
    assert tab.detail.weights_picture.pixmap() is not None and not tab.detail.temperature_row.isVisibleTo(tab)


def test_the_answer_shows_the_softmax_with_an_adjustable_temperature(tab, test_images):
    tab.set_input(_seven(test_images))
    tab.update_view()
    tab.select_unit(tab.trace.answer.index, 7)
    assert tab.detail.temperature_row.isVisibleTo(tab)
    sharp = tab.detail.arithmetic.toPlainText()
    tab.detail.set_temperature(10.0)
    flat = tab.detail.arithmetic.toPlainText()
    assert "T = 1" in sharp and "T = 10" in flat and sharp != flat


def test_a_selected_unit_follows_the_drawing(tab, test_images):
    tab.set_input(_seven(test_images))
    tab.update_view()
    tab.select_unit(tab.trace.views[-2].index, 0)
    before = tab.detail.arithmetic.toPlainText()
    tab.set_input(test_images.x_test[1].astype(np.float32) / 255)
    tab.update_view()
    assert tab.detail.arithmetic.toPlainText() != before and "unit 0" in tab.detail.title.text()


def test_a_layer_of_8192_units_is_summarised(qtbot, tab, test_images):
    wide = Sequential([Flatten(input_shape=(28, 28)), Dense(8192, activation="relu"),
                       Dense(10, activation="softmax")], seed=0)
    wide.compile("adam")
    tab.set_model(wide)
    tab.set_input(_seven(test_images))
    tab.update_view()
    assert "8,192 units" in tab.trace.views[0].note
    tab.network.grab()  # paints without drawing 8,192 of anything


def test_a_model_with_no_hidden_layer_says_so(tab, test_images):
    flat = Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")], seed=0)
    flat.compile("sgd")
    tab.set_model(flat)
    tab.set_input(_seven(test_images))
    tab.update_view()
    assert "no hidden layer" in tab.message.text()


def test_an_image_of_another_size_is_resized_with_a_note(tab, test_images):
    tab.set_input(np.pad(_seven(test_images), 4))
    tab.update_view()
    assert "36×36" in tab.message.text() and tab.trace.answer.values.argmax() == 7


def _on_plot(view, index):
    """Where test image ``index``'s point is, in the map's plot widget (for the mouse)."""
    x, y = view.map.coords[index]
    scene = view.plot.getViewBox().mapViewToScene(QPointF(float(x), float(y)))
    return view.plot.mapFromScene(scene)


def _lone_point(view):
    """A point with no other within a few pixels (so the mouse is over it alone)."""
    coords = view.map.coords
    pixels = np.array([[p.x(), p.y()] for p in (_on_plot(view, i) for i in range(len(coords)))], float)
    for i in range(len(coords)):
        if (np.hypot(*(pixels - pixels[i]).T) < 12).sum() == 1:
            return i
    raise AssertionError("no lone point on the map")


def test_the_map_is_made_off_the_gui_thread_and_a_click_shows_the_image_inside(qtbot, tab, test_images,
                                                                                monkeypatch):
    tab.set_input(_seven(test_images))
    tab.update_view()
    with qtbot.waitSignal(tab.map_runner.finished, timeout=30000):
        tab.pages.setCurrentWidget(tab.pca_view)
    assert tab.pca_view.map.coords.shape == (600, 2)
    assert len(tab.pca_view.current.data) == 1  # the cross for the current digit
    view, sent = tab.pca_view, []
    monkeypatch.setitem(pg.CONFIG_OPTIONS, "mouseRateLimit", 0)  # every mouse move counts, however quick
    qtbot.waitUntil(lambda: view.plot.getViewBox().viewRange()[0] != [0, 1])  # the plot has its range
    QApplication.processEvents()
    tab.image_sent.connect(sent.append)
    plot_width = view.plot.width()
    index = _lone_point(view)
    qtbot.mouseMove(view.plot.viewport(), _on_plot(view, index))
    qtbot.waitUntil(lambda: f"Test image {index}" in view.preview_text.text())
    label = test_images.class_names[test_images.y_test[index]]
    assert f"Label: {label}" in view.preview_text.text() and "The network says:" in view.preview_text.text()
    assert view.plot.toolTip() == "" and view.plot.getViewBox().toolTip() == ""  # no raw "x: … data=" tip
    assert view.plot.width() == plot_width  # the preview has its own place: the plot keeps its size
    with qtbot.waitSignal(tab.test_image_picked) as picked:
        qtbot.mouseClick(view.plot.viewport(), Qt.LeftButton, pos=_on_plot(view, index))
    assert picked.args == [index] and not sent  # it stays on the Inside tab ...
    assert tab.pages.currentIndex() == 0        # ... on the Layers page, showing the image clicked
    picked_image = test_images.x_test[index] / 255
    qtbot.waitUntil(lambda: tab.trace.image is not None and bool(np.allclose(tab.trace.image, picked_image)))
    assert f"Test image {index:,}, clicked on the map" in tab.message.text()
    view.send.click()                            # and the Draw tab is one button away
    assert len(sent) == 1 and np.array_equal(sent[0], test_images.x_test[index])


def test_a_map_for_a_swapped_model_is_dropped(qtbot, tab, test_images, cnn):
    tab.pages.setCurrentWidget(tab.pca_view)  # starts the map for the CNN
    mlp = build_model(TrainConfig(hidden=(16,)))
    with qtbot.waitSignal(tab.map_runner.finished, timeout=30000) as first:
        tab.set_model(mlp)  # while the CNN's map is computing
    assert first.args[0] is cnn and tab.pca_view.map is None  # the CNN's map came, and was not shown
    qtbot.waitUntil(lambda: tab.pca_view.map is not None, timeout=30000)
    assert tab.pca_view.map.mean.shape == (16,)  # the MLP's 16 hidden units


def test_the_lab_switches_units_off_and_measures_accuracy_off_the_gui_thread(qtbot, tab, test_images, cnn):
    tab.set_input(_seven(test_images))
    tab.update_view()
    weights = [w.copy() for w in cnn.get_weights()]
    tab.pages.setCurrentWidget(tab.lab_view)
    lab = tab.lab_view
    qtbot.waitUntil(lambda: "%" in lab.accuracy.text(), timeout=30000)
    lab.layer.setCurrentText("dense")
    lab.off.setText("0-127")
    lab.off.editingFinished.emit()
    assert "as trained" in lab.answer.text() and "128 switched off" in tab.message.text()
    assert not tab.trace.views[-2].values.any()  # the Layers view shows the dense layer switched off
    qtbot.waitUntil(lambda: "edited" in lab.accuracy.text(), timeout=30000)
    for before, after in zip(weights, cnn.get_weights()):
        np.testing.assert_array_equal(before, after)  # the other tabs' network is untouched
    lab.reset_edits()
    assert "No edits" in lab.summary.text() and tab.trace.views[-2].values.any()


def test_the_lab_names_a_bad_unit_list(tab):
    lab = tab.lab_view
    lab.layer.setCurrentText("dense")
    lab.off.setText("3, x")
    lab.off.editingFinished.emit()
    assert "'x'" in lab.problem.text() and lab.edits.is_empty()
    lab.off.setText("500")
    lab.off.editingFinished.emit()
    assert "0 to 127" in lab.problem.text()


def test_the_edited_network_can_be_saved(tab, tmp_path):
    tab.lab_view.layer.setCurrentText("dense")
    tab.lab_view.prune.setValue(50)
    tab.save_edited(tmp_path / "edited.npz")
    saved = load_model(tmp_path / "edited.npz")
    kernel = next(layer for layer in saved.layers if layer.name == "dense").kernel
    assert np.count_nonzero(kernel == 0) >= kernel.size // 2


def test_the_edited_network_can_be_kept_as_a_run(qtbot, tab, cnn, tmp_path):
    from mnist_gui.core.models import run_choices
    from mnist_gui.core.runs import RunStore

    tab.store = store = RunStore(tmp_path / "runs")
    tab.lab_view.layer.setCurrentText("dense")
    tab.lab_view.scale.setValue(0.5)
    with qtbot.waitSignal(tab.run_kept, timeout=20000) as kept_run, \
            qtbot.waitSignal(tab.edited_model_kept, timeout=20000) as kept:
        tab.lab_view.keep.click()
    model, words = kept.args
    assert model is not cnn and "weights ×0.5" in words
    run, = store.runs()
    assert run.id == kept_run.args[0] and run.status == "finished" and run.info["source"] == "lab"
    assert "weights ×0.5" in run.name and run.info["config"]["lab_edits"] == "dense: weights ×0.5"
    assert run.info["config"].get("architecture") == cnn.metadata.get("config", {}).get("architecture")
    assert 0.0 < run.info["test_accuracy"] <= 1.0
    choice, = run_choices(store.runs())
    assert choice.available, "offered in the model selector"
    dense = next(layer for layer in load_model(choice.path).layers if layer.name == "dense")
    original = next(layer for layer in cnn.layers if layer.name == "dense")
    np.testing.assert_allclose(dense.kernel, original.kernel * 0.5, rtol=1e-6)
    assert "Kept as the run" in tab.lab_view.kept.text()


def test_a_view_too_small_to_lay_out_still_has_a_sensible_grid(qtbot, test_images, cnn):
    # hidden and never laid out (the Inside tab follows the pad from behind another tab), the view once
    # computed a negative aspect ratio, NaN grid columns and an exception inside a resize event, which
    # PySide turned into a crash of the whole app
    import warnings

    from mnist_gui.core.inside import trace
    from mnist_gui.ui.inside.network_view import NetworkView

    view = NetworkView()
    qtbot.addWidget(view)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for width, height in ((1, 1), (20, 300), (300, 2)):
            view.resize(width, height)
            view.set_trace(trace(cnn, _seven(test_images)))
            assert all(c.columns >= 1 for c in view._columns if getattr(c, "columns", None) is not None)


def test_the_first_map_comes_from_fewer_images_then_grows_to_all(qtbot, tab, monkeypatch):
    from mnist_gui.core import pca

    monkeypatch.setattr(pca, "FIRST_MAP_IMAGES", 200)
    sizes = []
    tab.map_runner.finished.connect(lambda _model, result: sizes.append(len(result[0].coords)))
    tab.pages.setCurrentWidget(tab.pca_view)
    qtbot.waitUntil(lambda: len(sizes) == 1, timeout=30000)
    assert tab.pca_view.map.coords.shape == (200, 2) and "Adding 400 more" in tab.pca_view.status.text()
    qtbot.waitUntil(lambda: len(sizes) == 2, timeout=30000)
    assert tab.pca_view.map.coords.shape == (600, 2) and "Adding" not in tab.pca_view.status.text()


def test_a_new_model_resets_the_labs_clicked_unit(tab, test_images):
    tab.set_input(_seven(test_images))
    tab.update_view()
    dense = next(i for i, layer in enumerate(tab._model.layers) if layer.name == "dense")
    tab.select_unit(dense, 66)
    assert tab.lab_view.off_selected.text() == "Switch off dense unit 66" and tab.lab_view.off_selected.isEnabled()
    tab.set_model(build_model(TrainConfig(hidden=(16,))))  # a network with no unit 66 anywhere
    assert "66" not in tab.lab_view.off_selected.text() and not tab.lab_view.off_selected.isEnabled()


def test_the_labs_accuracy_says_when_it_is_a_sample_of_the_test_images(qtbot, tab, cnn, monkeypatch):
    from mnist_gui.core import lab

    tab.pages.setCurrentWidget(tab.lab_view)
    qtbot.waitUntil(lambda: "%" in tab.lab_view.accuracy.text(), timeout=30000)
    assert "on all 600 test images" in tab.lab_view.accuracy.text()  # the fixture's test set is 600 images
    monkeypatch.setattr(lab, "LAB_IMAGES", 200)
    tab.set_model(cnn)  # measured afresh, on fewer images than the test set has
    qtbot.waitUntil(lambda: "%" in tab.lab_view.accuracy.text(), timeout=30000)
    assert "a sample of 200 of the 600 test images" in tab.lab_view.accuracy.text()
