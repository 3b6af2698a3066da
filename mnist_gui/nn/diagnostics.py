"""What happens inside a network while it trains: per-layer gradient norms, weight histograms and the share
of dead ReLUs, reported by a callback at a limited rate (ConvNetJS and neural-network-digits show the same).

:class:`TrainingDiagnostics` looks at the numbers ``fit`` leaves behind after a batch, so it costs no extra
forward or backward pass: each weighted layer's gradient (``kernel_grad``, ``bias_grad``: the gradient of
the batch's mean loss, plus the L2 term when the optimizer adds one, as the update used it) and, for a layer
with a ReLU, the activations it computed for that batch. A unit (a Dense layer's unit, a convolution's
filter) is *dead* on a batch when it gave 0 for every image of it, at every position: it then passes no
gradient back and learns nothing from that batch. At most one report per ``interval`` seconds (time-based,
so a batch size of 1 does not multiply the cost), one at the start with the initial weights and one at
the end for the last batch when the throttle held it back.

A report is a dict of plain floats and fresh NumPy arrays (nothing in it shares memory with the model), so
it can cross a thread boundary as it is::

    {"x": 1.25,                        # fractional epoch of the batch just done (0.0 at the start)
     "layers": [{"name": "dense", "kind": "dense", "units": 128, "relu": True,
                 "grad_norm": 0.031,   # sqrt(sum of squares) of the kernel's and bias's gradient (nan at start)
                 "weight_rms": 0.05,   # sqrt(mean of the kernel's squares)
                 "counts": int64 (bins,), "edges": float64 (bins + 1,),   # the kernel's histogram
                 "dead": 0.02}, ...]}  # the share of dead units, None for a layer without a ReLU

NumPy and the standard library only. Not here: drawing it (mnist_gui.ui.train), the curves' history
(mnist_gui.core.train_diagnostics).
"""

from __future__ import annotations

import math
import time

import numpy as np

from mnist_gui.nn.callbacks import Callback

HISTOGRAM_BINS = 40


def _relu_output(model, index: int):
    """The layer whose training output holds the ReLU activations of weighted layer ``index``, or None:
    the layer itself (``Dense(..., activation='relu')``), or an ``Activation('relu')`` right after it."""
    layer = model.layers[index]
    act = getattr(layer, "activation", None)
    if act is not None and getattr(act, "name", "") == "relu" and not getattr(layer, "output_logits", False):
        return layer
    if act is not None and getattr(act, "name", "") not in ("linear", ""):
        return None
    following = model.layers[index + 1] if index + 1 < len(model.layers) else None
    if following is not None and getattr(following, "kernel", None) is None:
        f_act = getattr(following, "activation", None)
        if f_act is not None and getattr(f_act, "name", "") == "relu":
            return following
    return None


def dead_share(activations: np.ndarray) -> float:
    """The share of units (the last axis) that are 0 for every sample and position of ``activations``
    (B, ..., units), which are ReLU outputs, so never negative: a unit's sum is 0 exactly when all its values
    are. (Measured on a CNN's first activations, 128 x 26 x 26 x 32: the column sums ~1.5 ms, where
    ``np.logical_or.reduce(a > 0, axis=0)`` took ~14 ms.)"""
    a = activations.reshape(-1, activations.shape[-1])
    sums = a.sum(axis=0)
    return float(np.count_nonzero(~(sums > 0)) / sums.size)


def weight_histogram(kernel: np.ndarray, bins: int = HISTOGRAM_BINS) -> tuple[np.ndarray, np.ndarray]:
    """(counts, edges) of a kernel's values over ``bins`` equal bins symmetric about 0, from -max|w| to
    max|w| (a zero kernel: -1e-6 to 1e-6)."""
    values = np.asarray(kernel).ravel()
    finite = values[np.isfinite(values)]
    top = float(np.max(np.abs(finite))) if finite.size else 0.0
    top = top if top > 0 else 1e-6
    counts, edges = np.histogram(finite, bins=bins, range=(-top, top))
    return counts.astype(np.int64), edges.astype(np.float64)


class TrainingDiagnostics(Callback):
    """Reports the inside of the network to ``on_report(report)`` (see the module docstring), at most every
    ``interval`` seconds of ``clock()``, after a batch. ``bins``: of the weight histograms, which are made
    again at most every ``histogram_interval`` seconds (the latest ones are repeated in between: on a CNN
    they were half of a report's cost). ``latest`` holds the last report."""

    def __init__(self, on_report=None, interval: float = 0.1, bins: int = HISTOGRAM_BINS,
                 clock=time.perf_counter, histogram_interval: float = 0.5):
        super().__init__()
        if not interval >= 0:
            raise ValueError(f"interval must be zero or a positive number of seconds, got {interval!r}")
        self.on_report, self.interval, self.bins, self.clock = on_report, float(interval), int(bins), clock
        self.histogram_interval = float(histogram_interval)
        self._histograms: dict[int, tuple[np.ndarray, np.ndarray]] = {}   # by layer position, with its time
        self._last_histograms = -math.inf
        self.latest: dict | None = None
        self._layers: list[tuple[object, object]] = []   # (weighted layer, layer with its ReLU output or None)
        self._last = -math.inf
        self._epoch = 0
        self._relu_ready = False
        self._unreported = False
        self._x = 0.0

    def on_train_begin(self, logs=None):
        model = self.model
        self._layers = [(layer, _relu_output(model, i)) for i, layer in enumerate(model.layers)
                        if getattr(layer, "kernel", None) is not None]
        self._relu_ready = False
        self._report(0.0, with_grads=False)

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = int(epoch)

    def on_batch_end(self, batch, logs=None):
        steps = max(int(self.params.get("steps", 0)), 1)
        self._x = self._epoch + (int(batch) + 1) / steps
        self._relu_ready = True
        now = self.clock()
        if now - self._last < self.interval:
            self._unreported = True
            return
        self._last = now
        self._unreported = False
        self._report(self._x, with_grads=True)

    def on_train_end(self, logs=None):
        if self._unreported:       # the network as training left it, whatever the throttle said
            self._unreported = False
            self._report(self._x, with_grads=True)

    def _report(self, x: float, with_grads: bool) -> None:
        self.latest = self.snapshot(x, with_grads)
        if self.on_report is not None:
            self.on_report(self.latest)

    def snapshot(self, x: float = 0.0, with_grads: bool = True) -> dict:
        """The report for the network as it is now (see the module docstring)."""
        layers = []
        now = self.clock()
        fresh = now - self._last_histograms >= self.histogram_interval or not self._histograms
        if fresh:
            self._last_histograms = now
        for j, (layer, relu) in enumerate(self._layers):
            kernel = layer.kernel
            grad = math.nan
            if with_grads and getattr(layer, "kernel_grad", None) is not None:
                g = layer.kernel_grad.ravel()
                b = layer.bias_grad.ravel() if getattr(layer, "bias_grad", None) is not None else g[:0]
                grad = math.sqrt(float(np.dot(g, g)) + float(np.dot(b, b)))
            if fresh or j not in self._histograms:   # new arrays each time: a report never changes once sent
                self._histograms[j] = weight_histogram(kernel, self.bins)
            counts, edges = self._histograms[j]
            k = kernel.ravel()
            dead = None
            if relu is not None and self._relu_ready and getattr(relu, "_a", None) is not None:
                dead = dead_share(relu._a)
            layers.append({"name": str(layer.name), "kind": "conv" if kernel.ndim == 4 else "dense",
                           "units": int(kernel.shape[-1]), "relu": relu is not None, "grad_norm": grad,
                           "weight_rms": math.sqrt(float(np.dot(k, k)) / max(k.size, 1)),
                           "counts": counts, "edges": edges, "dead": dead})
        return {"x": float(x), "layers": layers}
