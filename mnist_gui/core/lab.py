"""The lab: edit a copy of the network (switch units off, scale or add noise to a layer's weights, prune the
smallest weights) and see what it does to the answer and to the test accuracy.

``Edits`` says what to change, layer by layer; ``edited(model, edits)`` returns a new model with the
changes made to copies of the weights (the model the other tabs use is never touched). Switching off a
unit (or a feature map) zeroes the weights into it and its bias, so it reads 0 after a ReLU, and the
weights out of it into the next layer with weights, so it has no effect whatever its activation;
"scale" multiplies a layer's kernel; "noise" adds Gaussian noise of ``noise`` times the kernel's own
standard deviation (seeded, so one setting gives one network); "prune" zeroes that fraction of the
kernel's weights, smallest |w| first. ``Accuracy`` measures a model on the first test images, reusing
the activations in front of the first edited layer when they are small, so editing the dense layers of
the default CNN costs milliseconds rather than a pass through its convolutions. ``keep_as_run`` keeps an
edited network as a run in the run store (issue 13: listed with the trained runs, offered as a model).
No Qt here; the panel is ``mnist_gui.ui.inside.lab_view`` and the accuracy runs off the GUI thread.
"""

from __future__ import annotations

import copy
import dataclasses
import math

import numpy as np

from mnist_gui.core.i18n import tr
from mnist_gui.core.pca import model_batch
from mnist_gui.core.run_recorder import start_run
from mnist_gui.nn.introspect import layer_outputs
from mnist_gui.nn.model import Sequential

LAB_IMAGES = 3000  # test images the lab's accuracy is measured on (a convolution edit: ~1.5 s here)
MAX_CACHED_FEATURES = 2048  # widest layer input kept in memory to skip the layers before an edit
_PASS = ("Flatten", "Dropout", "Reshape", "MaxPooling2D", "Activation", "ReLU", "LeakyReLU", "Tanh", "Sigmoid")


@dataclasses.dataclass
class Edits:
    """Per layer name: ``off`` the units/feature maps switched off; ``scale`` (1: none); ``noise`` (0: none,
    relative to the kernel's standard deviation); ``prune`` (0..1, share of the kernel zeroed)."""

    off: dict = dataclasses.field(default_factory=dict)
    scale: dict = dataclasses.field(default_factory=dict)
    noise: dict = dataclasses.field(default_factory=dict)
    prune: dict = dataclasses.field(default_factory=dict)
    seed: int = 0

    def is_empty(self) -> bool:
        return not (any(self.off.values()) or any(v != 1.0 for v in self.scale.values())
                    or any(self.noise.values()) or any(self.prune.values()))

    def layers(self) -> set:
        """Names of the layers these edits change (including where a switched-off unit's weights go)."""
        names = {k for k, v in self.off.items() if v} | {k for k, v in self.scale.items() if v != 1.0}
        return names | {k for k, v in self.noise.items() if v} | {k for k, v in self.prune.items() if v}

    def describe(self) -> str:
        parts = []
        for name in sorted(self.layers()):
            words = []
            if self.off.get(name):
                words.append(tr("%n switched off", None, len(self.off[name])))
            if self.scale.get(name, 1.0) != 1.0:
                words.append(tr("weights ×{factor:g}").format(factor=self.scale[name]))
            if self.noise.get(name):
                words.append(tr("noise {noise:g}σ").format(noise=self.noise[name]))
            if self.prune.get(name):
                words.append(tr("{share:.0%} pruned").format(share=self.prune[name]))
            parts.append(f"{name}: {', '.join(words)}")
        return "; ".join(parts) or tr("no edits")


def editable_layers(model) -> list[str]:
    """Names of the layers with weights (Dense, Conv2D)."""
    return [layer.name for layer in model.layers if getattr(layer, "kernel", None) is not None]


def copy_model(model) -> Sequential:
    """A new, built Sequential with the same layers and copies of the weights (not compiled)."""
    layers = [type(layer).from_config(layer.get_config()) for layer in model.layers]
    twin = Sequential(layers, name=model.name, seed=model.seed, dtype=model.dtype)
    twin.class_names = list(model.class_names) if model.class_names else None
    twin.metadata = copy.deepcopy(model.metadata)
    twin.build(model.layers[0].input_shape, initialize=False)
    twin.set_weights(model.get_weights())
    return twin


def edited(model, edits: Edits) -> Sequential:
    """A copy of ``model`` with ``edits`` applied; ValueError for an unknown layer or unit."""
    twin = copy_model(model)
    by_name = {layer.name: i for i, layer in enumerate(twin.layers)}
    for name in edits.layers():
        if name not in by_name or getattr(twin.layers[by_name[name]], "kernel", None) is None:
            raise ValueError(tr("the lab can edit layers with weights ({layers}), not {name!r}").format(
                layers=", ".join(editable_layers(model)), name=name))
    rng = np.random.default_rng(edits.seed)
    for name in sorted(edits.layers(), key=by_name.get):
        layer = twin.layers[by_name[name]]
        kernel = layer.kernel
        if edits.scale.get(name, 1.0) != 1.0:
            kernel *= np.float32(edits.scale[name])
        if edits.noise.get(name):
            spread = edits.noise[name] * float(kernel.std())
            kernel += (rng.standard_normal(kernel.shape) * spread).astype(kernel.dtype)
        if edits.prune.get(name):
            share = min(max(float(edits.prune[name]), 0.0), 1.0)
            count = int(round(share * kernel.size))
            if count:
                flat = kernel.reshape(-1)
                flat[np.argpartition(np.abs(flat), count - 1)[:count]] = 0.0
    for name, units in edits.off.items():
        if units:
            _switch_off(twin, by_name[name], sorted(units))
    if not edits.is_empty():  # the trained network's test results are not this one's
        for key in ("test_accuracy", "test_loss"):
            twin.metadata.pop(key, None)
        twin.metadata["lab_edits"] = edits.describe()
    return twin


def _switch_off(model, index: int, units) -> None:
    layer = model.layers[index]
    n = layer.kernel.shape[-1]
    if min(units) < 0 or max(units) >= n:
        raise ValueError(tr("{layer} has units 0 to {last}, got {unit}").format(layer=layer.name, last=n - 1,
                                                                              unit=max(units)))
    layer.kernel[..., units] = 0.0
    layer.bias[units] = 0.0
    channels = layer.output_shape[-1]
    for after in model.layers[index + 1:]:
        kernel = getattr(after, "kernel", None)
        if kernel is None:
            if type(after).__name__ not in _PASS:
                return
            continue
        if kernel.ndim == 4:  # the next convolution reads the switched-off maps as input channels
            kernel[:, :, units, :] = 0.0
        else:  # a dense layer reads them flattened, channels last: row r is channel r % channels
            rows = np.flatnonzero(np.isin(np.arange(kernel.shape[0]) % channels, units))
            kernel[rows, :] = 0.0
        return


class Accuracy:
    """Test accuracy of edited copies of one model on ``images`` (uint8) and ``labels``.

    The activations in front of each layer are kept after their first use when at most
    MAX_CACHED_FEATURES wide, so a model edited from that layer on runs only from there. Use one
    ``Accuracy`` per base model, from one thread at a time.
    """

    def __init__(self, model, images: np.ndarray, labels: np.ndarray):
        self.model = model
        self.images = np.asarray(images)
        self.labels = np.asarray(labels)
        self._inputs: dict[int, np.ndarray] = {}

    def of(self, edits: Edits, batch_size: int = 256) -> float:
        """The share of the images the model edited by ``edits`` classifies right."""
        twin = edited(self.model, edits) if not edits.is_empty() else self.model
        names = [layer.name for layer in twin.layers]
        first = min((names.index(n) for n in edits.layers()), default=len(names) - 1)
        start = self._start(first)
        x = self._inputs[start] if start > 0 else model_batch(twin, self.images)
        probabilities = _run_from(twin, start, x, batch_size)
        return float(np.mean(np.argmax(probabilities, axis=1) == self.labels))

    def _start(self, first: int) -> int:
        """The latest layer at or before ``first`` whose input is kept; the first call keeps every small
        layer input in one pass through the unedited model."""
        if not self._inputs:
            layers = self.model.layers
            small = [i for i in range(1, len(layers)) if math.prod(layers[i].input_shape) <= MAX_CACHED_FEATURES
                     and type(layers[i - 1]).__name__ not in ("Flatten", "Dropout", "Reshape")]
            if small:
                x = model_batch(self.model, self.images)
                outs = dict(layer_outputs(self.model, x, layers=[layers[i - 1].name for i in small]))
                self._inputs = {i: outs[layers[i - 1].name] for i in small}
            self._inputs.setdefault(0, None)
        return max((i for i in self._inputs if 0 < i <= first), default=0)


def _run_from(model, start: int, x: np.ndarray, batch_size: int) -> np.ndarray:
    """The last layer's output (probabilities) of running ``model.layers[start:]`` on ``x``."""
    return layer_outputs(model, x, layers=[model.layers[-1].name], batch_size=batch_size, start=start)[0][1]


def keep_as_run(model, edits: Edits, accuracy: float | None, images: np.ndarray, labels: np.ndarray,
                store=None, name: str | None = None):
    """Keep ``model`` (a network ``edited`` by ``edits``) as a finished run in ``store`` (default: the user's
    run store) with its test ``accuracy`` on ``images`` (uint8) and ``labels``, measured here when None;
    (run id, None), or (None, why not) on a disk that refuses. The run's settings are those of the network
    it was edited from (``metadata["config"]``, when it has them), with the edits under ``lab_edits``."""
    if accuracy is None and len(labels):
        accuracy = Accuracy(model, images, labels).of(Edits())
    config = dict(model.metadata.get("config") or {})
    config["lab_edits"] = edits.describe()
    name = name or tr("lab edit: {edits}").format(edits=edits.describe())
    recorder, problem = start_run(config, name, source="lab", store=store)
    if recorder is None:
        return None, problem
    message = tr("Edited in the Inside tab's lab: {edits}.").format(edits=edits.describe())
    if accuracy is not None:
        message += " " + tr("Test accuracy measured on the first {n:,} test images.").format(n=len(labels))
    recorder.finish("finished", message,
                    test_accuracy=accuracy, model=model)
    if recorder.problem:
        return None, recorder.problem
    return recorder.run.id, None
