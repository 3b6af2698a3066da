"""What every optimizer shares: the learning rate (a float or a schedule), L2, the step counter, the
state arrays and the slice-by-slice update over the model's flat parameter vector.

``build`` receives the flat parameter and gradient vectors (kernels first, then biases) and cuts them,
with the state arrays, into cache-sized slices; ``step`` runs a subclass's ``_update_chunk`` on each
slice with a handful of in-place NumPy operations and no allocation. Scalars (bias corrections, the
scheduled learning rate) are Python floats folded into one step size per update. L2 regularisation
adds ``l2 * w`` to the gradient of every *kernel* (not the biases) before the update, the gradient of
``l2/2 * sum(w**2)``; the loss the model reports is the data loss alone. What is not here: the update
rules themselves (optimizers.py) and the schedules (schedules.py).
"""

from __future__ import annotations

import math

import numpy as np

from mnist_gui.nn.schedules import LearningRateSchedule, get_schedule


def check_positive(name, value, upper=None):
    """``value`` as a float if it is finite and > 0 (and at most ``upper``); otherwise a ValueError."""
    value = float(value)
    if not math.isfinite(value) or value <= 0 or (upper is not None and value > upper):
        limit = f" and at most {upper:g}" if upper is not None else ""
        raise ValueError(f"{name} must be a positive number{limit}, got {value}")
    return value


def check_fraction(name, value):
    """``value`` as a float if it is in [0, 1); otherwise a ValueError."""
    value = float(value)
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1), got {value}")
    return value


FLUSH_EVERY = 64  # steps between flushes of tiny state values (float32 only)
FLUSH_BELOW = 1e-18  # 1e-18 * 0.5**64 is still a normal float32
UPDATE_SLICE_ELEMENTS = 65536  # the slices of the 4-5 arrays an update touches stay in a core's L2 cache


class Chunk:
    """Views of one slice of the parameter vector and everything an update touches there.
    ``kernels``: how many of the slice's first elements are kernel weights (L2, weight decay)."""

    __slots__ = ("p", "g", "tmp", "tiny", "state", "kernels")

    def __init__(self, p, g, tmp, tiny, state, kernels):
        self.p, self.g, self.tmp, self.tiny, self.state, self.kernels = p, g, tmp, tiny, state, kernels


class Optimizer:
    """Base class: learning rate (a float or a schedule), L2, the step counter ``iterations`` and the
    state arrays (``state``, a dict of flat arrays the size of the parameter vector).

    An update runs slice by slice (``UPDATE_SLICE_ELEMENTS`` elements): all its passes over one slice
    while that slice is in cache, which measured 25-30% faster than whole-vector passes for 0.1-0.7 M parameters.
    (Sharing the slices among threads gained nothing on the 2-core machine: OpenBLAS's idle threads
    keep spinning on the other core for a while after each matrix product.) Subclasses define
    ``_scalars(lr, t)`` (the per-step constants) and ``_update_chunk``.
    """

    name = ""
    state_names: tuple = ()

    def __init__(self, learning_rate=1e-3, schedule=None, l2: float = 0.0):
        if isinstance(learning_rate, LearningRateSchedule):
            schedule, learning_rate = learning_rate, learning_rate.initial_learning_rate
        self.learning_rate = check_positive("learning_rate", learning_rate)
        self.schedule = get_schedule(schedule)
        if self.schedule is not None and self.schedule.initial_learning_rate is None:
            self.schedule.initial_learning_rate = self.learning_rate
        self.l2 = float(l2)
        if not (math.isfinite(self.l2) and self.l2 >= 0):
            raise ValueError(f"l2 must be zero or a positive number, got {l2}")
        self.iterations = 0
        self.state: dict = {}
        self._chunks = []

    def exclude_from_weight_decay(self, var_list=None, var_names=None) -> None:
        """Keras's call; here weight decay and L2 act on kernels only already, so excluding biases (or
        batch-normalization arrays) changes nothing, and excluding kernels is not supported."""
        for name in list(var_names or []) + [getattr(v, "name", str(v)) for v in (var_list or [])]:
            if "kernel" in str(name):
                raise ValueError("weight decay acts on kernels only and cannot exclude them")

    def current_learning_rate(self) -> float:
        """The learning rate of the next update."""
        return self.schedule(self.iterations) if self.schedule is not None else self.learning_rate

    def build(self, params: np.ndarray, grads: np.ndarray, n_kernel: int, ranges=None) -> None:
        """Attach to the flat parameter/gradient vectors; (re)create zeroed state if shapes changed.
        ``ranges``: the (start, stop) spans of the vector to update (the trainable arrays); None for all.
        The rest of the vector and of the state is never touched (Keras's frozen variables)."""
        self._params, self._grads, self._n_kernel = params, grads, int(n_kernel)
        self.ranges = [(0, params.size)] if ranges is None else [(int(a), int(b)) for a, b in ranges if b > a]
        self._tmp = np.empty_like(params)
        self._flush = params.dtype == np.float32
        tiny = np.empty(params.shape, np.bool_)
        for key in self.state_names:
            old = self.state.get(key)
            if old is None or old.shape != params.shape or old.dtype != params.dtype:
                self.state[key] = np.zeros_like(params)
        self._chunks = []
        for start, stop in self.ranges:
            for lo in range(start, stop, UPDATE_SLICE_ELEMENTS):
                sl = slice(lo, min(lo + UPDATE_SLICE_ELEMENTS, stop))
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
