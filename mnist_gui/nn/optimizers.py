"""Optimizers: SGD (with momentum and Nesterov), Adam, AdamW and RMSprop, with Keras's update rules.

An optimizer works on the model's whole parameter vector at once: ``build`` receives the flat parameter
and gradient vectors (kernels first, then biases), ``step`` updates the parameters in place with a
handful of vectorised NumPy operations and no allocation. Scalars (bias corrections, the scheduled
learning rate) are Python floats folded into one step size per update.

L2 regularisation is an optimizer argument: ``l2`` adds ``l2 * w`` to the gradient of every *kernel*
(not the biases) before the update, the gradient of ``l2/2 * sum(w**2)``; the loss the model reports is
the data loss alone. AdamW's ``weight_decay`` is decoupled (Loshchilov & Hutter): kernels shrink by
``learning_rate * weight_decay * w`` each step, outside the adaptive scaling.
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.nn.schedules import LearningRateSchedule, get_schedule


def _positive(name, value, upper=None):
    value = float(value)
    if not math.isfinite(value) or value <= 0 or (upper is not None and value > upper):
        limit = f" and at most {upper:g}" if upper is not None else ""
        raise ValueError(f"{name} must be a positive number{limit}, got {value}")
    return value


def _fraction(name, value):
    value = float(value)
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1), got {value}")
    return value


FLUSH_EVERY = 64  # steps between flushes of tiny state values (float32 only)
FLUSH_BELOW = 1e-18  # 1e-18 * 0.5**64 is still a normal float32
CHUNK = 65536  # elements per slice of an update: the slices of 4-5 arrays stay in a core's L2 cache


class Chunk:
    """Views of one slice of the parameter vector and everything an update touches there.
    ``kernels``: how many of the slice's first elements are kernel weights (L2, weight decay)."""

    __slots__ = ("p", "g", "tmp", "tiny", "state", "kernels")

    def __init__(self, p, g, tmp, tiny, state, kernels):
        self.p, self.g, self.tmp, self.tiny, self.state, self.kernels = p, g, tmp, tiny, state, kernels


class Optimizer:
    """Base class: learning rate (a float or a schedule), L2, the step counter ``iterations`` and the
    state arrays (``state``, a dict of flat arrays the size of the parameter vector).

    An update runs slice by slice (``CHUNK`` elements): all its passes over one slice while that slice
    is in cache, which measured 25-30% faster than whole-vector passes for 0.1-0.7 M parameters.
    (Sharing the slices among threads gained nothing on the 2-core machine: OpenBLAS's idle threads
    keep spinning on the other core for a while after each matrix product.) Subclasses define
    ``_scalars(lr, t)`` (the per-step constants) and ``_update_chunk``.
    """

    name = ""
    state_names: tuple = ()

    def __init__(self, learning_rate=1e-3, schedule=None, l2: float = 0.0):
        if isinstance(learning_rate, LearningRateSchedule):
            schedule, learning_rate = learning_rate, learning_rate.initial_learning_rate
        self.learning_rate = _positive("learning_rate", learning_rate)
        self.schedule = get_schedule(schedule)
        if self.schedule is not None and self.schedule.initial_learning_rate is None:
            self.schedule.initial_learning_rate = self.learning_rate
        self.l2 = float(l2)
        if not (math.isfinite(self.l2) and self.l2 >= 0):
            raise ValueError(f"l2 must be zero or a positive number, got {l2}")
        self.iterations = 0
        self.state: dict = {}
        self._chunks = []

    def current_learning_rate(self) -> float:
        """The learning rate of the next update."""
        return self.schedule(self.iterations) if self.schedule is not None else self.learning_rate

    def build(self, params: np.ndarray, grads: np.ndarray, n_kernel: int) -> None:
        """Attach to the flat parameter/gradient vectors; (re)create zeroed state if shapes changed."""
        self._params, self._grads, self._n_kernel = params, grads, int(n_kernel)
        self._tmp = np.empty_like(params)
        self._flush = params.dtype == np.float32
        tiny = np.empty(params.shape, np.bool_)
        for key in self.state_names:
            old = self.state.get(key)
            if old is None or old.shape != params.shape or old.dtype != params.dtype:
                self.state[key] = np.zeros_like(params)
        self._chunks = []
        for lo in range(0, params.size, CHUNK):
            sl = slice(lo, min(lo + CHUNK, params.size))
            kernels = max(0, min(self._n_kernel, sl.stop) - lo)
            self._chunks.append(Chunk(params[sl], grads[sl], self._tmp[sl], tiny[sl],
                                      {key: arr[sl] for key, arr in self.state.items()}, kernels))

    def load_state(self, state: dict, iterations: int) -> None:
        for key in self.state_names:
            np.copyto(self.state[key], state[key])
        self.iterations = int(iterations)

    def step(self) -> None:
        """One update of the parameters from the current gradients (the gradient buffer holds scratch
        values afterwards)."""
        scalars = self._scalars(self.current_learning_rate(), self.iterations + 1)
        self.iterations += 1
        flush = self._flush and self.iterations % FLUSH_EVERY == 0

        def update(chunk):
            if self.l2 and chunk.kernels:
                k = chunk.kernels
                np.multiply(chunk.p[:k], self.l2, out=chunk.tmp[:k])
                np.add(chunk.g[:k], chunk.tmp[:k], out=chunk.g[:k])
            self._update_chunk(chunk, *scalars)
            if flush:
                self._flush_tiny(chunk)

        for chunk in self._chunks:
            update(chunk)

    @staticmethod
    def _flush_tiny(chunk) -> None:
        """Set state entries below FLUSH_BELOW to zero.

        A moment whose gradient stays zero (a pixel that is almost never on, a dead unit) decays
        geometrically into the subnormal range, where every float32 operation on it is many times
        slower; a handful of such entries made Adam's update 2.5x slower here. Values this small
        change no update by anything float32 can represent.
        """
        for arr in chunk.state.values():
            np.abs(arr, out=chunk.tmp)
            np.less(chunk.tmp, FLUSH_BELOW, out=chunk.tiny)
            np.copyto(arr, 0.0, where=chunk.tiny)

    def _scalars(self, lr: float, t: int) -> tuple:
        return (lr,)

    def _update_chunk(self, c: Chunk, *scalars) -> None:
        raise NotImplementedError

    def get_config(self) -> dict:
        return {"name": self.name, "learning_rate": self.learning_rate,
                "schedule": self.schedule.get_config() if self.schedule is not None else None,
                "l2": self.l2}

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """``velocity = momentum * velocity - lr * g``; ``w += velocity`` (Nesterov: ``w += momentum *
    velocity - lr * g``). With ``momentum=0`` this is plain ``w -= lr * g``."""

    name = "sgd"

    def __init__(self, learning_rate=0.01, momentum: float = 0.0, nesterov: bool = False, schedule=None,
                 l2: float = 0.0):
        super().__init__(learning_rate, schedule, l2)
        self.momentum = _fraction("momentum", momentum)
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
        self.beta_1 = _fraction("beta_1", beta_1)
        self.beta_2 = _fraction("beta_2", beta_2)
        self.epsilon = _positive("epsilon", epsilon)

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
        self.rho = _fraction("rho", rho)
        self.momentum = _fraction("momentum", momentum)
        self.epsilon = _positive("epsilon", epsilon)
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
