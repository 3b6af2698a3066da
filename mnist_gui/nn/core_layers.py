"""The Layer base class and the plain layers: Flatten, Rescaling and Dense.

A layer turns a batch ``x`` of shape (B, ...) into ``y`` in ``forward(x, training)`` and the gradient w.r.t.
``y`` back into the gradient w.r.t. ``x`` in ``backward(dy, need_dx)``. Layers do not own their parameters:
the model keeps one flat parameter vector and one flat gradient vector and hands each layer views into them
(``bind``), so an optimizer step is a few vectorised operations over one array. Outputs are written into
buffers the layer keeps between batches (one set per batch size), so the arrays a layer returns are only valid
until its next forward call. What is not here: the activation layers (activation_layers.py), Dropout
(dropout.py), ``keras.Input`` (input_layer.py), the image layers (conv.py, pooling.py, normalization.py),
kernel initialisation (initializers.py), regularizers (regularizers.py), losses (losses.py), the activation
maths (activations.py) and the ``keras.layers`` namespace that gathers every layer (layers.py).

``trainable`` (default True) is Keras's flag: ``fit`` leaves the arrays of a layer set to False as they are
(the optimizer never visits them), read when each ``fit`` starts. A layer's ``non_trainable`` arrays
(BatchNormalization's moving statistics) are never the optimizer's either.
"""

from __future__ import annotations

import math
from threading import get_ident

import numpy as np

from mnist_gui.nn.activations import get_activation
from mnist_gui.nn.initializers import check_initializer, init_kernel
from mnist_gui.nn.regularizers import get_regularizer
from mnist_gui.nn.threads import product


def scratch(bufs: dict, tag: str, shape: tuple, dtype, limit: int = 24):
    """The array ``bufs`` keeps for (tag, shape, this thread), made on first use; past ``limit`` arrays
    (batch sizes come and go) the dict starts again."""
    key = (tag, shape, get_ident())
    buf = bufs.get(key)
    if buf is None:
        if len(bufs) > limit:
            bufs.clear()
        buf = bufs[key] = np.empty(shape, dtype)
    return buf


class Layer:
    """Base class. Subclasses with parameters override ``param_shapes``, ``bind`` and ``init_params``;
    ``non_trainable`` names the arrays the optimizer never updates."""

    non_trainable: tuple = ()
    mode_dependent = False  # True when the layer computes something else while training (Dropout, BatchNormalization)

    def __init__(self, name: str | None = None, input_shape=None, trainable: bool = True):
        self.name = name
        self.input_shape = tuple(int(n) for n in input_shape) if input_shape is not None else None
        self.output_shape = None
        self.dtype = np.float32
        self.trainable = bool(trainable)
        self._bufs = {}

    def build(self, input_shape: tuple, dtype=np.float32) -> tuple:
        """Fix the per-sample input shape (no batch axis); return the per-sample output shape."""
        self.input_shape = tuple(input_shape)
        self.dtype = np.dtype(dtype)
        self._bufs.clear()
        self.output_shape = self.compute_output_shape(self.input_shape)
        return self.output_shape

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return input_shape

    def param_shapes(self) -> list:
        """[(name, shape), ...] of the trainable arrays, kernels before biases."""
        return []

    def count_params(self) -> int:
        return sum(math.prod(shape) for _, shape in self.param_shapes())

    def count_trainable_params(self) -> int:
        """What Keras's summary counts as trainable: nothing when the layer is frozen."""
        if not self.trainable:
            return 0
        return sum(math.prod(shape) for pname, shape in self.param_shapes() if pname not in self.non_trainable)

    @property
    def weights(self) -> list:
        """The layer's arrays (live views into the model's parameters), in Keras's order; [] before the
        model is built."""
        arrays = [getattr(self, pname, None) for pname, _ in self.param_shapes()] if self.input_shape else []
        return [a for a in arrays if a is not None]

    def _weights_where(self, trains: bool) -> list:
        if not self.weights:
            return []
        return [getattr(self, p) for p, _ in self.param_shapes()
                if (self.trainable and p not in self.non_trainable) == trains]

    @property
    def trainable_weights(self) -> list:
        """The arrays ``fit`` updates."""
        return self._weights_where(True)

    @property
    def non_trainable_weights(self) -> list:
        """The arrays ``fit`` leaves to themselves (all of a frozen layer's; BatchNormalization's moving statistics)."""
        return self._weights_where(False)

    def get_weights(self) -> list:
        """Copies of the layer's arrays (Keras's ``layer.get_weights()``)."""
        return [w.copy() for w in self.weights]

    def set_weights(self, weights) -> None:
        """Copy ``weights`` (a list like ``get_weights()`` returns) into the layer's arrays."""
        targets = self.weights
        if len(targets) != len(self.param_shapes()):
            raise ValueError(f"layer {self.name!r} has no weights yet: build its model first")
        if len(weights) != len(targets):
            raise ValueError(f"layer {self.name!r} expects {len(targets)} arrays, got {len(weights)}")
        for target, value in zip(targets, weights):
            value = np.asarray(value)
            if value.shape != target.shape:
                raise ValueError(f"layer {self.name!r}: weight shape mismatch, expected {target.shape}, "
                                 f"got {value.shape}")
            np.copyto(target, value, casting="same_kind")

    def regularization(self, add_gradient: bool) -> float:
        """The penalty this layer adds to the loss (a kernel_regularizer's), and with ``add_gradient``
        its gradient added to the kernel's; 0.0 for layers without one."""
        reg = getattr(self, "kernel_regularizer", None)
        if reg is None or self.kernel is None:
            return 0.0
        return reg.apply(self.kernel, self.kernel_grad if add_gradient else None)

    def bind(self, params: dict, grads: dict) -> None:
        """Receive views (by name) into the model's flat parameter and gradient vectors."""

    def init_params(self, rng: np.random.Generator) -> None:
        """Fill the bound parameter views with their initial values."""

    def forward(self, x, training: bool = False):
        raise NotImplementedError

    def backward(self, dy, need_dx: bool = True):
        raise NotImplementedError

    def get_config(self) -> dict:
        return {"name": self.name}

    def full_config(self) -> dict:
        """``get_config()`` plus ``trainable`` when the layer is frozen (what a model file stores)."""
        config = self.get_config()
        if not self.trainable:
            config["trainable"] = False
        return config

    @classmethod
    def from_config(cls, config: dict):
        config = dict(config)
        if "activation" in config:  # Dense, Conv2D, Activation: stored as the function's own config
            config["activation"] = get_activation(config["activation"])
        trainable = config.pop("trainable", True)
        if not isinstance(trainable, bool):
            raise ValueError(f"trainable must be true or false, got {trainable!r}")
        layer = cls(**config)
        layer.trainable = trainable
        return layer

    def _buffer(self, tag: str, shape: tuple, dtype=None):
        """A scratch array reused between calls with the same shape (one set per batch size and per
        thread, so that predict() from another thread never writes into a training step's arrays)."""
        return scratch(self._bufs, tag, shape, dtype or self.dtype)

    def describe(self) -> str:
        """A few words for Sequential.summary_line()."""
        return ""

    def __repr__(self):
        return f"{type(self).__name__}(name={self.name!r})"


class Flatten(Layer):
    """(B, d1, d2, ...) -> (B, d1*d2*...), a view where possible."""

    def compute_output_shape(self, input_shape):
        return (math.prod(input_shape),)

    def forward(self, x, training=False):
        return x.reshape(x.shape[0], -1)

    def backward(self, dy, need_dx=True):
        return dy.reshape((dy.shape[0],) + self.input_shape) if need_dx else None

    def get_config(self):
        return {"name": self.name, "input_shape": list(self.input_shape) if self.input_shape else None}


class Rescaling(Layer):
    """y = x * scale + offset, e.g. ``Rescaling(1/255)`` so the model takes uint8 pixels directly."""

    def __init__(self, scale: float, offset: float = 0.0, name=None, input_shape=None):
        super().__init__(name, input_shape)
        self.scale = float(scale)
        self.offset = float(offset)
        if not (math.isfinite(self.scale) and math.isfinite(self.offset)):
            raise ValueError(f"Rescaling needs finite scale and offset, got {scale}, {offset}")

    def forward(self, x, training=False):
        out = self._buffer("y", x.shape)
        # a NumPy scalar of the model dtype keeps uint8 * scale from computing in float64
        np.multiply(x, self.dtype.type(self.scale), out=out)
        if self.offset:
            np.add(out, self.dtype.type(self.offset), out=out)
        return out

    def backward(self, dy, need_dx=True):
        return np.multiply(dy, self.scale, out=dy) if need_dx else None

    def get_config(self):
        return {"name": self.name, "scale": self.scale, "offset": self.offset,
                "input_shape": list(self.input_shape) if self.input_shape else None}


class Dense(Layer):
    """A fully connected layer ``y = activation(x @ kernel + bias)`` on (B, n) inputs.

    ``kernel`` is (n, units) and ``bias`` (units,); both are live views into the model's parameters.
    ``kernel_initializer='auto'`` picks He (uniform) for relu and leaky_relu and Glorot (uniform)
    otherwise.
    """

    def __init__(self, units: int, activation=None, use_bias: bool = True, kernel_initializer: str = "auto",
                 kernel_regularizer=None, name=None, input_shape=None):
        super().__init__(name, input_shape)
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
            raise ValueError(f"Dense units must be a positive integer, got {units!r}")
        self.units = int(units)
        self.activation = get_activation(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = check_initializer(kernel_initializer)
        self.kernel_regularizer = get_regularizer(kernel_regularizer)
        self.kernel = self.bias = self.kernel_grad = self.bias_grad = None
        # set by the model when a softmax output is fused into the loss: forward then returns logits
        self.output_logits = False

    def compute_output_shape(self, input_shape):
        if len(input_shape) != 1:
            raise ValueError(f"Dense expects input of shape (n, features), got (n, {', '.join(map(str, input_shape))});"
                             " add Flatten() in front of it")
        return (self.units,)

    def param_shapes(self):
        return [("kernel", (self.input_shape[0], self.units))] + ([("bias", (self.units,))] if self.use_bias else [])

    def bind(self, params, grads):
        self.kernel, self.bias = params["kernel"], params.get("bias")
        self.kernel_grad, self.bias_grad = grads["kernel"], grads.get("bias")

    def init_params(self, rng):
        fan_in, fan_out = self.kernel.shape
        init_kernel(self, fan_in, fan_out, rng)

    def forward(self, x, training=False):
        z = self._buffer("z", (x.shape[0], self.units))  # (B, units)
        product(x, self.kernel, z)
        if self.bias is not None:
            np.add(z, self.bias, out=z)
        if not self.output_logits and self.activation.name != "linear":
            self.activation.forward(z, z)
        if training:
            self._x, self._a = x, z
        return z

    def backward(self, dy, need_dx=True):
        dz = dy
        if not self.output_logits and self.activation.name != "linear":
            dz = self.activation.backward(self._a, dy, dy)
        product(self._x.T, dz, self.kernel_grad)  # (n, units)
        if self.bias_grad is not None:
            # a product with a ones vector is a BLAS call, cheaper here than a reduction over axis 0
            np.dot(self._ones(dz.shape[0]), dz, out=self.bias_grad)
        if not need_dx:
            return None
        dx = self._buffer("dx", (dz.shape[0], self.kernel.shape[0]))
        return product(dz, self.kernel.T, dx)

    def _ones(self, n):
        ones = self._bufs.get(("ones", (n,), get_ident()))
        if ones is None:
            ones = self._buffer("ones", (n,))
            ones.fill(1.0)
        return ones

    def get_config(self):
        config = {"name": self.name, "units": self.units, "activation": self.activation.get_config(),
                  "kernel_initializer": self.kernel_initializer,
                  "input_shape": list(self.input_shape) if self.input_shape else None}
        # written only when they differ from the defaults, so older programs still read the files
        if not self.use_bias:
            config["use_bias"] = False
        if self.kernel_regularizer is not None:
            config["kernel_regularizer"] = self.kernel_regularizer.get_config()
        return config

    def describe(self):
        act = self.activation.name
        return f"{self.units}" + ("" if act == "linear" else f" {act}")


LAYER_CLASSES = {cls.__name__: cls for cls in (Flatten, Rescaling, Dense)}
