"""Recording a run into the run store while ``fit`` goes: a ``Callback`` the command line and the Train
tab's worker both add. No Qt.

Per-batch (loss, accuracy) pairs are gathered in memory and appended to ``batches.f32`` at most about once a
second; each epoch's logs are appended to ``epochs.jsonl`` as the epoch ends; ``finish`` writes the outcome
and the model. The run's lock is held from ``on_train_begin`` (in fact from construction) to ``finish``, so
a process that dies mid-run leaves a run the store reads as "interrupted".

A disk that refuses (read-only, full) never stops training: recording stops, ``problem`` says why in plain
words, and the caller shows it.
"""

from __future__ import annotations

import json
import math
import time

import numpy as np

from mnist_gui.core.files import try_lock, unlock
from mnist_gui.core.i18n import tr
from mnist_gui.core.run_table import epoch_share
from mnist_gui.core.runs import BATCHES_FILE, EPOCHS_FILE, LOCK_FILE, MODEL_FILE, Run, RunStore
from mnist_gui.nn.callbacks import Callback


FLUSH_EVERY_S = 1.0
BUFFER_BATCHES = 4096  # pairs kept in memory between flushes (a flush also happens when it fills)


def _finite(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


class RunRecorder(Callback):
    """Appends a run's curves to ``run``'s folder in ``store``; call ``finish`` when training is over."""

    def __init__(self, store: RunStore, run: Run):
        super().__init__()
        self.store, self.run = store, run
        self.problem: str | None = None
        self._buffer = np.zeros((BUFFER_BATCHES, 2), np.float32)
        self._filled = 0
        self._last_flush = time.monotonic()
        self._epoch_batches = 0
        self._lock_fd = run.lock_fd
        if self._lock_fd is None:
            self._guard(self._take_lock)

    def _guard(self, action, *args) -> None:
        if self.problem is not None:
            return
        try:
            action(*args)
        except OSError as exc:
            self.problem = tr("this run is not being kept: {why} in {folder}; training goes on").format(
                why=exc.strerror or exc, folder=self.run.folder)

    def _take_lock(self) -> None:
        self._lock_fd = try_lock(self.run.folder / LOCK_FILE)

    def _append(self, name: str, data: bytes) -> None:
        with open(self.run.folder / name, "ab") as f:
            f.write(data)

    def flush(self) -> None:
        if self._filled:
            data = self._buffer[: self._filled].astype("<f4").tobytes()
            self._filled = 0
            self._guard(self._append, BATCHES_FILE, data)
        self._last_flush = time.monotonic()

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch_batches = 0

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self._epoch_batches += 1
        self._buffer[self._filled] = (logs.get("loss", math.nan), logs.get("accuracy", math.nan))
        self._filled += 1
        if self._filled == BUFFER_BATCHES or time.monotonic() - self._last_flush >= FLUSH_EVERY_S:
            self.flush()

    def on_epoch_end(self, epoch, logs=None):
        self.flush()
        line = {k: _finite(v) for k, v in (logs or {}).items()}
        line["epoch"] = int(epoch) + 1
        # an epoch cut short by Stop: the share of its batches that ran, so the table does not count it done
        steps = self.params.get("steps") if isinstance(self.params, dict) else None
        share = epoch_share(self._epoch_batches, steps)
        if share is not None:
            line["partial"] = share
        self._guard(self._append, EPOCHS_FILE, (json.dumps(line, allow_nan=False) + "\n").encode())

    def finish(self, status: str, message: str = "", seconds: float | None = None, test_loss=None,
               test_accuracy=None, model=None) -> None:
        """Write the outcome (and ``model``, when given and usable) and release the lock."""
        self.flush()
        if model is not None:
            self._guard(model.save, self.run.folder / MODEL_FILE)
        info = self.run.info
        info.update({"status": status, "message": message, "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
                     "seconds": _finite(seconds), "test_loss": _finite(test_loss),
                     "test_accuracy": _finite(test_accuracy),
                     "model": MODEL_FILE if model is not None and self.problem is None else None})
        info.pop("pid", None)
        self._guard(self.store.save, self.run)
        unlock(self._lock_fd)
        self._lock_fd = self.run.lock_fd = None


def run_status(stop_reason: str | None, not_learning: str | None = None, message: str = "") -> tuple[str, str]:
    """(status, message) of a run that ended with ``stop_reason`` (None, "stopped" or "diverged"), given the
    learning watch's verdict: a run that went to the end without learning is "not learning"."""
    status = {"stopped": "stopped", "diverged": "diverged"}.get(stop_reason, "finished")
    if status == "finished" and not_learning:
        return "not learning", not_learning
    return status, message or ""


def start_run(config: dict, name: str | None = None, source: str = "app", store: RunStore | None = None):
    """A new run and its recorder; on a disk that refuses, ``(None, problem)`` and training goes unrecorded."""
    store = store if store is not None else RunStore()
    try:
        run = store.create(config, name=name, source=source)
    except OSError as exc:
        return None, f"runs are not being kept: {exc.strerror or exc} in {store.folder}"
    recorder = RunRecorder(store, run)
    return recorder, recorder.problem
