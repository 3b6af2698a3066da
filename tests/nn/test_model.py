"""The Sequential API: building, layers and their parameters, summaries, predict/evaluate, errors."""

import numpy as np
import pytest

from mnist_gui.nn import (Activation, Conv2D, Dense, Dropout, Flatten, ReLU, Rescaling, Sequential, Softmax,
                          SparseCategoricalCrossentropy)


def first_pixel_kernel(model):
    """A copy of the kernel of the first Dense layer whose inputs are pixels, (inputs, units), or None:
    also None when a layer with weights (a Conv2D) comes before it, as its inputs are then feature maps."""
    first = next((layer for layer in model.layers if isinstance(layer, (Dense, Conv2D))), None)
    if not isinstance(first, Dense):
        return None
    if not model.built:
        model.build()
    return first.kernel.copy()


def tutorial_model(**kwargs):
    return Sequential([Flatten(input_shape=(28, 28)), Dense(128, activation="relu"),
                       Dense(10, activation="softmax")], **kwargs)


def test_summary_and_parameter_counts():
    model = tutorial_model()
    assert model.count_params() == 784 * 128 + 128 + 128 * 10 + 10 == 101_770
    assert model.summary_line() == "784 → 128 relu → 10 softmax · 101,770 parameters"
    text = model.summary_text()
    for piece in ["flatten (Flatten)", "(None, 784)", "dense (Dense)", "(None, 128)", "100,480",
                  "dense_1 (Dense)", "1,290", "Total params: 101,770 (397.54 KB)",
                  "Trainable params: 101,770 (397.54 KB)", "Non-trainable params: 0 (0.00 B)"]:
        assert piece in text
    with_dropout = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(64), ReLU(),
                               Dropout(0.2), Dense(10), Softmax()])
    assert with_dropout.summary_line() == "784 → 64 relu (dropout 0.2) → 10 softmax · 50,890 parameters"


def test_layers_are_live_views_into_one_parameter_vector():
    model = tutorial_model(seed=0)
    model.build()
    dense = model.layers[1]
    assert dense.kernel.shape == (784, 128) and dense.bias.shape == (128,)
    assert dense.kernel.dtype == np.float32 and np.shares_memory(dense.kernel, model._params)
    weights = model.get_weights()
    assert [w.shape for w in weights] == [(784, 128), (128,), (128, 10), (10,)]
    weights[0][:] = 0.5
    assert not np.any(dense.kernel == 0.5), "get_weights returns copies"
    model.set_weights(weights)
    assert np.all(dense.kernel == 0.5)
    first = first_pixel_kernel(model)
    first[:] = 1.0
    assert np.all(dense.kernel == 0.5)
    with pytest.raises(ValueError, match="shape mismatch"):
        model.set_weights([w.T for w in weights])
    assert first_pixel_kernel(Sequential([Flatten(input_shape=(2, 2))])) is None


def test_initialisation_he_for_relu_glorot_otherwise():
    model = Sequential([Dense(1000, activation="relu", input_shape=(400,)), Dense(600, activation="tanh"),
                        Dense(10, activation="softmax")], seed=1)
    model.build()
    relu, tanh = model.layers[0].kernel, model.layers[1].kernel
    assert relu.var() == pytest.approx(2 / 400, rel=0.02)
    assert tanh.var() == pytest.approx(2 / (1000 + 600), rel=0.02)
    assert np.all(model.layers[0].bias == 0)


def test_layer_names_are_unique():
    model = Sequential([Dense(4, input_shape=(3,)), Dense(4), Activation("relu"), Dense(2, activation="softmax")])
    assert [layer.name for layer in model.layers] == ["dense", "dense_1", "activation", "dense_2"]


def test_predict_gives_probabilities_and_evaluate_agrees():
    rng = np.random.default_rng(0)
    x = rng.random((300, 28, 28)).astype(np.float32)
    y = rng.integers(0, 10, 300)
    model = tutorial_model(seed=0)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    probs = model.predict(x, batch_size=64)
    assert probs.shape == (300, 10) and probs.dtype == np.float32
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    loss, acc = model.evaluate(x, y, batch_size=70)
    assert isinstance(loss, float) and isinstance(acc, float)
    assert acc == pytest.approx(np.mean(probs.argmax(axis=1) == y))
    assert loss == pytest.approx(-np.mean(np.log(probs[np.arange(300), y])), rel=1e-4)
    np.testing.assert_allclose(model.predict(x[:5]), probs[:5], rtol=1e-5)


def test_softmax_as_a_separate_layer_and_from_logits_models_predict_like_keras():
    """A linear output predicts its logits, as in Keras; predict_probabilities gives probabilities."""
    rng = np.random.default_rng(1)
    x = rng.random((20, 6))
    separate = Sequential([Dense(8, activation="relu", input_shape=(6,)), Dense(3), Softmax()], seed=2)
    separate.compile(loss="sparse_categorical_crossentropy")
    logits = Sequential([Dense(8, activation="relu", input_shape=(6,)), Dense(3)], seed=2)
    logits.compile(loss=SparseCategoricalCrossentropy(from_logits=True))
    np.testing.assert_allclose(separate.predict(x, verbose=0), logits.predict_probabilities(x), rtol=1e-6)
    z = logits.predict(x, verbose=0)
    assert not np.allclose(z.sum(axis=1), 1.0)
    np.testing.assert_allclose(np.exp(z) / np.exp(z).sum(axis=1, keepdims=True), separate.predict(x, verbose=0),
                               rtol=1e-5)


def test_compile_refuses_a_loss_that_does_not_fit_the_output():
    with pytest.raises(ValueError, match="needs a softmax output layer"):
        Sequential([Dense(10, input_shape=(4,))]).compile(loss="sparse_categorical_crossentropy")
    with pytest.raises(ValueError, match="from_logits=True"):
        Sequential([Dense(10, activation="softmax", input_shape=(4,))]).compile(
            loss=SparseCategoricalCrossentropy(from_logits=True))
    with pytest.raises(ValueError, match="unknown metric"):
        tutorial_model().compile(metrics=["precision"])
    with pytest.raises(ValueError, match="unknown loss: 'mse'"):
        tutorial_model().compile(loss="mse")


def test_bad_layers_and_inputs_give_clear_errors():
    with pytest.raises(ValueError, match="unknown activation: 'relux'"):
        Dense(3, activation="relux")
    with pytest.raises(ValueError, match="positive integer"):
        Dense(0)
    with pytest.raises(ValueError, match="Dropout rate"):
        Dropout(1.0)
    with pytest.raises(TypeError):
        Sequential(["dense"])
    model = Sequential([Dense(10, activation="softmax", input_shape=(28, 28))])
    with pytest.raises(ValueError, match=r"Dense expects input of shape \(n, features\), got \(n, 28, 28\)"):
        model.build()
    model = tutorial_model()
    model.compile()
    with pytest.raises(ValueError, match=r"expects inputs of shape \(n, 28, 28\), got \(5, 784\)"):
        model.predict(np.zeros((5, 784)))
    with pytest.raises(ValueError, match="labels must be in 0..9"):
        model.evaluate(np.zeros((2, 28, 28)), [3, 10])
    with pytest.raises(ValueError, match="compile the model before fit"):
        tutorial_model().fit(np.zeros((2, 28, 28)), [0, 1])


def test_adding_a_layer_after_building_rebuilds_the_model():
    model = Sequential([Dense(8, activation="softmax", input_shape=(4,))], seed=0)
    model.build()
    model.add(Dense(3, activation="softmax"))
    probs = model.predict(np.ones((2, 4)))
    assert probs.shape == (2, 3)
    hidden = model.layers[0].forward(np.ones((2, 4), np.float32))
    np.testing.assert_allclose(hidden.sum(axis=1), 1.0, rtol=1e-6)  # the first softmax is applied again
