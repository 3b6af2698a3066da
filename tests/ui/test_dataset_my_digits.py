"""The Dataset tab's third split, My digits: the grid, filters, detail and confusion matrix on the person's
own digits; it follows the store live (a digit kept elsewhere appears); relabel with a digit key, delete with
the Delete key, undo with Ctrl+Z or "Undo delete"; the empty split says how to add digits."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.data.idx import read_idx
from mnist_gui.ui.dataset.tab import DatasetTab


class InkModel:
    """predict: the digit is (number of inked pixels) mod 10; counts the images it is shown."""

    def __init__(self):
        self.seen = 0

    def predict(self, x, batch_size=None):
        x = np.asarray(x).reshape(len(x), -1)
        self.seen += len(x)
        probs = np.full((len(x), 10), 0.02, np.float32)
        probs[np.arange(len(x)), (x > 0).sum(axis=1) % 10] = 0.82
        return probs

    @staticmethod
    def answer(images):
        return (images.reshape(len(images), -1) > 0).sum(axis=1) % 10


@pytest.fixture
def store(tmp_path, dataset):
    """Twelve test images kept as My digits with their true labels."""
    s = MyDigitsStore(tmp_path / "mine")
    s.add_many(dataset.x_test[:12], dataset.y_test[:12])
    return s


@pytest.fixture
def tab(qtbot, dataset, store):
    t = DatasetTab(dataset, my_digits=store)
    qtbot.addWidget(t)
    t.resize(1200, 800)
    t.show()
    qtbot.waitExposed(t)
    t.set_split("mine")
    yield t
    t.close()


def test_the_split_shows_the_digits_with_the_models_answers_and_confusion_matrix(tab, store, dataset):
    model = InkModel()
    tab.set_model(model)
    assert "My digits (12 digits)" in tab.controls.split_combo.currentText()
    assert tab.grid.grid_model.count() == 12 and tab.editor.isVisible()
    predictions = tab.predictions()
    assert predictions is not None, "answered at once, without the background service"
    answer = InkModel.answer(dataset.x_test[:12])
    assert predictions.predicted.tolist() == answer.tolist()
    matrix = tab.confusion.matrix()
    assert matrix.sum() == 12 and np.trace(matrix) == int((answer == dataset.y_test[:12]).sum())
    right = int((answer == dataset.y_test[:12]).sum())
    assert f"{right} of your 12 digits right" in tab.status.text()
    tab.controls.mistakes_check.setChecked(True)
    assert tab.shown_indices().tolist() == np.flatnonzero(answer != dataset.y_test[:12]).tolist()
    tab.controls.clear_filters()
    tab.controls.label_combo.setCurrentIndex(tab.controls.label_combo.findData(int(dataset.y_test[0])))
    assert tab.shown_indices().tolist() == np.flatnonzero(dataset.y_test[:12] == dataset.y_test[0]).tolist()
    assert "My digits" in tab.detail.title.text()
    assert not tab.service.busy(), "the 70,000-image service was not used"


def test_it_follows_the_store_live_and_runs_only_new_pictures(tab, store, dataset):
    model = InkModel()
    tab.set_model(model)
    seen = model.seen
    assert seen == 12
    store.add(dataset.x_test[20], int(dataset.y_test[20]))  # kept on the Draw tab, which shares the store
    assert tab.grid.grid_model.count() == 13 and "13 digits" in tab.controls.split_combo.currentText()
    assert tab.predictions().predicted[12] == InkModel.answer(dataset.x_test[20:21])[0]
    assert model.seen - seen == 1, "one new picture, not thirteen"
    other = MyDigitsStore(store.folder)  # another window keeps one
    other.add(dataset.x_test[21], int(dataset.y_test[21]))
    tab.hide()
    tab.show()
    assert tab.grid.grid_model.count() == 14, "shown again, the split re-reads the folder"


def test_digit_key_relabels_delete_key_deletes_and_ctrl_z_undoes(tab, store, qtbot, dataset):
    tab.set_model(InkModel())
    tab.grid.setFocus()
    tab.grid.select_dataset_index(3)
    new_label = (int(dataset.y_test[3]) + 1) % 10
    qtbot.keyClick(tab.grid, Qt.Key_0 + new_label)
    assert store.labels[3] == new_label and read_idx(store.folder / "labels-idx1-ubyte")[3] == new_label
    assert tab.detail.shown_label() == new_label and tab.editor.label_combo.currentData() == new_label
    qtbot.keyClick(tab.grid, Qt.Key_Delete)
    assert len(store) == 11 and tab.grid.grid_model.count() == 11
    assert tab.grid.current_dataset_index() == 3, "the next digit is selected"
    assert np.array_equal(tab.detail.pixels.image(), dataset.x_test[4])
    assert tab.editor.undo_bar.isVisible() and "Deleted" in tab.editor.undo_bar.label.text()
    qtbot.keyClick(tab.grid, Qt.Key_Z, Qt.ControlModifier)
    assert len(store) == 12 and store.labels[3] == new_label
    assert np.array_equal(store.images[3], dataset.x_test[3]) and tab.grid.current_dataset_index() == 3
    assert not tab.editor.undo_bar.isVisible()


def test_the_label_choice_and_the_delete_button_edit_the_selected_digit(tab, store, qtbot):
    tab.grid.select_dataset_index(0)
    combo = tab.editor.label_combo
    target = (int(store.labels[0]) + 5) % 10
    combo.setCurrentIndex(target)
    combo.activated.emit(target)
    assert store.labels[0] == target
    qtbot.mouseClick(tab.editor.delete_button, Qt.LeftButton)
    assert len(store) == 11
    qtbot.mouseClick(tab.editor.undo_bar.undo_button, Qt.LeftButton)
    assert len(store) == 12 and store.labels[0] == target


def test_sending_a_kept_digit_to_draw_sends_its_pixels(tab, store, qtbot):
    tab.grid.select_dataset_index(5)
    with qtbot.waitSignal(tab.image_sent) as sent:
        qtbot.keyClick(tab.grid, Qt.Key_Return)
    assert np.array_equal(sent.args[0], store.images[5])


def test_an_empty_split_says_how_to_add_digits(qtbot, dataset, tmp_path):
    t = DatasetTab(dataset, my_digits=MyDigitsStore(tmp_path / "empty"))
    qtbot.addWidget(t)
    t.show()
    t.set_split("mine")
    t.set_model(InkModel())
    assert t.grid.grid_model.count() == 0 and "Draw tab" in t.grid.empty_text
    assert "empty" in t.status.text() and not t.editor.delete_button.isEnabled()
    assert t.detail.chart.accessibleDescription() == "No image selected"   # not "No model yet": one is loaded
    assert t.confusion.matrix().sum() == 0
    t.controls.jump_button.click()  # "Go" on an empty split says so
    assert "no digits" in t.status.text()
    t.views.setCurrentIndex(1)  # the statistics of no digits do not fail
    t.views.setCurrentIndex(2)
    t.close()


def test_thousands_of_new_digits_are_answered_in_the_background_then_shown(qtbot, dataset, tmp_path, monkeypatch):
    from mnist_gui.ui.widgets import my_digits_answers

    monkeypatch.setattr(my_digits_answers, "SYNC_LIMIT", 5)
    store = MyDigitsStore(tmp_path / "many")
    store.add_many(dataset.x_test[:40], dataset.y_test[:40])
    t = DatasetTab(dataset, my_digits=store)
    qtbot.addWidget(t)
    t.show()
    t.set_split("mine")
    model = InkModel()
    t.set_model(model)
    assert t.predictions() is None and "Working out" in t.status.text()
    assert not t.controls.predictions_enabled()
    qtbot.waitUntil(lambda: t.predictions() is not None, timeout=30_000)
    assert t.predictions().predicted.tolist() == InkModel.answer(dataset.x_test[:40]).tolist()
    assert "of your 40 digits right" in t.status.text() and t.controls.predictions_enabled()
    t.close()
    assert not t.my_digits_answers.busy()


def test_a_model_that_fails_on_many_digits_is_said_once_not_retried(qtbot, dataset, tmp_path, monkeypatch):
    from mnist_gui.ui.widgets import my_digits_answers

    monkeypatch.setattr(my_digits_answers, "SYNC_LIMIT", 5)

    class Broken:
        calls = 0

        def predict(self, x, batch_size=None):
            Broken.calls += 1
            raise RuntimeError("no weights")
    store = MyDigitsStore(tmp_path / "many")
    store.add_many(dataset.x_test[:40], dataset.y_test[:40])
    t = DatasetTab(dataset, my_digits=store)
    qtbot.addWidget(t)
    t.show()
    t.set_split("mine")
    t.set_model(Broken())
    qtbot.waitUntil(lambda: "no weights" in t.status.text(), timeout=30_000)
    qtbot.wait(100)
    assert Broken.calls == 1 and not t.my_digits_answers.busy()
    t.close()


def test_the_marks_under_my_digits_are_explained_in_the_draw_lists_words(tab):
    """"6 ✗ 5" under a digit did not say which number was the person's and which the network's."""
    from mnist_gui.ui.accessibility import VERDICT_KEY, verdict_short

    assert tab.editor.key.isVisibleTo(tab) and tab.editor.key.text() == VERDICT_KEY
    assert "your label" in VERDICT_KEY and VERDICT_KEY.index("your label") < VERDICT_KEY.index("network")
    assert verdict_short(6, 5) == "6 ✗ 5" and verdict_short(3, 3) == "3 ✓ 3", "the order the grid paints"
