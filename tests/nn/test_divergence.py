"""Divergence done right: a NaN, infinite or exploding loss stops training with the last healthy weights
restored and checked, History.weights_ok says whether they can be used, and predict never gives NaN."""

import numpy as np
import pytest

from mnist_gui.nn import SGD, Adam, Callback, Dense, Sequential, Softmax, model_outputs_finite
from mnist_gui.nn.activations import SoftmaxFunction
from mnist_gui.nn.divergence import CHECKPOINT_EVERY, DivergenceGuard
from tests.nn.test_training import blobs, small_model


def test_adam_with_a_huge_learning_rate_is_stopped_with_usable_weights():
    x, y = blobs()
    x_test, y_test = blobs(300, seed=1)
    model = small_model(Adam(1e4))
    initial = model.get_weights()
    history = model.fit(x, y, epochs=5, batch_size=16)
    assert history.stop_reason == "diverged" and history.weights_ok
    assert "The loss exploded to" in history.message and "at epoch 1, batch 2" in history.message
    assert "restored to their initial values" in history.message
    assert "Try a lower learning rate than 10000, for example 1000." in history.message
    for before, after in zip(initial, model.get_weights()):
        np.testing.assert_array_equal(before, after)
    assert model.optimizer.iterations == 0 and model.epochs_trained == 0
    assert model_outputs_finite(model, x_test)
    assert np.isfinite(model.evaluate(x_test, y_test)[0])


class LossLog(Callback):
    def __init__(self):
        super().__init__()
        self.losses = []

    def on_batch_end(self, batch, logs=None):
        self.losses.append(logs["loss"])


def test_a_finite_but_exploding_loss_counts_as_divergence():
    """SGD(50) on this problem takes the loss from 1.3 to 1e4, 1e8, ... 7e18 without ever reaching NaN:
    the old guard, which only looked for non-finite losses, let it run to the end."""
    x, y = blobs()
    log = LossLog()
    history = small_model(SGD(50.0)).fit(x, y, epochs=3, batch_size=16, callbacks=[log])
    assert history.stop_reason == "diverged"
    assert "exploded to 1.35e+04 at epoch 1, batch 2, more than 10 times its lowest so far (1.33)" in history.message
    assert len(log.losses) == 1


class BlowUp(Callback):
    """Multiplies every weight by ``factor`` after batch ``at`` of epoch ``epoch`` (a stand-in for one
    disastrous update), and remembers the weights at the start of batch ``remember``."""

    def __init__(self, epoch, at, factor, remember=None):
        super().__init__()
        self.epoch, self.at, self.factor, self.remember = epoch, at, factor, remember
        self.current = None

    def on_epoch_begin(self, epoch, logs=None):
        self.current = epoch

    def on_batch_begin(self, batch, logs=None):
        if self.current == 0 and batch == self.remember:
            self.kept = self.model._params.copy()

    def on_batch_end(self, batch, logs=None):
        if self.current == self.epoch and batch == self.at:
            self.model._params *= self.factor


def test_a_blow_up_at_the_end_of_an_epoch_restores_weights_from_before_it():
    """The old guard restored the weights of the start of the failing epoch, which were the blown-up
    ones, so the "restored" model still gave NaN on the test set."""
    x, y = blobs(600)
    x_test, _ = blobs(300, seed=1)
    last = 600 // 2 - 1
    blow = BlowUp(epoch=0, at=last, factor=1e30, remember=2 * CHECKPOINT_EVERY)
    model = small_model(SGD(0.01))
    history = model.fit(x, y, epochs=3, batch_size=2, callbacks=[blow])
    assert history.stop_reason == "diverged" and history.weights_ok
    assert "at epoch 2, batch 1" in history.message
    assert f"restored to those of epoch 1, batch {2 * CHECKPOINT_EVERY + 1}, the last with a normal loss" \
        in history.message
    np.testing.assert_array_equal(model._params, blow.kept)
    # epoch 1 is not complete in these weights, and the optimizer is back where they were
    assert model.epochs_trained == 0 and model.optimizer.iterations == 2 * CHECKPOINT_EVERY
    assert model_outputs_finite(model, x_test)
    assert np.isfinite(model.predict(x_test)).all()


@pytest.mark.parametrize("factor, what", [(1e30, "gave NaN or infinite outputs"), (1e8, "on a check batch exploded")])
def test_a_blow_up_in_the_very_last_update_is_caught_too(factor, what):
    x, y = blobs(400)
    model = small_model(SGD(0.05))
    history = model.fit(x, y, epochs=2, batch_size=40, callbacks=[BlowUp(epoch=1, at=9, factor=factor)])
    assert history.stop_reason == "diverged" and history.weights_ok
    assert history.message.startswith("After the last update the ") and what in history.message
    assert "restored to the end of epoch 1" in history.message
    assert model_outputs_finite(model, x) and np.abs(model._params).max() < 100


def test_when_the_restored_weights_fail_the_check_the_start_weights_come_back():
    x, y = blobs(64)
    model = small_model(SGD(0.1))
    start = model._params.copy()
    model.optimizer.state_names = ()
    guard = DivergenceGuard(model, lambda: (model._feed(x).slice(0, 64), y))
    model._params += 1.0
    guard.checkpoint(7)
    guard.good.params[:] = np.nan  # a last healthy copy that the check batch finds broken
    usable, text = guard.recover()
    assert usable and "They still gave NaN or infinite outputs, so they were reset to their values at the " \
                      "start of this run" in text
    np.testing.assert_array_equal(model._params, start)


def test_weights_that_no_reset_can_save_are_reported_unusable():
    """One training sample of 3e38 overflows any non-zero network: neither the restored weights nor the
    initial ones give finite outputs on it, and History says so."""
    x, y = blobs(200)
    x[0] = 3e38
    model = small_model(SGD(0.01))
    history = model.fit(x, y, epochs=1, batch_size=20, shuffle=False)
    assert history.stop_reason == "diverged" and not history.weights_ok
    assert "do not use or save this model" in history.message
    assert not model_outputs_finite(model, x[:1]) and model_outputs_finite(model, x[1:])


def test_a_normal_run_has_usable_weights():
    x, y = blobs()
    history = small_model().fit(x, y, epochs=2, batch_size=32)
    assert history.stop_reason is None and history.weights_ok and history.message == ""
    assert "weights_ok=True" in repr(history)


def test_predict_never_gives_nan_even_for_weights_of_3e38():
    x, _ = blobs(50)
    model = Sequential([Dense(16, activation="relu", input_shape=(2,)), Dense(3), Softmax()], seed=0)
    model.compile()
    model._params[:] = 3e38  # finite, but every product overflows
    probs = model.predict(x)
    assert np.isfinite(probs).all()
    np.testing.assert_allclose(probs, 1 / 3)  # the documented answer for non-finite logits: uniform
    assert not model_outputs_finite(model, x)


def test_softmax_rows_with_non_finite_logits_come_out_uniform_and_the_others_exact():
    z = np.array([[np.inf, 0.0, 1.0], [np.nan, 1.0, 2.0], [-np.inf, 0.0, 0.0], [-np.inf] * 3, [1.0, 2.0, 3.0],
                  [3e38, -3e38, 0.0]], np.float32)
    with np.errstate(all="ignore"):
        out = SoftmaxFunction().forward(z.copy(), np.empty_like(z))
    np.testing.assert_allclose(out[[0, 1, 3]], 1 / 3)
    np.testing.assert_allclose(out[2], [0.0, 0.5, 0.5])
    e = np.exp([1.0, 2.0, 3.0] - np.float64(3.0))
    np.testing.assert_allclose(out[4], e / e.sum(), rtol=1e-6)
    np.testing.assert_allclose(out[5], [1.0, 0.0, 0.0])
