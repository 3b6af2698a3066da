"""Real Keras MNIST programs, run with their imports pointed at ``mnist_gui.nn`` (issue 18).

Each test makes the calls its program makes, in the same order, on a subsample of MNIST with fewer
epochs, and checks what the program prints: the summary's parameter counts, the progress lines, the
history keys and the test accuracy. The programs themselves are not copied here:

- TensorFlow 2 "quickstart for beginners" (tensorflow/docs, site/en/tutorials/quickstart/beginner):
  every cell. Its one TensorFlow call outside Keras, ``tf.nn.softmax(predictions).numpy()``, becomes
  ``keras.activations.softmax(predictions).numpy()``; our outputs are NumPy arrays that also answer
  ``.numpy()``.
- keras.io "Simple MNIST convnet" (keras-io, examples/vision/mnist_convnet.py).
- The classic Keras "mnist_mlp" example (keras examples/mnist_mlp.py: 512-512 MLP, RMSprop, one-hot labels).
"""

import re

import numpy as np
import pytest

import mnist_gui.nn as keras
from mnist_gui.nn import layers

BAR_LINE = r"(\d+)/\1 ━{20} \d+s \d+(us|ms|s)/step"


@pytest.fixture(scope="module")
def mnist():
    yield keras.datasets.mnist.load_data()
    keras.utils.set_random_seed(None)  # the programs seed the global generator; leave it as other tests expect


def test_tensorflow_quickstart_for_beginners(mnist, capsys):
    (x_train, y_train), (x_test, y_test) = mnist
    x_train, y_train, x_test, y_test = x_train[:3000], y_train[:3000], x_test[:1000], y_test[:1000]
    x_train, x_test = x_train / 255.0, x_test / 255.0

    keras.utils.set_random_seed(0)
    model = keras.models.Sequential([
        keras.layers.Flatten(input_shape=(28, 28)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(10),
    ])
    predictions = model(x_train[:1]).numpy()
    assert predictions.shape == (1, 10) and not np.isclose(predictions.sum(), 1.0)  # logits
    probabilities = keras.activations.softmax(predictions).numpy()
    assert probabilities.sum() == pytest.approx(1.0, rel=1e-6)

    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    initial = loss_fn(y_train[:1], predictions).numpy()
    # "the untrained model gives probabilities close to random, so the initial loss should be close to 2.3"
    assert initial == pytest.approx(-np.log(probabilities[0, y_train[0]]), rel=1e-5) and 1.0 < initial < 4.0

    model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
    capsys.readouterr()
    history = model.fit(x_train, y_train, epochs=2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert re.fullmatch(BAR_LINE + r" - accuracy: 0\.\d{4} - loss: \d\.\d{4}", lines[3]), lines[3]
    assert lines[3].startswith("94/94 ")
    assert set(history.history) == {"accuracy", "loss"}

    result = model.evaluate(x_test, y_test, verbose=2)
    line = capsys.readouterr().out.strip()
    assert re.fullmatch(r"32/32 - \d+s - \d+(us|ms)/step - accuracy: 0\.\d{4} - loss: \d\.\d{4}", line), line
    assert result[1] > 0.85 and f"accuracy: {result[1]:.4f}" in line

    probability_model = keras.Sequential([model, keras.layers.Softmax()])
    out = probability_model(x_test[:5])
    assert out.shape == (5, 10)
    np.testing.assert_allclose(out.numpy().sum(axis=1), 1.0, rtol=1e-5)
    assert (out.numpy().argmax(axis=1) == model(x_test[:5]).numpy().argmax(axis=1)).all()


def test_keras_io_simple_mnist_convnet(mnist, capsys):
    num_classes, input_shape = 10, (28, 28, 1)
    (x_train, y_train), (x_test, y_test) = mnist
    x_train, y_train, x_test, y_test = x_train[:3000], y_train[:3000], x_test[:1000], y_test[:1000]
    x_train = x_train.astype("float32") / 255
    x_test = x_test.astype("float32") / 255
    x_train = np.expand_dims(x_train, -1)
    x_test = np.expand_dims(x_test, -1)
    print("x_train shape:", x_train.shape)
    print(x_train.shape[0], "train samples")
    print(x_test.shape[0], "test samples")
    y_train = keras.utils.to_categorical(y_train, num_classes)
    y_test = keras.utils.to_categorical(y_test, num_classes)

    keras.utils.set_random_seed(1)
    model = keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ])
    model.summary()
    out = capsys.readouterr().out
    assert "x_train shape: (3000, 28, 28, 1)" in out
    for row in ("conv2d (Conv2D)", "(None, 26, 26, 32)", "max_pooling2d (MaxPooling2D)", "conv2d_1 (Conv2D)",
                "18,496", "max_pooling2d_1 (MaxPooling2D)", "(None, 5, 5, 64)", "(None, 1600)", "16,010",
                "Total params: 34,826 (136.04 KB)", "Trainable params: 34,826 (136.04 KB)",
                "Non-trainable params: 0 (0.00 B)"):
        assert row in out, row

    batch_size, epochs = 128, 1
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    history = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, validation_split=0.1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/1"
    assert re.fullmatch(BAR_LINE + r" - accuracy: 0\.\d{4} - loss: \d\.\d{4} - val_accuracy: 0\.\d{4} - "
                        r"val_loss: \d\.\d{4}", lines[1]), lines[1]
    assert lines[1].startswith("22/22 ")  # 2,700 training samples after the 10% split, 128 a batch
    assert set(history.history) == {"accuracy", "loss", "val_accuracy", "val_loss"}

    score = model.evaluate(x_test, y_test, verbose=0)
    print("Test loss:", score[0])
    print("Test accuracy:", score[1])
    out = capsys.readouterr().out
    assert re.search(r"^Test loss: \d\.\d+$", out, re.M) and re.search(r"^Test accuracy: 0\.\d+$", out, re.M)
    assert score[1] > 0.6


def test_keras_mnist_mlp_example(mnist, capsys):
    batch_size, num_classes, epochs = 128, 10, 2
    (x_train, y_train), (x_test, y_test) = mnist
    x_train, y_train, x_test, y_test = x_train[:4000], y_train[:4000], x_test[:1000], y_test[:1000]
    x_train = x_train.reshape(4000, 784).astype("float32")
    x_test = x_test.reshape(1000, 784).astype("float32")
    x_train /= 255
    x_test /= 255
    y_train = keras.utils.to_categorical(y_train, num_classes)
    y_test = keras.utils.to_categorical(y_test, num_classes)

    keras.utils.set_random_seed(2)
    model = keras.models.Sequential()
    model.add(layers.Dense(512, activation="relu", input_shape=(784,)))
    model.add(layers.Dropout(0.2))
    model.add(layers.Dense(512, activation="relu"))
    model.add(layers.Dropout(0.2))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.summary()
    out = capsys.readouterr().out
    for row in ("dense (Dense)", "(None, 512)", "401,920", "dense_1 (Dense)", "262,656", "dense_2 (Dense)", "5,130",
                "dropout_1 (Dropout)", "Total params: 669,706 (2.55 MB)"):
        assert row in out, row

    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(), metrics=["accuracy"])
    history = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=1,
                        validation_data=(x_test, y_test))
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("Epoch")] == ["Epoch 1/2", "Epoch 2/2"]
    assert all(re.fullmatch(BAR_LINE + r" - accuracy: .* - val_loss: \d\.\d{4}", line) for line in lines[1::2])
    assert history.history["val_accuracy"][-1] > 0.85
    score = model.evaluate(x_test, y_test, verbose=0)
    assert score == pytest.approx([history.history["val_loss"][-1], history.history["val_accuracy"][-1]], rel=1e-5)
