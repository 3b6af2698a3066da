"""The training loop behind ``Sequential.fit``.

Per batch: gather (and scale) the rows into a reused buffer, forward to the logits, the fused
softmax/cross-entropy writes the logits' gradient in place, backward (no input gradient for the first layer
with weights, none at all for layers before the first trainable one), any kernel regularizer's penalty and
gradient, one optimizer step over the trainable spans of the flat parameter vector. Batch and epoch
loss/accuracy are running means weighted by batch size (and by sample weights), as in Keras. The loop talks to
the outside world only through callbacks; it never prints. A loss that is not finite or explodes ends training
with ``history.stop_reason == "diverged"`` and the last healthy weights restored and checked; every run ends
with ``history.weights_ok`` saying whether the final weights give finite outputs (divergence.py).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.nn import seeding
from mnist_gui.nn.callback_base import Callback, History, ProgbarLogger, overrides
from mnist_gui.nn.dropout import Dropout
from mnist_gui.nn.divergence import CHECK_SAMPLES, CHECKPOINT_EVERY, DivergenceGuard
from mnist_gui.nn.fit_data import UnscaledInputWarning, check_positive_int, prepare_data
from mnist_gui.nn.metrics import named_logs
from mnist_gui.nn.prefetch import AugmentedBatches
from mnist_gui.nn.progbar import resolve_verbose
from mnist_gui.nn.threads import blas_threads, chunk_split, default_split, training_threads

__all__ = ["UnscaledInputWarning", "fit"]


def fit(model, x, y, batch_size=None, epochs=1, verbose="auto", callbacks=None, validation_split=0.0,
        validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0,
        seed=None, threads="auto", augmentation=None) -> History:
    """Train ``model`` on (x, y) from epoch ``initial_epoch`` up to ``epochs`` in mini-batches of
    ``batch_size`` (32 when None), as Keras's ``fit``.

    ``x``: (N, ...) uint8 or float inputs; ``y``: labels the loss understands. ``validation_split``:
    fraction (0 to 1) of the samples, taken from the end, held out for val_loss and the val_ metrics;
    ``validation_data``: an explicit (x_val, y_val[, sample_weight_val]) instead. ``sample_weight`` (N,)
    and ``class_weight`` {class: weight} weight each sample's loss (weighting.py). ``verbose``: 'auto'
    or 1 a live progress bar, 2 one line per epoch, 0 silent. Layers with ``trainable = False`` are
    left as they are; the flags are read when fit starts. ``seed``: replaces the model's seed for
    shuffling and dropout from now on (it is saved with the model). ``threads``: BLAS threads while
    training; ``"auto"`` leaves one core free for the rest of the program (see
    threads.training_threads) and shares the fused convolution steps' chunks and the big Dense
    products over every core (threads.chunk_split); a number is that many BLAS threads and no split;
    None leaves the BLAS setting alone. Returns a History.
    ``augmentation``: an ``mnist_gui.data.augment.Augmentation`` or the name of one of its presets
    ('light', 'standard', ...): every training batch (never the validation data) is randomly distorted,
    in a background thread (prefetch.py), from a stream derived from the seed, so seeded runs still
    repeat exactly; it is recorded in ``model.metadata['augmentation']``. Training stops early when a
    callback sets ``model.stop_training`` or the loss stops being finite or explodes; then check
    ``history.weights_ok`` before using or saving the model.
    """
    if model.optimizer is None:
        raise ValueError("compile the model before fit(), e.g. model.compile(optimizer='adam', "
                         "loss='sparse_categorical_crossentropy', metrics=['accuracy'])")
    epochs = check_positive_int("epochs", epochs)
    batch_size = 32 if batch_size is None else check_positive_int("batch_size", batch_size)
    initial_epoch = check_positive_int("initial_epoch", initial_epoch, minimum=0)
    verbose = resolve_verbose(verbose)
    if seed is not None:
        model.seed = seeding.check_seed(seed)
    feed, targets, weights, val, augment = prepare_data(model, x, y, validation_split, validation_data,
                                                        augmentation, sample_weight, class_weight)
    history = History()
    callbacks = _callback_list(history, callbacks, verbose)
    params = {"epochs": epochs, "steps": -(-feed.n // batch_size), "samples": feed.n, "batch_size": batch_size,
              "verbose": verbose}
    for cb in callbacks:
        cb.set_model(model)
        cb.set_params(params)
    model.stop_training = False
    model._build_optimizer()  # the trainable flags as they are now
    for cb in callbacks:
        cb.on_train_begin({})
    # "auto": the chunks split over every core as well (threads.py); a given count: that many BLAS threads
    split = default_split() if threads == "auto" else chunk_split(1)
    threads = training_threads() if threads == "auto" else threads
    # overflow on the way to a non-finite loss is expected and handled (the weights are restored)
    with blas_threads(threads), split, np.errstate(all="ignore"):
        _Loop(model, feed, targets, weights, val, callbacks, history, batch_size, augment).run(
            initial_epoch, epochs, shuffle)
    last_logs = {key: values[-1] for key, values in history.history.items()}
    for cb in callbacks:
        cb.on_train_end(last_logs)
    return history


def _callback_list(history, callbacks, verbose) -> list:
    # after the caller's callbacks, as in Keras, so it records what they add to the logs (learning_rate...)
    callbacks = list(callbacks or [])
    if verbose and not any(isinstance(cb, ProgbarLogger) for cb in callbacks):
        callbacks.append(ProgbarLogger(verbose))
    callbacks.append(history)
    for cb in callbacks:
        if not isinstance(cb, Callback):
            raise TypeError(f"callbacks must be Callback objects, got {type(cb).__name__}")
    return callbacks


def _all_layers(model):
    """The model's layers, those of nested models included."""
    for layer in model.layers:
        inner = getattr(layer, "model", None)
        yield from (_all_layers(inner) if inner is not None and hasattr(inner, "layers") else (layer,))


class _Loop:
    def __init__(self, model, feed, targets, weights, val, callbacks, history, batch_size, augment=None):
        self.model, self.feed, self.targets, self.val, self.augment = model, feed, targets, val, augment
        self.weights = None if weights is None else weights.astype(model.dtype)
        self.callbacks, self.history, self.batch_size = callbacks, history, batch_size
        self.batch_begin = [cb for cb in callbacks if overrides(cb, "on_train_batch_begin")]
        self.batch_end = [cb for cb in callbacks if overrides(cb, "on_train_batch_end")]
        self.plan = model._training_plan()
        self.regularized = any(getattr(layer, "kernel_regularizer", None) is not None for layer in model.layers)
        self.dropouts = [layer for layer in _all_layers(model) if isinstance(layer, Dropout)]
        k = min(CHECK_SAMPLES, feed.n)
        self.guard = DivergenceGuard(model, lambda: (feed.slice(0, k), targets[:k]))

    def run(self, initial_epoch, epochs, shuffle):
        model = self.model
        for epoch in range(initial_epoch, epochs):
            for cb in self.callbacks:
                cb.on_epoch_begin(epoch, {})
            logs = self._epoch(epoch, shuffle)
            if logs is None:
                return
            logs = named_logs(model, *logs)
            if self.val is not None:
                val_feed, val_targets, val_weights = self.val
                scores = model._evaluate_feed(val_feed, val_targets, 256, val_weights, self.callbacks)
                logs.update(named_logs(model, *scores, prefix="val_"))
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
        """One pass over the data; (mean loss, accuracy), or None when the loss diverged."""
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
        body, plan, weights = model._body, self.plan, self.weights
        forward_backward, step = model.loss.forward_backward, model.optimizer.step
        take, batch_begin, batch_end, guard = feed.take, self.batch_begin, self.batch_end, self.guard
        target_bufs = {}
        total_loss, total_correct, seen, weight_seen = 0.0, 0, 0, 0.0
        for b, lo in enumerate(range(0, n, B)):
            idx = order[lo:lo + B]
            nb = len(idx)
            if batch_begin:
                for cb in batch_begin:
                    cb.on_train_batch_begin(b, {"size": nb})
            yb = target_bufs.get(nb)
            if yb is None:
                yb = target_bufs[nb] = np.empty((nb,) + targets.shape[1:], targets.dtype)
            np.take(targets, idx, axis=0, out=yb)
            h = take(idx) if producer is None else producer.next()
            for layer in body:
                h = layer.forward(h, True)
            if weights is None:
                loss_sum, correct = forward_backward(h, yb, 1.0)
                weight_sum = nb
            else:
                loss_sum, correct, weight_sum = model.loss.weighted_forward_backward(h, yb, weights[idx])
            if self.regularized:
                loss_sum += nb * model.regularization(add_gradient=False)
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
            if self.regularized:
                model.regularization(add_gradient=True)
            step()
            total_loss += loss_sum
            total_correct += correct
            seen += nb
            weight_seen += weight_sum
            if batch_end:
                logs = named_logs(model, loss_sum / nb, correct / weight_sum if weight_sum else 0.0)
                logs["size"] = nb
                for cb in batch_end:
                    cb.on_train_batch_end(b, logs)
            if model.stop_training:
                break
        return total_loss / seen, total_correct / weight_seen if weight_seen else 0.0

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
