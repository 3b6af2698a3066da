"""What the Inside view shows for one digit: every layer, the blank and odd inputs, one unit explained."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core import inside
from mnist_gui.core.inference import classify
from mnist_gui.core.inside_explain import explain, softmax_steps
from mnist_gui.core.inside_pictures import GAP_GREY, colours, tile, tile_position
from mnist_gui.core.paths import resource_path
from mnist_gui.nn import Dense, Flatten, Sequential, load_model
from mnist_gui.nn.presets import TrainConfig, build_model


@pytest.fixture(scope="module")
def cnn():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture(scope="module")
def seven(dataset):
    return dataset.x_test[0].astype(np.float32) / 255  # MNIST's first test image is a 7


def test_every_layer_of_the_cnn_left_to_right_ending_in_its_answer(cnn, seven):
    t = inside.trace(cnn, seven)
    assert [v.kind for v in t.views] == ["maps", "maps", "maps", "maps", "units", "output"]
    assert t.views[0].values.shape == (26, 26, 32) and "conv 32@3x3 relu" in t.views[0].title
    assert "rescaling" in t.views[0].title  # the pass-through layers are named, not hidden
    np.testing.assert_allclose(t.answer.values, classify(cnn, seven), atol=1e-6)
    assert int(np.argmax(t.answer.values)) == 7
    np.testing.assert_allclose(softmax_steps(t.answer.logits)[2], t.answer.values, atol=1e-5)


def test_blank_pad_and_no_model_say_what_to_do(cnn):
    for blank in (None, np.zeros((28, 28), np.float32)):
        t = inside.trace(cnn, blank)
        assert t.views == [] and "Draw a digit" in t.message
    assert "No model" in inside.trace(None, None).message


def test_a_picture_of_another_size_is_resized_and_says_so(cnn, seven):
    t = inside.trace(cnn, np.pad(seven, 2))  # 32 x 32, as a custom dataset might hold
    assert "32×32" in t.message and "28×28" in t.message
    assert t.image.shape == (28, 28) and int(np.argmax(t.answer.values)) == 7
    t = inside.trace(cnn, (np.pad(seven, 2) * 255).astype(np.uint8))
    assert int(np.argmax(t.answer.values)) == 7


def test_a_model_without_hidden_layers_shows_only_its_answer(seven):
    model = Sequential([Flatten(input_shape=(28, 28)), Dense(10, activation="softmax")], seed=0)
    model.compile("sgd")
    t = inside.trace(model, seven)
    assert [v.kind for v in t.views] == ["output"] and t.answer.logits is not None
    e = explain(t, t.answer, 3)
    assert e.weights.shape == (28, 28)
    np.testing.assert_allclose(e.weights.ravel(), model.layers[1].kernel[:, 3], rtol=1e-6)


def test_a_layer_of_8192_units_shows_the_most_active_with_a_note(seven):
    model = Sequential([Flatten(input_shape=(28, 28)), Dense(8192, activation="relu"),
                        Dense(10, activation="softmax")], seed=0)
    model.compile("adam")
    view = inside.trace(model, seven).views[0]
    assert view.shown.size == inside.MAX_SHOWN and "8,192 units" in view.note
    threshold = np.sort(view.values)[-inside.MAX_SHOWN]
    assert np.all(view.values[view.shown] >= threshold)


def test_a_first_dense_unit_is_explained_with_its_28x28_weights_and_the_sum(seven):
    model = build_model(TrainConfig(hidden=(16,)))
    t = inside.trace(model, seven)
    view = t.views[0]
    unit = int(np.argmax(view.values))
    e = explain(t, view, unit)
    layer = model.layers[view.index]
    np.testing.assert_allclose(e.weights.ravel(), layer.kernel[:, unit], rtol=1e-6)
    assert e.patch is t.image
    z = float(seven.ravel() @ layer.kernel[:, unit] + layer.bias[unit])
    assert f"z = {z:+.4f}" in "\n".join(e.lines)
    assert e.value == pytest.approx(max(z, 0), abs=1e-4)


def test_a_feature_map_is_explained_by_its_kernel_and_patch(cnn, seven):
    t = inside.trace(cnn, seven)
    view = t.views[2]  # the second convolution reads 32 channels
    e = explain(t, view, 5)
    assert e.weights.shape == e.patch.shape == (3, 3, 32)
    bias = float(cnn.layers[view.index].bias[5])
    assert e.value == pytest.approx(max(float((e.weights * e.patch).sum()) + bias, 0), abs=1e-3)
    assert e.value == pytest.approx(float(view.values[..., 5].max()), abs=1e-5)


def test_softmax_temperature_sharpens_or_flattens_but_keeps_the_winner():
    z = np.array([2.0, 1.0, -1.0])
    _, _, cold = softmax_steps(z, 0.5)
    _, _, warm = softmax_steps(z, 5.0)
    _, _, plain = softmax_steps(z, 1.0)
    assert cold[0] > plain[0] > warm[0] and np.argmax(cold) == np.argmax(warm) == 0
    np.testing.assert_allclose([cold.sum(), warm.sum()], 1.0)
    with pytest.raises(ValueError, match="temperature"):
        softmax_steps(z, 0)


def test_one_colour_scale_black_zero_bright_extremes_grey_gaps():
    rgb = colours(np.array([0.0, 2.0, -2.0, np.nan]), 2.0)
    assert rgb[0].tolist() == [0, 0, 0] and rgb[3].tolist() == [GAP_GREY] * 3
    assert rgb[1].tolist() == rgb[2].tolist()[::-1] and rgb[1][0] > 200


def test_tiles_and_their_positions_round_trip():
    maps = np.random.default_rng(0).random((5, 4, 7)).astype(np.float32)
    grid = tile(maps, 3)
    for k, y, x in [(0, 0, 0), (4, 2, 3), (6, 4, 1)]:
        row, col = divmod(k, 3)
        pixel = (row * 6 + y, col * 5 + x)
        assert grid[pixel] == maps[y, x, k] and tile_position(*pixel, maps.shape, 3) == (k, y, x)
    assert tile_position(5, 0, maps.shape, 3) is None  # a gap


def test_the_node_diagram_draws_each_units_strongest_inputs():
    model = build_model(TrainConfig(hidden=(6,)))
    t = inside.trace(model, np.random.default_rng(0).random((28, 28)).astype(np.float32))
    hidden, answer = t.views
    links = inside.strongest_links(model, hidden, answer, per_unit=2, floor=0.0)
    assert len(links) == 2 * 10
    kernel = model.layers[answer.index].kernel
    contrib = hidden.values[:, None] * kernel  # (6, 10)
    for i, unit, sign, strength in links:
        column = np.abs(contrib[:, unit])
        assert column[i] >= np.sort(column)[-2] and sign == np.sign(contrib[i, unit])
    assert max(s for *_, s in links) == pytest.approx(1.0)
