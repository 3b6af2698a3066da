"""Finite-difference checks (float64) of every layer, activation and loss, and of a whole model."""

import numpy as np
import pytest

from mnist_gui.nn import (Activation, CategoricalCrossentropy, Dense, Dropout, Flatten, LeakyReLU, ReLU, Rescaling,
                          Sequential, Sigmoid, Softmax, SparseCategoricalCrossentropy, Tanh)

EPS = 1e-6


def numeric_gradient(f, x):
    """Central differences of the scalar f() w.r.t. every entry of x (modified in place and restored)."""
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + EPS
        up = f()
        flat[i] = old - EPS
        down = f()
        flat[i] = old
        gflat[i] = (up - down) / (2 * EPS)
    return grad


def assert_close(analytic, numeric):
    scale = max(np.abs(numeric).max(), 1e-3)
    assert np.abs(analytic - numeric).max() / scale < 1e-6


def check_input_gradient(layer, x, training=True, reset=None):
    """d/dx of sum(w * layer(x)) for a random w, analytic vs numeric."""
    layer.build(x.shape[1:], np.float64)
    w = np.random.default_rng(1).standard_normal((x.shape[0],) + layer.output_shape)

    def f():
        if reset:
            reset()
        return float(np.sum(w * layer.forward(x, training)))

    numeric = numeric_gradient(f, x)
    f()
    analytic = layer.backward(w.copy(), True)
    assert analytic.shape == x.shape
    assert_close(analytic, numeric)


def sample(shape, seed=0):
    # keep values away from 0 so the kinks of relu/leaky_relu are not crossed by the differences
    x = np.random.default_rng(seed).standard_normal(shape)
    return x + np.sign(x) * 0.05


@pytest.mark.parametrize("layer", [ReLU(), LeakyReLU(0.1), Tanh(), Sigmoid(), Softmax(), Activation("linear")],
                         ids=lambda layer: layer.activation.name)
def test_activation_layers(layer):
    check_input_gradient(layer, sample((4, 6)))


def test_rescaling_and_flatten():
    check_input_gradient(Rescaling(0.5, offset=0.25), sample((3, 4)))
    check_input_gradient(Flatten(), sample((3, 2, 5)))


def test_dropout_in_training_uses_the_same_mask_forward_and_backward():
    layer = Dropout(0.4)

    def reset():
        layer.rng = np.random.default_rng(7)

    check_input_gradient(layer, sample((5, 8)), training=True, reset=reset)
    reset()
    y = layer.forward(np.ones((200, 50)), training=True)
    values = np.unique(y)
    assert len(values) == 2 and values[0] == 0.0 and values[1] == pytest.approx(1 / 0.6, rel=1e-4)
    assert abs((y == 0).mean() - 0.4) < 0.03
    x = sample((3, 4))
    assert layer.forward(x, training=False) is x


@pytest.mark.parametrize("activation", ["linear", "relu", "leaky_relu", "tanh", "sigmoid", "softmax"])
def test_dense_input_and_parameter_gradients(activation):
    model = Sequential([Dense(5, activation=activation, input_shape=(4,)), Dense(3, activation="softmax")],
                       dtype=np.float64, seed=3)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    dense = model.layers[0]
    check_input_gradient(dense, sample((6, 4)))
    x, y = sample((6, 4), seed=2), np.array([0, 1, 2, 2, 1, 0])
    _, grads = model.loss_and_gradients(x, y)

    def f():
        return model.loss_and_gradients(x, y)[0]

    for param, grad in zip([dense.kernel, dense.bias, model.layers[1].kernel, model.layers[1].bias], grads):
        assert_close(grad, numeric_gradient(f, param))


def logits_gradient_check(loss, z, y):
    def f():
        return loss.evaluate(z.copy(), y)[0] / len(z)

    numeric = numeric_gradient(f, z)
    dz = z.copy()
    loss_sum, _ = loss.forward_backward(dz, y, 1.0)
    assert loss_sum == pytest.approx(f() * len(z), rel=1e-12)
    assert_close(dz, numeric)


def test_sparse_categorical_crossentropy_value_and_gradient():
    z = sample((5, 4)) * 3
    y = np.array([0, 3, 1, 1, 2])
    loss = SparseCategoricalCrossentropy(from_logits=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert loss.evaluate(z.copy(), y)[0] == pytest.approx(-np.log(p[np.arange(5), y]).sum(), rel=1e-12)
    logits_gradient_check(loss, z, y)


def test_categorical_crossentropy_value_and_gradient_with_soft_targets():
    z = sample((4, 3)) * 3
    y = np.random.default_rng(5).random((4, 3))
    y[0] = [0, 1, 0]
    loss = CategoricalCrossentropy(from_logits=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    assert loss.evaluate(z.copy(), y)[0] == pytest.approx(-(y * logp).sum(), rel=1e-12)
    logits_gradient_check(loss, z, y)


def test_losses_are_stable_for_huge_logits():
    z = np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]], np.float32)
    loss_sum, correct = SparseCategoricalCrossentropy().forward_backward(z, np.array([2, 1]), 1.0)
    assert np.isfinite(loss_sum) and np.isfinite(z).all()
    assert loss_sum == pytest.approx(2000 + np.log(3), rel=1e-6)


def test_whole_model_with_dropout_and_categorical_targets():
    model = Sequential([Flatten(input_shape=(2, 3)), Dense(7, activation="tanh"), Dropout(0.3),
                        Dense(4, activation="relu"), Dense(3, activation="softmax")], dtype=np.float64, seed=1)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    x = sample((5, 2, 3))
    y = np.eye(3)[[0, 1, 2, 0, 1]]
    _, grads = model.loss_and_gradients(x, y, training=True)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    for param, grad in zip(params, grads):
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y, training=True)[0], param))
