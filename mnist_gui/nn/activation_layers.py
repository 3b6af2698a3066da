"""Activation layers: ``Activation('relu')`` and the named ones (ReLU, LeakyReLU, Tanh, Sigmoid, Softmax).

Each wraps one function of activations.py and runs it on its own buffer; the gradient is computed from
the layer's output. A Softmax at the end of a model is not run as a layer while training: the model
fuses it with the loss (see model.py). What is not here: the maths (activations.py) and Dense, whose
``activation=`` argument applies the same functions without a layer of their own (layers.py).
"""

from __future__ import annotations

from mnist_gui.nn.activations import ActivationFunction, get_activation
from mnist_gui.nn.core_layers import Layer


class Activation(Layer):
    """An activation as a layer of its own: ``Activation('relu')`` or one of the named subclasses."""

    def __init__(self, activation, name=None, input_shape=None):
        super().__init__(name, input_shape)
        self.activation: ActivationFunction = get_activation(activation)

    def forward(self, x, training=False):
        out = self._buffer("y", x.shape)
        self.activation.forward(x, out)
        if training:
            self._a = out
        return out

    def backward(self, dy, need_dx=True):
        return self.activation.backward(self._a, dy, dy) if need_dx else None

    def get_config(self):
        return {"name": self.name, "activation": self.activation.get_config(),
                "input_shape": list(self.input_shape) if self.input_shape else None}

    def describe(self):
        return self.activation.name


class _NamedActivation(Activation):
    """An activation layer whose class says which activation it is (ReLU(), Tanh(), ...)."""

    function = "linear"

    def __init__(self, name=None, input_shape=None):
        super().__init__(self.function, name, input_shape)

    def get_config(self):
        return {"name": self.name, "input_shape": list(self.input_shape) if self.input_shape else None}


class ReLU(_NamedActivation):
    function = "relu"


class LeakyReLU(Activation):
    def __init__(self, negative_slope: float = 0.01, name=None, input_shape=None):
        super().__init__({"name": "leaky_relu", "negative_slope": negative_slope}, name, input_shape)

    def get_config(self):
        return {"name": self.name, "negative_slope": self.activation.negative_slope,
                "input_shape": list(self.input_shape) if self.input_shape else None}


class Tanh(_NamedActivation):
    function = "tanh"


class Sigmoid(_NamedActivation):
    function = "sigmoid"


class Softmax(_NamedActivation):
    function = "softmax"


ACTIVATION_LAYER_CLASSES = {cls.__name__: cls for cls in (Activation, ReLU, LeakyReLU, Tanh, Sigmoid, Softmax)}
