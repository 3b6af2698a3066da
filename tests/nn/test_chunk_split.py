"""Both cores in training: the fused convolution steps' chunks shared by two threads (nn.threads.chunk_split)
give the same weights, bit for bit, as on one thread; the helpers really run at the same time, take the
caller's floating-point settings and hand their errors back; fit's "auto" splits, an explicit thread count
does not; Dense layers' big products split in column halves give the right product, the same on one thread
or two."""

import threading

import numpy as np
import pytest

from mnist_gui.nn import Callback, Dense, Sequential, conv_pool, threads
from mnist_gui.nn.threads import SPLIT_MACS, chunk_split, for_each_chunk, product
from tests.nn.test_conv_pool import cnn


def _trained(split, monkeypatch):
    monkeypatch.setattr(conv_pool, "CHUNK_BYTES", 8 << 10)  # a few images per chunk: many chunks per batch
    model = cnn(size=12, channels=8, dtype=np.float32, seed=3)
    rng = np.random.default_rng(0)
    x, y = rng.random((96, 12, 12), dtype=np.float32), rng.integers(0, 3, 96)
    with chunk_split(split):
        model.fit(x, y, epochs=2, batch_size=32, verbose=0, seed=5)
        probs = model.predict(x, verbose=0)
    return model.get_weights(), probs


def test_two_threads_train_the_same_weights_as_one(monkeypatch):
    one, probs_one = _trained(1, monkeypatch)
    two, probs_two = _trained(2, monkeypatch)
    assert all(np.array_equal(a, b) for a, b in zip(one, two))
    assert np.array_equal(probs_one, probs_two)
    assert not np.array_equal(one[0], cnn(size=12, channels=8, dtype=np.float32, seed=3).get_weights()[0])


def test_the_chunks_run_on_two_threads_at_once():
    both = threading.Barrier(2, timeout=10)  # passes only when two chunks run at the same time
    ran = []

    def work(k):
        ran.append((k, threading.get_ident()))
        if k < 2:
            both.wait()

    with chunk_split(2):
        for_each_chunk(6, work)
    assert sorted(k for k, _ in ran) == list(range(6))
    assert len({ident for _, ident in ran}) == 2


def test_without_a_split_everything_runs_here():
    ran = []
    with chunk_split(1):
        for_each_chunk(5, lambda k: ran.append(threading.get_ident()))
    for_each_chunk(3, lambda k: ran.append(threading.get_ident()))  # no split set in this thread
    assert ran == [threading.get_ident()] * 8


def test_helpers_take_the_callers_floating_point_settings_and_hand_back_errors():
    both = threading.Barrier(2, timeout=10)
    settings = []

    def work(k):
        settings.append(np.geterr()["over"])
        both.wait()
        if k == 1:
            np.float32(3e38) * np.float32(10)

    with chunk_split(2), np.errstate(over="raise"), pytest.raises(FloatingPointError):
        for_each_chunk(2, work)
    assert settings == ["raise", "raise"]


def test_fit_auto_splits_and_a_given_thread_count_does_not(monkeypatch):
    monkeypatch.setattr(threads, "split_threads", lambda: 2)
    seen = []

    class Look(Callback):
        def on_epoch_begin(self, epoch, logs=None):
            seen.append(threads._local.split)

    model = cnn(size=9, channels=8, dtype=np.float32)
    x, y = np.zeros((4, 9, 9), np.float32), np.array([0, 1, 2, 0])
    model.fit(x, y, epochs=1, verbose=0, callbacks=[Look()])
    model.fit(x, y, epochs=1, verbose=0, callbacks=[Look()], threads=1)
    assert seen == [2, 1]
    assert getattr(threads._local, "split", None) is None  # nothing left behind


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_a_split_needs_a_whole_number_of_threads(bad):
    with pytest.raises(ValueError, match="whole number"):
        with chunk_split(bad):
            pass


@pytest.mark.parametrize("shape", [(128, 784, 512), (97, 300, 601), (8, 4, 16)])
def test_a_split_product_is_the_product_and_the_same_on_one_thread_or_two(shape):
    m, k, n = shape
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((m, k), dtype=np.float32), rng.standard_normal((k, n), dtype=np.float32)
    a_t = np.ascontiguousarray(a.T).T  # a transposed view, as the kernel's gradient passes it
    results = []
    for split in (1, 2):
        for left in (a, a_t):
            out = np.full((m, n), np.nan, np.float32)
            with chunk_split(split):
                assert product(left, b, out) is out
            results.append(out)
    np.testing.assert_allclose(results[0], a.astype(np.float64) @ b, rtol=1e-4, atol=1e-3)
    assert all(np.array_equal(results[0], r) for r in results[1:])


def test_a_dense_network_trains_the_same_weights_on_one_thread_or_two():
    rng = np.random.default_rng(2)
    x, y = rng.random((256, 784), dtype=np.float32), rng.integers(0, 10, 256)
    assert 128 * 784 * 512 >= SPLIT_MACS  # the first layer's products are split
    weights = []
    for split in (1, 2):
        model = Sequential([Dense(512, activation="relu", input_shape=(784,)), Dense(10, activation="softmax")],
                           seed=4)
        model.compile("adam")
        with chunk_split(split):
            model.fit(x, y, epochs=2, batch_size=128, verbose=0, seed=6)
        weights.append(model.get_weights())
    assert all(np.array_equal(p, q) for p, q in zip(*weights))
