"""Callbacks: how the training loop talks to the outside world (Keras's hooks).

``Callback`` (the hooks, all no-ops), ``History`` (what ``fit`` returns), ``ProgbarLogger`` (one
Keras-style line per epoch on a stream; ``fit`` itself never prints) and ``TrainingControl`` (pause,
resume and stop from another thread, e.g. the app's buttons). Logs hold plain Python floats only, so
they can cross a thread boundary as they are.
"""

from __future__ import annotations

import sys
import threading
import time


class Callback:
    """Override any of the hooks. ``self.model`` and ``self.params`` ({"epochs", "steps", "samples",
    "batch_size"}) are set before ``on_train_begin``. Epochs and batches are numbered from 0 here, as in
    Keras; ``model.stop_training = True`` ends training after the current batch."""

    def __init__(self):
        self.model = None
        self.params = {}

    def set_model(self, model):
        self.model = model

    def set_params(self, params: dict):
        self.params = params

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_batch_begin(self, batch, logs=None):
        pass

    def on_batch_end(self, batch, logs=None):
        pass


def overrides(callback: Callback, hook: str) -> bool:
    """True when the callback's class replaces the base class's no-op ``hook``."""
    return getattr(type(callback), hook) is not getattr(Callback, hook)


class History(Callback):
    """Per-epoch logs: ``history['loss']``, ``['accuracy']`` (and ``val_loss``, ``val_accuracy`` when
    validating), plus why training ended: ``stop_reason`` is None (all epochs ran), ``"stopped"`` (a
    callback set ``model.stop_training``) or ``"diverged"`` (the loss became NaN or infinite or exploded;
    ``message`` says what happened, which weights were restored and what to try). ``weights_ok`` is
    False only when even the restored weights give non-finite outputs: such a model must not be used
    or saved."""

    def __init__(self):
        super().__init__()
        self.history: dict = {}
        self.epoch: list = []
        self.stop_reason = None
        self.message = ""
        self.weights_ok = True

    def on_train_begin(self, logs=None):
        self.history, self.epoch = {}, []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)

    def __repr__(self):
        return f"History(epochs={len(self.epoch)}, stop_reason={self.stop_reason!r}, weights_ok={self.weights_ok})"


def format_logs(logs: dict) -> str:
    """``loss: 0.2593 - accuracy: 0.9256 - val_loss: ...`` in Keras's order and precision."""
    order = ["loss", "accuracy", "val_loss", "val_accuracy"]
    keys = [k for k in order if k in logs] + sorted(k for k in logs if k not in order and k != "size")
    return " - ".join(f"{k}: {logs[k]:.4f}" for k in keys if isinstance(logs[k], float))


class ProgbarLogger(Callback):
    """Prints one line per epoch, as Keras does with ``verbose=2``::

        Epoch 1/5
        1875/1875 - 2s - 1ms/step - loss: 0.2593 - accuracy: 0.9256

    ``verbose=1`` and ``2`` print the same (a live bar belongs to the caller, e.g. the CLI's tqdm).
    """

    def __init__(self, verbose: int = 2, stream=None):
        super().__init__()
        self.verbose = int(verbose)
        self.stream = stream

    def _print(self, text):
        print(text, file=self.stream or sys.stdout, flush=True)

    def on_epoch_begin(self, epoch, logs=None):
        self._start = time.perf_counter()
        self._seen = 0
        if self.verbose:
            self._print(f"Epoch {epoch + 1}/{self.params.get('epochs', '?')}")

    def on_batch_end(self, batch, logs=None):
        self._seen = batch + 1

    def on_epoch_end(self, epoch, logs=None):
        if not self.verbose:
            return
        elapsed = time.perf_counter() - self._start
        steps = self.params.get("steps", self._seen)
        per_step = elapsed / max(self._seen or steps, 1)
        unit = f"{per_step * 1e3:.0f}ms/step" if per_step >= 1e-3 else f"{per_step * 1e6:.0f}us/step"
        self._print(f"{self._seen or steps}/{steps} - {elapsed:.0f}s - {unit} - {format_logs(logs or {})}")


class TrainingControl(Callback):
    """Pause, resume and stop a training run from another thread. Checked between batches: ``stop()``
    ends training after the current batch; ``pause()`` blocks the training thread until ``resume()``
    or ``stop()``."""

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._running = threading.Event()
        self._running.set()
        self._stop = False

    def pause(self) -> None:
        with self._lock:
            if not self._stop:
                self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        with self._lock:
            self._stop = True
            self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop

    def on_batch_end(self, batch, logs=None):
        if not self._running.is_set():
            self._running.wait()
        if self._stop and self.model is not None:
            self.model.stop_training = True
