"""TrainingDiagnostics: gradient norms, weight histograms and dead ReLUs, against a computation by hand."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.nn import SGD, Conv2D, Dense, Flatten, Reshape, Sequential, TrainingDiagnostics
from mnist_gui.nn.diagnostics import dead_share, weight_histogram


def _tiny():
    """4 inputs -> 3 ReLU units -> 2 classes, float64, with hand-set weights; unit 0 can never fire."""
    model = Sequential([Dense(3, activation="relu", input_shape=(4,)), Dense(2, activation="softmax")],
                       seed=0, dtype=np.float64)
    model.compile(optimizer=SGD(learning_rate=0.1), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.build()
    first, out = model.layers[0], model.layers[1]
    first.kernel[...] = [[0.5, 0.2, -0.3], [-0.4, 0.6, 0.1], [0.3, -0.2, 0.7], [0.1, 0.4, -0.5]]
    first.bias[...] = [-100.0, 0.1, 0.05]
    out.kernel[...] = [[0.2, -0.1], [0.4, 0.3], [-0.6, 0.5]]
    out.bias[...] = [0.0, 0.1]
    return model


def _by_hand(model, x, y):
    """The gradient norms of the batch (x, y) at the model's weights, written out."""
    W1, b1 = model.layers[0].kernel.copy(), model.layers[0].bias.copy()
    W2, b2 = model.layers[1].kernel.copy(), model.layers[1].bias.copy()
    h = np.maximum(x @ W1 + b1, 0)
    z = h @ W2 + b2
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    dz = p.copy()
    dz[np.arange(len(y)), y] -= 1
    dz /= len(y)
    dW2, db2 = h.T @ dz, dz.sum(0)
    dh = (dz @ W2.T) * (h > 0)
    dW1, db1 = x.T @ dh, dh.sum(0)
    return [np.sqrt((dW1 ** 2).sum() + (db1 ** 2).sum()), np.sqrt((dW2 ** 2).sum() + (db2 ** 2).sum())]


def test_gradient_norms_and_dead_units_match_a_hand_computation():
    model = _tiny()
    x = np.array([[1.0, 0.5, -0.2, 0.3], [-0.5, 0.9, 0.4, -0.1], [0.2, -0.3, 0.8, 0.6]])
    y = np.array([0, 1, 1])
    expected = _by_hand(model, x, y)
    reports = []
    diag = TrainingDiagnostics(reports.append, interval=0.0, histogram_interval=0.0)
    model.fit(x, y, epochs=1, batch_size=3, shuffle=False, callbacks=[diag], threads=None)
    start, after = reports
    assert start["x"] == 0.0 and all(np.isnan(layer["grad_norm"]) for layer in start["layers"])
    first, out = after["layers"]
    assert after["x"] == pytest.approx(1.0)
    assert [first["grad_norm"], out["grad_norm"]] == pytest.approx(expected, rel=1e-9)
    assert first["dead"] == pytest.approx(1 / 3)       # unit 0 never fires; units 1 and 2 do for some input
    assert first["relu"] and out["dead"] is None and not out["relu"]
    counts, edges = np.histogram(model.layers[0].kernel, bins=len(first["counts"]),
                                 range=(-np.abs(model.layers[0].kernel).max(), np.abs(model.layers[0].kernel).max()))
    assert np.array_equal(first["counts"], counts) and np.allclose(first["edges"], edges)
    assert first["counts"].sum() == 12 and first["units"] == 3
    assert not np.shares_memory(first["counts"], model.layers[0].kernel)


def test_reports_are_limited_by_time_not_by_batches():
    model = _tiny()
    x = np.random.default_rng(1).uniform(-1, 1, (40, 4))
    y = np.random.default_rng(2).integers(0, 2, 40)
    clock = iter(np.arange(0, 100, 0.03))              # each batch end reads the clock once: 30 ms apart
    reports = []
    diag = TrainingDiagnostics(reports.append, interval=0.1, clock=lambda: float(next(clock)))
    model.fit(x, y, epochs=1, batch_size=1, shuffle=False, callbacks=[diag], threads=None)
    assert 1 + 40 // 4 <= len(reports) <= 1 + 40 // 3 + 1     # the start, then about one in four batches


def test_a_filter_is_dead_when_it_is_zero_everywhere():
    a = np.zeros((2, 3, 3, 4))
    a[1, 2, 0, 1] = 0.5          # filter 1 fired once
    a[0, 0, 0, 3] = 2.0
    assert dead_share(a) == pytest.approx(0.5)
    counts, edges = weight_histogram(np.zeros(5), bins=4)
    assert counts.sum() == 5 and edges[0] < 0 < edges[-1]


def test_a_convolution_reports_per_filter():
    model = Sequential([Reshape((6, 6, 1), input_shape=(6, 6)), Conv2D(3, 3, activation="relu"), Flatten(),
                        Dense(2, activation="softmax")], seed=0)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.build()
    conv = model.layers[1]
    conv.kernel[...] = np.abs(conv.kernel)              # filters 1 and 2 fire on any positive input
    conv.bias[...] = [-50.0, 0.0, 0.0]                   # filter 0 cannot fire on inputs in [0, 1]
    x = np.random.default_rng(0).uniform(0, 1, (8, 6, 6)).astype(np.float32)
    diag = TrainingDiagnostics(interval=0.0)
    model.fit(x, np.zeros(8, int), epochs=1, batch_size=8, callbacks=[diag], threads=None)
    conv = diag.latest["layers"][0]
    assert conv["kind"] == "conv" and conv["units"] == 3 and conv["dead"] == pytest.approx(1 / 3)
    assert conv["grad_norm"] > 0


def test_histograms_are_made_again_only_every_so_often():
    model = _tiny()
    x = np.random.default_rng(1).uniform(-1, 1, (20, 4))
    y = np.random.default_rng(2).integers(0, 2, 20)
    now = [0.0]
    reports = []
    diag = TrainingDiagnostics(reports.append, interval=0.0, histogram_interval=10.0, clock=lambda: now[0])
    model.fit(x, y, epochs=1, batch_size=4, shuffle=False, callbacks=[diag], threads=None)
    assert len(reports) == 6 and all(r["layers"][0]["counts"] is reports[0]["layers"][0]["counts"] for r in reports)
    assert len({r["layers"][0]["grad_norm"] for r in reports[1:]}) == 5     # the rest is new every time
