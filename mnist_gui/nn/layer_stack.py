"""What Sequential does with its list of layers: add (a layer, a ``keras.Input``, or a whole model as one
layer), pop, get_layer, Keras's automatic names, ``trainable`` for the whole model, and which spans
of the flat parameter vector train (the trainable arrays) and how far back a training step goes.

On a built model, ``add`` and ``pop`` rebuild it and put the remaining layers' weights back, as Keras
keeps them. What is not here: building the vectors, compile/fit/predict (model.py).
"""

from __future__ import annotations

import re

from mnist_gui.nn.conv_pool import ConvPool
from mnist_gui.nn.core_layers import Layer
from mnist_gui.nn.input_layer import InputLayer


def snake_case(class_name: str) -> str:
    """Keras's automatic layer name: ``Conv2D`` -> ``conv2d``, ``MaxPooling2D`` -> ``max_pooling2d``."""
    name = re.sub(r"(.)([A-Z][a-z0-9]+)", r"\1_\2", class_name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


class LayerStack:
    """The layer-list half of Sequential (a mixin: Sequential sets ``nested_class``)."""

    nested_class = None

    @property
    def trainable(self) -> bool:
        """False when every layer is frozen; setting it sets every layer's ``trainable`` (Keras)."""
        return any(layer.trainable for layer in self.layers) if self.layers else True

    @trainable.setter
    def trainable(self, value: bool) -> None:
        for layer in self.layers:
            layer.trainable = bool(value)

    def add(self, layer) -> None:
        """Append a layer (or a ``keras.Input(...)``, or another model, which becomes one layer). On a
        built model the existing layers keep their weights."""
        if isinstance(layer, LayerStack):
            layer = self.nested_class(layer)
        if not isinstance(layer, Layer):
            raise TypeError(f"Sequential takes layers such as Dense(128), got {type(layer).__name__}")
        if isinstance(layer, InputLayer):
            if self.layers:
                raise ValueError("keras.Input(...) must come before the model's first layer")
            self._input_shape = layer.input_shape
            return
        if not self.layers and layer.input_shape is None and self._input_shape is not None:
            layer.input_shape = self._input_shape
        if self._named != len(self.layers):  # someone edited self.layers directly
            self._names = {existing.name for existing in self.layers}
            self._name_counts.clear()
        if layer.name is None:
            layer.name = self._free_name(type(layer).__name__)
        kept = self._weights_by_layer()
        self._names.add(layer.name)
        self.layers.append(layer)
        self._named = len(self.layers)
        self.built = False
        if kept is not None:
            self._rebuild(kept)

    def pop(self) -> Layer:
        """Remove and return the last layer (Keras's ``model.pop()``); the others keep their weights."""
        if not self.layers:
            raise ValueError("there is no layer in the model to pop")
        kept = self._weights_by_layer()
        layer = self.layers.pop()
        self._names.discard(layer.name)
        self._named = len(self.layers)
        self.built = False
        if kept is not None and self.layers:
            self._rebuild(kept)
        return layer

    def _weights_by_layer(self):
        return {id(layer): layer.get_weights() for layer in self.layers} if self.built else None

    def _rebuild(self, kept: dict) -> None:
        self.build(initialize=True)
        for layer in self.layers:
            if kept.get(id(layer)):
                layer.set_weights(kept[id(layer)])

    def get_layer(self, name: str | None = None, index: int | None = None) -> Layer:
        """A layer by ``name`` or by ``index`` (Keras's ``model.get_layer``)."""
        if index is not None:
            if not -len(self.layers) <= int(index) < len(self.layers):
                raise ValueError(f"index {index} is out of range: the model has {len(self.layers)} layers")
            return self.layers[int(index)]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(f"no layer named {name!r}; the model has {', '.join(l.name for l in self.layers)}")

    def _free_name(self, class_name: str) -> str:
        """Keras's automatic name: ``dense``, then ``dense_1``, ``dense_2``, ...; skipping names taken.
        One counter per base name, so adding n layers takes linear time, not quadratic."""
        base = snake_case(class_name)
        if base not in self._names:
            return base
        i = self._name_counts.get(base, 1)
        while f"{base}_{i}" in self._names:
            i += 1
        self._name_counts[base] = i + 1
        return f"{base}_{i}"

    def _plan(self, learns) -> list:
        """[(layer, needs an input gradient), ...] backwards from the last layer to the first one for
        which ``learns(layer)``: no layer before it needs a backward pass at all."""
        first = next((i for i, layer in enumerate(self._body) if learns(layer)), len(self._body))
        return [(layer, i > first) for i, layer in reversed(list(enumerate(self._body))) if i >= first]

    def _training_plan(self) -> list:
        """The backward plan for ``fit``: it stops at the first layer with something to train."""
        return self._plan(lambda layer: any(True for _ in self._layer_ranges(layer)))

    def _layer_ranges(self, layer):
        """The (start, stop) spans of ``layer``'s trainable arrays in the flat vector (for a fused
        conv+pool step, its convolution's)."""
        if isinstance(layer, ConvPool):
            layer = layer.conv
        inner = getattr(layer, "model", None)
        if isinstance(inner, LayerStack):  # a nested model: its own spans, moved to where its slice starts
            start = next(start for owner, _, start, _ in self._spans if owner is layer)
            for a, b in inner._trainable_ranges():
                yield start + a, start + b
            return
        if not layer.trainable:
            return
        for owner, pname, start, stop in self._spans:
            if owner is layer and pname not in layer.non_trainable:
                yield start, stop

    def _trainable_ranges(self) -> list:
        """The merged (start, stop) spans of every trainable array, in vector order."""
        spans = sorted(span for layer in self.layers for span in self._layer_ranges(layer))
        merged = []
        for start, stop in spans:
            if merged and merged[-1][1] == start:
                merged[-1] = (merged[-1][0], stop)
            else:
                merged.append((start, stop))
        return merged
