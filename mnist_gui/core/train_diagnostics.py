"""The "Inside training" view's numbers and words, with no Qt: the history of the engine's diagnostics
reports (``mnist_gui.nn.diagnostics.TrainingDiagnostics``) over a run, each layer's name in plain words, the
captions under the plots and a one-line summary of where things stand.

A report comes about ten times a second while a network trains; ``DiagnosticsHistory.add`` appends it to
growing arrays (amortised), so the view only hands arrays to its curves. Not here: computing the numbers
(the engine), drawing them (``mnist_gui.ui.train.inside_training``).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.core.i18n import QT_TR_NOOP, tr

# short captions under the plots, and the longer explanation for their tooltips (shown as tr(CAPTIONS[key]))
CAPTIONS = {
    "grad": QT_TR_NOOP("How hard training pushes each layer: its gradient's size after a batch (log scale). Steady "
                       "shrinking is normal; a sudden climb often comes before the loss blows up."),
    "dead": QT_TR_NOOP("Units (a convolution's filters) that gave 0 for every image of a batch: a dead ReLU passes no "
                       "gradient back, so it stops learning."),
    "hist": QT_TR_NOOP("The chosen layer's weights now (solid) and at the start (dashed). A slow widening is usual; "
                       "weights rushing outwards suggest too high a learning rate."),
}
EXPLANATIONS = {
    "grad": QT_TR_NOOP("The gradient norm of each layer's weights and biases (of the batch's mean loss). A layer "
                       "near zero has almost stopped learning; gradients that grow suddenly often come just before "
                       "the loss becomes NaN, which is a sign of too high a learning rate."),
    "dead": QT_TR_NOOP("A ReLU gives 0 for any negative input. A unit that is negative for every image of the batch "
                       "is dead on it: no gradient flows through it, so its weights stop changing. A few percent is "
                       "harmless; many, after a too-high learning rate, is a common way for training to fail."),
    "hist": QT_TR_NOOP("A histogram of the chosen layer's kernel weights. Weights piling up at zero suggest a strong "
                       "L2 penalty; a spread that keeps widening fast, too high a learning rate."),
}
NO_RELU = QT_TR_NOOP("no ReLU in this network: dead units only happen with the ReLU activation")


def layer_label(layer: dict, index: int, count: int, dense_index: int, conv_index: int) -> str:
    """'Convolution 1 (32 filters)', 'Dense 1 (128 units)', 'Output (10 classes)' for report layer ``index``
    of ``count``; ``dense_index``/``conv_index``: its number among the dense or convolution layers."""
    units = int(layer.get("units", 0))
    if index == count - 1:
        return tr("Output (%n classes)", None, units)
    if layer.get("kind") == "conv":
        return tr("Convolution {index} (%n filter(s))", None, units).format(index=conv_index)
    return tr("Dense {index} (%n unit(s))", None, units).format(index=dense_index)


def layer_labels(layers: list[dict]) -> list[str]:
    """The plain names of a report's layers, in order."""
    labels, dense, conv = [], 0, 0
    for i, layer in enumerate(layers):
        if layer.get("kind") == "conv":
            conv += 1
        else:
            dense += 1
        labels.append(layer_label(layer, i, len(layers), dense, conv))
    return labels


class DiagnosticsHistory:
    """Every report of one run: ``x`` (fractional epochs, (n,)), ``grad`` and ``dead`` ((n, layers), NaN
    where not measured; ``dead`` as fractions), the first and the latest weight histograms per layer."""

    def __init__(self, capacity: int = 256):
        self.labels: list[str] = []
        self.relu: list[bool] = []
        self.n = 0
        self._capacity = max(int(capacity), 1)
        self.x = np.zeros(0)
        self.grad = self.dead = np.zeros((0, 0))
        self.start: list[tuple[np.ndarray, np.ndarray]] = []    # (counts, edges) per layer, at the start
        self.latest: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, report: dict) -> None:
        layers = report.get("layers") or []
        if not self.labels:
            if not layers:
                return
            self.labels = layer_labels(layers)
            self.relu = [bool(layer.get("relu")) for layer in layers]
            k = len(layers)
            self.x = np.zeros(self._capacity)
            self.grad, self.dead = np.full((self._capacity, k), np.nan), np.full((self._capacity, k), np.nan)
            self.start = [(layer["counts"], layer["edges"]) for layer in layers]
        if len(layers) != len(self.labels):
            return                                     # not the same network: ignore, never crash
        if self.n == len(self.x):
            self._grow(2 * len(self.x))
        i = self.n
        self.x[i] = float(report.get("x", 0.0))
        for j, layer in enumerate(layers):
            grad = layer.get("grad_norm")
            self.grad[i, j] = grad if grad is not None and math.isfinite(grad) else np.nan
            self.dead[i, j] = np.nan if layer.get("dead") is None else float(layer["dead"])
        self.latest = [(layer["counts"], layer["edges"]) for layer in layers]
        self.n += 1

    def _grow(self, capacity: int) -> None:
        n = self.n
        x, grad, dead = self.x, self.grad, self.dead
        self.x = np.zeros(capacity)
        self.grad, self.dead = np.full((capacity, grad.shape[1]), np.nan), np.full((capacity, dead.shape[1]), np.nan)
        self.x[:n], self.grad[:n], self.dead[:n] = x[:n], grad[:n], dead[:n]

    def has_relu(self) -> bool:
        return any(self.relu)

    def summary(self) -> str:
        """Where things stand, in one line: 'After epoch 1.4: gradient sizes from 0.0031 (Dense 1 (128
        units)) to 0.052 (Output (10 classes)); dead ReLUs 3% in Dense 1 (128 units).'"""
        if not self.n:
            return tr("Start a run to see what happens inside the network while it trains.")
        i = self.n - 1
        grads = [(g, label) for g, label in zip(self.grad[i], self.labels) if math.isfinite(g)]
        parts = []
        if grads:
            low, high = min(grads), max(grads)
            if len(grads) > 1:
                parts.append(tr("gradient sizes from {low:.2g} ({low_layer}) to {high:.2g} ({high_layer})").format(
                    low=low[0], low_layer=low[1], high=high[0], high_layer=high[1]))
            else:
                parts.append(tr("gradient size {size:.2g} ({layer})").format(size=low[0], layer=low[1]))
        share = tr("{percent:.0f}% in {layer}")
        dead = [share.format(percent=100 * d, layer=label) for d, label in zip(self.dead[i], self.labels)
                if math.isfinite(d)]
        if dead:
            parts.append(tr("dead ReLUs {layers}").format(layers=", ".join(dead)))
        elif not self.has_relu():
            parts.append(tr(NO_RELU))
        when = tr("At the start") if self.x[i] == 0 else tr("At epoch {epoch:.2f}").format(epoch=self.x[i])
        return tr("{when}: {parts}.").format(when=when, parts="; ".join(parts)) if parts else when + "."
