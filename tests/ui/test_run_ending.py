"""The end of a run: the final test evaluation can be stopped (Stop, closing the window) within one slice,
and a network whose outputs are not finite is never installed as the current model."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Slot

import mnist_gui.nn.presets as presets
from mnist_gui.core import training_text
from mnist_gui.nn.model import Sequential
from mnist_gui.nn.presets import TrainConfig
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.train.tab import TrainingTab
from mnist_gui.ui.train.worker import EVAL_SLICE, TrainingRun, evaluate_in_slices

SLICE_SECONDS = 0.1


@pytest.fixture
def big_test_set(small_dataset, dataset):
    """A quick training set with the full 10,000 test images: 40 slices of evaluation."""
    return dataclasses.replace(small_dataset, x_test=dataset.x_test, y_test=dataset.y_test)


@pytest.fixture
def slow_evaluate(monkeypatch):
    """Make every evaluate() call take SLICE_SECONDS longer, as for a large network; counts the calls."""
    calls = []
    real = Sequential.evaluate

    def evaluate(self, x, y, batch_size=256, **kwargs):
        calls.append(len(x))
        time.sleep(SLICE_SECONDS)
        return real(self, x, y, batch_size=batch_size, **kwargs)

    monkeypatch.setattr(Sequential, "evaluate", evaluate)
    return calls


class Results(QObject):
    def __init__(self, run: TrainingRun):
        super().__init__()
        self.results = []
        run.worker.finished.connect(self.on_finished)

    @Slot(object)
    def on_finished(self, result):
        self.results.append(result)


def config(**changes) -> TrainConfig:
    base = TrainConfig(hidden=(32,), epochs=1, batch_size=50, train_size=1000, seed=1)
    return dataclasses.replace(base, **changes)


def test_stop_during_the_test_ends_it_within_a_slice(qtbot, big_test_set, slow_evaluate):
    run = TrainingRun(config(), big_test_set)
    rec = Results(run)
    with qtbot.waitSignal(run.worker.evaluation_started, timeout=60000):
        run.start()
    qtbot.wait(int(3.5 * 1000 * SLICE_SECONDS))
    t0 = time.perf_counter()
    with qtbot.waitSignal(run.thread.finished, timeout=10000):
        run.stop()
    assert time.perf_counter() - t0 < 2.0          # the whole test would take 40 slices, 4 s or more
    (result,) = rec.results
    assert result.stop_reason is None and result.epochs_completed == 1     # training itself had finished
    assert result.test_accuracy is None and result.test_loss is None and result.test_stopped
    assert "test_accuracy" not in result.model.metadata
    assert 2 <= len(slow_evaluate) < len(big_test_set.x_test) / EVAL_SLICE / 2
    assert training_text.TEST_STOPPED in training_text.result_lines(result, 10000)


def test_the_stop_that_ended_training_still_lets_the_test_run(qtbot, small_dataset):
    run = TrainingRun(config(epochs=200, batch_size=10), small_dataset)
    rec = Results(run)
    with qtbot.waitSignal(run.worker.batch_ended, timeout=30000):
        run.start()
    with qtbot.waitSignal(run.thread.finished, timeout=30000):
        run.stop()
    (result,) = rec.results
    assert result.stop_reason == "stopped" and 0 < result.test_accuracy <= 1 and not result.test_stopped


def test_closing_the_window_during_the_test_is_prompt(qtbot, big_test_set, settings, slow_evaluate,
                                                      no_running_qthreads):
    window = MainWindow(big_test_set, settings=settings)
    qtbot.addWidget(window)
    c = window.training_tab.controls
    c.hidden.setText("32")
    c.epochs.setValue(1)
    c.train_size.setValue(1000)
    c.batch_size.setValue(50)
    window.training_tab.start()
    qtbot.waitUntil(lambda: "Testing" in window.training_tab.progress.format(), timeout=60000)
    t0 = time.perf_counter()
    window.close()
    assert time.perf_counter() - t0 < 2.0          # the whole test would take 40 slices, 4 s or more
    assert not window.training_tab.is_running()
    assert not any(t.isRunning() for t in no_running_qthreads)
    assert len(slow_evaluate) < len(big_test_set.x_test) / EVAL_SLICE / 2


def test_stop_in_the_tab_during_the_test_keeps_the_network_without_a_test_accuracy(qtbot, big_test_set,
                                                                                  slow_evaluate):
    tab = TrainingTab(big_test_set)
    qtbot.addWidget(tab)
    c = tab.controls
    c.hidden.setText("32")
    c.epochs.setValue(1)
    c.train_size.setValue(1000)
    c.batch_size.setValue(50)
    tab.start()
    qtbot.waitUntil(lambda: "Testing on 10,000 images" in tab.progress.format(), timeout=60000)
    assert tab.stop_button.isEnabled() and not tab.pause_button.isEnabled()    # no batches left to pause
    with qtbot.waitSignal(tab.model_trained, timeout=10000) as trained:
        with qtbot.waitSignal(tab.run_finished, timeout=10000) as finished:
            tab.stop()
            assert tab.progress.format() == "Skipping the test…"
    result = finished.args[0]
    assert trained.args[0] is result.model and result.test_accuracy is None
    assert "Test accuracy not measured" in tab.log.toPlainText()
    assert "Test accuracy not measured" in tab.progress_detail.text()


def nan_after_fit(monkeypatch):
    """Networks whose weights are NaN once fit returns, as a run can leave them after diverging."""
    real_build = presets.build_model

    def build(*args, **kwargs):
        model = real_build(*args, **kwargs)
        real_fit = model.fit

        def fit(*fit_args, **fit_kwargs):
            history = real_fit(*fit_args, **fit_kwargs)
            model.set_weights([np.full_like(w, np.nan) for w in model.get_weights()])
            return history

        model.fit = fit
        return model

    monkeypatch.setattr(presets, "build_model", build)


def test_a_network_with_nan_outputs_is_not_installed(qtbot, small_dataset, settings, monkeypatch):
    window = MainWindow(small_dataset, settings=settings)
    qtbot.addWidget(window)
    tab = window.training_tab
    c = tab.controls
    c.hidden.setText("16")
    c.epochs.setValue(1)
    c.train_size.setValue(500)
    c.batch_size.setValue(50)
    nan_after_fit(monkeypatch)
    models = []
    tab.model_trained.connect(models.append)
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as finished:
        tab.start()
    result = finished.args[0]
    assert not result.usable and result.test_accuracy is None
    assert not models and window.model is None                   # the current model is unchanged
    assert tab.banner.isVisibleTo(tab) and tab.banner.kind == "warning"
    assert "NaN" in tab.banner.text() and "not kept" in tab.banner.text()
    assert tab.progress.format() == "Not usable"
    assert "unchanged" in window.statusBar().currentMessage()


def test_the_sliced_evaluation_matches_the_whole_one(small_dataset):
    cfg = config(epochs=1)
    model = presets.build_model(cfg)
    x, y = small_dataset.x_test, small_dataset.y_test
    assert evaluate_in_slices(model, x, y, lambda: False, size=64) == pytest.approx(model.evaluate(x, y))
    assert evaluate_in_slices(model, x, y, lambda: True) is None
