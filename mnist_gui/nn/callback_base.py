"""The callback machinery: how the training loop talks to the outside world (Keras's hooks).

``Callback`` (every Keras 3 hook, all no-ops; ``on_train_batch_*`` call the older ``on_batch_*`` names,
as in Keras), ``History`` (what ``fit`` returns), ``ProgbarLogger`` (Keras's progress output, which
``fit(verbose=1|2)`` adds; the loop itself never prints) and ``TrainingControl`` (pause, resume and
stop from another thread, e.g. the app's buttons). Logs hold plain Python floats only, so they can
cross a thread boundary as they are. Batch logs hold that batch's loss and metrics (not the running
means Keras shows), and ``size``. What is not here: the standard Keras callbacks (callbacks.py gathers
them: keras_callbacks.py, callback_files.py).
"""

from __future__ import annotations

import sys
import threading


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

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        self.on_batch_end(batch, logs)

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass


def overrides(callback: Callback, hook: str) -> bool:
    """True when the callback's class replaces the base class's no-op ``hook`` (for a training batch
    hook, either Keras name of it)."""
    hooks = (hook,)
    if hook in ("on_batch_begin", "on_batch_end", "on_train_batch_begin", "on_train_batch_end"):
        short = hook.replace("train_", "")
        hooks = (short, short.replace("on_", "on_train_"))
    own = getattr(callback, "__dict__", {})  # LambdaCallback's functions are set on the instance
    return any(h in own or getattr(type(callback), h, None) is not getattr(Callback, h) for h in hooks)


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
    """Keras's progress output (progbar.py): ``Epoch 1/5`` and then, with ``verbose=1``, a live bar
    ending as ``1875/1875 ━━━━━━━━━━━━━━━━━━━━ 2s 1ms/step - accuracy: 0.9256 - loss: 0.2593``;
    with ``verbose=2``, one line ``1875/1875 - 2s - 1ms/step - accuracy: ... - loss: ...`` per epoch."""

    def __init__(self, verbose: int = 2, stream=None):
        super().__init__()
        self.verbose = int(verbose)
        self.stream = stream

    def _print(self, text):
        print(text, file=self.stream or sys.stdout, flush=True)

    def on_epoch_begin(self, epoch, logs=None):
        from mnist_gui.nn.progbar import Progbar
        if self.verbose:
            self._print(f"Epoch {epoch + 1}/{self.params.get('epochs', '?')}")
        self._bar = Progbar(self.params.get("steps", 0), self.verbose, self.stream)
        self._sums, self._seen = {}, 0

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        n = logs.get("size", 1)
        self._seen += n
        for key, value in logs.items():
            if key != "size":
                self._sums[key] = self._sums.get(key, 0.0) + value * n
        if self.verbose == 1:
            self._bar.update(batch + 1, {k: v / self._seen for k, v in self._sums.items()})
        else:
            self._bar.current = batch + 1

    def on_epoch_end(self, epoch, logs=None):
        if self.verbose:
            self._bar.finish(logs or {})


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
