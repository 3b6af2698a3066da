"""Running a model without training it: ``model(x)``, ``predict`` and ``evaluate``, Keras-shaped.

``predict`` returns what the last layer gives, as Keras does: probabilities for a softmax output (the
model fuses that softmax with its loss, so it is applied here), the logits for a linear one;
``probabilities=True`` (``Sequential.predict_probabilities``) always gives probabilities. ``evaluate``
returns the loss alone when no metric was compiled, else [loss, metric, ...], or a dict. Both fire the
callbacks' ``on_predict_*`` / ``on_test_*`` hooks and show Keras's progress bar unless ``verbose=0``.
``KerasArray`` is an ndarray with ``.numpy()``, so tutorial code written for TensorFlow tensors runs.
What is not here: training (training.py), the progress bar itself (progbar.py).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.callback_base import Callback, overrides
from mnist_gui.nn.metrics import named_logs
from mnist_gui.nn.progbar import Progbar, resolve_verbose
from mnist_gui.nn.threads import blas_threads, default_split, training_threads


class KerasArray(np.ndarray):
    """A NumPy array that also answers ``.numpy()`` (a plain ndarray copy), as TensorFlow tensors do."""

    def numpy(self) -> np.ndarray:
        return np.array(self)


def _batch_size(batch_size) -> int:
    if batch_size is None:
        return 32
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
    return int(batch_size)


def _callbacks(model, callbacks, params):
    callbacks = list(callbacks or [])
    for cb in callbacks:
        if not isinstance(cb, Callback):
            raise TypeError(f"callbacks must be Callback objects, got {type(cb).__name__}")
        cb.set_model(model)
        cb.set_params(params)
    return callbacks


def call(model, x, training=False):
    out = predict(model, np.asarray(x), batch_size=max(len(np.asarray(x)), 1), verbose=0)
    return out.view(KerasArray)


def predict(model, x, batch_size=None, verbose="auto", callbacks=None, probabilities=False) -> np.ndarray:
    batch_size = _batch_size(batch_size)
    feed = model._feed(x)
    out = np.empty((feed.n, model.num_classes), model.dtype)
    softmax = model._ends_in_softmax or probabilities
    steps = -(-feed.n // batch_size)
    callbacks = _callbacks(model, callbacks, {"steps": steps, "verbose": verbose})
    bar = Progbar(steps, resolve_verbose(verbose)) if resolve_verbose(verbose) else None
    hooked = [cb for cb in callbacks
              if overrides(cb, "on_predict_batch_begin") or overrides(cb, "on_predict_batch_end")]
    for cb in callbacks:
        cb.on_predict_begin({})
    # overflow in a broken model is handled by the softmax, so it needs no warning
    with blas_threads(training_threads()), default_split(), np.errstate(over="ignore", invalid="ignore"):
        for step, lo in enumerate(range(0, feed.n, batch_size)):
            hi = min(lo + batch_size, feed.n)
            for cb in hooked:
                cb.on_predict_batch_begin(step, {})
            z = model._logits(feed.slice(lo, hi))
            if softmax:
                model._softmax.forward(z, out[lo:hi])
            else:
                out[lo:hi] = z
            for cb in hooked:
                cb.on_predict_batch_end(step, {"outputs": out[lo:hi]})
            if bar is not None:
                bar.update(step + 1, {})
    if bar is not None:
        bar.finish({})
    for cb in callbacks:
        cb.on_predict_end({})
    return out


def evaluate(model, x, y, batch_size=None, verbose="auto", sample_weight=None, callbacks=None, return_dict=False):
    if model.loss is None:
        raise ValueError("compile the model before evaluate()")
    batch_size = _batch_size(batch_size)
    feed = model._feed(x)
    targets = model.loss.prepare_targets(y, model.num_classes)
    weights = None
    if sample_weight is not None:
        from mnist_gui.nn.weighting import check_sample_weight
        weights = check_sample_weight(sample_weight, feed.n)
    steps = -(-feed.n // batch_size)
    callbacks = _callbacks(model, callbacks, {"steps": steps, "verbose": verbose})
    level = resolve_verbose(verbose)
    if level:
        callbacks.append(_TestProgress(steps, level))
    with blas_threads(training_threads()), default_split():
        loss, accuracy = evaluate_feed(model, feed, targets, batch_size, weights, callbacks)
    logs = named_logs(model, loss, accuracy)
    if return_dict:
        return logs
    values = list(logs.values())
    return values[0] if len(values) == 1 else values


class _TestProgress(Callback):
    def __init__(self, steps, verbose):
        super().__init__()
        self.bar = Progbar(steps, verbose)

    def on_test_batch_end(self, batch, logs=None):
        self.bar.update(batch + 1, logs)

    def on_test_end(self, logs=None):
        self.bar.finish(logs)


def evaluate_feed(model, feed, targets, batch_size=256, weights=None, callbacks=()) -> list:
    """[mean loss (with the regularization penalty), accuracy]; fires on_test_begin/batch/end on
    ``callbacks`` (the batch logs hold the running means so far, as Keras's do)."""
    if len(targets) != feed.n:
        raise ValueError(f"x has {feed.n} samples but y has {len(targets)}")
    if feed.n == 0:
        raise ValueError("cannot evaluate on an empty data set")
    hooked = [cb for cb in callbacks if overrides(cb, "on_test_batch_begin") or overrides(cb, "on_test_batch_end")]
    ends = [cb for cb in callbacks if overrides(cb, "on_test_begin") or overrides(cb, "on_test_end")]
    for cb in ends:
        cb.on_test_begin({})
    penalty = model.regularization()
    total, correct, weight_total = 0.0, 0.0, 0.0
    batch_size = max(int(batch_size), 1)
    for step, lo in enumerate(range(0, feed.n, batch_size)):
        hi = min(lo + batch_size, feed.n)
        for cb in hooked:
            cb.on_test_batch_begin(step, {})
        z = model._logits(feed.slice(lo, hi))
        if weights is None:
            loss_sum, hits = model.loss.evaluate(z, targets[lo:hi])
            total, correct, weight_total = total + loss_sum, correct + hits, weight_total + (hi - lo)
        else:
            losses, right = model.loss.per_sample(z, targets[lo:hi])
            w = weights[lo:hi]
            total, correct = total + float(w @ losses), correct + float(w @ right)
            weight_total += float(w.sum())
        if hooked:
            logs = named_logs(model, total / hi + penalty, correct / weight_total if weight_total else 0.0)
            for cb in hooked:
                cb.on_test_batch_end(step, logs)
    result = [total / feed.n + penalty, correct / weight_total if weight_total else 0.0]
    logs = named_logs(model, *result)
    for cb in ends:
        cb.on_test_end(logs)
    return result
