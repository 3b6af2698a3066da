"""Finite-difference checks (float64) of the layers issue 18 added: BatchNormalization (both modes),
AveragePooling2D, GlobalAveragePooling2D, Dense/Conv2D without bias, a kernel regularizer and a model
used as a layer. The helpers are test_gradients.py's."""

import numpy as np

from mnist_gui.nn import (AveragePooling2D, BatchNormalization, Conv2D, Dense, Flatten, GlobalAveragePooling2D,
                          Sequential, Softmax, SparseCategoricalCrossentropy)
from mnist_gui.nn.regularizers import L1L2
from tests.nn.test_gradients import assert_close, check_input_gradient, numeric_gradient, sample


def test_pooling_input_gradients():
    check_input_gradient(AveragePooling2D(2), sample((2, 5, 4, 3)))  # a cropped row
    check_input_gradient(GlobalAveragePooling2D(), sample((2, 3, 4, 2)))


def test_batch_normalization_input_gradient_in_both_modes():
    for training in (True, False):
        layer = BatchNormalization()
        model = Sequential([layer], dtype=np.float64)
        model.build((5,))
        layer.gamma[...] = np.linspace(0.5, 2.0, 5)
        layer.beta[...] = 0.3
        layer.moving_variance[...] = 2.0
        check_input_gradient(layer, sample((6, 5)), training=training)
    layer = BatchNormalization()
    Sequential([layer], dtype=np.float64).build((3, 3, 2))
    check_input_gradient(layer, sample((2, 3, 3, 2)), training=True)  # per channel over (B, H, W)


def parameter_gradients(model, x, y, training=False):
    """Every array's analytic gradient against central differences of the model's loss."""
    _, grads = model.loss_and_gradients(x, y, training=training)
    params = [getattr(layer, name) for layer in model.layers for name, _ in layer.param_shapes()]
    names = [(layer.name, name) for layer in model.layers for name, _ in layer.param_shapes()]
    for (layer, name), param, grad in zip(names, params, grads):
        if name.startswith("moving_"):
            continue  # not trained: their gradient is defined as zero
        assert_close(grad, numeric_gradient(lambda: model.loss_and_gradients(x, y, training=training)[0], param))


def test_model_with_new_layers_parameter_gradients():
    model = Sequential([Conv2D(3, 2, use_bias=False, input_shape=(4, 4, 1), kernel_regularizer=L1L2(0.01, 0.02)),
                        BatchNormalization(), AveragePooling2D(1), GlobalAveragePooling2D(),
                        Dense(4, activation="tanh", use_bias=False, kernel_regularizer="l2"),
                        Dense(3, activation="softmax")], dtype=np.float64, seed=2)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x, y = sample((5, 4, 4, 1)), np.array([0, 1, 2, 1, 0])
    parameter_gradients(model, x, y, training=True)
    parameter_gradients(model, x, y, training=False)


def test_a_nested_model_passes_gradients_through():
    inner = Sequential([Flatten(input_shape=(2, 3)), Dense(4, activation="relu"), Dense(3, activation="softmax")],
                       dtype=np.float64, seed=4)
    outer = Sequential([inner, Dense(3)], dtype=np.float64)
    outer.compile(optimizer="sgd", loss=SparseCategoricalCrossentropy(from_logits=True))
    x, y = sample((4, 2, 3)), np.array([0, 2, 1, 1])
    parameter_gradients(outer, x, y)
    with_softmax = Sequential([inner, Softmax()], dtype=np.float64)
    with_softmax.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    assert with_softmax.predict(x, verbose=0).shape == (4, 3)
