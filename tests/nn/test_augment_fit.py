"""fit(..., augmentation=): only training batches are distorted, labels and shapes are kept, seeded runs
repeat bit for bit, zero strength changes nothing, and the producer thread never outlives fit."""

import threading

import numpy as np
import pytest

from mnist_gui.data.augment import AUGMENTATION_PRESETS, Augmentation
from mnist_gui.nn import Callback, Dense, Flatten, Rescaling, Sequential
from mnist_gui.nn import prefetch


def model(seed=0):
    m = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(32, activation="relu"),
                    Dense(10, activation="softmax")], seed=seed)
    m.compile("adam", metrics=["accuracy"])
    return m


@pytest.fixture
def small(dataset):
    return dataset.x_train[:1000], dataset.y_train[:1000]


def augment_threads():
    return [t for t in threading.enumerate() if t.name == "mnist-gui-augment"]


class Recorder(Callback):
    """Keeps the first batch of the first epoch the model trained on (the input of the first Dense layer)."""

    def on_batch_end(self, batch, logs):
        if not hasattr(self, "first"):
            self.first = self.model.layers[2]._x.copy()


def test_training_batches_are_distorted_keeping_labels_and_shapes(small):
    x, y = small
    plain, distorted = Recorder(), Recorder()
    model().fit(x, y, epochs=1, batch_size=50, seed=3, callbacks=[plain])
    m = model()
    history = m.fit(x, y, epochs=2, batch_size=50, seed=3, augmentation="standard", callbacks=[distorted],
                    validation_data=(x[:200], y[:200]))
    assert distorted.first.shape == plain.first.shape == (50, 784)
    assert distorted.first.dtype == np.float32 and 0 <= distorted.first.min() and distorted.first.max() <= 1.0001
    assert not np.array_equal(distorted.first, plain.first)
    # same images in the same order: each distorted image stays closest to its own original
    corr = np.corrcoef(distorted.first, plain.first)[:50, 50:]
    assert (corr.argmax(axis=1) == np.arange(50)).mean() > 0.75
    assert history.history["accuracy"][-1] > 0.4 and "val_accuracy" in history.history
    assert m.metadata["augmentation"] == AUGMENTATION_PRESETS["standard"].to_dict()
    assert not augment_threads()


def test_augmented_training_repeats_bit_for_bit(small):
    x, y = small
    runs = []
    for _ in range(2):
        m = model()
        h = m.fit(x, y, epochs=2, batch_size=32, seed=5, augmentation=Augmentation(rotation=15, thickness=0.3))
        runs.append((m._params.copy(), h.history["loss"]))
    np.testing.assert_array_equal(runs[0][0], runs[1][0])
    assert runs[0][1] == runs[1][1]
    other = model()
    other.fit(x, y, epochs=2, batch_size=32, seed=6, augmentation=Augmentation(rotation=15, thickness=0.3))
    assert not np.array_equal(other._params, runs[0][0])


def test_zero_strength_trains_exactly_as_without_augmentation(small):
    x, y = small
    a, b = model(), model()
    a.fit(x, y, epochs=1, batch_size=64, seed=1)
    b.fit(x, y, epochs=1, batch_size=64, seed=1, augmentation=Augmentation(strength=0.0))
    np.testing.assert_array_equal(a._params, b._params)


def test_evaluate_and_predict_are_never_augmented(small):
    x, y = small
    m = model()
    m.fit(x, y, epochs=1, augmentation="strong")
    np.testing.assert_array_equal(m.predict(x[:20]), m.predict(x[:20]))
    assert m.evaluate(x[:100], y[:100]) == m.evaluate(x[:100], y[:100])


class StopAt(Callback):
    def __init__(self, batch, error=False):
        super().__init__()
        self.batch, self.error = batch, error

    def on_batch_end(self, batch, logs):
        if batch == self.batch:
            if self.error:
                raise KeyError("boom")
            self.model.stop_training = True


def test_the_producer_thread_is_gone_after_stop_and_after_an_error(small):
    x, y = small
    h = model().fit(x, y, epochs=3, batch_size=10, augmentation="light", callbacks=[StopAt(3)])
    assert h.stop_reason == "stopped" and not augment_threads()
    with pytest.raises(KeyError, match="boom"):
        model().fit(x, y, epochs=3, batch_size=10, augmentation="light", callbacks=[StopAt(3, error=True)])
    assert not augment_threads()


def test_an_error_in_the_producer_reaches_fit(small, monkeypatch):
    x, y = small

    def broken(*args):
        raise MemoryError("no room")

    monkeypatch.setattr(prefetch, "augmented_batch", broken)
    with pytest.raises(RuntimeError, match="augmenting a training batch failed: no room"):
        model().fit(x, y, epochs=1, augmentation="light")
    assert not augment_threads()


def test_bad_augmentation_arguments(small):
    x, y = small
    with pytest.raises(ValueError, match="unknown augmentation preset 'wild'"):
        model().fit(x, y, augmentation="wild")
    with pytest.raises(TypeError, match="augmentation must be"):
        model().fit(x, y, augmentation=3)
    flat = Sequential([Dense(10, activation="softmax", input_shape=(784,))])
    flat.compile("adam")
    with pytest.raises(ValueError, match="grayscale images"):
        flat.fit(x.reshape(-1, 784) / 255, y, augmentation="light")
