"""Conv2D, MaxPooling2D and Reshape: finite-difference gradient checks (float64), shapes, Keras's padding
rule, a CNN learning a small MNIST subset, and the save/load round trip."""

import numpy as np
import pytest

from mnist_gui.nn import (Adam, Conv2D, Dense, Flatten, Layer, MaxPooling2D, Rescaling, Reshape, Sequential,
                          load_model)
from tests.nn.test_gradients import assert_close, check_input_gradient, numeric_gradient, sample
from tests.nn.test_model import first_pixel_kernel


def bound(layer, shape):
    """A stand-alone layer with float64 parameters of its own, randomly initialised."""
    layer.build(shape[1:], np.float64)
    params = {name: np.zeros(s) for name, s in layer.param_shapes()}
    grads = {name: np.zeros(s) for name, s in layer.param_shapes()}
    layer.bind(params, grads)
    layer.init_params(np.random.default_rng(0))
    return layer


@pytest.mark.parametrize("layer, shape", [
    (Conv2D(3, 3, activation="tanh"), (2, 6, 5, 2)),
    (Conv2D(4, 3, padding="same"), (2, 5, 5, 2)),
    (Conv2D(2, (3, 2), strides=2, padding="same"), (2, 7, 6, 3)),
    (Conv2D(2, 2, strides=(2, 1)), (2, 5, 6, 1)),
], ids=["valid-tanh", "same", "same-stride2", "valid-stride21"])
def test_conv2d_input_gradient(layer, shape):
    check_input_gradient(bound(layer, shape), sample(shape))


@pytest.mark.parametrize("shape, pool", [((2, 6, 4, 3), 2), ((2, 5, 7, 2), 2), ((1, 6, 6, 2), (3, 2))])
def test_max_pooling_input_gradient(shape, pool):
    check_input_gradient(MaxPooling2D(pool), sample(shape))


def test_max_pooling_values_and_ties_go_to_one_input():
    x = np.array([[1, 5, 2, 2], [3, 0, 2, 2]], np.float32).reshape(1, 2, 4, 1)
    layer = MaxPooling2D()
    layer.build(x.shape[1:])
    np.testing.assert_array_equal(layer.forward(x, True).ravel(), [5, 2])
    dx = layer.backward(np.ones((1, 1, 2, 1), np.float32))
    assert dx.sum() == 2 and dx[0, 0, 1, 0] == 1  # the four tied 2s share one unit of gradient


def test_reshape_gradient_and_inferred_size():
    layer = Reshape((-1, 3))
    check_input_gradient(layer, sample((2, 4, 3)))
    assert layer.output_shape == (4, 3)
    with pytest.raises(ValueError, match="cannot turn"):
        Reshape((5, 5)).build((4, 6))


def test_conv2d_matches_a_direct_convolution():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 7, 6, 3))
    layer = bound(Conv2D(4, 3, strides=2, padding="same"), x.shape)
    y = layer.forward(x)
    assert y.shape == (2, 4, 3, 4)  # ceil(7/2), ceil(6/2)
    # TensorFlow's 'same': pad 2 rows (1 top, 1 bottom) and 1 column (0 left, 1 right)
    xp = np.pad(x, ((0, 0), (1, 1), (0, 1), (0, 0)))
    expected = np.zeros_like(y)
    for i in range(4):
        for j in range(3):
            window = xp[:, 2 * i:2 * i + 3, 2 * j:2 * j + 3, :]
            expected[:, i, j, :] = np.einsum("bhwc,hwcf->bf", window, layer.kernel) + layer.bias
    np.testing.assert_allclose(y, expected, rtol=1e-12, atol=1e-12)


def tiny_cnn(dtype=np.float64, seed=0):
    model = Sequential([Reshape((6, 6, 1), input_shape=(6, 6)), Conv2D(3, 3, padding="same", activation="relu"),
                        MaxPooling2D(), Conv2D(2, 2, activation="tanh"), Flatten(), Dense(3, activation="softmax")],
                       dtype=dtype, seed=seed)
    model.compile("adam")
    return model


def test_whole_cnn_parameter_gradients():
    model = tiny_cnn()
    x, y = sample((4, 6, 6)), np.array([0, 1, 2, 1])
    _, grads = model.loss_and_gradients(x, y)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    assert len(grads) == 6
    for grad, param in zip(grads, params):
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y)[0], param))


def test_bad_settings_are_clear_errors():
    with pytest.raises(ValueError, match="padding"):
        Conv2D(8, 3, padding="full")
    with pytest.raises(ValueError, match="kernel_size"):
        Conv2D(8, 0)
    with pytest.raises(ValueError, match="Reshape"):
        Sequential([Conv2D(8, 3, input_shape=(28, 28))]).build()
    assert not issubclass(Reshape, Conv2D) and issubclass(MaxPooling2D, Layer)


def mnist_cnn(seed=0):
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Reshape((28, 28, 1)),
                        Conv2D(8, 3, activation="relu"), MaxPooling2D(), Conv2D(16, 3, activation="relu"),
                        MaxPooling2D(), Flatten(), Dense(32, activation="relu"), Dense(10, activation="softmax")],
                       seed=seed)
    model.compile(Adam(3e-3), metrics=["accuracy"])
    return model


def test_a_cnn_learns_a_small_subset_and_round_trips(dataset, tmp_path):
    model = mnist_cnn()
    model.fit(dataset.x_train[:2000], dataset.y_train[:2000], epochs=1, batch_size=16)
    assert model.evaluate(dataset.x_test[:1000], dataset.y_test[:1000])[1] > 0.8
    assert first_pixel_kernel(model) is None  # its inputs are feature maps, not pixels
    assert "conv 8@3x3 relu" in model.summary_line()
    for include_optimizer in (True, False):
        path = model.save(tmp_path / f"cnn-{include_optimizer}.npz", include_optimizer=include_optimizer)
        loaded = load_model(path)
        np.testing.assert_array_equal(loaded.predict(dataset.x_test[:50]), model.predict(dataset.x_test[:50]))
        assert loaded.summary_text() == model.summary_text()
        assert [type(layer) for layer in loaded.layers] == [type(layer) for layer in model.layers]


@pytest.fixture
def one_image_chunks(monkeypatch):
    """Chunks of one image each, so the gradient checks also cover the sums over several chunks (at the
    usual chunk size these tiny batches fit in one)."""
    from mnist_gui.nn import conv_kernels

    monkeypatch.setattr(conv_kernels, "CHUNK_BYTES", 1)
    monkeypatch.setattr(conv_kernels, "POOL_CHUNK_BYTES", 1)
    assert conv_kernels.chunk_images(36, 4, 3) == 1


@pytest.mark.parametrize("layer, shape", [
    (Conv2D(3, 3, activation="relu"), (3, 6, 5, 2)),
    (Conv2D(2, (3, 2), strides=2, padding="same", activation="tanh"), (3, 7, 6, 3)),
    (MaxPooling2D(2), (3, 5, 7, 2)),
    (MaxPooling2D((3, 2)), (3, 6, 6, 2)),
], ids=["conv-relu", "conv-same-stride2", "pool-cropped", "pool-3x2"])
def test_input_gradients_over_several_chunks(one_image_chunks, layer, shape):
    check_input_gradient(bound(layer, shape) if isinstance(layer, Conv2D) else layer, sample(shape))


def test_parameter_gradients_over_several_chunks_equal_one_chunk(one_image_chunks, monkeypatch):
    from mnist_gui.nn import conv_kernels

    model = tiny_cnn()
    x, y = sample((4, 6, 6)), np.array([0, 1, 2, 1])
    loss, grads = model.loss_and_gradients(x, y)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    for grad, param in zip(grads, params):
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y)[0], param))
    monkeypatch.setattr(conv_kernels, "CHUNK_BYTES", 1 << 20)
    loss_one, grads_one = model.loss_and_gradients(x, y)
    assert loss_one == pytest.approx(loss, rel=1e-12)
    for many, one in zip(grads, grads_one):
        np.testing.assert_allclose(many, one, rtol=1e-10, atol=1e-12)


def test_conv2d_forward_is_the_same_in_one_chunk_or_many(monkeypatch):
    from mnist_gui.nn import conv_kernels

    x = np.random.default_rng(2).standard_normal((5, 9, 8, 3)).astype(np.float32)
    layer = Conv2D(6, 3, padding="same", activation="relu")
    layer.build(x.shape[1:])
    layer.bind({"kernel": np.zeros((3, 3, 3, 6), np.float32), "bias": np.zeros(6, np.float32)},
               {"kernel": np.zeros((3, 3, 3, 6), np.float32), "bias": np.zeros(6, np.float32)})
    layer.init_params(np.random.default_rng(0))
    layer.bias[:] = 0.1
    whole = layer.forward(x).copy()
    monkeypatch.setattr(conv_kernels, "CHUNK_BYTES", 1)
    np.testing.assert_allclose(layer.forward(x), whole, rtol=1e-6, atol=1e-6)
