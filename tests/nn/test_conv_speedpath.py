"""The fast paths of Conv2D (conv_kernels.py) give exact gradients: the windows copied in one call (8 or
more channels), the transposed columns of a one-channel input, the bias folded into the products, and the
backward pass that skips the output rows and columns a max pooling drops. Finite differences in float64,
and the skipped rows checked against the full computation."""

import numpy as np
import pytest

from mnist_gui.nn import Conv2D, Dense, Flatten, MaxPooling2D, Reshape, Sequential
from mnist_gui.nn import conv
from mnist_gui.nn.activations import get_activation
from tests.nn.test_gradients import assert_close, check_input_gradient, numeric_gradient, sample


def odd_cnn(channels, seed=0):
    """7x7 inputs: the second convolution (windows of 9 * channels values) has a 5x5 output that loses its
    last row and column to the pooling."""
    model = Sequential([Reshape((7, 7, 1), input_shape=(7, 7)), Conv2D(channels, 3, padding="same", activation="relu"),
                        Conv2D(3, 3, activation="relu"), MaxPooling2D(), Flatten(), Dense(3, activation="softmax")],
                       dtype=np.float64, seed=seed)
    model.fuse_layers = False  # the direct convolution and pooling are what these tests look at (not conv_pool.py)
    model.compile("adam")
    return model


@pytest.mark.parametrize("channels", [4, 9], ids=["few-channels", "one-copy-windows"])
def test_parameter_gradients_with_dropped_rows_are_exact(channels):
    model = odd_cnn(channels)
    x, y = sample((3, 7, 7)), np.array([0, 1, 2])
    _, grads = model.loss_and_gradients(x, y)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    for grad, param in zip(grads, params):
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y)[0], param))


def test_skipping_the_dropped_rows_changes_no_gradient(monkeypatch):
    model = odd_cnn(9)
    x, y = sample((4, 7, 7)), np.array([0, 1, 2, 1])
    loss, grads = model.loss_and_gradients(x, y)
    second = model.layers[2]
    real, seen = conv.live_extent, {}

    def full_extent(dy):
        seen[dy.shape] = real(dy)
        return dy.shape[1:3]

    monkeypatch.setattr(conv, "live_extent", full_extent)
    loss_full, grads_full = model.loss_and_gradients(x, y)
    assert second.output_shape == (5, 5, 3) and seen[(4, 5, 5, 3)] == (4, 4)  # the pooling drops row and column 5
    assert loss_full == loss
    for fast, full in zip(grads, grads_full):
        np.testing.assert_allclose(fast, full, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("layer, shape", [
    (Conv2D(4, 3, activation="relu"), (2, 6, 7, 1)),
    (Conv2D(3, 3, padding="same", use_bias=False), (2, 5, 5, 1)),
    (Conv2D(5, (2, 3), strides=(1, 2), activation="tanh"), (2, 6, 7, 8)),
    (Conv2D(2, 3, strides=2, padding="same"), (2, 7, 6, 10)),
], ids=["one-channel", "one-channel-no-bias", "eight-channels", "ten-channels-stride2"])
def test_input_gradients_of_the_fast_layouts(layer, shape):
    layer.build(shape[1:], np.float64)
    params = {name: np.zeros(s) for name, s in layer.param_shapes()}
    layer.bind(params, {name: np.zeros(s) for name, s in layer.param_shapes()})
    layer.init_params(np.random.default_rng(0))
    if layer.bias is not None:
        layer.bias[:] = np.linspace(-0.2, 0.3, layer.filters)
    check_input_gradient(layer, sample(shape))


def test_relu_matches_numpy_maximum_on_large_and_odd_arrays():
    relu = get_activation("relu")
    for size in (7, 300, 70001, 2 * 65536 + 5):
        z = np.random.default_rng(size).standard_normal(size).astype(np.float32)
        expected = np.maximum(z, 0)
        out = np.empty_like(z)
        np.testing.assert_array_equal(relu.forward(z, out), expected)
        relu.forward(z, z)
        np.testing.assert_array_equal(z, expected)
    nan = np.array([np.nan] * 300, np.float32)
    assert np.isnan(relu.forward(nan, nan)).all()  # a diverged network stays visibly diverged
