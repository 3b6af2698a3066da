"""Activation functions, forward and backward side by side, working in place on preallocated arrays.

Each derivative is written in terms of the activation's *output*, so a layer may overwrite its
pre-activation with the activation and still run backward. Names: ``linear``, ``relu``, ``leaky_relu``,
``tanh``, ``sigmoid``, ``softmax``. The layers that wrap these (``ReLU``, ``Softmax``, ...) live in
``layers.py``; :func:`get_activation` turns a name (or an object) into one of the classes here.
"""

from __future__ import annotations

from threading import get_ident

import numpy as np


class ActivationFunction:
    """One element-wise (or row-wise, for softmax) non-linearity.

    ``forward(z, out)`` writes f(z) into ``out`` (which may be ``z``) and returns it;
    ``backward(a, da, out)`` turns the gradient w.r.t. the output ``a`` into the gradient w.r.t. the
    input, written into ``out`` (which may be ``da``). ``scratch`` is a small per-object cache of
    temporaries keyed by shape, dtype and thread, so a training step allocates nothing.
    """

    name = "linear"
    kernel_init = "glorot"  # the initialisation a Dense layer should use in front of this activation

    def __init__(self):
        self._scratch = {}

    def _tmp(self, tag, like, dtype=None):
        key = (tag, like.shape, dtype or like.dtype, get_ident())
        buf = self._scratch.get(key)
        if buf is None:
            if len(self._scratch) > 16:
                self._scratch.clear()
            buf = self._scratch[key] = np.empty(like.shape, dtype or like.dtype)
        return buf

    def forward(self, z, out):
        if out is not z:
            np.copyto(out, z)
        return out

    def backward(self, a, da, out):
        if out is not da:
            np.copyto(out, da)
        return out

    def get_config(self) -> dict:
        return {"name": self.name}

    def __repr__(self):
        return f"{type(self).__name__}()"


class Linear(ActivationFunction):
    name = "linear"


_ZERO_BLOCK = 1 << 16
_ZEROS = {}


def _zeros(dtype):
    """A read-only block of _ZERO_BLOCK zeros of ``dtype`` (shared by every ReLU)."""
    block = _ZEROS.get(dtype)
    if block is None:
        block = np.zeros(_ZERO_BLOCK, dtype)
        block.flags.writeable = False
        _ZEROS[dtype] = block
    return block


class ReLUFunction(ActivationFunction):
    name = "relu"
    kernel_init = "he"

    def forward(self, z, out):
        # NumPy's maximum against a scalar runs 5x slower than against an array of zeros (its
        # vectorised loop is the one for two contiguous arrays), so the zeros come in blocks
        if not (z.flags.c_contiguous and out.flags.c_contiguous) or z.size < 256:
            return np.maximum(z, 0, out=out)
        zeros = _zeros(z.dtype)
        flat_z, flat_out = z.reshape(-1), out.reshape(-1)
        for lo in range(0, flat_z.size, _ZERO_BLOCK):
            hi = min(lo + _ZERO_BLOCK, flat_z.size)
            np.maximum(flat_z[lo:hi], zeros[:hi - lo], out=flat_out[lo:hi])
        return out

    def backward(self, a, da, out):
        # a > 0 exactly where z > 0, so the output is enough to rebuild the mask
        mask = self._tmp("mask", a, np.bool_)
        np.greater(a, 0, out=mask)
        return np.multiply(da, mask, out=out)


class LeakyReLUFunction(ActivationFunction):
    name = "leaky_relu"
    kernel_init = "he"

    def __init__(self, negative_slope: float = 0.01):
        super().__init__()
        if not 0.0 <= float(negative_slope) < 1.0:
            raise ValueError(f"leaky_relu negative_slope must be in [0, 1), got {negative_slope}")
        self.negative_slope = float(negative_slope)

    def forward(self, z, out):
        # for a slope below 1, max(z, slope * z) is z when z > 0 and slope * z otherwise
        tmp = self._tmp("scaled", z)
        np.multiply(z, self.negative_slope, out=tmp)
        return np.maximum(z, tmp, out=out)

    def backward(self, a, da, out):
        mask = self._tmp("mask", a, np.bool_)
        np.less_equal(a, 0, out=mask)
        if out is not da:
            np.copyto(out, da)
        np.multiply(out, self.negative_slope, out=out, where=mask)
        return out

    def get_config(self) -> dict:
        return {"name": self.name, "negative_slope": self.negative_slope}


class TanhFunction(ActivationFunction):
    name = "tanh"

    def forward(self, z, out):
        return np.tanh(z, out=out)

    def backward(self, a, da, out):
        tmp = self._tmp("deriv", a)
        np.multiply(a, a, out=tmp)
        np.subtract(1.0, tmp, out=tmp)
        return np.multiply(da, tmp, out=out)


class SigmoidFunction(ActivationFunction):
    name = "sigmoid"

    def forward(self, z, out):
        # 1/(1+exp(-z)) overflows exp() for very negative z; the tanh form never does
        np.multiply(z, 0.5, out=out)
        np.tanh(out, out=out)
        np.add(out, 1.0, out=out)
        return np.multiply(out, 0.5, out=out)

    def backward(self, a, da, out):
        tmp = self._tmp("deriv", a)
        np.subtract(1.0, a, out=tmp)
        np.multiply(tmp, a, out=tmp)
        return np.multiply(da, tmp, out=out)


class SoftmaxFunction(ActivationFunction):
    """Row-wise softmax over the last axis of a (B, C) array.

    Every output row is a probability distribution, even for logits no softmax exists for: a row with
    a NaN or an infinite logit (which only broken weights produce, e.g. finite weights of 3e38 whose
    products overflow) comes out uniform, 1/C for every class, never NaN. A model giving such logits
    is not usable; ``divergence.model_outputs_finite`` tells it apart (it checks the logits).
    """

    name = "softmax"

    def forward(self, z, out):
        # subtract the row max so exp() cannot overflow
        row = self._tmp("row", z[:, :1])
        np.max(z, axis=1, keepdims=True, out=row)
        np.subtract(z, row, out=out)
        np.exp(out, out=out)
        np.sum(out, axis=1, keepdims=True, out=row)
        np.divide(out, row, out=out)
        # a finite row sums to between 1 and C; a NaN or infinite logit makes its row's sum NaN
        if not np.isfinite(row).all():
            out[~np.isfinite(row[:, 0])] = 1.0 / out.shape[1]
        return out

    def backward(self, a, da, out):
        # Jacobian-vector product: dz = a * (da - sum(da * a, axis=1))
        tmp = self._tmp("prod", a)
        row = self._tmp("row", a[:, :1])
        np.multiply(da, a, out=tmp)
        np.sum(tmp, axis=1, keepdims=True, out=row)
        np.subtract(da, row, out=out)
        return np.multiply(out, a, out=out)


_BY_NAME = {
    "linear": Linear,
    None: Linear,
    "relu": ReLUFunction,
    "leaky_relu": LeakyReLUFunction,
    "tanh": TanhFunction,
    "sigmoid": SigmoidFunction,
    "softmax": SoftmaxFunction,
}

ACTIVATION_NAMES = ("relu", "leaky_relu", "tanh", "sigmoid", "softmax", "linear")


def get_activation(spec) -> ActivationFunction:
    """An activation from a name (``'relu'``), a config dict, ``None`` (linear) or an object."""
    if isinstance(spec, ActivationFunction):
        return spec
    if isinstance(spec, dict):
        spec = dict(spec)
        name = spec.pop("name", None)
        cls = _BY_NAME.get(name)
        if cls is None:
            raise ValueError(f"unknown activation: {name!r} (expected one of {', '.join(ACTIVATION_NAMES)})")
        return cls(**spec)
    if spec is None or isinstance(spec, str):
        cls = _BY_NAME.get(spec.lower() if isinstance(spec, str) else None)
        if cls is None:
            raise ValueError(f"unknown activation: {spec!r} (expected one of {', '.join(ACTIVATION_NAMES)})")
        return cls()
    raise TypeError(f"activation must be a name such as 'relu' or None, got {type(spec).__name__}")


def _apply(name, x):
    """``keras.activations.<name>(x)`` on any array: a float32 copy with ``.numpy()``."""
    from mnist_gui.nn.model_run import KerasArray
    x = np.array(x, dtype=np.float32)
    flat = x.reshape(-1, x.shape[-1]) if x.ndim else x.reshape(1, 1)
    get_activation(name).forward(flat, flat)
    return flat.reshape(x.shape).view(KerasArray)


def relu(x):
    return _apply("relu", x)


def sigmoid(x):
    return _apply("sigmoid", x)


def tanh(x):
    return _apply("tanh", x)


def softmax(x, axis=-1):
    """Softmax over the last axis (the only one supported)."""
    if axis != -1 and axis != np.ndim(x) - 1:
        raise ValueError("softmax is taken over the last axis only")
    return _apply("softmax", x)


def linear(x):
    return _apply("linear", x)


def get(identifier):
    """Keras's ``activations.get``: the function object for a name."""
    return get_activation(identifier)
