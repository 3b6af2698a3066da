"""The Keras API around the MNIST tutorials (issue 18), each checked against Keras's documented behaviour."""

import csv

import numpy as np
import pytest

import mnist_gui.nn as keras
from mnist_gui.nn import layers
from mnist_gui.nn.callbacks import Callback


def blobs(n=120, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centres = np.array([[0.0, 4.0], [4.0, -2.0], [-4.0, -2.0]])
    return (centres[y] + rng.standard_normal((n, 2))).astype(np.float32), y


def mlp(metrics=("accuracy",), last=None, loss="sparse_categorical_crossentropy", seed=0):
    model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(8, activation="relu"),
                              last or layers.Dense(3, activation="softmax")], seed=seed)
    model.compile(optimizer="adam", loss=loss, metrics=None if metrics is None else list(metrics))
    return model


def test_namespaces_read_like_keras():
    for name in ("Conv2D", "Dense", "Flatten", "Dropout", "MaxPooling2D", "Input", "Softmax", "BatchNormalization",
                 "AveragePooling2D", "GlobalAveragePooling2D", "Rescaling", "Reshape", "ReLU", "Activation"):
        assert isinstance(getattr(keras.layers, name), type) or callable(getattr(keras.layers, name))
    assert keras.models.Sequential is keras.Sequential and callable(keras.models.load_model)
    assert keras.losses.SparseCategoricalCrossentropy and keras.optimizers.Adam and keras.optimizers.RMSprop
    assert keras.optimizers.schedules.CosineDecay and keras.regularizers.l2(0.01).l2 == 0.01
    for name in ("EarlyStopping", "ModelCheckpoint", "CSVLogger", "ReduceLROnPlateau", "LearningRateScheduler",
                 "LambdaCallback", "TerminateOnNaN", "History", "Callback"):
        assert issubclass(getattr(keras.callbacks, name), Callback)
    np.testing.assert_allclose(keras.activations.relu(np.array([-1.0, 2.0])), [0.0, 2.0])


def test_datasets_mnist_load_data_gives_the_bundled_uint8_arrays():
    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert x_train.dtype == y_train.dtype == np.uint8 and y_test.shape == (10000,) and y_train.max() == 9


def test_to_categorical():
    np.testing.assert_array_equal(keras.utils.to_categorical([0, 2, 1]), np.eye(3)[[0, 2, 1]])
    assert keras.utils.to_categorical(np.array([3]), 10).shape == (1, 10)
    assert keras.utils.to_categorical([1], 10).dtype == np.float32
    with pytest.raises(ValueError, match="does not fit num_classes=2"):
        keras.utils.to_categorical([5], 2)


def test_model_call_and_loss_objects_are_callable_with_numpy():
    model = keras.Sequential([layers.Flatten(input_shape=(4, 4)), layers.Dense(5)], seed=1)
    x = np.random.default_rng(0).random((3, 4, 4))
    logits = model(x[:1])
    assert logits.shape == (1, 5) and isinstance(logits.numpy(), np.ndarray) and type(logits.numpy()) is np.ndarray
    probs = keras.activations.softmax(logits).numpy()
    np.testing.assert_allclose(probs.sum(), 1.0, rtol=1e-6)
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    value = loss_fn(np.array([3]), logits).numpy()
    assert value == pytest.approx(-np.log(probs[0, 3]), rel=1e-5)
    assert keras.losses.SparseCategoricalCrossentropy()(np.array([3]), probs) == pytest.approx(value, rel=1e-4)
    onehot = keras.losses.CategoricalCrossentropy(from_logits=True)(np.eye(5)[[3]], logits)
    assert float(onehot) == pytest.approx(value, rel=1e-5)


def test_a_model_as_a_layer_shares_its_weights():
    x, y = blobs()
    inner = mlp(last=layers.Dense(3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    inner.fit(x, y, epochs=2, verbose=0)
    logits = inner.predict(x[:5], verbose=0)
    outer = keras.Sequential([inner, layers.Softmax()])
    probs = outer(x[:5]).numpy()
    np.testing.assert_allclose(probs, np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True), rtol=1e-5)
    assert outer.count_params() == inner.count_params()
    inner.fit(x, y, epochs=1, verbose=0)  # training the inner model changes the outer one too
    np.testing.assert_allclose(outer.predict(x[:5], verbose=0), inner.predict_probabilities(x[:5]), rtol=1e-5)
    assert "sequential (Sequential)" in outer.summary_text()


def test_linear_output_predicts_logits_and_softmax_output_probabilities():
    x, _ = blobs(10)
    linear = mlp(last=layers.Dense(3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    z = linear.predict(x, verbose=0)
    assert not np.allclose(z.sum(axis=1), 1.0)
    np.testing.assert_allclose(linear.predict_probabilities(x).sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(mlp().predict(x, verbose=0).sum(axis=1), 1.0, rtol=1e-5)


def test_evaluate_and_predict_verbose_and_return_dict(capsys):
    x, y = blobs(100)
    model = mlp()
    loss, acc = model.evaluate(x, y, verbose=2)
    out = capsys.readouterr().out
    assert out.startswith("4/4 - ") and f"accuracy: {acc:.4f} - loss: {loss:.4f}" in out
    assert model.evaluate(x, y, verbose=0, return_dict=True) == {"loss": loss, "accuracy": acc}
    assert capsys.readouterr().out == ""
    model.predict(x, verbose=0)
    assert capsys.readouterr().out == ""
    model.predict(x)  # 'auto': Keras's bar
    assert capsys.readouterr().out.startswith("4/4 ━━━━━━━━━━━━━━━━━━━━ ")
    assert isinstance(mlp(metrics=[]).evaluate(x, y, verbose=0), float)


@pytest.mark.parametrize("metric", ["acc", "accuracy", "sparse_categorical_accuracy"])
def test_history_keys_follow_the_metric_names(metric):
    x, y = blobs()
    history = mlp(metrics=[metric]).fit(x, y, epochs=1, validation_split=0.2, verbose=0)
    assert set(history.history) == {"loss", metric, "val_loss", f"val_{metric}"}


def test_metrics_empty_records_only_the_loss():
    x, y = blobs()
    history = mlp(metrics=[]).fit(x, y, epochs=1, validation_split=0.2, verbose=0)
    assert set(history.history) == {"loss", "val_loss"}


def test_sequential_add_input_get_layer_pop_and_per_layer_weights():
    model = keras.Sequential()
    model.add(keras.Input(shape=(2,)))
    model.add(layers.Dense(4, activation="relu"))
    model.add(layers.Dense(3, activation="softmax"))
    assert [layer.name for layer in model.layers] == ["dense", "dense_1"]
    assert model.get_layer("dense_1") is model.layers[1] and model.get_layer(index=0) is model.layers[0]
    with pytest.raises(ValueError, match="no layer named 'nope'"):
        model.get_layer("nope")
    model.build()
    first = model.get_layer(index=0)
    kernel, bias = first.get_weights()
    assert kernel.shape == (2, 4) and bias.shape == (4,) and len(first.weights) == 2
    first.set_weights([np.ones((2, 4)), np.zeros(4)])
    np.testing.assert_array_equal(first.kernel, 1.0)
    popped = model.pop()
    assert popped.name == "dense_1" and len(model.layers) == 1
    np.testing.assert_array_equal(model.layers[0].kernel, 1.0)  # the layers left keep their weights
    model.add(layers.Dense(2, activation="softmax"))
    np.testing.assert_array_equal(model.layers[0].kernel, 1.0)
    assert model.predict(np.zeros((1, 2)), verbose=0).shape == (1, 2)
    with pytest.raises(ValueError, match="expects 2 arrays, got 1"):
        first.set_weights([np.ones((2, 4))])


def test_automatic_names_are_keras_names():
    model = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3), layers.MaxPooling2D(),
                              layers.Conv2D(2, 3), layers.BatchNormalization(), layers.GlobalAveragePooling2D(),
                              layers.Dense(3)])
    assert [layer.name for layer in model.layers] == ["conv2d", "max_pooling2d", "conv2d_1", "batch_normalization",
                                                      "global_average_pooling2d", "dense"]


def test_old_model_files_with_old_names_still_load():
    from pathlib import Path
    model = keras.models.load_model(Path(keras.__file__).parents[2] / "resources" / "models" / "default.npz")
    assert model.predict(np.zeros((1,) + model.input_shape, np.uint8), verbose=0).shape == (1, 10)


def test_save_keras_writes_exactly_that_file(tmp_path):
    model = mlp()
    path = model.save(tmp_path / "x.keras")
    assert path == tmp_path / "x.keras" and path.is_file() and not (tmp_path / "x.keras.npz").exists()
    loaded = keras.models.load_model(tmp_path / "x.keras")
    x, _ = blobs(5)
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert loaded.metric_names == ["accuracy"]


class Hooks(Callback):
    def __init__(self):
        super().__init__()
        self.seen = []

    def on_train_batch_begin(self, batch, logs=None):
        self.seen.append("train_batch_begin")

    def on_train_batch_end(self, batch, logs=None):
        self.seen.append("train_batch_end")

    def on_test_begin(self, logs=None):
        self.seen.append("test_begin")

    def on_test_batch_end(self, batch, logs=None):
        self.seen.append("test_batch_end")

    def on_test_end(self, logs=None):
        self.seen.append("test_end")

    def on_predict_begin(self, logs=None):
        self.seen.append("predict_begin")

    def on_predict_batch_end(self, batch, logs=None):
        self.seen.append("predict_batch_end")

    def on_predict_end(self, logs=None):
        self.seen.append("predict_end")


def test_batch_test_and_predict_hooks_fire():
    x, y = blobs(64)
    model, hooks = mlp(), Hooks()
    model.fit(x, y, epochs=1, batch_size=32, validation_data=(x[:40], y[:40]), callbacks=[hooks], verbose=0)
    assert hooks.seen[:4] == ["train_batch_begin", "train_batch_end"] * 2
    assert hooks.seen[4:] == ["test_begin", "test_batch_end", "test_end"]  # validation: one batch of 256
    hooks.seen.clear()
    model.evaluate(x, y, batch_size=32, callbacks=[hooks], verbose=0)
    assert hooks.seen == ["test_begin", "test_batch_end", "test_batch_end", "test_end"]
    hooks.seen.clear()
    model.predict(x, batch_size=50, callbacks=[hooks], verbose=0)
    assert hooks.seen == ["predict_begin", "predict_batch_end", "predict_batch_end", "predict_end"]


def test_initial_epoch_resumes_the_numbering(capsys):
    x, y = blobs()
    epochs = []
    history = mlp().fit(x, y, epochs=5, initial_epoch=3, verbose=2,
                        callbacks=[keras.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: epochs.append(e))])
    assert epochs == [3, 4] and len(history.history["loss"]) == 2
    assert "Epoch 4/5" in capsys.readouterr().out


def test_model_checkpoint_formats_the_path_and_saves_the_best_only(tmp_path):
    x, y = blobs()
    values = iter([1.0, 0.5, 0.7, 0.2])

    class Scripted(Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs["val_loss"] = next(values)

    every = keras.callbacks.ModelCheckpoint(str(tmp_path / "ckpt_{epoch:02d}.keras"))
    best = keras.callbacks.ModelCheckpoint(str(tmp_path / "best_{epoch}_{val_loss:.1f}.keras"), save_best_only=True)
    mlp().fit(x, y, epochs=4, callbacks=[Scripted(), every, best], verbose=0)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["best_1_1.0.keras", "best_2_0.5.keras", "best_4_0.2.keras", "ckpt_01.keras", "ckpt_02.keras",
                     "ckpt_03.keras", "ckpt_04.keras"]
    assert keras.models.load_model(tmp_path / "ckpt_04.keras").count_params() == mlp().count_params()


def test_csv_logger_writes_one_row_per_epoch(tmp_path):
    x, y = blobs()
    path = tmp_path / "log.csv"
    mlp().fit(x, y, epochs=3, validation_split=0.2, callbacks=[keras.callbacks.CSVLogger(path)], verbose=0)
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["epoch", "accuracy", "loss", "val_accuracy", "val_loss"]
    assert [r[0] for r in rows[1:]] == ["0", "1", "2"] and all(0 <= float(r[1]) <= 1 for r in rows[1:])


def test_learning_rate_scheduler_and_reduce_lr_on_plateau():
    x, y = blobs()
    model = mlp()
    seen = []
    scheduler = keras.callbacks.LearningRateScheduler(lambda epoch, lr: 0.01 * 0.5 ** epoch)
    probe = keras.callbacks.LambdaCallback(on_epoch_begin=lambda e, logs: seen.append(model.optimizer.learning_rate))
    history = model.fit(x, y, epochs=3, callbacks=[scheduler, probe], verbose=0)
    assert seen == [0.01, 0.005, 0.0025] and history.history["learning_rate"] == [0.01, 0.005, 0.0025]
    values = iter([1.0, 1.0, 1.0, 1.0, 1.0])

    class Flat(Callback):
        def on_epoch_end(self, epoch, logs=None):
            logs["val_loss"] = next(values)

    model = mlp()
    model.optimizer.learning_rate = 0.1
    plateau = keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=1, min_lr=0.03)
    history = model.fit(x, y, epochs=5, callbacks=[Flat(), plateau], verbose=0)
    # logged before each reduction, as Keras logs it: 0.1 -> 0.05 after epoch 2, -> 0.03 (min_lr) after 3
    assert history.history["learning_rate"] == [0.1, 0.1, 0.05, 0.03, 0.03]


def test_lambda_callback_batch_hooks():
    x, y = blobs(64)
    batches = []
    mlp().fit(x, y, epochs=1, batch_size=16, verbose=0,
              callbacks=[keras.callbacks.LambdaCallback(on_train_batch_end=lambda b, logs: batches.append(b))])
    assert batches == [0, 1, 2, 3]
    with pytest.raises(ValueError, match="no hook 'on_lunch'"):
        keras.callbacks.LambdaCallback(on_lunch=print)


def test_use_bias_false_and_kernel_regularizer():
    no_bias = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, use_bias=False, activation="softmax")])
    no_bias.build()
    assert no_bias.count_params() == 12 and len(no_bias.layers[0].get_weights()) == 1
    conv = keras.Sequential([keras.Input(shape=(5, 5, 1)), layers.Conv2D(2, 3, use_bias=False), layers.Flatten(),
                             layers.Dense(2, activation="softmax")])
    assert conv.count_params() == 18 + 18 * 2 + 2
    x, y = blobs(50)
    model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(3, activation="softmax",
                                                                    kernel_regularizer=keras.regularizers.l2(0.1))])
    model.compile("sgd")
    plain = model.evaluate(x, y, verbose=0, return_dict=True)["loss"]
    penalty = 0.1 * float(np.sum(model.layers[0].kernel.astype(np.float64) ** 2))
    probs = model.predict(x, verbose=0)
    data_loss = float(-np.mean(np.log(probs[np.arange(50), y])))
    assert plain == pytest.approx(data_loss + penalty, rel=1e-5)  # Keras adds the penalty to the loss
    history = model.fit(x, y, epochs=1, batch_size=50, shuffle=False, verbose=0)
    assert history.history["loss"][0] == pytest.approx(plain, rel=1e-5)
    with pytest.raises(ValueError, match="unknown regularizer"):
        layers.Dense(3, kernel_regularizer="l3")


def test_batch_normalization_modes_moving_statistics_and_saving(tmp_path):
    rng = np.random.default_rng(0)
    x = (rng.standard_normal((256, 3)) * [1.0, 5.0, 0.1] + [2.0, -3.0, 0.0]).astype(np.float32)
    model = keras.Sequential([keras.Input(shape=(3,)), layers.BatchNormalization(momentum=0.5),
                              layers.Dense(2, activation="softmax")], seed=0)
    model.compile("adam")
    bn = model.layers[0]
    text = model.summary_text()
    assert "batch_normalization (BatchNormalization)" in text and "Non-trainable params: 6 (24.00 B)" in text
    # inference before training: moving mean 0, variance 1, so almost the identity
    np.testing.assert_allclose(bn.forward(x, training=False), x / np.sqrt(1 + 1e-3), rtol=1e-5)
    out = bn.forward(x, training=True)
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-4)
    var = x.var(axis=0)
    np.testing.assert_allclose(out.std(axis=0), np.sqrt(var / (var + 1e-3)), rtol=1e-3)
    np.testing.assert_allclose(bn.moving_mean, 0.5 * x.mean(axis=0), rtol=1e-4)
    model.fit(x, rng.integers(0, 2, 256), epochs=3, batch_size=64, verbose=0)
    np.testing.assert_allclose(bn.moving_mean, x.mean(axis=0), atol=0.3)
    loaded = keras.models.load_model(model.save(tmp_path / "bn.keras"))
    np.testing.assert_array_equal(loaded.layers[0].moving_variance, bn.moving_variance)
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert [w.shape for w in bn.get_weights()] == [(3,)] * 4


def test_pooling_layers():
    x = np.arange(2 * 4 * 5 * 3, dtype=np.float32).reshape(2, 4, 5, 3)
    avg = layers.AveragePooling2D(2)
    avg.build(x.shape[1:])
    np.testing.assert_allclose(avg.forward(x), x[:, :4, :4].reshape(2, 2, 2, 2, 2, 3).mean(axis=(2, 4)))
    gap = layers.GlobalAveragePooling2D()
    gap.build(x.shape[1:])
    np.testing.assert_allclose(gap.forward(x), x.mean(axis=(1, 2)))


def test_a_model_inside_a_model_is_saved_and_loaded(tmp_path):
    x, y = blobs()
    inner = mlp(last=layers.Dense(3), loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    inner.fit(x, y, epochs=1, verbose=0)
    outer = keras.Sequential([inner, layers.Softmax()])
    outer.compile("adam")
    loaded = keras.models.load_model(outer.save(tmp_path / "nested.keras"))
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), outer.predict(x, verbose=0))
    assert loaded.layers[0].model.layers[1].kernel.shape == (8, 3)


def test_summary_prints_and_hands_its_text_to_print_fn(capsys):
    model = mlp()
    got = []
    assert model.summary(print_fn=got.append) is None and capsys.readouterr().out == ""
    assert got == [model.summary_text()] and got[0].startswith('Model: "sequential"')
    model.summary()
    assert capsys.readouterr().out == model.summary_text() + "\n"


def test_exponential_decay_schedule():
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
    assert schedule(0) == 0.1 and schedule(10) == pytest.approx(0.05) and schedule(5) == pytest.approx(0.1 * 0.5 ** 0.5)
    stairs = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)
    assert stairs(9) == 0.1 and stairs(10) == pytest.approx(0.05)
    optimizer = keras.optimizers.Adam(learning_rate=stairs)
    assert optimizer.current_learning_rate() == 0.1


def test_a_model_file_with_a_huge_convolution_inside_a_nested_model_is_refused(tmp_path):
    inner = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3), layers.Flatten(),
                              layers.Dense(3, activation="softmax")])
    outer = keras.Sequential([inner])
    keras.models.load_model(outer.save(tmp_path / "nested.keras"))  # fine as it is
    from mnist_gui.nn import model_spec
    from mnist_gui.nn.saving import model_config
    config = model_config(outer)
    assert config["layers"][0]["class"] == "NestedModel"
    big = [1000, 1000, 1]  # a million values per sample is allowed; the convolution's windows are not
    config["input_shape"] = config["layers"][0]["config"]["input_shape"] = big
    config["layers"][0]["config"]["layers"][0]["config"]["input_shape"] = big
    with pytest.raises(keras.ModelFileError, match=r"layer 1 \(Conv2D\) would copy .* window matrix"):
        model_spec.ModelSpec.from_config(config)


def test_save_and_load_weights_and_checkpoint_weights_only(tmp_path):
    x, y = blobs()
    model = mlp()
    model.fit(x, y, epochs=1, verbose=0,
              callbacks=[keras.callbacks.ModelCheckpoint(str(tmp_path / "w_{epoch}.weights.npz"),
                                                         save_weights_only=True)])
    other = mlp(seed=9)
    other.load_weights(tmp_path / "w_1.weights.npz")
    np.testing.assert_array_equal(other.predict(x, verbose=0), model.predict(x, verbose=0))
    with pytest.raises(keras.ModelFileError, match="not a weights file for this model"):
        keras.Sequential([keras.Input(shape=(2,)), layers.Dense(3, activation="softmax")]).load_weights(
            tmp_path / "w_1.weights.npz")
