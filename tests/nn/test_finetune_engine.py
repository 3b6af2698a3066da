"""What fine-tuning needs from the engine, checked against Keras's documented behaviour: frozen layers
(``trainable = False``), ``sample_weight`` / ``class_weight``, EarlyStopping and TerminateOnNaN."""

import math

import numpy as np
import pytest

from mnist_gui.nn import (Adam, Conv2D, Dense, EarlyStopping, Flatten, MaxPooling2D, Reshape, Sequential,
                          TerminateOnNaN, load_model)
from mnist_gui.nn.callbacks import Callback


def blobs(n=300, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, n)
    centres = np.array([[0.0, 4.0], [4.0, -2.0], [-4.0, -2.0]])
    return (centres[y] + rng.standard_normal((n, 2))).astype(np.float32), y


def mlp(seed=0, optimizer="adam"):
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)), Dense(8, activation="relu"),
                        Dense(3, activation="softmax")], seed=seed)
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def small_cnn(seed=0):
    model = Sequential([Reshape((8, 8, 1), input_shape=(8, 8)), Conv2D(4, 3, activation="relu"), MaxPooling2D(2),
                        Flatten(), Dense(3, activation="softmax")], seed=seed)
    model.compile("adam", metrics=["accuracy"])
    return model


def test_frozen_layers_are_left_alone_and_the_rest_learns():
    x, y = blobs()
    model = mlp()
    model.build()
    model.layers[0].trainable = False  # after compile: read when fit starts
    frozen = model.layers[0].get_weights()
    head = model.layers[2].get_weights()
    state_before = {k: v.copy() for k, v in model.optimizer.state.items()}
    model.fit(x, y, epochs=2, verbose=0)
    for before, after in zip(frozen, model.layers[0].get_weights()):
        np.testing.assert_array_equal(before, after)
    assert not np.array_equal(head[0], model.layers[2].kernel)
    # the optimizer's moments of the frozen arrays are untouched too (Keras: they are not its variables)
    kernel = next(s for s in model._spans if s[0] is model.layers[0] and s[1] == "kernel")
    for key, arr in model.optimizer.state.items():
        np.testing.assert_array_equal(arr[kernel[2]:kernel[3]], state_before[key][kernel[2]:kernel[3]])
    model.layers[0].trainable = True
    model.fit(x, y, epochs=1, verbose=0)
    assert not np.array_equal(frozen[0], model.layers[0].kernel)


def test_frozen_convolutions_get_no_backward_pass_and_the_head_learns():
    rng = np.random.default_rng(0)
    x, y = rng.random((90, 8, 8)).astype(np.float32), rng.integers(0, 3, 90)
    model = small_cnn()
    model.build()
    model.layers[1].trainable = False
    conv = model.layers[1].get_weights()
    calls = []
    original = model.layers[1].backward
    model.layers[1].backward = lambda dy, need_dx=True: calls.append(1) or original(dy, need_dx)
    before = model.layers[-1].kernel.copy()
    model.fit(x, y, epochs=1, batch_size=30, verbose=0)
    assert calls == []  # nothing before the first trainable layer runs backward
    np.testing.assert_array_equal(conv[0], model.layers[1].kernel)
    assert not np.array_equal(before, model.layers[-1].kernel)


def test_model_trainable_false_freezes_everything_and_summary_counts_it(capsys):
    model = mlp()
    model.build()
    model.summary()
    out = capsys.readouterr().out
    assert "Total params: 211 (844.00 B)" in out and "Trainable params: 211 (844.00 B)" in out
    assert "Non-trainable params: 0 (0.00 B)" in out
    model.trainable = False
    assert not any(layer.trainable for layer in model.layers) and model.trainable is False
    weights = model.get_weights()
    x, y = blobs(60)
    model.fit(x, y, epochs=1, verbose=0)
    for a, b in zip(weights, model.get_weights()):
        np.testing.assert_array_equal(a, b)
    model.layers[2].trainable = True
    text = model.summary_text()
    assert "Trainable params: 27 (108.00 B)" in text and "Non-trainable params: 184 (736.00 B)" in text
    assert len(model.layers[2].trainable_weights) == 2 and len(model.layers[0].non_trainable_weights) == 2


def test_trainable_flag_survives_save_and_load(tmp_path):
    model = mlp()
    model.build()
    model.layers[1].trainable = False
    loaded = load_model(model.save(tmp_path / "frozen.keras"))
    assert [layer.trainable for layer in loaded.layers] == [True, False, True]


def test_sample_weight_scales_each_samples_loss_as_keras_sum_over_batch_size():
    x, y = blobs(8)
    model = mlp(optimizer=Adam(1e-3))
    probs = model.predict(x, verbose=0)
    losses = -np.log(probs[np.arange(8), y])
    w = np.array([0, 1, 2, 3, 0.5, 1, 1, 4], np.float64)
    # Keras: sum(w * loss) / batch size, and accuracy weighted by w
    history = model.fit(x, y, batch_size=8, epochs=1, sample_weight=w, shuffle=False, verbose=0)
    assert history.history["loss"][0] == pytest.approx(float(np.sum(w * losses) / 8), rel=1e-5)
    right = probs.argmax(axis=1) == y
    assert history.history["accuracy"][0] == pytest.approx(float(np.sum(w * right) / w.sum()), rel=1e-6)
    # evaluate takes the same weights
    model2 = mlp(optimizer=Adam(1e-3))
    weighted = model2.evaluate(x, y, sample_weight=w, verbose=0)[0]
    assert weighted == pytest.approx(float(np.sum(w * losses) / 8), rel=1e-5)


def test_sample_weight_gradient_is_the_weighted_gradient():
    """Weight 0 removes a sample from training: the same first step as training without it, scaled."""
    x, y = blobs(10)
    w = np.ones(10)
    w[5:] = 0.0
    a, b = mlp(optimizer="sgd"), mlp(optimizer="sgd")
    a.fit(x, y, batch_size=10, epochs=1, sample_weight=w, shuffle=False, verbose=0)
    # without weights, on the first five samples, the mean is over 5 instead of 10: half the learning rate
    from mnist_gui.nn import SGD
    b.compile(optimizer=SGD(learning_rate=0.005), loss="sparse_categorical_crossentropy")
    b.fit(x[:5], y[:5], batch_size=5, epochs=1, shuffle=False, verbose=0)
    for p, q in zip(a.get_weights(), b.get_weights()):
        np.testing.assert_allclose(p, q, rtol=1e-5, atol=1e-6)


def test_class_weight_is_a_per_class_sample_weight():
    x, y = blobs(60)
    a, b = mlp(), mlp()
    cw = {0: 1.0, 1: 3.0, 2: 0.5}
    ha = a.fit(x, y, epochs=2, class_weight=cw, seed=1, verbose=0)
    hb = b.fit(x, y, epochs=2, sample_weight=np.array([cw[int(c)] for c in y]), seed=1, verbose=0)
    assert ha.history == hb.history
    with pytest.raises(ValueError, match="class_weight keys must be class indices"):
        mlp().fit(x, y, class_weight={7: 1.0}, verbose=0)
    with pytest.raises(ValueError, match=r"sample_weight must hold one number per sample, shape \(60,\)"):
        mlp().fit(x, y, sample_weight=np.ones(3), verbose=0)
    with pytest.raises(ValueError, match="finite and non-negative"):
        mlp().fit(x, y, sample_weight=-np.ones(60), verbose=0)


class ValLosses(Callback):
    """Feeds EarlyStopping a scripted sequence of val_loss values (what Keras's docs reason about)."""

    def __init__(self, values):
        super().__init__()
        self.values = values

    def on_epoch_end(self, epoch, logs=None):
        logs["val_loss"] = self.values[epoch]


def run_with(values, **kwargs):
    x, y = blobs(40)
    model = mlp()
    stopper = EarlyStopping(**kwargs)
    history = model.fit(x, y, epochs=len(values), callbacks=[ValLosses(values), stopper], verbose=0)
    return len(history.history["loss"]), stopper, model


def test_early_stopping_patience_min_delta_baseline_and_start_from_epoch():
    assert run_with([1.0, 0.9, 0.95, 0.96, 0.97, 0.5], patience=2)[0] == 4  # stops after 2 epochs without improving
    assert run_with([1.0, 0.9, 0.8, 0.7], patience=0)[0] == 4
    assert run_with([1.0, 1.1], patience=0)[0] == 2
    # an improvement smaller than min_delta is none
    assert run_with([1.0, 0.99, 0.98, 0.97], patience=1, min_delta=0.05)[0] == 2
    assert run_with([1.0, 0.9, 0.8, 0.79, 0.7], patience=1, min_delta=0.05)[0] == 4
    # with a baseline, the wait restarts only when the value is better than the baseline too
    # (an improvement never stops training, as in Keras's code, even short of the baseline)
    assert run_with([1.0, 1.1, 1.2, 1.3], patience=2)[0] == 3
    assert run_with([1.0, 1.1, 1.2, 1.3], patience=2, baseline=0.5)[0] == 2
    assert run_with([1.0, 0.9, 0.8, 0.7, 0.6], patience=2, baseline=0.5)[0] == 5
    # epochs before start_from_epoch are not judged
    assert run_with([1.0, 2.0, 3.0, 4.0, 5.0], patience=0, start_from_epoch=3)[0] == 5


def test_early_stopping_restores_the_best_weights_at_the_end_stopped_or_not():
    snapshots = []

    class Snap(Callback):
        def on_epoch_end(self, epoch, logs=None):
            snapshots.append(self.model.get_weights())

    x, y = blobs(40)
    for values, best in (([1.0, 0.5, 0.7, 0.8, 0.9], 1), ([1.0, 0.5, 0.7], 1)):
        snapshots.clear()
        model = mlp()
        stopper = EarlyStopping(patience=2, restore_best_weights=True)
        model.fit(x, y, epochs=len(values), callbacks=[ValLosses(values), Snap(), stopper], verbose=0)
        assert stopper.best_epoch == best
        for a, b in zip(model.get_weights(), snapshots[best]):
            np.testing.assert_array_equal(a, b)


def test_early_stopping_on_real_validation_data_and_mode_auto():
    x, y = blobs(200)
    model = mlp()
    history = model.fit(x, y, epochs=30, validation_split=0.25, verbose=0,
                        callbacks=[EarlyStopping(monitor="val_accuracy", patience=1)])
    assert len(history.history["loss"]) < 30 and history.stop_reason == "stopped"
    with pytest.raises(ValueError, match="mode='max' or mode='min'"):
        mlp().fit(x, y, epochs=2, verbose=0, callbacks=[EarlyStopping(monitor="val_precision")])
    with pytest.warns(UserWarning, match="not available"):
        mlp().fit(x, y, epochs=1, verbose=0, callbacks=[EarlyStopping(monitor="val_loss")])


def test_terminate_on_nan_stops_training(capsys):
    stopper = TerminateOnNaN()
    model = mlp()
    stopper.set_model(model)
    stopper.on_train_batch_end(3, {"loss": math.nan})
    assert model.stop_training and "Batch 3: Invalid loss, terminating training" in capsys.readouterr().out


    class NanAt(Callback):  # a batch loss the engine's own guard would not see
        def on_train_batch_end(self, batch, logs=None):
            if batch == 1:
                logs["loss"] = math.nan

    seen = []

    class Count(Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(batch)

    x, y = blobs(320)
    history = mlp().fit(x, y, epochs=3, verbose=0, callbacks=[NanAt(), TerminateOnNaN(), Count()])
    assert history.stop_reason == "stopped" and len(history.history["loss"]) == 1 and seen == [0, 1]
