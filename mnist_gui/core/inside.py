"""What the Inside tab shows for one input: every layer's output, left to right, computed once.

``trace(model, image)`` takes the current digit (28x28 in [0, 1], the pad's ``to_mnist`` output; None for
a blank pad; an image of another size is resampled, and says so), converts it to the model's scale by
``core.inference.input_from_unit`` and runs ``nn.layer_outputs`` once. The result is a ``Trace``: the
input and one ``LayerView`` per layer worth a picture (convolutions and poolings as feature maps, dense
and activation layers as units, the last layer as the answer with its logits), the pass-through layers
(Rescaling, Reshape, Flatten, Dropout at inference) named in the next view's title. ``strongest_links``
picks the node diagram's lines. A wide layer shows its
``MAX_SHOWN`` most active units (``MAX_MAPS_SHOWN`` feature maps) with a note, never thousands.

Not here: one unit's arithmetic (``core.inside_explain``), colours and tiles (``core.inside_pictures``),
the PCA map (``core.pca``), the lab (``core.lab``), the widgets (``mnist_gui.ui.inside``). No Qt.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.inference import input_from_unit
from mnist_gui.core.inside_pictures import resample, shared_scale
from mnist_gui.nn.introspect import layer_outputs, pre_activation

MAX_SHOWN = 128  # units of one layer drawn; the rest are summarised in a note
MAX_MAPS_SHOWN = 64  # feature maps of one layer drawn
PASS_THROUGH = ("Rescaling", "Reshape", "Flatten", "Dropout")
# marked for translation: shown as tr(BLANK_TEXT), tr(NO_MODEL_TEXT)
BLANK_TEXT = QT_TR_NOOP("Draw a digit on the Draw tab (or send one from the Dataset tab) to see what each layer "
                        "makes of it.")
NO_MODEL_TEXT = QT_TR_NOOP("No model yet: train one, open one, or use the default model.")


@dataclasses.dataclass
class LayerView:
    """One column of the Inside view.

    ``kind``: "maps" (``values`` (H, W, C) feature maps), "units" (``values`` (n,)) or "output" (``values``
    the probabilities (classes,), ``logits`` beside them when the model has a softmax). ``shown``: the
    indices drawn, in order (all, or the most active ``MAX_SHOWN`` / ``MAX_MAPS_SHOWN``); ``note`` says
    what was left out.
    ``scale``: the largest |value| of the layer, the brightest colour of its one shared scale.
    """

    index: int
    name: str
    kind: str
    title: str
    values: np.ndarray
    shown: np.ndarray
    scale: float
    note: str = ""
    logits: np.ndarray | None = None


@dataclasses.dataclass
class Trace:
    """One input through one model. ``image``: the 28x28 input in [0, 1] (None: blank); ``outputs``: every
    layer's output for this one image, in layer order; ``message``: what to tell the user instead of (or
    above) the layers, e.g. the blank-pad hint or "resized from 32x32"."""

    model: object
    image: np.ndarray | None
    x: np.ndarray | None = None
    outputs: list = dataclasses.field(default_factory=list)
    views: list = dataclasses.field(default_factory=list)
    message: str = ""

    @property
    def answer(self) -> LayerView | None:
        return self.views[-1] if self.views and self.views[-1].kind == "output" else None

    def layer_input(self, index: int) -> np.ndarray:
        """What layer ``index`` of the model took for this image (the model input for the first layer)."""
        return self.x[0] if index == 0 else self.outputs[index - 1][1]


def image_shape(model) -> tuple[int, int] | None:
    """The (height, width) picture the model takes, or None when its input is not one grey image."""
    shape = tuple(model.layers[0].input_shape or ()) if getattr(model, "layers", None) else ()
    if len(shape) == 3 and shape[2] == 1:
        shape = shape[:2]
    if len(shape) == 1 and round(shape[0] ** 0.5) ** 2 == shape[0]:
        side = round(shape[0] ** 0.5)
        return side, side
    return shape if len(shape) == 2 else None


def prepare_image(model, image) -> tuple[np.ndarray | None, str]:
    """(the image as the model's picture size, float32 in [0, 1], or None; a note for the user)."""
    if image is None:
        return None, ""
    a = np.asarray(image)
    if a.ndim == 3 and a.shape[2] in (3, 4):
        a = a[..., :3].mean(axis=2)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(tr("the Inside view takes a grey picture (height, width), got shape {shape}").format(
            shape=a.shape))
    a = a.astype(np.float32) / (255.0 if a.dtype == np.uint8 or a.max() > 1.0 else 1.0)
    if not a.any():
        return None, ""
    target = image_shape(model)
    if target is None or tuple(a.shape) == tuple(target):
        return np.clip(a, 0, 1), ""
    note = tr("This {h}×{w} picture was resized to the {th}×{tw} the network takes.").format(
        h=a.shape[0], w=a.shape[1], th=target[0], tw=target[1])
    return np.clip(resample(a, target), 0, 1), note


def trace(model, image) -> Trace:
    """Every layer's output for ``image`` (see the module docstring); a Trace with only a message for no
    model or a blank image."""
    if model is None:
        return Trace(None, None, message=tr(NO_MODEL_TEXT))
    image, note = prepare_image(model, image)
    if image is None:
        return Trace(model, None, message=tr(BLANK_TEXT))
    x = input_from_unit(model, image[None]).reshape((1,) + tuple(model.layers[0].input_shape))
    outputs = [(name, out[0]) for name, out in layer_outputs(model, x)]
    result = Trace(model, image, x, outputs, message=note)
    result.views = _views(model, result)
    return result


def _views(model, t: Trace) -> list[LayerView]:
    views, passes = [], []
    last = len(model.layers) - 1
    for i, (layer, (name, out)) in enumerate(zip(model.layers, t.outputs)):
        kind_name = type(layer).__name__
        if kind_name in PASS_THROUGH and i != last:
            passes.append(name)
            continue
        words = layer.describe() or kind_name.lower()
        shape = "×".join(map(str, out.shape))
        title = f"{name}: {words} → {shape}"
        if passes:
            title = f"({', '.join(passes)}) " + title
        passes = []
        if i == last:
            views.append(_output_view(model, t, i, title))
        elif out.ndim == 3:
            peaks = out.reshape(-1, out.shape[2]).max(axis=0)
            views.append(_ranked(i, name, "maps", title, out, peaks))
        else:
            flat = out.reshape(-1)
            views.append(_ranked(i, name, "units", title, flat, flat))
    return views


_SHOWING = {"maps": QT_TR_NOOP("showing the {limit} most active of {n:,} feature maps"),
            "units": QT_TR_NOOP("showing the {limit} most active of {n:,} units"),
            "output": QT_TR_NOOP("showing the {limit} most active of {n:,} classes")}


def _ranked(index, name, kind, title, values, activity) -> LayerView:
    n, limit = activity.size, MAX_MAPS_SHOWN if kind == "maps" else MAX_SHOWN
    if n <= limit:
        shown, note = np.arange(n), ""
    else:
        # the most active first would reorder the maps on every stroke; keep them in their own order
        shown = np.sort(np.argsort(-np.nan_to_num(activity, nan=-np.inf), kind="stable")[:limit])
        note = tr(_SHOWING[kind]).format(limit=limit, n=n)
    return LayerView(index, name, kind, title, values, shown, shared_scale(values), note)


def _output_view(model, t: Trace, index: int, title: str) -> LayerView:
    layer = model.layers[index]
    out = t.outputs[index][1].reshape(-1)
    activation = getattr(getattr(layer, "activation", None), "name", "")
    logits = None
    if activation == "softmax":
        x = t.layer_input(index)[None]
        logits = pre_activation(layer, x)[0] if hasattr(layer, "kernel") else x[0]
    view = _ranked(index, t.outputs[index][0], "output", title, out, out)
    view.logits = None if logits is None else np.asarray(logits, np.float32).reshape(-1)
    view.scale = 1.0 if activation == "softmax" else view.scale
    return view


def strongest_links(model, source: LayerView, target: LayerView, per_unit: int = 3, floor: float = 0.05):
    """The node diagram's lines between two unit views: for each shown unit of ``target`` (a Dense layer
    reading ``source``'s output), its ``per_unit`` largest contributions |a_i w_ij| from the shown units
    of ``source``, as (position of i among source.shown, unit j, sign, strength in 0..1 of the largest
    drawn); contributions under ``floor`` of the largest are left out. [] when the layers do not meet."""
    kernel = getattr(model.layers[target.index], "kernel", None)
    if kernel is None or kernel.ndim != 2 or kernel.shape[0] != source.values.size:
        return []
    contrib = source.values[source.shown][:, None] * kernel[source.shown][:, target.shown]  # (in, out)
    peak = float(np.abs(contrib).max()) or 1.0
    links = []
    for j, unit in enumerate(target.shown):
        for i in np.argsort(-np.abs(contrib[:, j]))[:per_unit]:
            strength = abs(float(contrib[i, j])) / peak
            if strength >= floor:
                links.append((int(i), int(unit), 1 if contrib[i, j] > 0 else -1, strength))
    return links


def top_classes(view: LayerView, class_names, k: int = 3) -> list[tuple[str, float]]:
    """The ``k`` most likely answers of an output view as (class name, probability)."""
    order = np.argsort(-view.values)[:k]
    names = list(class_names or [])
    return [(names[i] if i < len(names) else str(i), float(view.values[i])) for i in order]
