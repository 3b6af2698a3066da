"""A model used as a layer: ``Sequential([model, Softmax()])``, as in the TensorFlow quickstart.

The inner model's parameters move into the outer model's flat vector (one array, ``params``, of the
layer) and the inner model is rebound onto that slice, so both share the same weights: training either
trains both, as in Keras. The forward pass runs every inner layer (a softmax the inner model fuses with
its loss is applied here, and differentiated in backward); ``trainable`` is the inner model's. What is
not here: Sequential itself (model.py).
"""

from __future__ import annotations

import math

from mnist_gui.nn.activations import SoftmaxFunction
from mnist_gui.nn.core_layers import Layer


class NestedModel(Layer):
    keras_class = "Sequential"  # what the summary calls it

    def __init__(self, model, name=None, input_shape=None):
        super().__init__(name or model.name, input_shape or model.input_shape)
        self.model = model
        self._softmax = SoftmaxFunction()

    @property
    def trainable(self) -> bool:
        return self.model.trainable if hasattr(self, "model") else True

    @trainable.setter
    def trainable(self, value) -> None:
        if hasattr(self, "model"):
            self.model.trainable = value

    def compute_output_shape(self, input_shape):
        shape = tuple(input_shape)
        for layer in self.model.layers:  # shape arithmetic only: nothing is allocated here
            shape = layer.build(shape, self.dtype)
        self._count = sum(layer.count_params() for layer in self.model.layers)
        return shape

    def param_shapes(self):
        return [("params", (self._count,))] if self._count else []

    def count_trainable_params(self) -> int:
        return sum(layer.count_trainable_params() for layer in self.model.layers)

    def bind(self, params, grads):
        inner = self.model
        old = inner._params.copy() if inner.built and inner._params.size == self._count else None
        inner.build(self.input_shape, initialize=old is None, params=params["params"], grads=grads["params"])
        if old is not None:
            params["params"][...] = old
        self.params, self.params_grad = params["params"], grads["params"]

    @property
    def weights(self) -> list:
        return self.model.weights if self.model.built else []

    def get_weights(self):
        return self.model.get_weights()

    def set_weights(self, weights):
        self.model.set_weights(weights)

    def regularization(self, add_gradient):
        return self.model.regularization(add_gradient)

    def _fused_softmax(self) -> bool:
        return bool(getattr(self.model.layers[-1], "output_logits", False))

    def forward(self, x, training=False):
        h = x
        for layer in self.model.layers:
            h = layer.forward(h, training)
        if self._fused_softmax():
            out = self._buffer("probabilities", h.shape)
            self._softmax.forward(h, out)
            h = out
            if training:
                self._probabilities = out
        return h

    def backward(self, dy, need_dx=True):
        if self._fused_softmax():
            dy = self._softmax.backward(self._probabilities, dy, dy)
        layers = self.model.layers
        for i in range(len(layers) - 1, -1, -1):
            dy = layers[i].backward(dy, need_dx or i > 0)
            if dy is None:
                return None
        return dy if need_dx else None

    def get_config(self):
        return {"name": self.name, "layers": [{"class": type(layer).__name__, "config": layer.full_config()}
                                              for layer in self.model.layers],
                "input_shape": list(self.input_shape) if self.input_shape else None}

    model_class = None  # Sequential, set by model.py (which imports this module, not the other way)

    @classmethod
    def from_layers(cls, layers, config: dict):
        """The layer a model file describes, from its inner layers (made by model_spec.make_layers)."""
        name = config.get("name")
        if name is not None and not isinstance(name, str):
            raise ValueError(f"a nested model's name should be text, got {name!r}")
        model = cls.model_class(layers, name=name or "sequential")
        return cls(model, name=name, input_shape=config.get("input_shape"))

    def describe(self):
        return f"{self.model.name} ({math.prod(self.input_shape)} → {self.output_shape[-1]})" if self.output_shape \
            else self.model.name

