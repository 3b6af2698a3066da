"""What crosses from the training thread to the window while ``fit`` runs: the :class:`Reporter` callback,
which turns fit's hooks into the worker's throttled signals, and the pictures of the first layer's weights.

Everything sent is a copy: plain floats in dicts, ``float32`` arrays for the weight pictures. Per-batch
values are collected and sent together at most ``worker.max_rate`` times a second (and at once when a
pause is requested, so a paused plot shows every batch done); every epoch end is sent at once. Time spent
paused is counted apart (``paused_seconds``) and left out of the epoch times, the rate and the time left,
and a chunk sent as a pause begins says so (``paused``). Not here:
the thread, pause and stop (worker.py) and what the window does with the signals (tab.py).
"""

from __future__ import annotations

import time

import numpy as np

from mnist_gui.nn import Callback


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


class Reporter(Callback):
    """Turns fit's hooks into ``worker``'s throttled signals (a TrainingWorker). Runs in the worker thread."""

    def __init__(self, worker):
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
        self.paused_seconds = 0.0      # time spent paused, in all
        self.epoch_paused = 0.0        # of it, in the current epoch
        self._pause_began: float | None = None

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
        self.epoch_paused = 0.0

    def on_batch_begin(self, batch, logs=None):
        self.batch_start = time.perf_counter()
        self._end_pause(self.batch_start)

    def _end_pause(self, now: float) -> None:
        """The training control holds the thread between a batch's end and the next one's begin; that
        gap, after a batch that saw a pause requested, was the pause."""
        if self._pause_began is not None:
            gap = max(now - self._pause_began, 0.0)
            self.paused_seconds += gap
            self.epoch_paused += gap
            self._pause_began = None

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
        paused = self.worker.control.paused
        if now - self.last_emit >= self.min_interval or paused:
            self._flush(now, paused)
        if paused:
            self._pause_began = time.perf_counter()
        if now - self.last_weights >= self.worker.weight_interval:
            self._emit_weights(now)

    def on_epoch_end(self, epoch, logs=None):
        now = time.perf_counter()
        self._end_pause(now)          # stopped while paused
        self._flush(now)
        info = {k: float(v) for k, v in (logs or {}).items() if isinstance(v, (int, float, np.floating))}
        # a stopped run ends its last epoch early: its point goes where the last batch was
        info.update(epoch=int(epoch) + 1, epochs=self.epochs, seconds=now - self.epoch_start - self.epoch_paused,
                    x=self.epoch + self.last_batch / max(self.steps, 1), batches=self.last_batch, steps=self.steps)
        self.worker.epoch_ended.emit(info)
        self._emit_weights(now)

    def on_train_end(self, logs=None):
        self._end_pause(time.perf_counter())
        self._flush(time.perf_counter())   # a stopped or diverged run ends mid-epoch

    def _flush(self, now: float, paused: bool = False) -> None:
        if not self.pending["x"]:
            return
        rate = self.samples_done / self.active_seconds if self.active_seconds > 0 else 0.0
        total = self.epochs * self.samples
        left = (total - self.samples_done) / rate if rate > 0 and total else float("nan")
        chunk = {k: list(v) for k, v in self.pending.items()}
        chunk.update(epoch=self.epoch + 1, epochs=self.epochs, batch=self.last_batch, steps=self.steps,
                     samples_per_s=rate, seconds_left=max(left, 0.0), paused=paused)
        for v in self.pending.values():
            v.clear()
        self.last_emit = now
        self.worker.batch_ended.emit(chunk)

    def _emit_weights(self, now: float) -> None:
        w = first_kernel_columns(self.model, self.worker.weight_units)
        self.last_weights = now
        if w is not None:
            self.worker.weights_changed.emit(w)
