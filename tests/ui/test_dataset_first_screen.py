"""The Dataset tab's first screen: the thumbnails in view get their marks before the rest of the split,
a model switched while that runs never mixes its answers with the old one's, and a cache folder that
cannot be written only means computing again."""

from __future__ import annotations

import threading

import numpy as np

from mnist_gui.ui.dataset.predictions import FIRST_IMAGES
from mnist_gui.ui.dataset.tab import DatasetTab
from mnist_gui.ui.dataset.thumbnails import NOT_YET


class ShiftModel:
    """Always answers ``(label-free) mean pixel bucket + shift`` with certainty; batches bigger than the
    first screen wait for ``gate`` (the rest of the split "computing")."""

    def __init__(self, shift: int, gate: threading.Event | None = None):
        self.shift, self.gate = shift, gate
        self.w = np.full((1, 1), shift, np.float32)

    def predict(self, x):
        if self.gate is not None and len(x) > FIRST_IMAGES:
            self.gate.wait(20)
        digit = (np.asarray(x, np.float32).reshape(len(x), -1).mean(axis=1) * 10).astype(int) + self.shift
        out = np.full((len(x), 10), 1e-3, np.float32)
        out[np.arange(len(x)), digit % 10] = 1 - 9e-3
        return out

    def get_weights(self):
        return [self.w.copy()]


def _tab(qtbot, dataset):
    tab = DatasetTab(dataset)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    tab.set_split("test")
    qtbot.waitExposed(tab)
    return tab


def _marks(tab, rows):
    predicted = tab.grid.grid_model.predicted
    return None if predicted is None else predicted[rows]


def test_the_thumbnails_in_view_get_their_marks_before_the_rest_of_the_split(qtbot, dataset):
    tab = _tab(qtbot, dataset)
    gate = threading.Event()
    model = ShiftModel(0, gate)
    try:
        tab.set_model(model)
        rows = tab._rows_in_view()
        qtbot.waitUntil(lambda: _marks(tab, rows) is not None and (_marks(tab, rows) != NOT_YET).all(),
                        timeout=20_000)
        assert tab.predictions() is None and "Computing" in tab.status.text()   # the split is not done
        assert (tab.grid.grid_model.predicted == NOT_YET).sum() > len(dataset.x_test) // 2
        expected = model.predict(dataset.x_test[rows] / 255).argmax(axis=1)
        assert np.array_equal(_marks(tab, rows), expected)
        # a thumbnail in view says its predicted digit; one not answered yet says only its label
        shown, later = int(rows[0]), int(np.flatnonzero(tab.grid.grid_model.predicted == NOT_YET)[0])
        assert "predicted" in tab.grid.grid_model.describe(shown)
        assert "predicted" not in tab.grid.grid_model.describe(later)
        assert not tab.controls.mistakes_check.isEnabled()   # filters by prediction wait for the whole split
    finally:
        gate.set()
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)
    assert (tab.grid.grid_model.predicted != NOT_YET).all()
    tab.close()


def test_a_model_switched_while_computing_never_shows_the_old_models_answers(qtbot, dataset):
    tab = _tab(qtbot, dataset)
    gate = threading.Event()
    old, new = ShiftModel(3, gate), ShiftModel(7)
    rows = tab._rows_in_view()
    try:
        tab.set_model(old)
        qtbot.waitUntil(lambda: _marks(tab, rows) is not None and (_marks(tab, rows) != NOT_YET).all(),
                        timeout=20_000)
        seen = []
        tab.service.partial.connect(lambda model, split, r, probs: seen.append(model))
        tab.set_model(new)
        marks = _marks(tab, rows)
        assert marks is None or (marks == NOT_YET).all()    # the old model's marks are gone at once
    finally:
        gate.set()   # the old job's chunk ends now: its answers must be dropped
    qtbot.waitUntil(lambda: tab.predictions("test") is not None, timeout=30_000)
    qtbot.wait(100)
    assert seen and all(model is new for model in seen)
    assert np.array_equal(tab.predictions().predicted, new.predict(dataset.x_test / 255).argmax(axis=1))
    assert tab.model() is new
    tab.close()


def test_after_the_shown_split_the_other_one_is_predicted_in_the_background(qtbot, dataset):
    tab = _tab(qtbot, dataset)
    tab.set_model(ShiftModel(1))
    qtbot.waitUntil(lambda: tab.predictions("train") is not None, timeout=30_000)
    assert tab.predictions("test") is not None
    tab.set_split("train")   # instant: nothing left to compute
    assert not tab.service.busy() and "Computing" not in tab.status.text()
    assert "right" in tab.status.text()
    tab.close()


def test_a_cache_folder_that_cannot_be_written_still_shows_predictions(qtbot, dataset, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("where the cache folder should be")
    monkeypatch.setenv("MNIST_GUI_CACHE_DIR", str(blocker))   # nothing can be created below a file
    tab = _tab(qtbot, dataset)
    tab.set_model(ShiftModel(2))
    qtbot.waitUntil(lambda: tab.predictions() is not None, timeout=30_000)
    text = tab.status.text()
    assert text.startswith("The model gets") and "cache" not in text.lower() and "error" not in text.lower()
    tab.close()
    again = _tab(qtbot, dataset)   # a relaunch computes again, as quietly
    again.set_model(ShiftModel(2))
    qtbot.waitUntil(lambda: again.predictions() is not None, timeout=30_000)
    assert again.status.text() == text
    again.close()


def test_the_answers_do_not_depend_on_how_many_threads_computed_them(qtbot, dataset, monkeypatch):
    from mnist_gui.nn import Dense, Flatten, Rescaling, Sequential
    from mnist_gui.ui.dataset import predictions
    from mnist_gui.ui.dataset.predictions import PredictionService

    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(64, activation="relu"),
                        Dense(10, activation="softmax")], seed=0)
    images = dataset.x_test[:5000]   # three chunks
    answers = []
    for threads in (1, 2):
        monkeypatch.setattr(predictions, "split_threads", lambda threads=threads: threads)
        service = PredictionService()
        try:
            with qtbot.waitSignal(service.ready, timeout=30_000) as ready:
                service.request(model, "test", images)
            answers.append(ready.args[2])
        finally:
            service.shutdown()
    assert answers[0].shape == (5000, 10) and np.array_equal(answers[0], answers[1])
