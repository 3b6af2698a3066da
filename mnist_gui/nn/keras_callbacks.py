"""Keras's standard training callbacks that change the run: EarlyStopping, TerminateOnNaN,
ReduceLROnPlateau, LearningRateScheduler and LambdaCallback, with Keras 3's arguments and semantics.

EarlyStopping follows keras/src/callbacks/early_stopping.py: the ``wait`` counter, ``min_delta`` signed
by the mode, ``baseline``, ``start_from_epoch``, and ``restore_best_weights`` restoring the best
epoch's weights when training ends, whether it stopped early or ran every epoch (Keras 3; Keras 2
restored only when it stopped). What is not here: callbacks that write files (callback_files.py).
"""

from __future__ import annotations

import math
import warnings

from mnist_gui.nn.callback_base import Callback
from mnist_gui.nn.metrics import metric_direction


def _monitor_op(mode: str, monitor: str, who: str):
    if mode not in ("auto", "min", "max"):
        warnings.warn(f"{who} mode {mode} is unknown, fallback to auto mode.", stacklevel=3)
        mode = "auto"
    if mode == "auto":
        mode = metric_direction(monitor)
        if mode is None:
            raise ValueError(f"{who} callback received monitor={monitor} but cannot tell whether that metric "
                             "should be maximized or minimized; pass mode='max' or mode='min'")
    return (lambda a, b: a > b) if mode == "max" else (lambda a, b: a < b), mode


class EarlyStopping(Callback):
    """Stop training when ``monitor`` has stopped improving for ``patience`` epochs."""

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto", baseline=None,
                 restore_best_weights=False, start_from_epoch=0):
        super().__init__()
        self.monitor, self.patience, self.verbose = monitor, int(patience), verbose
        self.baseline, self.min_delta = baseline, abs(float(min_delta))
        self.restore_best_weights, self.start_from_epoch = bool(restore_best_weights), int(start_from_epoch)
        self.mode = mode
        self.monitor_op = None
        self.wait = self.stopped_epoch = self.best_epoch = 0
        self.best_weights = None

    def _set_monitor_op(self):
        op, direction = _monitor_op(self.mode, self.monitor, "EarlyStopping")
        self.monitor_op = op
        if direction == "min":
            self.min_delta *= -1
        self.best = math.inf if direction == "min" else -math.inf

    def on_train_begin(self, logs=None):
        self.wait = self.stopped_epoch = self.best_epoch = 0
        self.best_weights = None

    def on_epoch_end(self, epoch, logs=None):
        if self.monitor_op is None:
            self._set_monitor_op()
        current = self.get_monitor_value(logs)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights, self.best_epoch = self.model.get_weights(), epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best, self.best_epoch = current, epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            # the wait restarts only when both the baseline and the previous best are beaten
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)

    def get_monitor_value(self, logs):
        logs = logs or {}
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn(f"Early stopping conditioned on metric `{self.monitor}` which is not available. "
                          f"Available metrics are: {','.join(logs)}", stacklevel=2)
        return value

    def _is_improvement(self, value, reference):
        return self.monitor_op(value - self.min_delta, reference)


class TerminateOnNaN(Callback):
    """Stop training as soon as a batch's loss is NaN or infinite. (The training loop also stops and
    restores the last healthy weights on its own; this callback is Keras's way of asking for it.)"""

    def on_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and not math.isfinite(loss):
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True


def _set_learning_rate(model, value: float) -> None:
    """A new fixed learning rate (a schedule the optimizer had is replaced, as assigning Keras's
    ``optimizer.learning_rate`` does)."""
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"the learning rate must be a positive number, got {value}")
    model.optimizer.learning_rate = value
    model.optimizer.schedule = None


class LearningRateScheduler(Callback):
    """``schedule(epoch, lr) -> new lr`` at the start of every epoch; the rate is logged as ``learning_rate``."""

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule, self.verbose = schedule, verbose

    def on_epoch_begin(self, epoch, logs=None):
        lr = float(self.model.optimizer.current_learning_rate())
        new = self.schedule(epoch, lr)
        if not isinstance(new, (int, float)) or isinstance(new, bool):
            raise ValueError(f'The output of the "schedule" function should be a float, got {new!r}')
        _set_learning_rate(self.model, new)
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {float(new)}.")

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = float(self.model.optimizer.current_learning_rate())


class ReduceLROnPlateau(Callback):
    """Multiply the learning rate by ``factor`` when ``monitor`` has not improved for ``patience``
    epochs, then wait ``cooldown`` epochs; never below ``min_lr``."""

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4,
                 cooldown=0, min_lr=0.0, **kwargs):
        super().__init__()
        if factor >= 1.0:
            raise ValueError(f"ReduceLROnPlateau does not support a factor >= 1.0, got {factor}")
        self.monitor, self.factor, self.patience, self.verbose = monitor, float(factor), int(patience), verbose
        self.mode, self.min_delta, self.cooldown, self.min_lr = mode, float(min_delta), int(cooldown), float(min_lr)
        self.wait = self.cooldown_counter = 0
        self.monitor_op = None

    def on_train_begin(self, logs=None):
        op, direction = _monitor_op(self.mode, self.monitor, "ReduceLROnPlateau")
        delta = self.min_delta
        self.monitor_op = (lambda a, b: op(a, b - delta)) if direction == "min" else (lambda a, b: op(a, b + delta))
        self.best = math.inf if direction == "min" else -math.inf
        self.wait = self.cooldown_counter = 0

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        logs["learning_rate"] = float(self.model.optimizer.current_learning_rate())
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"Learning rate reduction is conditioned on metric `{self.monitor}` which is not "
                          f"available. Available metrics are: {','.join(logs)}.", stacklevel=2)
            return
        if self.cooldown_counter > 0:
            self.cooldown_counter -= 1
            self.wait = 0
        if self.monitor_op(current, self.best):
            self.best, self.wait = current, 0
        elif self.cooldown_counter <= 0:
            self.wait += 1
            if self.wait >= self.patience:
                old = float(self.model.optimizer.current_learning_rate())
                if old > self.min_lr:
                    new = max(old * self.factor, self.min_lr)
                    _set_learning_rate(self.model, new)
                    if self.verbose > 0:
                        print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new}.")
                    self.cooldown_counter, self.wait = self.cooldown, 0


class LambdaCallback(Callback):
    """Callbacks made of plain functions: ``on_epoch_end=lambda epoch, logs: ...`` and the others
    (``on_train_begin=lambda logs: ...``, ``on_train_batch_end=lambda batch, logs: ...``, ...)."""

    HOOKS = ("on_train_begin", "on_train_end", "on_epoch_begin", "on_epoch_end", "on_train_batch_begin",
             "on_train_batch_end", "on_test_begin", "on_test_end", "on_test_batch_begin", "on_test_batch_end",
             "on_predict_begin", "on_predict_end", "on_predict_batch_begin", "on_predict_batch_end")

    def __init__(self, **hooks):
        super().__init__()
        aliases = {"on_batch_begin": "on_train_batch_begin", "on_batch_end": "on_train_batch_end"}
        for name, function in hooks.items():
            name = aliases.get(name, name)
            if name not in self.HOOKS:
                raise ValueError(f"LambdaCallback has no hook {name!r}; hooks: {', '.join(self.HOOKS)}")
            setattr(self, name, function)

