"""Cross-entropy losses, fused with the softmax that precedes them.

The model never computes softmax then log then its derivative separately: when the output layer is a
softmax, training hands the *logits* to the loss, which evaluates log-softmax stably (shifting each row by
its max) and writes the gradient ``(probabilities - targets) / B`` straight into the logits buffer.
``from_logits=True`` is for a model whose last layer has no softmax. ``weighted_forward_backward`` is the
same with per-sample weights (``fit(sample_weight=...)``), and calling a loss, ``loss_fn(y_true, y_pred)``,
gives Keras's mean loss of a batch of outputs; both go through the plain float64 ``per_sample``. What is not
here: regularisation (regularizers.py, an optimizer's ``l2``) and metrics other than accuracy.
"""

from __future__ import annotations

from threading import get_ident

import numpy as np


class Loss:
    """Base class. ``forward_backward(z, y, scale)`` returns (sum of per-sample losses, number correct)
    for a batch of logits ``z`` (B, C) and overwrites ``z`` with ``scale`` times the gradient of the
    batch's *mean* loss w.r.t. the logits. ``evaluate(z, y)`` returns the same pair and may overwrite
    ``z``. ``prepare_targets`` checks and converts the labels of a whole data set once."""

    name = ""

    def __init__(self, from_logits: bool = False):
        self.from_logits = bool(from_logits)
        self._bufs = {}

    def _buf(self, tag, shape, dtype):
        key = (tag, shape, dtype, get_ident())  # per thread: evaluate() may run beside a training step
        buf = self._bufs.get(key)
        if buf is None:
            if len(self._bufs) > 24:
                self._bufs.clear()
            buf = self._bufs[key] = np.empty(shape, dtype)
            if tag == "arange":
                buf[:] = np.arange(shape[0])
        return buf

    def _shift_and_score(self, z, labels):
        """Subtract each row's max from z in place; return (row buffer, number of correct predictions).

        Here and below, ufunc.reduce and array methods instead of np.max/np.sum/np.argmax: on a
        (32, 10) batch the Python wrappers of the latter cost more than the arithmetic.
        """
        B = z.shape[0]
        row = self._buf("row", (B, 1), z.dtype)
        np.maximum.reduce(z, axis=1, keepdims=True, out=row)
        np.subtract(z, row, out=z)
        pred = self._buf("pred", (B,), np.intp)
        z.argmax(axis=1, out=pred)
        hits = self._buf("hits", (B,), np.bool_)
        return row, int(np.count_nonzero(np.equal(pred, labels, out=hits)))

    @staticmethod
    def _clamp(z):
        """Keep shifted float32 logits above -80 so exp() never returns a subnormal number: those
        make every later operation on them many times slower, and a probability of 1.8e-35 instead
        of a smaller one changes nothing else."""
        if z.dtype == np.float32:
            np.maximum(z, -80.0, out=z)

    def per_sample(self, z, y):
        """(loss of each sample (B,), whether each prediction is right (B,)) for logits ``z`` (B, C) and
        prepared targets; float64, ``z`` left alone. The plain path (sample weights, ``__call__``)."""
        z = np.asarray(z, np.float64)
        shifted = z - z.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        labels = self._labels(y)
        return self._cross(shifted, lse, y), z.argmax(axis=1) == labels

    def weighted_forward_backward(self, z, y, w):
        """Like ``forward_backward`` with per-sample weights ``w`` (B,): Keras's 'sum_over_batch_size'
        reduction, sum(w * loss) / B, whose gradient is each row's scaled by its weight. Returns
        (sum of w * loss, sum of w over the right predictions, sum of w)."""
        losses, hits = self.per_sample(z, y)
        self.forward_backward(z, y, 1.0)
        z *= w.astype(z.dtype, copy=False)[:, None]
        return float(np.dot(w, losses)), float(np.dot(w, hits)), float(w.sum())

    def __call__(self, y_true, y_pred, sample_weight=None):
        """Keras's ``loss_fn(y_true, y_pred)``: the mean loss of a batch of outputs (probabilities, or
        logits with ``from_logits=True``), as a 0-d array with ``.numpy()``."""
        from mnist_gui.nn.model_run import KerasArray
        y_pred = np.asarray(y_pred, np.float64)
        if y_pred.ndim != 2:
            raise ValueError(f"{self.name} expects predictions of shape (n, classes), got {y_pred.shape}")
        if not self.from_logits:
            y_pred = np.log(np.clip(y_pred, 1e-7, 1.0))  # Keras clips probabilities to [eps, 1 - eps]
        targets = self.prepare_targets(y_true, y_pred.shape[1])
        if len(targets) != len(y_pred):
            raise ValueError(f"y_true has {len(targets)} samples but y_pred has {len(y_pred)}")
        losses, _ = self.per_sample(y_pred, targets)
        if sample_weight is not None:
            losses = losses * np.broadcast_to(np.asarray(sample_weight, np.float64).reshape(-1), losses.shape)
        return np.asarray(losses.mean() if len(losses) else 0.0, np.float32).view(KerasArray)

    def get_config(self) -> dict:
        return {"name": self.name, "from_logits": self.from_logits}

    def __repr__(self):
        return f"{type(self).__name__}(from_logits={self.from_logits})"


class SparseCategoricalCrossentropy(Loss):
    """Targets are integer class labels, shape (N,)."""

    name = "sparse_categorical_crossentropy"

    def prepare_targets(self, y, num_classes: int):
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1:
            raise ValueError(f"{self.name} expects integer labels of shape (n,), got shape {y.shape}; "
                             "for one-hot labels use 'categorical_crossentropy'")
        if y.dtype.kind == "f":
            if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
                raise ValueError(f"{self.name} expects integer class labels, got non-integer values")
        elif y.dtype.kind not in "iub":
            raise ValueError(f"{self.name} expects integer class labels, got dtype {y.dtype}")
        if y.size and (y.min() < 0 or y.max() >= num_classes):
            raise ValueError(f"labels must be in 0..{num_classes - 1} for a {num_classes}-class output, "
                             f"got values from {y.min()} to {y.max()}")
        return y.astype(np.intp, copy=False)

    def _exp_shifted(self, z, y):
        """(exp(z - row max) as a (C, B) array, its column sums (1, B), the shifted logit of each
        true class (B,), the number of correct predictions).

        The work is done on a transposed copy: reductions over the 10 classes run 3-5x faster down
        the columns of a (C, B) array than along the rows of (B, C) (16 us against 5 at B=128).
        """
        B, C = z.shape
        pred = self._buf("pred", (B,), np.intp)
        z.argmax(axis=1, out=pred)
        correct = int(np.count_nonzero(np.equal(pred, y, out=self._buf("hits", (B,), np.bool_))))
        zt = self._buf("zt", (C, B), z.dtype)
        np.copyto(zt, z.T)
        row = self._buf("row", (1, B), z.dtype)
        np.maximum.reduce(zt, axis=0, keepdims=True, out=row)
        np.subtract(zt, row, out=zt)
        picked = zt[y, self._buf("arange", (B,), np.intp)]
        self._clamp(zt)
        np.exp(zt, out=zt)
        np.add.reduce(zt, axis=0, keepdims=True, out=row)
        return zt, row, picked, correct

    @staticmethod
    def _labels(y):
        return y

    @staticmethod
    def _cross(shifted, lse, y):
        return lse - shifted[np.arange(len(y)), y]

    def forward_backward(self, z, y, scale=1.0):
        B = z.shape[0]
        zt, row, picked, correct = self._exp_shifted(z, y)
        loss_sum = float(np.add.reduce(np.log(row), axis=None)) - float(np.add.reduce(picked))
        # dividing by row * B / scale turns exp(z) into scale * softmax / B in one pass
        np.multiply(row, B / scale, out=row)
        np.divide(zt, row, out=zt)
        zt[y, self._buf("arange", (B,), np.intp)] -= scale / B
        np.copyto(z, zt.T)
        return loss_sum, correct

    def evaluate(self, z, y):
        zt, row, picked, correct = self._exp_shifted(z, y)
        return float(np.log(row).sum(dtype=np.float64)) - float(picked.sum(dtype=np.float64)), correct


class CategoricalCrossentropy(Loss):
    """Targets are one-hot (or probability) rows, shape (N, C)."""

    name = "categorical_crossentropy"

    def prepare_targets(self, y, num_classes: int):
        y = np.asarray(y)
        if y.ndim != 2 or y.shape[1] != num_classes:
            raise ValueError(f"{self.name} expects one-hot targets of shape (n, {num_classes}), got shape "
                             f"{y.shape}; for integer labels use 'sparse_categorical_crossentropy'")
        if not np.all(np.isfinite(y)) or y.min() < 0:
            raise ValueError(f"{self.name} targets must be finite and non-negative")
        return y.astype(np.float32, copy=False)

    @staticmethod
    def _labels(Y):
        return Y.argmax(axis=1)

    @staticmethod
    def _cross(shifted, lse, Y):
        return Y.sum(axis=1) * lse - (Y * shifted).sum(axis=1)

    def _score(self, z, Y):
        labels = self._buf("labels", (z.shape[0],), np.intp)
        np.argmax(Y, axis=1, out=labels)
        row, correct = self._shift_and_score(z, labels)
        Y = Y.astype(z.dtype, copy=False)
        weight = self._buf("weight", (z.shape[0], 1), z.dtype)
        np.sum(Y, axis=1, keepdims=True, out=weight)
        # sum_c Y_c * (log s - z_c) = sum(Y) * log s - sum(Y * z), with z already shifted
        cross = float(np.vdot(Y, z))
        np.exp(z, out=z)
        np.sum(z, axis=1, keepdims=True, out=row)
        loss_sum = float(np.vdot(weight, np.log(row))) - cross
        return Y, row, weight, loss_sum, correct

    def forward_backward(self, z, Y, scale=1.0):
        B = z.shape[0]
        Y, row, weight, loss_sum, correct = self._score(z, Y)
        # gradient of sum(Y) * logsumexp(z) - sum(Y * z): softmax * sum(Y) - Y
        np.divide(z, row, out=z)
        np.multiply(z, weight, out=z)
        np.subtract(z, Y, out=z)
        np.multiply(z, scale / B, out=z)
        return loss_sum, correct

    def evaluate(self, z, Y):
        return tuple(self._score(z, Y)[3:])


LOSSES = {cls.name: cls for cls in (SparseCategoricalCrossentropy, CategoricalCrossentropy)}


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False):
    """Keras's function form: the loss of each sample, (n,)."""
    loss = SparseCategoricalCrossentropy(from_logits=from_logits)
    y_pred = np.asarray(y_pred, np.float64)
    z = y_pred if from_logits else np.log(np.clip(y_pred, 1e-7, 1.0))
    return loss.per_sample(z, loss.prepare_targets(y_true, y_pred.shape[1]))[0]


def categorical_crossentropy(y_true, y_pred, from_logits=False):
    loss = CategoricalCrossentropy(from_logits=from_logits)
    y_pred = np.asarray(y_pred, np.float64)
    z = y_pred if from_logits else np.log(np.clip(y_pred, 1e-7, 1.0))
    return loss.per_sample(z, loss.prepare_targets(y_true, y_pred.shape[1]))[0]


def get_loss(spec) -> Loss:
    """A loss from its name, a config dict or an object."""
    if isinstance(spec, Loss):
        return spec
    name = spec.get("name") if isinstance(spec, dict) else spec
    if isinstance(spec, dict):
        spec = dict(spec)
        cls = LOSSES.get(spec.pop("name", None))
        if cls is not None:
            return cls(**spec)
    elif isinstance(spec, str) and spec in LOSSES:
        return LOSSES[spec]()
    raise ValueError(f"unknown loss: {name!r} (expected one of {', '.join(LOSSES)})")
