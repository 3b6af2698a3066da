"""The training plots follow what is shown: the y range re-fits when runs are hidden or cleared, the loss
can be drawn on a log scale, the readout speaks plain words and never widens the window, exports leave the
crosshair out, the legends promise validation only when there is some, and a pause is not counted."""

from __future__ import annotations

import types

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

import mnist_gui.core.training_reporter as reporter_module
from mnist_gui.core import training_text
from mnist_gui.core.runs import RunStore
from mnist_gui.ui.train.plots import NO_VALIDATION, TrainingPlots
from mnist_gui.core.training_reporter import Reporter
from mnist_gui.ui.train.tab import TrainingTab

from tests.ui.test_runs_table import kept_run, make_tab, tick


def fill(plots: TrainingPlots, epochs=2, steps=10, loss=1.0, validation=True) -> None:
    plots.begin_run(epochs * steps, epochs=epochs, steps=steps, validation=validation)
    for e in range(epochs):
        x = [e + (b + 1) / steps for b in range(steps)]
        plots.add_batches({"x": x, "loss": [loss / (1 + e)] * steps, "accuracy": [0.5 + 0.2 * e] * steps})
        logs = {"epoch": e + 1, "x": e + 1, "loss": loss / (1 + e), "accuracy": 0.5 + 0.2 * e}
        if validation:
            logs.update(val_loss=loss / (1 + e), val_accuracy=0.5)
        plots.add_epoch(logs)
    plots.refresh()


def legend_names(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def y_top(plot) -> float:
    return plot.vb.viewRange()[1][1]


def test_hiding_or_clearing_a_hopeless_run_refits_the_loss_axis(qtbot, small_dataset):
    store = RunStore()
    hopeless = kept_run(store, "lr 10", 10.0, loss=300.0)
    tab = make_tab(qtbot, small_dataset)
    fill(tab.plots)
    assert y_top(tab.plots.loss_plot) < 5
    tick(tab, hopeless)
    assert y_top(tab.plots.loss_plot) > 300                 # the hopeless run is in view ...
    tick(tab, hopeless, on=False)
    assert y_top(tab.plots.loss_plot) < 5                   # ... and once hidden, the axis fits the rest
    tick(tab, hopeless)
    tab.plots.loss_plot.vb.scaleBy((1, 4))                  # the user zooms out by hand
    qtbot.mouseClick(tab.plots.clear_button, Qt.LeftButton)
    assert y_top(tab.plots.loss_plot) < 5 and not tab.runs.model.shown


def test_the_log_scale_switch_is_on_the_toolbar(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.show()
    qtbot.waitExposed(plots)
    fill(plots, loss=100.0)
    assert plots.log_loss.isVisible() and plots.toolbar.isAncestorOf(plots.log_loss)
    qtbot.mouseClick(plots.log_loss, Qt.LeftButton)
    assert plots.loss_plot.getAxis("left").logMode
    lo, hi = plots.loss_plot.vb.viewRange()[1]
    assert lo < np.log10(50) < np.log10(100) < hi < 3        # powers of ten around the data
    qtbot.mouseClick(plots.log_loss, Qt.LeftButton)
    assert not plots.loss_plot.getAxis("left").logMode


def test_the_readout_speaks_in_epochs_and_batches_and_never_widens_the_window(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    fill(plots, epochs=2, steps=10)
    assert plots.readout_at(1.35).startswith("epoch 2, batch 4: loss 0.5 ")
    assert "after epoch 1" in plots.readout_at(1.1) and "validation loss" in plots.readout_at(1.1)
    for x in (-1.04, -100.0, 0.0, 0.001, 2.0, 50.0):
        text = plots.readout_at(x)
        assert "epoch -" not in text and "epoch 0" not in text, text
    plots.resize(700, 400)
    plots.show()
    qtbot.waitExposed(plots)
    width = plots.width()
    plots.readout.set_line("epoch 1, batch 2: " + "loss 0.21 · " * 200)
    qtbot.wait(10)
    assert plots.width() == width and plots.sizeHint().width() < width + 200
    assert plots.readout.text().endswith("…") and plots.readout.line().endswith("loss 0.21 · ")


def test_the_tab_at_1280_pixels_stays_1280_while_the_mouse_moves(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    fill(tab.plots, epochs=3, steps=200)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitExposed(tab)
    plot = tab.plots.loss_plot
    scene_pos = plot.vb.mapViewToScene(QPointF(1.5, 0.5))
    tab.plots._on_mouse_moved((scene_pos,))
    assert tab.plots.readout.line().startswith("epoch 2, batch")
    assert tab.width() == 1280


def test_exports_leave_the_crosshair_out(qtbot, tmp_path):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 300)
    plots.show()
    qtbot.waitExposed(plots)
    fill(plots)
    plots.export_image(tmp_path / "clean.png")
    scene_pos = plots.loss_plot.vb.mapViewToScene(QPointF(1.0, 0.75))
    plots._on_mouse_moved((scene_pos,))
    assert all(line.isVisible() for line in plots.crosshairs)
    plots.export_image(tmp_path / "export.png")
    assert all(line.isVisible() for line in plots.crosshairs)            # still there on screen
    clean, exported = QImage(str(tmp_path / "clean.png")), QImage(str(tmp_path / "export.png"))
    assert not exported.isNull() and exported == clean                    # ... but not in the picture


def test_validation_is_promised_only_when_there_is_some(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    fill(plots, validation=False)
    assert "validation (epoch)" not in legend_names(plots.loss_plot)
    assert "validation (epoch)" not in legend_names(plots.acc_plot)
    assert plots.validation_note.isVisibleTo(plots) and plots.validation_note.text() == NO_VALIDATION
    fill(plots, validation=True)
    assert "validation (epoch)" in legend_names(plots.loss_plot)
    assert not plots.validation_note.isVisibleTo(plots)


def test_the_form_without_a_validation_split_says_so(qtbot, small_dataset):
    tab = TrainingTab(small_dataset)
    qtbot.addWidget(tab)
    tab.controls.apply_preset("tutorial")
    assert tab.plots.validation_note.isVisibleTo(tab)
    tab.controls.validation_split.setValue(0.1)
    assert not tab.plots.validation_note.isVisibleTo(tab)


class FakeSignal:
    def __init__(self):
        self.sent = []

    def emit(self, value):
        self.sent.append(value)


def test_paused_time_is_left_out_of_epoch_times_and_the_time_left(monkeypatch):
    clock = types.SimpleNamespace(now=100.0)
    monkeypatch.setattr(reporter_module.time, "perf_counter", lambda: clock.now)
    control = types.SimpleNamespace(paused=False)
    worker = types.SimpleNamespace(max_rate=1000.0, weight_interval=1e9, weight_units=4, control=control,
                                   **{name: FakeSignal() for name in ("run_started", "batch_ended", "epoch_ended",
                                                                       "weights_changed")})
    rep = Reporter(worker)
    rep.set_params({"epochs": 2, "steps": 4, "batch_size": 10, "samples": 40})
    rep.on_train_begin()
    rep.on_epoch_begin(0)
    for batch in range(4):
        rep.on_batch_begin(batch)
        clock.now += 1.0                               # each batch takes a second
        control.paused = batch == 1                    # the user pauses after the second batch ...
        rep.on_batch_end(batch, {"loss": 1.0, "accuracy": 0.5, "size": 10})
        if batch == 1:
            assert worker.batch_ended.sent[-1]["paused"]
            clock.now += 60.0                          # ... for a minute
            control.paused = False
    rep.on_epoch_end(0, {"loss": 1.0, "accuracy": 0.5})
    info = worker.epoch_ended.sent[-1]
    assert info["seconds"] == pytest.approx(4.0) and rep.paused_seconds == pytest.approx(60.0)
    assert worker.batch_ended.sent[-1]["seconds_left"] == pytest.approx(4.0)   # 4 batches left, 1 s each
    chunk = worker.batch_ended.sent[-1]
    assert "Paused" in training_text.progress_detail(chunk, paused=True)
    assert "left once resumed" in training_text.progress_detail(chunk, paused=True)


def test_a_run_without_validation_draws_its_per_epoch_test_labelled_as_test(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.begin_run(20, epochs=2, steps=10, validation=False)
    assert "test (epoch)" in legend_names(plots.loss_plot)       # promised before the first epoch ends
    plots.add_batches({"x": list(np.arange(1, 21) / 10), "loss": [0.5] * 20, "accuracy": [0.9] * 20})
    for e in range(2):
        plots.add_epoch({"epoch": e + 1, "x": e + 1.0, "loss": 0.5, "accuracy": 0.9, "test_loss": 0.4,
                         "test_accuracy": 0.92})
    plots.refresh()
    for plot, key in ((plots.loss_plot, "test_loss"), (plots.acc_plot, "test_accuracy")):
        assert "test (epoch)" in legend_names(plot) and "validation (epoch)" not in legend_names(plot)
        assert len(plots.curves[key].yData) == 2
    assert plots.curves["test_accuracy"].yData[-1] == pytest.approx(92.0)
    text = plots.readout_at(2.0)
    assert "test loss" in text and "validation" not in text
