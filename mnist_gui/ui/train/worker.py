"""The training worker: ``model.fit`` in a ``QThread``, reporting through throttled signals.

:class:`TrainingWorker` is a ``QObject`` moved to a ``QThread`` (:class:`TrainingRun` does the wiring and
owns both). It builds the network from a :class:`~mnist_gui.nn.presets.TrainConfig`, trains it with a
callback that turns Keras-style hooks into Qt signals (and, at the same rate, the engine's
``TrainingDiagnostics`` reports), measures the test images after every epoch of a run without a validation
split (``mnist_gui.core.epoch_test``), checks that the trained network gives finite outputs, evaluates it on the test set (in slices, so Stop or closing the window ends it within one) and
emits ``finished`` with a :class:`TrainingResult`. Every run is recorded in the run store as it goes
(``mnist_gui.core.run_recorder``, in the worker thread, which has its own ``RunStore``) and watched by
``mnist_gui.core.learning_watch``; a store that refuses never stops training (``recording_started`` says
why it is not kept). What crosses the thread boundary is always a copy: plain
floats in dicts, and ``kernel[:, :k].copy()`` for the weight pictures.

Signals are throttled by time, not by batch count, so a batch size of 1 does not flood the GUI's event
loop (``mnist_gui.core.training_reporter``: per-batch values go together at most ``max_rate`` times a second, every epoch end at
once). Pause and stop are flags on a :class:`~mnist_gui.nn.TrainingControl`
(thread-safe, checked between batches), never slots on the worker, which could not run while ``fit``
loops.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from mnist_gui.core.learning_watch import LearningWatch
from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.run_recorder import run_status
from mnist_gui.core.run_table import default_name
from mnist_gui.core.runs import RunStore
from mnist_gui.nn import TrainingControl, TrainingDiagnostics, model_outputs_finite
from mnist_gui.nn import blas_threads as blas_limit
from mnist_gui.core.epoch_test import EpochTest
from mnist_gui.core.i18n import tr
from mnist_gui.core.training_reporter import Reporter
from mnist_gui.core.words import error_text

# One BLAS thread leaves the second core to the GUI. Measured with benchmarks/gui_training.py on the
# 2-core development machine (shared, load average 2.5-3): tutorial network, epoch in the window vs
# headless 1.00x with one thread, 1.11x with two (headless alone: 1.24 s vs 1.20 s); best-mlp 1.01x vs
# 1.25x, with two threads slower even headless (4.55 s vs 5.2 s) and the GUI later (timer p99 18 vs 31 ms).
DEFAULT_BLAS_THREADS = 1
# The final test evaluation goes this many images at a time and checks for Stop in between: one slice
# of the CNN preset takes ~0.3 s on the development machine, where the whole test set took 12 s.
EVAL_SLICE = 256
FINITE_CHECK_IMAGES = 64   # training images a finished network must give finite outputs for


@dataclass
class TrainingResult:
    """What a finished run hands back to the GUI thread (the worker no longer touches ``model``)."""

    model: object
    config: object
    history: dict = field(default_factory=dict)
    stop_reason: str | None = None      # None (completed) | "stopped" | "diverged"
    message: str = ""
    test_loss: float | None = None
    test_accuracy: float | None = None
    epochs_completed: int = 0
    seconds: float = 0.0
    usable: bool = True                 # False: the network's outputs are not finite; it must not be used
    test_stopped: bool = False          # the test evaluation was stopped before the end: no test numbers
    status: str = "finished"            # as kept in the run store: finished, stopped, diverged, not learning
    not_learning: str | None = None     # the learning watch's verdict, if the run looked hopeless
    run_id: str | None = None           # the run's id in the run store; None if it is not kept
    kept_problem: str | None = None     # why the run is not (fully) kept, in plain words

    def leaves_model(self) -> bool:
        """Whether the run left a network worth making the current model: usable and finished (a run that
        was stopped, diverged or did not learn is kept in the store but never imposed)."""
        return self.usable and self.status == "finished" and self.epochs_completed > 0


def evaluate_in_slices(model, x, y, should_stop, size: int = EVAL_SLICE) -> tuple[float, float] | None:
    """(mean loss, accuracy) over (x, y), ``size`` samples at a time; None as soon as ``should_stop()``
    says so between two slices."""
    loss_sum = hits = 0.0
    for lo in range(0, len(x), size):
        if should_stop():
            return None
        part = slice(lo, lo + size)
        loss, accuracy = model.evaluate(x[part], y[part], batch_size=size, verbose=0)
        n = len(x[part])
        loss_sum, hits = loss_sum + float(loss) * n, hits + float(accuracy) * n
    return loss_sum / len(x), hits / len(x)


class TrainingWorker(QObject):
    """Trains one network for one run; create it, move it to a QThread, connect ``started`` to run().

    ``config`` is a validated TrainConfig, ``dataset`` a :class:`mnist_gui.data.mnist.Dataset`, ``control``
    the TrainingControl the GUI pauses and stops through. ``test_each_epoch``: a run without a validation
    split measures the test images after every epoch (``core.epoch_test``); ``diagnostics``: report the inside of
    the network (``diagnostics_reported``). Set ``skip_evaluation`` (from any thread)
    to leave out the test-set evaluation, or end it after the current slice, e.g. when the window is
    closing; ``stop_evaluation()`` ends a test evaluation under way (a Stop that ended training does not).
    """

    run_started = Signal(dict)      # epochs, steps, batch_size, samples, first_units (of the first layer)
    batch_ended = Signal(dict)      # all batches since the last emission: lists x, loss, accuracy + progress
    epoch_ended = Signal(dict)      # epoch (1-based), loss, accuracy, [val_* or test_* loss, accuracy], seconds
    weights_changed = Signal(object)  # float32 (784, k) pictures of the first layer's first k units
    diagnostics_reported = Signal(dict)  # gradient norms, weight histograms, dead ReLUs (nn/diagnostics.py)
    recording_started = Signal(dict)  # run_id (None if the store refused), problem (None if all is well)
    not_learning = Signal(str)      # the run looks hopeless: why, and what to try
    evaluation_started = Signal(int)  # the number of test images the final evaluation goes through
    epoch_test_started = Signal(int)  # the epoch (from 1) after which the test images are being measured
    finished = Signal(object)       # TrainingResult
    failed = Signal(str)            # a message for the user

    def __init__(self, config, dataset, control: TrainingControl, *, max_rate: float = 25.0,
                 weight_interval: float = 0.5, weight_units: int = 16,
                 blas_threads: int | None = DEFAULT_BLAS_THREADS, store_folder=None, record: bool = True,
                 test_each_epoch: bool = True, diagnostics: bool = True):
        super().__init__()
        self.test_each_epoch, self.diagnostics = test_each_epoch, diagnostics
        self.store_folder, self.record = store_folder, record
        self.recorder = None
        self.record_problem: str | None = None
        self.config, self.dataset, self.control = config, dataset, control
        self.max_rate, self.weight_interval, self.weight_units = max_rate, weight_interval, weight_units
        self.blas_threads = blas_threads
        self.skip_evaluation = False
        self.evaluating = False
        self._evaluation_stopped = False

    @Slot()
    def run(self) -> None:
        # the one place where the worker catches everything: a failure becomes a message, not a crash
        try:
            result = self._train()
        except Exception as exc:  # noqa: BLE001 - boundary between the worker thread and the user
            message = tr("Training failed: {error}").format(error=error_text(exc))
            if self.recorder is not None:
                self.recorder.finish("interrupted", message)
            self.failed.emit(message)
            return
        self.finished.emit(result)

    def stop_evaluation(self) -> None:
        """End the test evaluation after its current slice, if one is under way (any thread)."""
        if self.evaluating:
            self._evaluation_stopped = True

    def _train(self) -> TrainingResult:
        from mnist_gui.nn.presets import build_model, train_arrays

        cfg, ds = self.config, self.dataset
        started = time.perf_counter()
        model = build_model(cfg, input_shape=ds.x_train.shape[1:], num_classes=len(ds.class_names),
                            class_names=list(ds.class_names))
        x_train, y_train, x_val, y_val = train_arrays(cfg, ds)
        validation = (x_val, y_val) if x_val is not None and len(x_val) else None
        self._start_recording()
        watch = LearningWatch(cfg.to_dict(), len(ds.class_names), on_verdict=self.not_learning.emit)
        reporter = Reporter(self)
        callbacks = [reporter, self.control, watch] + ([self.recorder] if self.recorder is not None else [])
        if self.diagnostics:       # at the curves' rate; each report is made of fresh arrays and floats
            callbacks.append(TrainingDiagnostics(self.diagnostics_reported.emit, interval=1.0 / self.max_rate))
        epoch_test = None
        if validation is None and self.test_each_epoch and len(ds.x_test):
            # first, so the reporter, the log and the recorder see the test numbers in the epoch's logs
            epoch_test = EpochTest(lambda m, final: self._epoch_test(m, ds, final))
            callbacks.insert(0, epoch_test)
        augmentation = getattr(cfg, "augmentation", "none")
        # fit distorts each batch afresh; 'none' passes nothing, so fit keeps its plain path
        extra = {"augmentation": augmentation} if augmentation != "none" else {}
        # overflow on the way to a diverged run is expected here; fit reports it in history
        with blas_limit(self.blas_threads), np.errstate(over="ignore", invalid="ignore"):
            history = model.fit(x_train, y_train, epochs=cfg.epochs, batch_size=cfg.batch_size,
                                validation_data=validation, shuffle=True, seed=cfg.seed,
                                callbacks=callbacks, verbose=0, **extra)
            result = TrainingResult(model=model, config=cfg, history=dict(history.history),
                                    stop_reason=history.stop_reason, message=history.message or "")
            result.epochs_completed = len(result.history.get("loss", []))
            # fit's own verdict after a divergence, and the engine's check of the weights as they are now
            result.usable = (getattr(history, "weights_ok", True)
                             and model_outputs_finite(model, x_train[:FINITE_CHECK_IMAGES]))
            last = epoch_test.last if epoch_test is not None else None
            tested = result.stop_reason != "diverged" and epoch_test is not None and (
                epoch_test.final_stopped or (last is not None and last[0] == result.epochs_completed))
            if tested:     # the weights have not changed since the last epoch's test: that was the final test
                result.test_stopped = epoch_test.final_stopped
                if result.usable and not epoch_test.final_stopped:
                    result.test_loss, result.test_accuracy = last[1], last[2]
            elif result.usable and not self.skip_evaluation and len(ds.x_test):
                self._evaluate(model, ds, result)
        result.seconds = time.perf_counter() - started - reporter.paused_seconds
        model.metadata["dataset"] = getattr(ds, "name", "MNIST")
        if result.test_accuracy is not None:
            model.metadata["test_accuracy"] = result.test_accuracy
        result.not_learning = watch.verdict
        result.status, message = run_status(result.stop_reason, watch.verdict, result.message)
        self._finish_recording(result, message)
        return result

    def _start_recording(self) -> None:
        if not self.record:
            return
        store = RunStore(self.store_folder)     # this thread's own: the GUI thread reads with another
        config = self.config.to_dict()
        self.recorder, self.record_problem = start_run(config, default_name(config), source="app", store=store)
        self.recording_started.emit({"run_id": self.recorder.run.id if self.recorder else None,
                                     "problem": self.record_problem})

    def _finish_recording(self, result: TrainingResult, message: str) -> None:
        """The run's outcome and, when it left a usable network, its model, into the store."""
        recorder, self.recorder = self.recorder, None
        if recorder is None:
            result.kept_problem = self.record_problem
            return
        keep = result.usable and (result.epochs_completed > 0 or result.stop_reason == "stopped")
        recorder.finish(result.status, message, result.seconds, result.test_loss, result.test_accuracy,
                        result.model if keep else None)
        result.run_id, result.kept_problem = recorder.run.id, recorder.problem

    def _epoch_test(self, model, ds, final: bool) -> tuple[float, float] | None:
        """The test images after an epoch (EpochTest); a ``final`` one is the run's final test."""
        if final:
            return self._final_scores(model, ds)
        if self.skip_evaluation or self.control.stop_requested:
            return None
        self.epoch_test_started.emit(model.epochs_trained)
        return evaluate_in_slices(model, ds.x_test, ds.y_test,
                                  lambda: self.skip_evaluation or self.control.stop_requested)

    def _final_scores(self, model, ds) -> tuple[float, float] | None:
        if self.skip_evaluation:
            return None
        self.evaluating = True
        self.evaluation_started.emit(len(ds.x_test))
        try:
            return evaluate_in_slices(model, ds.x_test, ds.y_test,
                                      lambda: self.skip_evaluation or self._evaluation_stopped)
        finally:
            self.evaluating = False

    def _evaluate(self, model, ds, result: TrainingResult) -> None:
        scores = self._final_scores(model, ds)
        if scores is None:
            result.test_stopped = True
        else:
            result.test_loss, result.test_accuracy = scores


class TrainingRun(QObject):
    """One run: a TrainingWorker in its own QThread, with pause/resume/stop and a clean shutdown."""

    def __init__(self, config, dataset, parent: QObject | None = None, **worker_options):
        super().__init__(parent)
        self.control = TrainingControl()
        self.worker = TrainingWorker(config, dataset, self.control, **worker_options)
        self.thread = QThread()
        self.thread.setObjectName("mnist-gui training")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # quit from the worker thread itself, so a GUI thread blocked in wait() cannot deadlock
        self.worker.finished.connect(self.thread.quit, Qt.DirectConnection)
        self.worker.failed.connect(self.thread.quit, Qt.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    @property
    def paused(self) -> bool:
        return bool(self.control.paused)

    def pause(self) -> None:
        self.control.pause()

    def resume(self) -> None:
        self.control.resume()

    def stop(self) -> None:
        """Ask the run to stop after the current batch (the model keeps its weights), or, during the final
        test evaluation, to end that after the current slice (no test accuracy then)."""
        self.worker.stop_evaluation()
        self.control.stop()

    def shutdown(self, timeout_ms: int | None = None) -> bool:
        """Stop without evaluating and wait for the thread; True if it has ended.

        By default the wait has no limit: the run ends after its current batch, and returning while the
        thread still runs would let Qt destroy a running QThread, which aborts the process."""
        self.worker.skip_evaluation = True
        self.control.stop()
        self.thread.quit()
        return self.thread.wait() if timeout_ms is None else self.thread.wait(timeout_ms)
