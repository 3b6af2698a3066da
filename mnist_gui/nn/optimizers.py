"""Optimizers: SGD (with momentum and Nesterov), Adam, AdamW and RMSprop, with Keras's update rules.

Each class here is one update rule applied to a slice of the model's flat parameter vector
(``_update_chunk``) and the per-step constants it needs (``_scalars``); ``get_optimizer`` turns a name
or a config into one. AdamW's ``weight_decay`` is decoupled (Loshchilov & Hutter): kernels shrink by
``learning_rate * weight_decay * w`` each step, outside the adaptive scaling. What is not here: the
learning rate, L2, the state arrays and the slicing every rule shares (optimizer_base.py).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.nn import schedules  # noqa: F401  (keras.optimizers.schedules)
from mnist_gui.nn.optimizer_base import Optimizer, check_fraction, check_positive


class SGD(Optimizer):
    """``velocity = momentum * velocity - lr * g``; ``w += velocity`` (Nesterov: ``w += momentum *
    velocity - lr * g``). With ``momentum=0`` this is plain ``w -= lr * g``."""

    name = "sgd"

    def __init__(self, learning_rate=0.01, momentum: float = 0.0, nesterov: bool = False, schedule=None,
                 l2: float = 0.0):
        super().__init__(learning_rate, schedule, l2)
        self.momentum = check_fraction("momentum", momentum)
        self.nesterov = bool(nesterov)
        self.state_names = ("velocity",) if self.momentum else ()

    def _update_chunk(self, c, lr):
        np.multiply(c.g, lr, out=c.tmp)
        if not self.momentum:
            np.subtract(c.p, c.tmp, out=c.p)
            return
        v = c.state["velocity"]
        np.multiply(v, self.momentum, out=v)
        np.subtract(v, c.tmp, out=v)
        if self.nesterov:
            np.subtract(c.p, c.tmp, out=c.p)
            np.multiply(v, self.momentum, out=c.tmp)
            np.add(c.p, c.tmp, out=c.p)
        else:
            np.add(c.p, v, out=c.p)

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


class Adam(Optimizer):
    """Kingma & Ba's Adam in the form Keras uses (the paper's "efficient version", epsilon outside the
    bias correction of v): ``m = b1 m + (1-b1) g``, ``v = b2 v + (1-b2) g^2``,
    ``w -= lr * sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + epsilon)``.

    The state is kept as ``m/(1-b1)`` and ``v/(1-b2)`` (keys ``m`` and ``v``), which saves one pass over
    the parameters for each; the constant factors are folded into the scalar step size and epsilon.
    """

    name = "adam"
    state_names = ("m", "v")

    def __init__(self, learning_rate=1e-3, beta_1: float = 0.9, beta_2: float = 0.999, epsilon: float = 1e-7,
                 schedule=None, l2: float = 0.0):
        super().__init__(learning_rate, schedule, l2)
        self.beta_1 = check_fraction("beta_1", beta_1)
        self.beta_2 = check_fraction("beta_2", beta_2)
        self.epsilon = check_positive("epsilon", epsilon)

    def _scalars(self, lr, t):
        b1, b2 = self.beta_1, self.beta_2
        root = math.sqrt(1.0 - b2)
        step = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t) * (1.0 - b1) / root
        return lr, step, self.epsilon / root

    def _update_chunk(self, c, lr, step, epsilon):
        # the gradient is not needed once it is in m and v, so its buffer serves as scratch:
        # four arrays in play instead of five, every operation in place
        p, g, m, v = c.p, c.g, c.state["m"], c.state["v"]
        np.multiply(m, self.beta_1, out=m)
        np.add(m, g, out=m)
        np.multiply(v, self.beta_2, out=v)
        np.multiply(g, g, out=g)
        np.add(v, g, out=v)
        np.sqrt(v, out=g)
        np.add(g, epsilon, out=g)
        np.divide(m, g, out=g)
        np.multiply(g, step, out=g)
        np.subtract(p, g, out=p)

    @property
    def m(self):
        """The first moment estimate as the textbook defines it (a copy)."""
        return self.state["m"] * (1.0 - self.beta_1)

    @property
    def v(self):
        """The second moment estimate as the textbook defines it (a copy)."""
        return self.state["v"] * (1.0 - self.beta_2)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}


class AdamW(Adam):
    """Adam with decoupled weight decay: before each Adam update, ``w -= lr * weight_decay * w`` for
    every kernel (biases are not decayed)."""

    name = "adamw"

    def __init__(self, learning_rate=1e-3, weight_decay: float = 0.004, beta_1: float = 0.9,
                 beta_2: float = 0.999, epsilon: float = 1e-7, schedule=None, l2: float = 0.0):
        super().__init__(learning_rate, beta_1, beta_2, epsilon, schedule, l2)
        self.weight_decay = float(weight_decay)
        if not (math.isfinite(self.weight_decay) and 0.0 <= self.weight_decay < 1.0):
            raise ValueError(f"weight_decay must be in [0, 1), got {weight_decay}")

    def _update_chunk(self, c, lr, step, epsilon):
        if self.weight_decay and c.kernels:
            kernels = c.p[:c.kernels]
            np.multiply(kernels, 1.0 - lr * self.weight_decay, out=kernels)
        super()._update_chunk(c, lr, step, epsilon)

    def get_config(self):
        return {**super().get_config(), "weight_decay": self.weight_decay}


class RMSprop(Optimizer):
    """``a = rho a + (1-rho) g^2``; ``w -= lr * g / (sqrt(a) + epsilon)`` (Keras's form). With
    ``momentum`` > 0: ``u = momentum u + lr g / (sqrt(a) + epsilon)``; ``w -= u``.
    The state ``a`` is kept as ``a/(1-rho)`` (key ``rms``)."""

    name = "rmsprop"

    def __init__(self, learning_rate=1e-3, rho: float = 0.9, momentum: float = 0.0, epsilon: float = 1e-7,
                 schedule=None, l2: float = 0.0):
        super().__init__(learning_rate, schedule, l2)
        self.rho = check_fraction("rho", rho)
        self.momentum = check_fraction("momentum", momentum)
        self.epsilon = check_positive("epsilon", epsilon)
        self.state_names = ("rms", "momentum") if self.momentum else ("rms",)

    def _scalars(self, lr, t):
        root = math.sqrt(1.0 - self.rho)
        return lr / root, self.epsilon / root

    def _update_chunk(self, c, step, epsilon):
        p, g, tmp, a = c.p, c.g, c.tmp, c.state["rms"]
        np.multiply(a, self.rho, out=a)
        np.multiply(g, g, out=tmp)
        np.add(a, tmp, out=a)
        np.sqrt(a, out=tmp)
        np.add(tmp, epsilon, out=tmp)
        np.divide(g, tmp, out=tmp)
        np.multiply(tmp, step, out=tmp)
        if self.momentum:
            u = c.state["momentum"]
            np.multiply(u, self.momentum, out=u)
            np.add(u, tmp, out=u)
            tmp = u
        np.subtract(p, tmp, out=p)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon}


OPTIMIZERS = {cls.name: cls for cls in (SGD, Adam, AdamW, RMSprop)}


def get_optimizer(spec) -> Optimizer:
    """An optimizer from a name (default settings), a config dict or an object."""
    if isinstance(spec, Optimizer):
        return spec
    name = spec.get("name") if isinstance(spec, dict) else spec
    if isinstance(spec, str):
        spec = {"name": spec.lower()}
    if isinstance(spec, dict):
        spec = dict(spec)
        cls = OPTIMIZERS.get(spec.pop("name", None))
        if cls is not None:
            return cls(**spec)
    raise ValueError(f"unknown optimizer: {name!r} (expected one of {', '.join(OPTIMIZERS)})")
