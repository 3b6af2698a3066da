"""The Training tab as a user drives it: settings, Start / Pause / Stop, curves, messages, export."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from mnist_gui.ui.train.log_spinbox import nice_step
from mnist_gui.core.run_data import CSV_COLUMNS, ema_smooth
from mnist_gui.ui.train.tab import TrainingTab


def make_tab(qtbot, dataset, **settings) -> TrainingTab:
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    c = tab.controls
    c.hidden.setText(settings.get("hidden", "32"))
    c.epochs.setValue(settings.get("epochs", 2))
    c.batch_size.setValue(settings.get("batch_size", 50))
    c.train_size.setValue(settings.get("train_size", 1000))
    c.validation_split.setValue(settings.get("validation_split", 0.2))
    c.optimizer.setCurrentText(settings.get("optimizer", "adam"))
    c.activation.setCurrentText(settings.get("activation", "relu"))
    c.learning_rate.setValue(settings.get("learning_rate", 1e-3))
    assert c.is_valid(), c.error
    return tab


def run_to_end(qtbot, tab, timeout=60000):
    with qtbot.waitSignal(tab.run_finished, timeout=timeout) as blocker:
        qtbot.mouseClick(tab.start_button, Qt.LeftButton)
    return blocker.args[0]


def points(curve) -> int:
    x, _ = curve.getData()
    return 0 if x is None else len(x)


def test_a_short_run_fills_the_curves_log_and_progress(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    with qtbot.waitSignal(tab.model_trained, timeout=60000) as trained:
        result = run_to_end(qtbot, tab)
    assert result.stop_reason is None and trained.args[0] is result.model
    curves = tab.plots.curves
    assert points(curves["loss"]) == points(curves["val_loss"]) == points(curves["val_accuracy"]) == 2
    assert points(curves["batch_loss"]) == points(curves["loss_smooth"]) == 2 * 16   # one per batch
    log = tab.log.toPlainText()
    assert "Epoch 1/2" in log and "Epoch 2/2" in log and "Test accuracy" in log
    assert tab.progress.value() == tab.progress.maximum()
    assert "Test accuracy" in tab.progress_detail.text()
    assert tab.start_button.isEnabled() and not tab.stop_button.isEnabled()
    assert tab.weights.units_shown == 16


def test_stop_ends_the_run_soon_and_keeps_it_without_imposing_it(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset, epochs=200, batch_size=10)
    models = []
    tab.model_trained.connect(models.append)
    tab.start()
    qtbot.waitUntil(lambda: tab.plots.run.n > 0, timeout=30000)
    with qtbot.waitSignal(tab.run_kept, timeout=10000) as kept:
        with qtbot.waitSignal(tab.run_finished, timeout=10000) as finished:
            qtbot.mouseClick(tab.stop_button, Qt.LeftButton)
    result = finished.args[0]
    assert result.stop_reason == "stopped" and result.epochs_completed < 200
    assert kept.args == [result.run_id, "stopped"]
    assert not models                               # a stopped run is kept, not made the current model
    assert tab.store.get(result.run_id).model_path is not None   # ... but its network is kept
    assert "Stopped" in tab.log.toPlainText()
    assert tab.controls.hidden.isEnabled()          # the form unlocks again


def test_pause_holds_the_run_until_resumed(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset, epochs=200, batch_size=10)
    tab.start()
    qtbot.waitUntil(lambda: tab.plots.run.n > 0, timeout=30000)
    qtbot.mouseClick(tab.pause_button, Qt.LeftButton)
    assert tab.pause_button.text() == "Resume"
    qtbot.wait(300)
    held = tab.plots.run.n
    qtbot.wait(300)
    assert tab.plots.run.n == held
    qtbot.mouseClick(tab.pause_button, Qt.LeftButton)
    assert tab.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: tab.plots.run.n > held, timeout=10000)
    with qtbot.waitSignal(tab.run_finished, timeout=10000):
        tab.stop()


def test_a_diverging_run_explains_itself_and_keeps_finite_weights(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset, hidden="64, 64", activation="linear", optimizer="sgd", learning_rate=10.0,
                   epochs=3)
    models = []
    tab.model_trained.connect(models.append)
    result = run_to_end(qtbot, tab)
    assert result.stop_reason == "diverged"
    assert tab.banner.isVisibleTo(tab) and tab.banner.kind == "warning"
    assert "learning rate" in tab.banner.text().lower()
    assert all(np.all(np.isfinite(w)) for w in result.model.get_weights())
    assert tab.progress.format() == "Diverged"
    assert not models          # diverged in epoch 1: no trained network replaces the current one


def test_invalid_settings_are_refused_at_the_control(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    tab.controls.hidden.setText("128, lots")
    assert not tab.start_button.isEnabled()
    assert "hidden" in tab.start_button.toolTip().lower()
    assert tab.controls.hidden.property("invalid") is True
    assert tab.controls.reason.isVisibleTo(tab)
    assert tab.start() is False and not tab.is_running()
    tab.controls.hidden.setText("0")               # parses, but validate() refuses it
    assert not tab.start_button.isEnabled() and tab.controls.hidden.property("invalid") is True
    tab.controls.hidden.setText("64")
    assert tab.start_button.isEnabled() and not tab.controls.hidden.property("invalid")
    assert not tab.controls.reason.isVisibleTo(tab)


def test_the_summary_line_follows_the_settings(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    tab.controls.hidden.setText("512, 512")
    assert "784 → 512 relu → 512 relu → 10 softmax · 669,706 parameters" in tab.summary.text()
    tab.controls.apply_preset("tutorial")
    assert "101,770 parameters" in tab.summary.text()
    assert tab.controls.preset.currentText() == "tutorial"
    tab.controls.epochs.setValue(tab.controls.epochs.value() + 1)
    assert tab.controls.preset.currentText() == "custom"


def test_export_writes_csv_png_and_svg(qtbot, small_dataset, tmp_path):
    tab = make_tab(qtbot, small_dataset, epochs=1)
    run_to_end(qtbot, tab)
    tab.plots.export_csv(tmp_path / "curves.csv")
    lines = (tmp_path / "curves.csv").read_text().splitlines()
    assert lines[0].split(",") == list(CSV_COLUMNS)
    assert len(lines) == 1 + 16 + 1                  # header, 16 batches, 1 epoch
    tab.plots.export_image(tmp_path / "curves.png")
    assert not QImage(str(tmp_path / "curves.png")).isNull()
    tab.plots.export_image(tmp_path / "curves.svg")
    assert QSvgRenderer(str(tmp_path / "curves.svg")).isValid()
    assert not list(tmp_path.glob(".*tmp*"))        # written under a temporary name, then renamed


def test_earlier_runs_stay_in_their_colours_until_cleared(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset, epochs=1)
    first = run_to_end(qtbot, tab)
    run_to_end(qtbot, tab)
    assert tab.plots.shown_ids() == [first.run_id] and len(tab.plots.kept_items()) == 3
    tab.plots.set_show_earlier(False)
    assert not any(item.isVisible() for item in tab.plots.kept_items())
    tab.plots.set_show_earlier(True)
    tab.plots.clear_earlier()
    assert not tab.plots.shown_ids() and not tab.plots.kept_items()
    assert not tab.runs.model.shown                  # the table's ticks follow
    assert points(tab.plots.curves["loss"]) == 1     # the current run is untouched


def test_smoothing_is_tensorboards_debiased_ema():
    values = np.array([1.0, 0.0, 0.0, 1.0])
    smoothed, _ = ema_smooth(values, 0.5)
    # by hand: last = 0.5, 0.25, 0.125, 0.5625 ; debiased by 1 - 0.5**n
    assert np.allclose(smoothed, [1.0, 0.25 / 0.75, 0.125 / 0.875, 0.5625 / 0.9375])
    assert np.allclose(ema_smooth(values, 0.0)[0], values)
    first, state = ema_smooth(values[:2], 0.5)
    rest, _ = ema_smooth(values[2:], 0.5, state)
    assert np.allclose(np.concatenate([first, rest]), smoothed)   # appending matches recomputing


def test_the_crosshair_readout_names_the_values_under_the_mouse(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset, epochs=1)
    run_to_end(qtbot, tab)
    text = tab.plots.readout_at(0.5)
    assert text.startswith("epoch 1, batch 8: loss ") and "validation loss" in text
    assert tab.plots.readout_at(-1.04).startswith("epoch 1, batch 1:")     # left of the data: the first batch
    assert tab.plots.readout_at(7.0).startswith("epoch 1, batch 16:")      # right of it: the last


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plots_follow_the_palette(qtbot, small_dataset, scheme):
    from PySide6.QtWidgets import QApplication

    from mnist_gui.ui.theme import apply_theme, is_dark

    app = QApplication.instance()
    old = app.palette()
    try:
        apply_theme(app, scheme)
        tab = make_tab(qtbot, small_dataset)
        background = tab.plots.graphics.backgroundBrush().color()
        assert (background.lightness() < 128) == (scheme == "dark") == is_dark(app.palette())
    finally:
        app.setPalette(old)


def test_the_learning_rate_steps_along_one_two_five():
    assert [nice_step(0.001, k) for k in (1, 2, 3, -1)] == pytest.approx([0.002, 0.005, 0.01, 0.0005])
    assert nice_step(0.003, 1) == pytest.approx(0.005) and nice_step(0.003, -1) == pytest.approx(0.002)


def test_a_network_that_cannot_fit_is_refused_with_the_reason(qtbot, dataset):
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    tab.controls.hidden.setText("8192, 8192, 8192, 8192, 8192, 8192, 8192, 8192")
    assert tab.controls.is_valid()
    assert tab.start() is False
    assert tab.run is None
    assert "could be trained but not opened again" in tab.banner.text()
