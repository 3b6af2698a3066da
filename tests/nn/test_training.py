"""fit: learning, reproducibility, dtypes, validation, callbacks, pausing/stopping, the non-finite guard and
the unscaled-input warning."""

import threading
import time
import warnings

import re

import numpy as np
import pytest

from mnist_gui.nn import (SGD, Adam, Callback, Dense, Dropout, Flatten, ProgbarLogger, Rescaling, Sequential,
                          TrainingControl, UnscaledInputWarning, set_random_seed)


def blobs(n=600, seed=0):
    """Three well separated Gaussian clusters in 2-D."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centres = np.array([[0.0, 4.0], [4.0, -2.0], [-4.0, -2.0]])
    return (centres[y] + rng.standard_normal((n, 2))).astype(np.float32), y


def small_model(optimizer="adam", seed=0, dropout=0.0):
    layers = [Dense(16, activation="relu", input_shape=(2,))]
    if dropout:
        layers.append(Dropout(dropout))
    model = Sequential(layers + [Dense(3, activation="softmax")], seed=seed)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def mnist_model(seed=0, rescale=True, dropout=0.2):
    layers = [Rescaling(1 / 255, input_shape=(28, 28))] if rescale else [Flatten(input_shape=(28, 28))]
    layers += [Flatten(), Dense(32, activation="relu"), Dropout(dropout), Dense(10, activation="softmax")]
    model = Sequential(layers, seed=seed)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "adamw", "rmsprop", SGD(0.05, momentum=0.9, nesterov=True)],
                         ids=str)
def test_learns_a_small_separable_problem(optimizer):
    x, y = blobs()
    model = small_model(optimizer)
    history = model.fit(x, y, epochs=8, batch_size=16)
    assert history.history["loss"][-1] < history.history["loss"][0]
    x_test, y_test = blobs(300, seed=1)
    assert model.evaluate(x_test, y_test)[1] > 0.97
    assert history.stop_reason is None and history.message == ""


def test_seeded_runs_repeat_bit_for_bit(dataset):
    x, y = dataset.x_train[:2000], dataset.y_train[:2000]
    runs = []
    for seed in (5, 5, 6):
        model = mnist_model(seed=seed)
        history = model.fit(x, y, epochs=2, batch_size=50)
        runs.append((model._params.copy(), history.history["loss"]))
    np.testing.assert_array_equal(runs[0][0], runs[1][0])
    assert runs[0][1] == runs[1][1]
    assert not np.array_equal(runs[0][0], runs[2][0])


def test_global_seed_makes_unseeded_models_repeatable():
    set_random_seed(123)
    first = [Sequential([Dense(3, input_shape=(2,))]).get_weights()[0] for _ in range(2)]
    set_random_seed(123)
    second = [Sequential([Dense(3, input_shape=(2,))]).get_weights()[0] for _ in range(2)]
    set_random_seed(None)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])
    assert not np.array_equal(first[0], first[1])


def test_everything_stays_float32(dataset):
    model = mnist_model()
    model.fit(dataset.x_train[:500], dataset.y_train[:500], epochs=1, batch_size=64, validation_split=0.2)
    arrays = [model._params, model._grads, *model.optimizer.state.values(), model.optimizer._tmp]
    for owner in model.layers + [model.loss]:
        arrays += [a for a in owner._bufs.values() if a.dtype.kind == "f"]
    assert len(arrays) > 10
    assert {a.dtype for a in arrays} == {np.dtype(np.float32)}
    assert model.predict(dataset.x_test[:3]).dtype == np.float32


def test_history_and_validation():
    x, y = blobs(500)
    history = small_model().fit(x, y, epochs=3, batch_size=32, validation_split=0.2)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 3 and all(isinstance(f, float) for f in v) for v in history.history.values())
    x_val, y_val = blobs(100, seed=3)
    model = small_model()
    history = model.fit(x, y, epochs=1, validation_data=(x_val, y_val))
    assert history.history["val_accuracy"][0] == model.evaluate(x_val, y_val)[1]
    with pytest.raises(ValueError, match="validation_split"):
        small_model().fit(x, y, validation_split=1.5)


class Recorder(Callback):
    def __init__(self, stop_at=None):
        super().__init__()
        self.events, self.stop_at = [], stop_at

    def on_train_begin(self, logs=None):
        self.events.append(("train_begin", self.params))

    def on_epoch_begin(self, epoch, logs=None):
        self.events.append(("epoch_begin", epoch))

    def on_batch_end(self, batch, logs=None):
        self.events.append(("batch_end", batch, logs))
        if self.stop_at == batch:
            self.model.stop_training = True

    def on_epoch_end(self, epoch, logs=None):
        self.events.append(("epoch_end", epoch, logs))

    def on_train_end(self, logs=None):
        self.events.append(("train_end",))


def test_callbacks_see_keras_hooks_in_order():
    x, y = blobs(100)
    recorder = Recorder()
    small_model().fit(x, y, epochs=2, batch_size=40, callbacks=[recorder])
    kinds = [e[0] for e in recorder.events]
    assert kinds == ["train_begin", "epoch_begin"] + ["batch_end"] * 3 + ["epoch_end", "epoch_begin"] + \
        ["batch_end"] * 3 + ["epoch_end", "train_end"]
    assert recorder.events[0][1] == {"epochs": 2, "steps": 3, "samples": 100, "batch_size": 40, "verbose": 1}
    batch_logs = recorder.events[4][2]
    assert set(batch_logs) == {"loss", "accuracy", "size"} and batch_logs["size"] == 20
    assert isinstance(batch_logs["loss"], float)


def test_stop_training_ends_after_the_current_batch():
    x, y = blobs(400)
    recorder = Recorder(stop_at=2)
    model = small_model()
    history = model.fit(x, y, epochs=5, batch_size=20, callbacks=[recorder])
    assert [e[0] for e in recorder.events].count("batch_end") == 3
    assert history.stop_reason == "stopped" and len(history.history["loss"]) == 1
    assert model.optimizer.iterations == 3


def test_training_control_pauses_resumes_and_stops_from_another_thread():
    x, y = blobs(2000)
    control = TrainingControl()
    seen = []

    class Count(Callback):
        def on_batch_end(self, batch, logs=None):
            seen.append(batch)

    model = small_model()
    thread = threading.Thread(target=model.fit, args=(x, y), kwargs=dict(epochs=50, batch_size=10,
                                                                             callbacks=[Count(), control]))
    control.pause()
    assert control.paused
    thread.start()
    time.sleep(0.3)
    assert len(seen) == 1, "paused after the first batch"
    control.resume()
    time.sleep(0.1)
    control.stop()
    thread.join(5)
    assert not thread.is_alive() and control.stop_requested and not control.paused
    assert 1 < len(seen) < 50 * 200


def test_non_finite_loss_restores_the_weights_and_says_why():
    x, y = blobs(400)
    model = small_model(optimizer=SGD(0.1))
    model.fit(x, y, epochs=1, batch_size=20)
    good = model.get_weights()
    model.optimizer.learning_rate = 1e30
    history = model.fit(x, y, epochs=3, batch_size=20)
    assert history.stop_reason == "diverged"
    assert history.history == {}
    assert "at epoch 2, batch" in history.message
    assert "restored to the end of epoch 1" in history.message
    assert "Try a lower learning rate than 1e+30" in history.message
    for before, after in zip(good, model.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert model.optimizer.iterations == 20 and model.epochs_trained == 1

    fresh = small_model(optimizer=SGD(1e30))
    initial = fresh.get_weights()
    history = fresh.fit(x, y, epochs=2, batch_size=20)
    assert history.stop_reason == "diverged" and "restored to their initial values" in history.message
    np.testing.assert_array_equal(initial[0], fresh.get_weights()[0])


def test_unscaled_input_warns_once_and_names_the_fix(dataset):
    x, y = dataset.x_train[:300], dataset.y_train[:300]
    for data in (x, x.astype(np.float64)):
        with pytest.warns(UnscaledInputWarning, match=r"divide by 255 or add Rescaling\(1/255\)") as record:
            mnist_model(rescale=False).fit(data, y, epochs=2, batch_size=100)
        assert len(record) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mnist_model(rescale=False).fit(x / 255.0, y, epochs=1, batch_size=100)
        mnist_model(rescale=True).fit(x, y, epochs=1, batch_size=100)
    with pytest.raises(ValueError, match="NaN"):
        mnist_model(rescale=False).fit(np.full((10, 28, 28), np.nan), y[:10])


def test_fit_prints_only_through_its_progress_callback(capsys):
    """verbose=0 is silent; the default ('auto', as in Keras) and 1 end each epoch on a bar line;
    2 prints one plain line per epoch, Keras 3's order of metrics (alphabetical, then val_)."""
    x, y = blobs(100)
    small_model().fit(x, y, epochs=2, verbose=0)
    assert capsys.readouterr().out == ""
    small_model().fit(x, y, epochs=2, verbose=2, validation_split=0.2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert re.fullmatch(r"3/3 - \d+s - \d+(us|ms|s)/step - accuracy: [\d.]+ - loss: [\d.]+ - "
                        r"val_accuracy: [\d.]+ - val_loss: [\d.]+", lines[1]), lines[1]
    for verbose in ("auto", 1):
        small_model().fit(x, y, epochs=1, verbose=verbose)
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == "Epoch 1/1"
        assert re.fullmatch(r"4/4 ━{20} \d+s \d+(us|ms|s)/step - accuracy: [\d.]+ - loss: [\d.]+", lines[1]), lines
    with pytest.raises(ValueError, match="verbose must be 0, 1, 2 or 'auto'"):
        small_model().fit(x, y, verbose=3)
    assert isinstance(ProgbarLogger(), Callback)


def test_adam_object_and_uint8_pipeline_match_manual_scaling(dataset):
    """Rescaling folded into the batch gather gives the same training as dividing by 255 beforehand."""
    x, y = dataset.x_train[:600], dataset.y_train[:600]
    a = mnist_model(seed=1, rescale=True, dropout=0.0)
    b = mnist_model(seed=1, rescale=False, dropout=0.0)
    b.compile(optimizer=Adam(1e-3), loss="sparse_categorical_crossentropy")
    a.fit(x, y, epochs=1, batch_size=60)
    b.fit((x * np.float32(1 / 255)), y, epochs=1, batch_size=60)
    for wa, wb in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_array_equal(wa, wb)


def test_predicting_from_another_thread_does_not_disturb_training(dataset):
    x, y = dataset.x_train[:3000], dataset.y_train[:3000]
    quiet = mnist_model(seed=9)
    quiet.fit(x, y, epochs=1, batch_size=32)
    busy = mnist_model(seed=9)
    done = threading.Event()
    predictions = []

    def hammer():
        while not done.is_set():
            predictions.append(busy.predict(x[:32], batch_size=32))
            busy.evaluate(x[:64], y[:64], batch_size=32)

    thread = threading.Thread(target=hammer)
    thread.start()
    try:
        busy.fit(x, y, epochs=1, batch_size=32)
    finally:
        done.set()
        thread.join()
    assert len(predictions) > 3
    np.testing.assert_array_equal(busy._params, quiet._params)
