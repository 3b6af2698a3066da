"""The fused Conv2D 3x3 + MaxPooling2D 2x2 step (conv_pool.py, Winograd in winograd.py): exact gradients by
finite differences, the same answers and gradients as the layers run one at a time, the pairs it takes and
those it leaves, and a model file that does not know it exists."""

import threading

import numpy as np
import pytest

from mnist_gui.nn import Conv2D, Dense, Flatten, MaxPooling2D, Reshape, Sequential
from mnist_gui.nn.conv_pool import ConvPool
from mnist_gui.nn.fusion import fused_kind
from mnist_gui.nn.tile_pool import TilePool
from mnist_gui.nn.presets import PRESETS, build_model
from mnist_gui.nn.serialization import load_model
from tests.nn.test_gradients import assert_close, numeric_gradient, sample


def cnn(size=9, channels=8, padding="valid", activation="relu", use_bias=True, kernel=3, dtype=np.float64,
        fuse=True, seed=0):
    """A small CNN whose convolution on ``channels`` inputs (after a first one, or on the image itself for
    one channel) and the pooling after it can be fused."""
    first = [] if channels == 1 else [Conv2D(channels, 3, padding="same", activation="relu")]
    model = Sequential([Reshape((size, size, 1), input_shape=(size, size))] + first
                       + [Conv2D(5, kernel, padding=padding, activation=activation, use_bias=use_bias),
                          MaxPooling2D(), Flatten(), Dense(3, activation="softmax")], dtype=dtype, seed=seed)
    model.fuse_layers = fuse
    model.compile("adam")
    model.build()
    return model


def fused_step(model):
    return next(step for step in model._body if isinstance(step, ConvPool))


CASES = {"valid-odd": dict(size=9), "valid-even": dict(size=10), "same": dict(size=9, padding="same"),
         "linear-no-bias": dict(size=8, activation="linear", use_bias=False), "16-channels": dict(channels=16),
         "tiles-one-channel": dict(size=9, channels=1), "tiles-3-channels-same": dict(channels=3, padding="same"),
         "tiles-5x5-linear": dict(size=11, channels=2, kernel=5, activation="linear"),
         "tiles-even-no-bias": dict(size=10, channels=1, use_bias=False)}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_fused_parameter_gradients_are_exact(case):
    model = cnn(**case)
    assert isinstance(fused_step(model), TilePool if case.get("channels", 8) < 8 else ConvPool)
    size = case.get("size", 9)
    x, y = sample((3, size, size)), np.array([0, 1, 2])
    _, grads = model.loss_and_gradients(x, y)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    for grad, param in zip(grads, params):
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y)[0], param))


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_fused_input_gradient_is_exact(case):
    model = cnn(**case)
    block = fused_step(model)
    conv = block.conv
    x = sample((2,) + conv.input_shape, seed=3)
    w = np.random.default_rng(1).standard_normal((2,) + block.output_shape)
    numeric = numeric_gradient(lambda: float(np.sum(w * block.forward(x, True))), x)
    block.forward(x, True)
    assert_close(block.backward(w.copy(), True), numeric)


@pytest.mark.parametrize("channels", [1, 8], ids=["tiles", "winograd"])
def test_the_fused_model_answers_and_learns_as_the_layers_one_at_a_time(channels):
    fused = cnn(size=12, channels=channels, dtype=np.float32)
    plain = cnn(size=12, channels=channels, dtype=np.float32, fuse=False)
    plain.set_weights(fused.get_weights())
    assert any(isinstance(step, ConvPool) for step in fused._body)
    assert not any(isinstance(step, ConvPool) for step in plain._body)
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 12, 12)).astype(np.float32), rng.integers(0, 3, 64)
    np.testing.assert_allclose(fused.predict(x, verbose=0), plain.predict(x, verbose=0), atol=1e-5)
    loss_f, grads_f = fused.loss_and_gradients(x, y)
    loss_p, grads_p = plain.loss_and_gradients(x, y)
    assert loss_f == pytest.approx(loss_p, rel=1e-5)
    for a, b in zip(grads_f, grads_p):
        np.testing.assert_allclose(a, b, atol=1e-5 * max(np.abs(b).max(), 1e-3))
    for model in (fused, plain):
        model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
    for a, b in zip(fused.get_weights(), plain.get_weights()):
        np.testing.assert_allclose(a, b, atol=1e-3)


@pytest.mark.parametrize("channels", [1, 8], ids=["tiles", "winograd"])
def test_ties_send_the_gradient_to_one_value_as_the_pooling_does(channels):
    """A zero kernel makes every window's four values equal (the bias): the pooled gradient must reach the
    bias once per window, not four times."""
    fused, plain = cnn(size=10, channels=channels, fuse=True), cnn(size=10, channels=channels, fuse=False)
    for model in (fused, plain):
        fused_conv = model.layers[2 if channels > 1 else 1]
        fused_conv.kernel[...] = 0.0
        fused_conv.bias[...] = 0.5
    plain.set_weights(fused.get_weights())
    x, y = sample((4, 10, 10)), np.array([0, 1, 2, 0])
    _, grads_f = fused.loss_and_gradients(x, y)
    _, grads_p = plain.loss_and_gradients(x, y)
    for a, b in zip(grads_f, grads_p):
        np.testing.assert_allclose(a, b, atol=1e-12)


def test_only_the_pairs_it_computes_exactly_are_fused():
    def kind(conv, pool, shape=(13, 13, 32)):
        conv.build(shape, np.float32)
        pool.build(conv.output_shape, np.float32)
        return fused_kind(conv, pool)

    assert kind(Conv2D(64, 3, activation="relu"), MaxPooling2D(2)) is ConvPool
    assert kind(Conv2D(64, 3, padding="same"), MaxPooling2D((2, 2))) is ConvPool
    assert kind(Conv2D(32, 3), MaxPooling2D(2), shape=(28, 28, 1)) is TilePool
    assert kind(Conv2D(32, 5), MaxPooling2D(2), shape=(28, 28, 3)) is TilePool
    assert kind(Conv2D(64, 3, strides=2), MaxPooling2D(2)) is None
    assert kind(Conv2D(64, 5), MaxPooling2D(2)) is None  # many channels: Winograd is 3x3 only
    assert kind(Conv2D(32, 7), MaxPooling2D(2), shape=(28, 28, 1)) is None
    assert kind(Conv2D(64, 3, activation="tanh"), MaxPooling2D(2)) is None
    assert kind(Conv2D(64, 3), MaxPooling2D(3)) is None
    model = build_model(PRESETS["cnn"])
    kinds = [type(step).__name__ for step in model._body]
    assert kinds.count("TilePool") == 1 and kinds.count("ConvPool") == 1 and "Conv2D" not in kinds
    assert [type(layer).__name__ for layer in model.layers].count("Conv2D") == 2  # the layers are unchanged


def test_a_model_file_holds_the_layers_not_the_fused_step(tmp_path):
    model = cnn(size=10, dtype=np.float32)
    path = tmp_path / "m.npz"
    model.save(path)
    again = load_model(path)
    assert [type(layer).__name__ for layer in again.layers] == [type(layer).__name__ for layer in model.layers]
    x = np.random.default_rng(2).random((8, 10, 10)).astype(np.float32)
    np.testing.assert_allclose(again.predict(x, verbose=0), model.predict(x, verbose=0), atol=1e-6)


def test_a_frozen_fused_convolution_keeps_its_weights():
    model = cnn(size=10, dtype=np.float32)
    model.layers[2].trainable = False
    model.compile("adam")
    before = model.layers[2].kernel.copy()
    first = model.layers[1].kernel.copy()
    x, y = np.random.default_rng(4).random((32, 10, 10)).astype(np.float32), np.arange(32) % 3
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    np.testing.assert_array_equal(model.layers[2].kernel, before)
    assert not np.array_equal(model.layers[1].kernel, first)  # the layer before it still learns


@pytest.mark.parametrize("channels", [1, 8], ids=["tiles", "winograd"])
def test_a_prediction_from_another_thread_between_forward_and_backward_changes_no_gradient(channels):
    """The Dataset tab predicts in other threads while a model may be training: a fused step keeps what its
    backward pass needs per training call, never where a prediction would overwrite it."""
    model = cnn(size=10, channels=channels, dtype=np.float32)
    block = fused_step(model)
    rng = np.random.default_rng(5)
    x = rng.standard_normal((6,) + block.conv.input_shape).astype(np.float32)
    other = rng.standard_normal((9,) + block.conv.input_shape).astype(np.float32)
    dy = rng.standard_normal((6,) + block.output_shape).astype(np.float32)
    block.forward(x, True)
    expected_dx = block.backward(dy, True).copy()
    expected = [block.conv.kernel_grad.copy(), block.conv.bias_grad.copy()]
    block.forward(x, True)
    worker = threading.Thread(target=lambda: block.forward(other, False))
    worker.start()
    worker.join()
    np.testing.assert_array_equal(block.backward(dy, True), expected_dx)
    np.testing.assert_array_equal(block.conv.kernel_grad, expected[0])
    np.testing.assert_array_equal(block.conv.bias_grad, expected[1])
