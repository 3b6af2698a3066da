"""BatchNormalization, Keras's: normalise each feature (the last axis) by the batch's statistics while
training and by moving averages of them at inference.

Arrays, in Keras's order: ``gamma`` and ``beta`` (trained), ``moving_mean`` and ``moving_variance``
(``non_trainable``: updated by the forward pass while training, ``moving = moving * momentum + batch *
(1 - momentum)``, never by the optimizer). They sit in the model's flat parameter vector like any other
array, so they are saved, loaded and restored with the weights. A frozen layer (``trainable = False``)
runs in inference mode even while training, as in Keras. The batch variance is the biased one, for
normalising and for the moving average alike (Keras 3). What is not here: the other layers.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.nn.core_layers import Layer


class BatchNormalization(Layer):
    non_trainable = ("moving_mean", "moving_variance")
    mode_dependent = True

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, name=None, input_shape=None):
        super().__init__(name, input_shape)
        if axis != -1:
            raise ValueError(f"BatchNormalization normalises the last axis only (axis=-1), got axis={axis!r}")
        self.momentum, self.epsilon = float(momentum), float(epsilon)
        if not 0.0 <= self.momentum <= 1.0 or not self.epsilon > 0:
            raise ValueError(f"BatchNormalization needs 0 <= momentum <= 1 and epsilon > 0, got {momentum}, {epsilon}")
        if not (center and scale):
            raise ValueError("BatchNormalization supports center=True and scale=True only")
        self.gamma = self.beta = self.moving_mean = self.moving_variance = None

    def param_shapes(self):
        c = (self.input_shape[-1],)
        return [("gamma", c), ("beta", c), ("moving_mean", c), ("moving_variance", c)]

    def bind(self, params, grads):
        self.gamma, self.beta = params["gamma"], params["beta"]
        self.moving_mean, self.moving_variance = params["moving_mean"], params["moving_variance"]
        self.gamma_grad, self.beta_grad = grads["gamma"], grads["beta"]
        self.moving_mean_grad, self.moving_variance_grad = grads["moving_mean"], grads["moving_variance"]

    def init_params(self, rng):
        self.gamma[...], self.beta[...] = 1.0, 0.0
        self.moving_mean[...], self.moving_variance[...] = 0.0, 1.0

    def forward(self, x, training=False):
        c = x.shape[-1]
        flat = x.reshape(-1, c)
        self._batch_mode = bool(training and self.trainable)
        if self._batch_mode:
            mean = flat.mean(axis=0)
            var = flat.var(axis=0)
            m = self.dtype.type(self.momentum)
            self.moving_mean *= m
            self.moving_mean += (1 - m) * mean
            self.moving_variance *= m
            self.moving_variance += (1 - m) * var
        else:
            mean, var = self.moving_mean, self.moving_variance
        inv_std = 1.0 / np.sqrt(var + self.dtype.type(self.epsilon))
        x_hat = self._buffer("x_hat", flat.shape)
        np.subtract(flat, mean, out=x_hat)
        np.multiply(x_hat, inv_std, out=x_hat)
        out = self._buffer("y", flat.shape)
        np.multiply(x_hat, self.gamma, out=out)
        np.add(out, self.beta, out=out)
        self._x_hat, self._inv_std = x_hat, inv_std
        return out.reshape(x.shape)

    def backward(self, dy, need_dx=True):
        shape = dy.shape
        dy = dy.reshape(-1, shape[-1])
        x_hat, n = self._x_hat, dy.shape[0]
        np.sum(dy * x_hat, axis=0, out=self.gamma_grad)
        np.sum(dy, axis=0, out=self.beta_grad)
        self.moving_mean_grad[...] = 0.0
        self.moving_variance_grad[...] = 0.0
        if not need_dx:
            return None
        scale = self.gamma * self._inv_std
        if not self._batch_mode:
            return (dy * scale).reshape(shape)
        # the batch's mean and variance depend on every sample: d/dx of gamma * x_hat + beta
        dx = dy - self.beta_grad / n - x_hat * (self.gamma_grad / n)
        return (dx * scale).astype(self.dtype, copy=False).reshape(shape)

    def get_config(self):
        return {"name": self.name, "momentum": self.momentum, "epsilon": self.epsilon,
                "input_shape": list(self.input_shape) if self.input_shape else None}

    def describe(self):
        return "batch norm"
