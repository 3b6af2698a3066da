"""layer_outputs: every layer's output for a batch, checked against a forward pass written by hand."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.nn import Conv2D, Dense, Dropout, Flatten, MaxPooling2D, Rescaling, Reshape, Sequential, layer_outputs
from mnist_gui.nn.introspect import pre_activation


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@pytest.fixture
def pixels():
    return np.random.default_rng(0).integers(0, 256, (5, 28, 28)).astype(np.uint8)


def _mlp():
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(16, activation="relu"),
                        Dropout(0.5), Dense(10, activation="softmax")], seed=1)
    model.compile("adam")
    return model


def _cnn():
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)),
                        Conv2D(4, 3, activation="relu"), MaxPooling2D(2), Conv2D(6, 3, padding="same"),
                        Flatten(), Dense(10, activation="softmax")], seed=2)
    model.compile("adam")
    return model


def _conv(x, kernel, bias, same=False):
    kh, kw, _, f = kernel.shape
    if same:
        x = np.pad(x, ((0, 0), (kh // 2, kh // 2), (kw // 2, kw // 2), (0, 0)))
    b, h, w, _ = x.shape
    out = np.zeros((b, h - kh + 1, w - kw + 1, f))
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            out[:, i, j, :] = np.tensordot(x[:, i:i + kh, j:j + kw, :], kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out + bias


def test_mlp_outputs_match_a_hand_written_forward_pass(pixels):
    model = _mlp()
    outs = layer_outputs(model, pixels)
    assert [name for name, _ in outs] == [layer.name for layer in model.layers]
    W1, b1, W2, b2 = model.get_weights()
    x = pixels.astype(np.float64) / 255
    hidden = np.maximum(x.reshape(5, -1) @ W1 + b1, 0)
    expected = [x, x.reshape(5, -1), hidden, hidden, _softmax(hidden @ W2 + b2)]
    for (name, got), want in zip(outs, expected):
        assert got.dtype == np.float32 and got.shape == want.shape, name
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5, err_msg=name)
    np.testing.assert_allclose(outs[-1][1], model.predict(pixels), rtol=1e-5, atol=1e-6)


def test_cnn_outputs_match_a_hand_written_forward_pass(pixels):
    model = _cnn()
    outs = dict(layer_outputs(model, pixels, batch_size=2))  # batches of 2 and a last one of 1
    K1, c1, K2, c2, W, b = model.get_weights()
    x = (pixels.astype(np.float64) / 255)[..., None]
    a1 = np.maximum(_conv(x, K1, c1), 0)
    pooled = a1.reshape(5, 13, 2, 13, 2, 4).max(axis=(2, 4))
    a2 = _conv(pooled, K2, c2, same=True)
    names = [layer.name for layer in model.layers]
    for name, want in zip(names[2:], [a1, pooled, a2, a2.reshape(5, -1), _softmax(a2.reshape(5, -1) @ W + b)]):
        np.testing.assert_allclose(outs[name], want, rtol=1e-4, atol=1e-5, err_msg=name)


def test_outputs_are_copies_that_later_calls_do_not_overwrite(pixels):
    model = _mlp()
    first = layer_outputs(model, pixels[:1])[2][1].copy()
    kept = layer_outputs(model, pixels[:1])[2][1]
    layer_outputs(model, pixels[1:2])
    np.testing.assert_array_equal(kept, first)


def test_chosen_layers_only(pixels):
    model = _cnn()
    outs = layer_outputs(model, pixels, layers=["max_pooling2d"])
    assert [name for name, _ in outs] == ["max_pooling2d"] and outs[0][1].shape == (5, 13, 13, 4)


def test_pre_activation_matches_the_layers_own_sum(pixels):
    model = _cnn()
    outs = layer_outputs(model, pixels)
    conv = model.layers[2]
    z = pre_activation(conv, outs[1][1])
    np.testing.assert_allclose(np.maximum(z, 0), outs[2][1], rtol=1e-4, atol=1e-5)
    same = model.layers[4]
    np.testing.assert_allclose(pre_activation(same, outs[3][1]), outs[4][1], rtol=1e-4, atol=1e-5)


def test_logistic_regression_has_one_layer_of_probabilities(pixels):
    model = Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")], seed=0)
    model.compile("sgd")
    outs = layer_outputs(model, pixels.astype(np.float32) / 255)
    assert outs[-1][1].shape == (5, 10)
    np.testing.assert_allclose(outs[-1][1].sum(axis=1), 1, rtol=1e-5)


def test_bad_inputs_are_named(pixels):
    model = _mlp()
    with pytest.raises(ValueError, match=r"\(n, 28, 28\), got \(2, 32, 32\)"):
        layer_outputs(model, np.zeros((2, 32, 32)))
    with pytest.raises(ValueError, match="no layer named 'nope'"):
        layer_outputs(model, pixels, layers=["nope"])
