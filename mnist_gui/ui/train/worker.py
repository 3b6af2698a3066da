"""The training worker: ``model.fit`` in a ``QThread``, reporting through throttled signals.

:class:`TrainingWorker` is a ``QObject`` moved to a ``QThread`` (:class:`TrainingRun` does the wiring and
owns both). It builds the network from a :class:`~mnist_gui.nn.presets.TrainConfig`, trains it with a
callback that turns Keras-style hooks into Qt signals, evaluates it on the test set and emits
``finished`` with a :class:`TrainingResult`. What crosses the thread boundary is always a copy: plain
floats in dicts, and ``kernel[:, :k].copy()`` for the weight pictures.

Signals are throttled by time, not by batch count, so a batch size of 1 does not flood the GUI's event
loop: per-batch values are collected and sent together at most ``max_rate`` times a second, while every
epoch end is sent at once. Pause and stop are flags on a :class:`~mnist_gui.nn.TrainingControl`
(thread-safe, checked between batches), never slots on the worker, which could not run while ``fit``
loops.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from mnist_gui.nn import Callback, TrainingControl
from mnist_gui.nn import blas_threads as blas_limit

# One BLAS thread leaves the second core to the GUI. Measured with benchmarks/gui_training.py on the
# 2-core development machine (shared, load average 2.5-3): tutorial network, epoch in the window vs
# headless 1.00x with one thread, 1.11x with two (headless alone: 1.24 s vs 1.20 s); best-mlp 1.01x vs
# 1.25x, with two threads slower even headless (4.55 s vs 5.2 s) and the GUI later (timer p99 18 vs 31 ms).
DEFAULT_BLAS_THREADS = 1


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


def first_kernel(model) -> np.ndarray | None:
    """The first layer's kernel (live, not a copy): Dense (in, units) or Conv2D (kh, kw, C, filters)."""
    for layer in getattr(model, "layers", []):
        kernel = getattr(layer, "kernel", None)
        if kernel is not None and getattr(kernel, "ndim", 0) in (2, 4):
            return kernel
    return None


def first_kernel_columns(model, units: int) -> np.ndarray | None:
    """Pictures of the first layer's first ``units`` units, float32 (784, units) copies, or None.

    A Dense layer on the 784 pixels gives its kernel's columns. A Conv2D layer's 3x3 filters are drawn
    enlarged to 28x28 (each weight a block of about 9x9 pixels; the first input channel), so the weights
    view shows them like the dense units' pictures."""
    kernel = first_kernel(model)
    if kernel is None:
        return None
    if kernel.ndim == 2:
        return np.array(kernel[:, :units], dtype=np.float32, copy=True)
    kh, kw = kernel.shape[:2]
    k = np.asarray(kernel[:, :, 0, :units], dtype=np.float32)             # (kh, kw, units)
    rows = np.diff(np.linspace(0, 28, kh + 1).round()).astype(int)          # 3 -> 9, 10, 9 pixels
    cols = np.diff(np.linspace(0, 28, kw + 1).round()).astype(int)
    big = np.repeat(np.repeat(k, rows, axis=0), cols, axis=1)               # (28, 28, units)
    return np.ascontiguousarray(big.reshape(784, -1))


class _Reporter(Callback):
    """Turns fit's hooks into the worker's throttled signals. Runs in the worker thread."""

    def __init__(self, worker: "TrainingWorker"):
        super().__init__()
        self.worker = worker
        self.min_interval = 1.0 / worker.max_rate
        self.epochs = self.steps = self.batch_size = self.samples = 0
        self.epoch = 0
        self.pending: dict[str, list[float]] = {"x": [], "loss": [], "accuracy": []}
        self.last_emit = self.last_weights = 0.0
        self.active_seconds = 0.0      # time spent inside batches (pauses excluded)
        self.samples_done = self.last_batch = 0
        self.batch_start = self.epoch_start = 0.0

    def on_train_begin(self, logs=None):
        p = self.params or {}
        self.epochs, self.steps = int(p.get("epochs", 0)), int(p.get("steps", 0))
        self.batch_size, self.samples = int(p.get("batch_size", 0)), int(p.get("samples", 0))
        kernel = first_kernel(self.model)
        self.worker.run_started.emit({"epochs": self.epochs, "steps": self.steps,
                                      "batch_size": self.batch_size, "samples": self.samples,
                                      "first_units": int(kernel.shape[-1]) if kernel is not None else 0})
        self._emit_weights(time.perf_counter())

    def on_epoch_begin(self, epoch, logs=None):
        self.epoch, self.last_batch = int(epoch), 0
        self.epoch_start = time.perf_counter()

    def on_batch_begin(self, batch, logs=None):
        self.batch_start = time.perf_counter()

    def on_batch_end(self, batch, logs=None):
        now = time.perf_counter()
        if self.batch_start:
            self.active_seconds += now - self.batch_start
        logs = logs or {}
        size = int(logs.get("size", self.batch_size))
        self.samples_done += size
        steps = max(self.steps, 1)
        self.pending["x"].append(self.epoch + (batch + 1) / steps)
        self.pending["loss"].append(float(logs.get("loss", np.nan)))
        self.pending["accuracy"].append(float(logs.get("accuracy", np.nan)))
        self.last_batch = int(batch) + 1
        # a pause request flushes at once, so a paused plot shows every batch done so far
        if now - self.last_emit >= self.min_interval or self.worker.control.paused:
            self._flush(now)
        if now - self.last_weights >= self.worker.weight_interval:
            self._emit_weights(now)

    def on_epoch_end(self, epoch, logs=None):
        now = time.perf_counter()
        self._flush(now)
        info = {k: float(v) for k, v in (logs or {}).items() if isinstance(v, (int, float, np.floating))}
        # a stopped run ends its last epoch early: its point goes where the last batch was
        info.update(epoch=int(epoch) + 1, epochs=self.epochs, seconds=now - self.epoch_start,
                    x=self.epoch + self.last_batch / max(self.steps, 1), batches=self.last_batch, steps=self.steps)
        self.worker.epoch_ended.emit(info)
        self._emit_weights(now)

    def on_train_end(self, logs=None):
        self._flush(time.perf_counter())   # a stopped or diverged run ends mid-epoch

    def _flush(self, now: float) -> None:
        if not self.pending["x"]:
            return
        rate = self.samples_done / self.active_seconds if self.active_seconds > 0 else 0.0
        total = self.epochs * self.samples
        left = (total - self.samples_done) / rate if rate > 0 and total else float("nan")
        chunk = {k: list(v) for k, v in self.pending.items()}
        chunk.update(epoch=self.epoch + 1, epochs=self.epochs, batch=self.last_batch, steps=self.steps,
                     samples_per_s=rate, seconds_left=max(left, 0.0))
        for v in self.pending.values():
            v.clear()
        self.last_emit = now
        self.worker.batch_ended.emit(chunk)

    def _emit_weights(self, now: float) -> None:
        w = first_kernel_columns(self.model, self.worker.weight_units)
        self.last_weights = now
        if w is not None:
            self.worker.weights_changed.emit(w)


class TrainingWorker(QObject):
    """Trains one network for one run; create it, move it to a QThread, connect ``started`` to run().

    ``config`` is a validated TrainConfig, ``dataset`` a :class:`mnist_gui.data.mnist.Dataset`, ``control``
    the TrainingControl the GUI pauses and stops through. Set ``skip_evaluation`` (from any thread)
    to leave out the test-set evaluation, e.g. when the window is closing.
    """

    run_started = Signal(dict)      # epochs, steps, batch_size, samples, first_units (of the first layer)
    batch_ended = Signal(dict)      # all batches since the last emission: lists x, loss, accuracy + progress
    epoch_ended = Signal(dict)      # epoch (1-based), loss, accuracy, [val_loss, val_accuracy], seconds
    weights_changed = Signal(object)  # float32 (784, k) pictures of the first layer's first k units
    finished = Signal(object)       # TrainingResult
    failed = Signal(str)            # a message for the user

    def __init__(self, config, dataset, control: TrainingControl, *, max_rate: float = 25.0,
                 weight_interval: float = 0.5, weight_units: int = 16,
                 blas_threads: int | None = DEFAULT_BLAS_THREADS):
        super().__init__()
        self.config, self.dataset, self.control = config, dataset, control
        self.max_rate, self.weight_interval, self.weight_units = max_rate, weight_interval, weight_units
        self.blas_threads = blas_threads
        self.skip_evaluation = False

    @Slot()
    def run(self) -> None:
        # the one place where the worker catches everything: a failure becomes a message, not a crash
        try:
            result = self._train()
        except Exception as exc:  # noqa: BLE001 - boundary between the worker thread and the user
            self.failed.emit(f"Training failed: {type(exc).__name__}: {exc}")
            return
        self.finished.emit(result)

    def _train(self) -> TrainingResult:
        from mnist_gui.nn.presets import build_model, train_arrays

        cfg, ds = self.config, self.dataset
        started = time.perf_counter()
        model = build_model(cfg, input_shape=ds.x_train.shape[1:], num_classes=len(ds.class_names),
                            class_names=list(ds.class_names))
        x_train, y_train, x_val, y_val = train_arrays(cfg, ds)
        validation = (x_val, y_val) if x_val is not None and len(x_val) else None
        augmentation = getattr(cfg, "augmentation", "none")
        # fit distorts each batch afresh; 'none' passes nothing, so fit keeps its plain path
        extra = {"augmentation": augmentation} if augmentation != "none" else {}
        # overflow on the way to a diverged run is expected here; fit reports it in history
        with blas_limit(self.blas_threads), np.errstate(over="ignore", invalid="ignore"):
            history = model.fit(x_train, y_train, epochs=cfg.epochs, batch_size=cfg.batch_size,
                                validation_data=validation, shuffle=True, seed=cfg.seed,
                                callbacks=[_Reporter(self), self.control], verbose=0, **extra)
            result = TrainingResult(model=model, config=cfg, history=dict(history.history),
                                    stop_reason=history.stop_reason, message=history.message or "")
            result.epochs_completed = len(result.history.get("loss", []))
            if not self.skip_evaluation and len(ds.x_test):
                result.test_loss, result.test_accuracy = (float(v) for v in model.evaluate(ds.x_test, ds.y_test))
        result.seconds = time.perf_counter() - started
        model.metadata["dataset"] = getattr(ds, "name", "MNIST")
        if result.test_accuracy is not None:
            model.metadata["test_accuracy"] = result.test_accuracy
        return result


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
        """Ask the run to stop after the current batch; the model keeps its weights."""
        self.control.stop()

    def shutdown(self, timeout_ms: int | None = None) -> bool:
        """Stop without evaluating and wait for the thread; True if it has ended.

        By default the wait has no limit: the run ends after its current batch, and returning while the
        thread still runs would let Qt destroy a running QThread, which aborts the process."""
        self.worker.skip_evaluation = True
        self.control.stop()
        self.thread.quit()
        return self.thread.wait() if timeout_ms is None else self.thread.wait(timeout_ms)
