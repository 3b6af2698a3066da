"""Telling a diverging training run apart, undoing it, and checking that the weights left are usable.

A run diverges when a batch's loss is NaN or infinite, or *explodes*: more than ``EXPLODE_FACTOR``
times its lowest so far, which is the first batch's loss (that of the weights the run started from)
and, after ``WARMUP_BATCHES`` batches, the lowest smoothed loss; the limit is never below that factor
times the loss of a uniform guess (ln C), so that a run whose loss is already tiny is not stopped by
an ordinary bad batch. A loss of 7e17 is finite, but exploded.

:class:`DivergenceGuard` keeps two copies: the weights at the start of the run, and the last weights
(with the optimizer state) whose batch loss was healthy, taken before that batch's update at the start
of each epoch and every ``CHECKPOINT_EVERY`` batches (a copy costs less than one optimizer step, so this
is well under 1% of the training time). On divergence the loop restores the last healthy copy, then
checks the model on a batch of training inputs: if the outputs are still not finite it goes back to the
weights of the start of the run (the optimizer then starts afresh), and if even those fail it says the
model cannot be used. The verdict is ``History.weights_ok``; :func:`model_outputs_finite` is the same
check for any caller, e.g. before installing or saving a model. What is not here: the training loop
(training.py).
"""

from __future__ import annotations

import math

import numpy as np

EXPLODE_FACTOR = 10.0
WARMUP_BATCHES = 5
SMOOTHING = 0.1  # weight of each new batch in the smoothed loss
CHECKPOINT_EVERY = 100
CHECK_SAMPLES = 256


FINITE_SLICE = 1 << 20  # elements per np.isfinite pass: a bounded mask, not one byte per parameter


def all_finite(values: np.ndarray) -> bool:
    """True when every element of the 1-D array ``values`` is finite, checked slice by slice."""
    return all(np.isfinite(values[lo:lo + FINITE_SLICE]).all() for lo in range(0, values.size, FINITE_SLICE))


def outputs_finite(model, batch) -> bool:
    """True when the weights are finite and every logit the model computes for ``batch`` (already fed,
    see ``Sequential._feed``) is finite. Logits, not probabilities: predict's softmax turns a row of
    non-finite logits into a uniform one, which would hide the problem."""
    return all_finite(model._params) and bool(np.isfinite(model._logits(batch)).all())


def model_outputs_finite(model, x, batch_size: int = CHECK_SAMPLES) -> bool:
    """True when ``model``'s weights are finite and its outputs for every input in ``x`` are finite
    numbers; a model for which this is False must not be used, installed or saved."""
    feed = model._feed(x)
    if not all_finite(model._params):
        return False
    step = max(int(batch_size), 1)
    with np.errstate(all="ignore"):
        return all(bool(np.isfinite(model._logits(feed.slice(lo, min(lo + step, feed.n)))).all())
                   for lo in range(0, feed.n, step))


class _Copy:
    """Parameters (and, with ``with_state``, the optimizer state) at one moment, and where in training."""

    def __init__(self, model, with_state: bool):
        self.params = np.empty_like(model._params)
        self.state = {k: np.empty_like(v) for k, v in model.optimizer.state.items()} if with_state else None
        self.take(model, 0)

    def take(self, model, batch: int) -> None:
        opt = model.optimizer
        np.copyto(self.params, model._params)
        for key, arr in (self.state or {}).items():
            np.copyto(arr, opt.state[key])
        self.iterations, self.epochs, self.batch = opt.iterations, model.epochs_trained, batch

    def put_back(self, model) -> None:
        opt = model.optimizer
        np.copyto(model._params, self.params)
        for key, arr in opt.state.items():
            if self.state is None:
                arr.fill(0.0)  # the optimizer starts afresh
            else:
                np.copyto(arr, self.state[key])
        opt.iterations, model.epochs_trained = self.iterations, self.epochs
        model.metadata["epochs_trained"] = self.epochs

    def describe(self) -> str:
        if self.batch == 0:
            return f"the end of epoch {self.epochs}" if self.epochs else "their initial values"
        return f"those of epoch {self.epochs + 1}, batch {self.batch + 1}, the last with a normal loss"


class DivergenceGuard:
    """Watches each batch's mean loss for one ``fit`` call. ``check_batch``: a function returning
    (fed inputs, targets) of a few training samples, on which weights are checked."""

    def __init__(self, model, check_batch):
        self.model, self.check_batch = model, check_batch
        # the start needs no optimizer state: it is only used when the last healthy copy fails too
        self.start = _Copy(model, with_state=False)
        self.good = _Copy(model, with_state=True)
        self.seen, self.smoothed, self.lowest = 0, None, math.inf
        self.guess = max(math.log(model.num_classes), 1.0)  # about the loss of a uniform guess
        self.limit = math.inf

    def _verdict(self, loss: float):
        if loss <= self.limit:  # False for NaN
            return None
        if math.isnan(loss) or math.isinf(loss):
            return f"became {'NaN' if math.isnan(loss) else 'infinite'}", ""
        if self.limit == EXPLODE_FACTOR * self.guess:
            return (f"exploded to {loss:.3g}",
                    f"more than {EXPLODE_FACTOR:g} times that of a random guess ({self.guess:.3g})")
        return f"exploded to {loss:.3g}", f"more than {EXPLODE_FACTOR:g} times its lowest so far ({self.lowest:.3g})"

    def problem(self, loss: float):
        """None for a healthy batch loss (which then counts towards the lowest so far), otherwise
        (what happened, why that counts as diverging) in words."""
        verdict = self._verdict(loss)
        if verdict is not None:
            return verdict
        self.seen += 1
        if self.smoothed is None:
            # the first loss is that of the weights the run started from: the reference until warmed up
            self.smoothed = self.lowest = loss
        else:
            self.smoothed += SMOOTHING * (loss - self.smoothed)
            if self.seen >= WARMUP_BATCHES:
                self.lowest = min(self.lowest, self.smoothed)
        self.limit = EXPLODE_FACTOR * max(self.lowest, self.guess)
        return None

    def final_problem(self):
        """After the last update, which no batch loss has judged: None when the weights give finite
        outputs and a healthy loss on the check batch, otherwise a sentence saying what is wrong."""
        x, y = self.check_batch()
        with np.errstate(all="ignore"):
            if not outputs_finite(self.model, x):
                return "After the last update the weights gave NaN or infinite outputs"
            loss_sum, _ = self.model.loss.evaluate(self.model._logits(x), y)
        verdict = self._verdict(loss_sum / len(y))
        if verdict is None:
            return None
        what, why = verdict
        return f"After the last update the loss on a check batch {what}" + (f", {why}" if why else "")

    def checkpoint(self, batch: int) -> None:
        """Copy the current weights, whose loss on this batch was just found healthy."""
        self.good.take(self.model, batch)

    def weights_usable(self) -> bool:
        with np.errstate(all="ignore"):
            return outputs_finite(self.model, self.check_batch()[0])

    def recover(self) -> tuple:
        """Restore the last healthy weights and check them; (usable, sentence saying what was done)."""
        self.good.put_back(self.model)
        text = f"The weights were restored to {self.good.describe()}."
        if self.weights_usable():
            return True, text
        self.start.put_back(self.model)
        text += (" They still gave NaN or infinite outputs, so they were reset to their values at the start of "
                 "this run (and the optimizer starts afresh).")
        if self.weights_usable():
            return True, text
        return False, text + (" Even those give NaN or infinite outputs: do not use or save this model; build "
                              "a new one.")
