"""The training loop behind ``Sequential.fit``.

Per batch: gather (and scale) the rows into a reused buffer, forward to the logits, the fused
softmax/cross-entropy writes the logits' gradient in place, backward (no input gradient for the first
layer with weights), one optimizer step over the flat parameter vector. Batch and epoch loss/accuracy
are running means weighted by batch size, as in Keras. The loop talks to the outside world only
through callbacks; it never prints. A loss that is not finite or explodes ends training with
``history.stop_reason == "diverged"`` and the last healthy weights restored and checked; every run
ends with ``history.weights_ok`` saying whether the final weights give finite outputs (divergence.py).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from mnist_gui.nn import seeding
from mnist_gui.nn.callbacks import Callback, History, ProgbarLogger, overrides
from mnist_gui.nn.divergence import CHECK_SAMPLES, CHECKPOINT_EVERY, DivergenceGuard
from mnist_gui.nn.layers import Dropout, Rescaling
from mnist_gui.nn.prefetch import AugmentedBatches, resolve_augmentation
from mnist_gui.nn.threads import blas_threads, training_threads


class UnscaledInputWarning(UserWarning):
    """Raw pixel values (0-255) given to a model without a Rescaling layer."""


def _check_positive_int(name, value, minimum=1):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer of at least {minimum}, got {value!r}")
    return int(value)


def _split_validation(x, y, validation_split, validation_data):
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise ValueError("validation_data must be a pair (x_val, y_val)")
        return x, y, validation_data[0], validation_data[1]
    validation_split = float(validation_split)
    if not 0.0 <= validation_split < 1.0:
        raise ValueError(f"validation_split must be in [0, 1), got {validation_split}")
    if validation_split == 0.0:
        return x, y, None, None
    # like Keras: the last fraction of the data, taken before any shuffling
    split_at = int(len(x) * (1.0 - validation_split))
    if split_at < 1 or split_at == len(x):
        raise ValueError(f"validation_split={validation_split} leaves no training or no validation samples")
    return x[:split_at], y[:split_at], x[split_at:], y[split_at:]


def _warn_if_unscaled(model, feed):
    if any(isinstance(layer, Rescaling) for layer in model.layers):
        return
    low, high = feed.value_range()
    if feed.mode == "float" and not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("the inputs contain NaN or infinite values")
    # pixels: integers, or non-negative floats well above 1 (negative values mean someone standardised them)
    if feed.raw_dtype.kind in "ui" or (low >= 0.0 and high > 1.5):
        warnings.warn(
            f"the inputs look like raw pixel values (dtype {feed.raw_dtype}, largest value {high:g}) but the model "
            "has no Rescaling layer, so it will learn slowly or not at all; divide by 255 or add "
            "Rescaling(1/255) as the first layer", UnscaledInputWarning, stacklevel=5)


def fit(model, x, y, epochs=1, batch_size=32, validation_split=0.0, validation_data=None, shuffle=True,
        callbacks=None, verbose=0, seed=None, threads="auto", augmentation=None) -> History:
    """Train ``model`` on (x, y) for ``epochs`` passes in mini-batches of ``batch_size``.

    ``x``: (N, ...) uint8 or float inputs; ``y``: labels the loss understands. ``validation_split``:
    fraction (0 to 1) of the samples, taken from the end, held out for val_loss/val_accuracy;
    ``validation_data``: an explicit (x_val, y_val) instead. ``seed``: replaces the model's seed for
    shuffling and dropout from now on (it is saved with the model). ``verbose`` 1 or 2 adds a
    ProgbarLogger. ``threads``: BLAS threads while training; ``"auto"`` leaves one core free for the
    rest of the program (see threads.training_threads), None leaves the BLAS setting alone. Returns a
    History. ``augmentation``: an ``mnist_gui.data.augment.Augmentation`` or the name of one of its
    presets ('light', 'standard', ...): every training batch (never the validation data) is randomly
    distorted, in a background thread (prefetch.py), from a stream derived from the seed, so seeded runs
    still repeat exactly; it is recorded in ``model.metadata['augmentation']``. Training stops early when a
    callback sets ``model.stop_training`` or the loss stops being finite or explodes; then check
    ``history.weights_ok`` before using or saving the model.
    """
    if model.optimizer is None:
        raise ValueError("compile the model before fit(), e.g. model.compile(optimizer='adam', "
                         "loss='sparse_categorical_crossentropy', metrics=['accuracy'])")
    epochs = _check_positive_int("epochs", epochs)
    batch_size = _check_positive_int("batch_size", batch_size)
    if seed is not None:
        model.seed = seeding.check_seed(seed)
    feed, targets, val, augment = _prepare_data(model, x, y, validation_split, validation_data, augmentation)
    history = History()
    callbacks = _callback_list(history, callbacks, verbose)
    params = {"epochs": epochs, "steps": -(-feed.n // batch_size), "samples": feed.n, "batch_size": batch_size}
    for cb in callbacks:
        cb.set_model(model)
        cb.set_params(params)
    model.stop_training = False
    for cb in callbacks:
        cb.on_train_begin({})
    threads = training_threads() if threads == "auto" else threads
    # overflow on the way to a non-finite loss is expected and handled (the weights are restored)
    with blas_threads(threads), np.errstate(all="ignore"):
        _Loop(model, feed, targets, val, callbacks, history, batch_size, augment).run(epochs, shuffle)
    last_logs = {key: values[-1] for key, values in history.history.items()}
    for cb in callbacks:
        cb.on_train_end(last_logs)
    return history


def _prepare_data(model, x, y, validation_split, validation_data, augmentation):
    """(training feed, targets, (validation feed, targets) or None, augmentation or None), all checked;
    records the augmentation in the model's metadata."""
    augment = resolve_augmentation(augmentation)
    x, y, x_val, y_val = _split_validation(x, y, validation_split, validation_data)
    feed = model._feed(x)
    targets = model.loss.prepare_targets(y, model.num_classes)
    if len(targets) != feed.n:
        raise ValueError(f"x has {feed.n} samples but y has {len(targets)}")
    if feed.n == 0:
        raise ValueError("cannot train on an empty data set")
    _warn_if_unscaled(model, feed)
    if augment is None:
        model.metadata.pop("augmentation", None)
    else:
        feed.images  # noqa: B018  (inputs that are not images raise ValueError here, not in the producer)
        model.metadata["augmentation"] = augment.to_dict()
        if augment.is_identity:
            augment = None  # zero strength leaves the images unchanged: no thread at all
    val = None
    if x_val is not None:
        val = (model._feed(x_val), model.loss.prepare_targets(y_val, model.num_classes))
        if len(val[1]) != val[0].n:
            raise ValueError(f"x_val has {val[0].n} samples but y_val has {len(val[1])}")
    return feed, targets, val, augment


def _callback_list(history, callbacks, verbose) -> list:
    callbacks = [history] + list(callbacks or [])
    if verbose and not any(isinstance(cb, ProgbarLogger) for cb in callbacks):
        callbacks.append(ProgbarLogger(verbose))
    for cb in callbacks:
        if not isinstance(cb, Callback):
            raise TypeError(f"callbacks must be Callback objects, got {type(cb).__name__}")
    return callbacks


class _Loop:
    def __init__(self, model, feed, targets, val, callbacks, history, batch_size, augment=None):
        self.model, self.feed, self.targets, self.val, self.augment = model, feed, targets, val, augment
        self.callbacks, self.history, self.batch_size = callbacks, history, batch_size
        self.batch_begin = [cb for cb in callbacks if overrides(cb, "on_batch_begin")]
        self.batch_end = [cb for cb in callbacks if overrides(cb, "on_batch_end")]
        self.dropouts = [layer for layer in model.layers if isinstance(layer, Dropout)]
        k = min(CHECK_SAMPLES, feed.n)
        self.guard = DivergenceGuard(model, lambda: (feed.slice(0, k), targets[:k]))

    def run(self, epochs, shuffle):
        model = self.model
        for epoch in range(epochs):
            for cb in self.callbacks:
                cb.on_epoch_begin(epoch, {})
            logs = self._epoch(epoch, shuffle)
            if logs is None:
                return
            if self.val is not None:
                logs["val_loss"], logs["val_accuracy"] = model._evaluate_feed(*self.val)
                if not math.isfinite(logs["val_loss"]):
                    self._diverged("The validation loss became "
                                   f"{'NaN' if math.isnan(logs['val_loss']) else 'infinite'} after epoch "
                                   f"{model.epochs_trained + 1}")
                    return
            model.epochs_trained += 1
            model.metadata["epochs_trained"] = model.epochs_trained
            for cb in self.callbacks:
                cb.on_epoch_end(epoch, logs)
            if model.stop_training:
                self.history.stop_reason = "stopped"
                self.history.message = f"Training was stopped during epoch {model.epochs_trained}."
                break
        problem = self.guard.final_problem()  # the last update is one no batch loss has judged
        if problem is not None:
            self._diverged(problem)

    def _epoch(self, epoch, shuffle):
        """One pass over the data; the epoch logs, or None when the loss diverged."""
        model, feed, B = self.model, self.feed, self.batch_size
        rng = seeding.epoch_rng(model.seed, model.epochs_trained)
        n = feed.n
        order = rng.permutation(n) if shuffle else np.arange(n)
        for layer in self.dropouts:
            layer.rng = rng
        producer = None
        if self.augment is not None:
            producer = AugmentedBatches(feed, self.augment, order, B, model.seed, model.epochs_trained)
        try:
            return self._batches(epoch, order, producer)
        finally:
            if producer is not None:
                producer.close()

    def _batches(self, epoch, order, producer):
        """The batches of one epoch in ``order``, from ``producer`` (augmented) when there is one."""
        model, feed, targets, B = self.model, self.feed, self.targets, self.batch_size
        n = feed.n
        body, plan = model._body, model._backward_plan
        forward_backward, step = model.loss.forward_backward, model.optimizer.step
        take, batch_begin, batch_end, guard = feed.take, self.batch_begin, self.batch_end, self.guard
        target_bufs = {}
        total_loss, total_correct, seen = 0.0, 0, 0
        for b, lo in enumerate(range(0, n, B)):
            idx = order[lo:lo + B]
            nb = len(idx)
            if batch_begin:
                for cb in batch_begin:
                    cb.on_batch_begin(b, {"size": nb})
            yb = target_bufs.get(nb)
            if yb is None:
                yb = target_bufs[nb] = np.empty((nb,) + targets.shape[1:], targets.dtype)
            np.take(targets, idx, axis=0, out=yb)
            h = take(idx) if producer is None else producer.next()
            for layer in body:
                h = layer.forward(h, True)
            loss_sum, correct = forward_backward(h, yb, 1.0)
            problem = guard.problem(loss_sum / nb)
            if problem is not None:
                what, why = problem
                self._diverged(f"The loss {what} at epoch {model.epochs_trained + 1}, batch {b + 1}"
                               + (f", {why}" if why else ""))
                return None
            if b % CHECKPOINT_EVERY == 0:
                guard.checkpoint(b)  # the weights this healthy loss was computed with, before the update
            for layer, need_dx in plan:
                h = layer.backward(h, need_dx)
            step()
            total_loss += loss_sum
            total_correct += correct
            seen += nb
            if batch_end:
                logs = {"loss": loss_sum / nb, "accuracy": correct / nb, "size": nb}
                for cb in batch_end:
                    cb.on_batch_end(b, logs)
            if model.stop_training:
                break
        return {"loss": total_loss / seen, "accuracy": total_correct / seen}

    def _diverged(self, what: str) -> None:
        """Stop, restore the last healthy weights (checked), and say so in ``history``."""
        # the rate the user set, not the schedule's value at this step (a cosine decay's 9.99999 for 10)
        lr = self.model.optimizer.learning_rate
        usable, restored = self.guard.recover()
        self.history.stop_reason = "diverged"
        self.history.weights_ok = usable
        self.history.message = (f"{what}: the training diverged. {restored} Try a lower learning rate "
                                f"than {lr:g}, for example {lr / 10:g}.")
        self.model.stop_training = True
