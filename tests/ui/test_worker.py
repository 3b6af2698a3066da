"""The training worker in its QThread: what it reports, how often, and how it pauses, stops and fails."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Slot

from mnist_gui.nn.presets import TrainConfig
from mnist_gui.ui.train.worker import TrainingRun


class Recorder(QObject):
    """Lives in the GUI thread, so the worker's signals reach it queued, as they reach the tab."""

    def __init__(self, run: TrainingRun):
        super().__init__()
        self.chunks, self.epochs, self.weights, self.results, self.failures = [], [], [], [], []
        self.times: list[float] = []
        run.worker.batch_ended.connect(self.on_batches)
        run.worker.epoch_ended.connect(self.on_epoch)
        run.worker.weights_changed.connect(self.on_weights)
        run.worker.finished.connect(self.on_finished)
        run.worker.failed.connect(self.on_failed)

    @Slot(dict)
    def on_batches(self, chunk):
        self.chunks.append(chunk)
        self.times.append(time.perf_counter())

    @Slot(dict)
    def on_epoch(self, info):
        self.epochs.append(info)

    @Slot(object)
    def on_weights(self, w):
        self.weights.append(w)

    @Slot(object)
    def on_finished(self, result):
        self.results.append(result)

    @Slot(str)
    def on_failed(self, message):
        self.failures.append(message)

    def batches(self) -> int:
        return sum(len(c["x"]) for c in self.chunks)


def config(**changes) -> TrainConfig:
    base = TrainConfig(hidden=(32,), epochs=2, batch_size=50, train_size=1000, validation_split=0.2, seed=1)
    return dataclasses.replace(base, **changes)


def run_to_end(qtbot, run: TrainingRun, timeout=60000) -> None:
    with qtbot.waitSignal(run.thread.finished, timeout=timeout):
        run.start()


def test_a_run_reports_every_batch_and_epoch_then_the_result(qtbot, small_dataset):
    run = TrainingRun(config(), small_dataset)
    rec = Recorder(run)
    run_to_end(qtbot, run)
    assert not rec.failures
    assert [e["epoch"] for e in rec.epochs] == [1, 2]
    assert all({"loss", "accuracy", "val_loss", "val_accuracy", "seconds"} <= e.keys() for e in rec.epochs)
    steps = 800 // 50
    assert rec.batches() == 2 * steps            # nothing lost to throttling
    xs = np.concatenate([c["x"] for c in rec.chunks])
    assert np.all(np.diff(xs) > 0) and xs[-1] == pytest.approx(2.0) and xs[0] == pytest.approx(1 / steps)
    assert rec.weights and rec.weights[-1].shape == (784, 16) and rec.weights[-1].dtype == np.float32
    (result,) = rec.results
    assert result.stop_reason is None and result.epochs_completed == 2
    assert 0.5 < result.test_accuracy <= 1.0
    assert result.model.metadata["test_accuracy"] == pytest.approx(result.test_accuracy)


def test_weight_pictures_are_copies_not_live_views(qtbot, small_dataset):
    run = TrainingRun(config(epochs=1), small_dataset)
    rec = Recorder(run)
    run_to_end(qtbot, run)
    kernel = next(layer.kernel for layer in rec.results[0].model.layers if hasattr(layer, "kernel"))
    first = rec.weights[0]
    assert not any(np.shares_memory(w, kernel) for w in rec.weights)
    assert not np.array_equal(first, kernel[:, :16])   # training moved on; the first picture did not


def test_emissions_are_throttled_by_time_whatever_the_batch_size(qtbot, small_dataset):
    run = TrainingRun(config(epochs=1, batch_size=1, train_size=2000, validation_split=0.0), small_dataset,
                      max_rate=20.0)
    rec = Recorder(run)
    t0 = time.perf_counter()
    run_to_end(qtbot, run)
    seconds = time.perf_counter() - t0
    assert rec.batches() == 2000
    # at most one chunk per 1/20 s, plus the epoch-end flush (and the first batch)
    assert len(rec.chunks) <= seconds * 20 + 3, (len(rec.chunks), seconds)
    assert len(rec.chunks) < 2000 / 5


def test_pause_holds_and_stop_ends_within_one_batch(qtbot, small_dataset):
    run = TrainingRun(config(epochs=100, batch_size=10, train_size=2000), small_dataset)
    rec = Recorder(run)
    with qtbot.waitSignal(run.worker.batch_ended, timeout=30000):
        run.start()
    run.pause()
    qtbot.wait(400)                      # let the worker reach the pause and flush what it did
    held = rec.batches()
    qtbot.wait(400)
    assert rec.batches() == held         # paused: nothing more arrives
    assert run.is_running()
    with qtbot.waitSignal(run.thread.finished, timeout=10000):
        run.stop()
    assert rec.batches() - held <= 1     # the batch under way when paused, at most
    (result,) = rec.results
    assert result.stop_reason == "stopped"
    assert result.epochs_completed < 100


def test_a_diverging_run_stops_with_a_message_and_finite_weights(qtbot, small_dataset):
    # a linear network with a huge step: the logits grow until they overflow in the first epoch
    run = TrainingRun(config(hidden=(64, 64), activation="linear", optimizer="sgd", learning_rate=10.0, epochs=3),
                      small_dataset)
    rec = Recorder(run)
    run_to_end(qtbot, run)
    (result,) = rec.results
    assert result.stop_reason == "diverged"
    assert "learning rate" in result.message.lower()
    assert all(np.all(np.isfinite(w)) for w in result.model.get_weights())


def test_an_error_in_training_becomes_a_failed_signal(qtbot, small_dataset):
    broken = dataclasses.replace(small_dataset, y_train=small_dataset.y_train[:10])  # labels do not match
    run = TrainingRun(config(epochs=1), broken)
    rec = Recorder(run)
    run_to_end(qtbot, run)
    assert not rec.results
    (message,) = rec.failures
    assert message.startswith("Training failed")


def test_shutdown_while_paused_ends_the_thread(qtbot, small_dataset):
    run = TrainingRun(config(epochs=100, batch_size=10), small_dataset)
    with qtbot.waitSignal(run.worker.batch_ended, timeout=30000):
        run.start()
    run.pause()
    t0 = time.perf_counter()
    assert run.shutdown(timeout_ms=10000)
    assert time.perf_counter() - t0 < 5
    assert not run.is_running()


def test_a_run_without_validation_is_tested_after_every_epoch_and_called_test(qtbot, small_dataset):
    from mnist_gui.core.runs import RunStore
    from mnist_gui.core import training_text

    store = RunStore()
    run = TrainingRun(config(validation_split=0.0), small_dataset, store_folder=store.folder)
    rec = Recorder(run)
    tested_after, final = [], []
    run.worker.epoch_test_started.connect(tested_after.append)
    run.worker.evaluation_started.connect(final.append)
    run_to_end(qtbot, run)
    qtbot.waitUntil(lambda: bool(final), timeout=5000)
    assert tested_after == [1] and final == [len(small_dataset.x_test)]   # the last epoch's test is the final one
    assert [e["epoch"] for e in rec.epochs] == [1, 2]
    for info in rec.epochs:
        assert {"test_loss", "test_accuracy"} <= info.keys() and not {"val_loss", "val_accuracy"} & info.keys()
        line = training_text.epoch_line(info)
        assert "test accuracy" in line and "validation" not in line
    (result,) = rec.results
    # the test after the last epoch is the run's final test: the same numbers, not measured twice
    assert result.test_accuracy == pytest.approx(rec.epochs[-1]["test_accuracy"])
    kept = store.get(result.run_id).epochs()
    assert [round(e["test_accuracy"], 6) for e in kept] == [round(e["test_accuracy"], 6) for e in rec.epochs]
    assert not any("val_accuracy" in e for e in kept)


def test_a_run_with_validation_is_not_tested_each_epoch(qtbot, small_dataset):
    run = TrainingRun(config(epochs=1), small_dataset)
    rec = Recorder(run)
    run_to_end(qtbot, run)
    assert "val_accuracy" in rec.epochs[0] and "test_accuracy" not in rec.epochs[0]
    assert rec.results[0].test_accuracy is not None
