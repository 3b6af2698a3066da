"""Background predictions for the Dataset tab: once per model and split, superseded jobs dropped,
failures shown to the person, no thread left running."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from mnist_gui.ui.dataset.tab import DatasetTab
from mnist_gui.ui.dataset.predictions import FIRST_IMAGES, IMAGES_PER_CALL as CHUNK, PredictionService


CALLS: dict[str, list[tuple[int, int]]] = {}   # model name -> (id() of the object, images) of each predict


class CountingModel:
    """Probabilities from a weight matrix over mean-pooled pixels; records its predict calls (in a
    module-level dict, so calls on the worker's private copy count too)."""

    def __init__(self, seed=0, delay: threading.Event | None = None):
        self.w = np.random.default_rng(seed).normal(size=(28, 10)).astype(np.float32)
        self.name = f"model-{len(CALLS)}"
        CALLS[self.name] = []
        self.delay = delay

    @property
    def calls(self) -> int:
        return len(CALLS[self.name])

    def predict(self, x):
        if self.delay is not None:
            self.delay.wait(10)
        CALLS[self.name].append((id(self), len(x)))
        logits = np.asarray(x, dtype=np.float32).mean(axis=2) @ self.w    # (n, 10)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def get_weights(self):
        return [self.w.copy()]


class BrokenModel:
    def predict(self, x):
        raise RuntimeError("weights are on holiday")


class FiveClassModel:
    def predict(self, x):
        return np.full((len(x), 5), 0.2, dtype=np.float32)


@pytest.fixture
def service(qtbot):
    s = PredictionService()
    yield s
    s.shutdown()
    assert not s._thread.isRunning()


@pytest.fixture
def images():
    return np.random.default_rng(1).integers(0, 256, size=(CHUNK + 123, 28, 28), dtype=np.uint8)


def test_each_split_is_predicted_once_per_model(service, images, qtbot):
    model = CountingModel()
    with qtbot.waitSignal(service.ready, timeout=20_000) as ready:
        assert service.request(model, "train", images) is None
    got_model, split, probs = ready.args
    assert got_model is model and split == "train"
    assert probs.dtype == np.float32 and probs.shape == (len(images), 10)
    assert np.allclose(probs.sum(axis=1), 1, atol=1e-5)
    calls = model.calls
    assert calls == 2   # two chunks
    assert id(model) not in {ident for ident, _ in CALLS[model.name]}   # the worker ran a private copy (see private_copy)
    again = service.request(model, "train", images)
    assert again is probs and model.calls == calls
    assert service.request(CountingModel(), "train", images) is None   # another model: computed anew


def test_a_model_trained_in_place_is_predicted_again(service, images, qtbot):
    model = CountingModel()
    with qtbot.waitSignal(service.ready, timeout=20_000):
        service.request(model, "test", images[:100])
    model.w += 1.0
    assert service.cached(model, "test") is None
    with qtbot.waitSignal(service.ready, timeout=20_000) as ready:
        service.request(model, "test", images[:100])
    assert np.allclose(ready.args[2], model.predict(images[:100].astype(np.float32) / 255), atol=1e-5)


def test_progress_is_reported(service, images, qtbot):
    seen = []
    service.progressed.connect(lambda split, done, total: seen.append((split, done, total)))
    with qtbot.waitSignal(service.ready, timeout=20_000):
        service.request(CountingModel(), "train", images)
    # two chunks, done by whichever thread is free first: the count only grows, up to all of them
    assert [(split, total) for split, _, total in seen] == [("train", len(images))] * 2
    assert seen[0][1] in (CHUNK, len(images) - CHUNK) and seen[-1][1] == len(images)


def test_a_superseded_job_never_reaches_the_view(service, images, qtbot):
    gate = threading.Event()
    slow, fast = CountingModel(0, delay=gate), CountingModel(1)
    results = []
    service.ready.connect(lambda model, split, probs: results.append(model))
    service.request(slow, "train", images)
    service.cancel()
    with qtbot.waitSignal(service.ready, timeout=20_000):
        service.request(fast, "train", images)
        gate.set()
    qtbot.wait(50)
    assert results == [fast]


def test_a_failing_model_is_reported_not_raised(service, images, qtbot):
    with qtbot.waitSignal(service.failed, timeout=20_000) as failed:
        service.request(BrokenModel(), "train", images[:10])
    split, message = failed.args
    assert split == "train" and "weights are on holiday" in message


@pytest.mark.parametrize("model, words", [(BrokenModel(), "weights are on holiday"),
                                          (FiveClassModel(), "5 outputs")])
def test_the_tab_tells_why_there_are_no_predictions(qtbot, dataset, model, words):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_split("test")
    tab.set_model(model)
    qtbot.waitUntil(lambda: words in tab.status.text(), timeout=20_000)
    assert not tab.controls.mistakes_check.isEnabled()
    assert "could not be computed" in tab.controls.mistakes_check.toolTip()
    assert tab.grid.grid_model.count() == 10_000   # still browsing labels
    tab.close()
    assert not tab.service._thread.isRunning()


def test_switching_models_quickly_keeps_only_the_last(qtbot, dataset):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_split("test")
    first, second = CountingModel(0), CountingModel(1)
    tab.set_model(first)
    tab.set_model(second)
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)
    expected = second.predict(dataset.x_test[:50].astype(np.float32) / 255)
    assert np.allclose(tab.predictions().probs[:50], expected, atol=1e-5)
    assert tab.model() is second
    tab.close()
    assert not tab.service._thread.isRunning()


def test_a_hidden_tab_waits_until_it_is_shown(qtbot, dataset):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    model = CountingModel()
    tab.set_model(model)
    qtbot.wait(100)
    assert model.calls == 0 and not tab.service.busy()
    with qtbot.waitSignal(tab.service.ready, timeout=30_000):
        tab.show()
    assert tab.predictions("train") is not None and tab.predictions("test") is None
    tab.close()
    assert not tab.service._thread.isRunning()


def split_calls(model) -> int:
    """predict calls on the worker's private copy of more images than a screenful: whole-split work (the
    detail pane's answer for the selected image runs on the model itself, and the rows in view are
    predicted while the disk is read)."""
    return sum(1 for ident, n in CALLS[model.name] if ident != id(model) and n > FIRST_IMAGES)


def _shown_with(qtbot, dataset, model):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_split("test")
    tab.set_model(model)
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)
    return tab


def test_a_relaunch_with_the_same_model_reads_its_predictions_from_disk(qtbot, dataset):
    first = _shown_with(qtbot, dataset, CountingModel(3))
    computed = first.predictions().probs
    # the other split follows by itself in the background, once the shown one is done
    qtbot.waitUntil(lambda: first.predictions("train") is not None, timeout=30_000)
    first.close()
    model = CountingModel(3)   # a new object, as after a relaunch: same weights, same class
    second = _shown_with(qtbot, dataset, model)
    assert split_calls(model) == 0 and not second.service.busy()
    assert np.array_equal(second.predictions().probs, computed)
    assert "Computing" not in second.status.text()
    second.close()
    other = CountingModel(4)   # other weights are never served those answers
    third = _shown_with(qtbot, dataset, other)
    assert split_calls(other) > 0
    third.close()


def test_a_damaged_cache_file_is_recomputed(qtbot, dataset):
    first = _shown_with(qtbot, dataset, CountingModel(5))
    computed = first.predictions().probs
    first.close()
    (path,) = (first.service.disk.folder).glob("*.npz")
    path.write_bytes(path.read_bytes()[:1000])
    model = CountingModel(5)
    second = _shown_with(qtbot, dataset, model)
    assert split_calls(model) > 0
    assert np.allclose(second.predictions().probs, computed, atol=1e-6)
    second.close()
    again = PredictionService(disk=second.service.disk)
    try:
        assert again.request(CountingModel(5), "test", dataset.x_test) is not None   # the file was rewritten
    finally:
        again.shutdown()


class SplitGatedModel(CountingModel):
    """Answers one image at once; a whole batch waits for ``gate`` (the split's predictions "computing")."""

    def predict(self, x):
        if len(x) > 1:
            self.gate.wait(10)
        return super().predict(x)


def test_a_model_chosen_while_hidden_answers_the_shown_image_while_the_split_is_computed(qtbot, dataset):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.set_split("test")
    model = SplitGatedModel(5)
    model.gate = threading.Event()
    tab.set_model(model)  # chosen on another tab: nothing is computed yet
    tab.show()            # the person comes to the Dataset tab: the split is being computed
    try:
        assert tab.predictions() is None and "Computing" in tab.status.text()
        assert "No model" not in tab.detail.chart.message()
        shown = tab.detail.shown_index()
        expected = model.predict(dataset.x_test[shown:shown + 1].astype(np.float32) / 255)[0]
        assert np.allclose(tab.detail.shown_probabilities(), expected, atol=1e-5)
    finally:
        model.gate.set()
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)
    tab.close()


def test_a_model_that_cannot_answer_says_why_in_the_detail_panel(qtbot, dataset):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_split("test")
    tab.set_model(BrokenModel())
    qtbot.waitUntil(lambda: "weights are on holiday" in tab.detail.chart.message(), timeout=20_000)
    assert "No model" not in tab.detail.chart.message()
    tab.close()
