"""Words users see: plurals, "a" or "an", no class names, and each wording slip reported in issue 19."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mnist_gui.core import models as rules
from mnist_gui.core.training_text import summary_line
from mnist_gui.core.words import a_or_an, count, error_text, with_article
from mnist_gui.nn.archive import ModelFileError
from mnist_gui.nn.presets import PRESETS
from mnist_gui.ui.dataset.confusion_view import ConfusionView
from mnist_gui.ui.draw.tab import DrawTab
from mnist_gui.ui.train.controls import TrainingControls

ONE = [(140, 30), (142, 140), (144, 250)]


@pytest.mark.parametrize("n, expected", [(8, "an 8"), (11, "an 11"), (18, "an 18"), (80, "an 80"), (800, "an 800"),
                                         (1, "a 1"), (7, "a 7"), (100, "a 100"), (0, "a 0")])
def test_numbers_get_the_article_they_are_read_with(n, expected):
    assert with_article(n) == expected


def test_words_get_the_article_they_are_read_with():
    assert [a_or_an(w) for w in ("image", "unit", "hour", "model", "one")] == ["an", "a", "an", "a", "a"]


def test_counts_are_singular_for_one_only():
    assert [count(n, "digit") for n in (0, 1, 2, 1200)] == ["0 digits", "1 digit", "2 digits", "1,200 digits"]
    assert count(1, "batch", "batches") == "1 batch" and count(3, "batch", "batches") == "3 batches"


def test_error_text_never_shows_the_class_name():
    assert error_text(ModelFileError("x.npz: the file is empty")) == "x.npz: the file is empty"
    assert error_text(ValueError("ModelFileError: wrapped")) == "wrapped"
    assert error_text(KeyError()) == "KeyError"   # nothing else to say


def test_a_plain_text_file_is_not_said_to_hold_pickles_nor_named_by_class(tmp_path):
    for name, data in (("notes.npz", b"hello, this is text\n"), ("euro.npz", "\u20ac 12 in cp1252".encode("cp1252"))):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValueError) as caught:
            rules.load(rules.file_choice(path))
        message = str(caught.value)
        assert "Error" not in message and "contains pickled" not in message, message
        assert message.startswith(f"{name} is not a model mnist-gui can use: ")
        assert message.endswith("Open a .npz file that mnist-gui saved, or train a network in the Train tab.")
        assert str(path) not in message      # the path is not said twice


def test_a_wrong_hidden_layer_is_named_once(qtbot):
    controls = TrainingControls()
    qtbot.addWidget(controls)
    controls.hidden.setText("0")
    message = controls.problems()["hidden"]
    assert "layers layer" not in message and "Hidden layers layers" not in message
    assert message.startswith("Hidden layers: each hidden layer needs")


def test_one_batch_an_epoch_is_singular():
    cfg = PRESETS["tutorial"]
    one = dataclasses.replace(cfg, train_size=100, batch_size=128, validation_split=0.0)
    line = summary_line(one)
    assert "1 batch of 128" in line and "1 batches" not in line


def test_keeping_an_8_says_an_8_and_one_digit(qtbot, tmp_path):
    from mnist_gui.core.my_digits import MyDigitsStore

    tab = DrawTab(my_digits_store=MyDigitsStore(tmp_path))
    qtbot.addWidget(tab)
    tab._keep_as(8)
    assert tab.status.text() == "Draw a digit first, then press 8 to keep it as an 8."
    tab.pad.draw_stroke(ONE)
    tab._keep_as(8)
    assert tab.status.text() == "Kept as an 8: 1 digit in My digits."
    tab.pad.clear()
    tab.pad.draw_stroke(ONE)
    tab._keep_as(1)
    assert tab.status.text() == "Kept as a 1: 2 digits in My digits."
    assert tab.my_digits.label_buttons[8].toolTip().startswith("Keep the drawing as an 8")


def test_the_confusion_matrix_says_one_image(qtbot):
    view = ConfusionView()
    qtbot.addWidget(view)
    matrix = np.zeros((10, 10), int)
    matrix[3, 3], matrix[3, 5] = 4, 1
    view.set_matrix(matrix, "test")
    assert view.table.item(3, 5).toolTip().startswith("True 3, predicted 5: 1 image (")
    assert view.table.item(3, 3).toolTip().startswith("True 3, predicted 3: 4 images (")


class DiskFullError(OSError):
    pass


def test_a_failed_run_says_what_went_wrong_without_the_class_name(qtbot, small_dataset, monkeypatch):
    from mnist_gui.nn.model import Sequential
    from mnist_gui.nn.presets import TrainConfig
    from mnist_gui.ui.train.worker import TrainingRun

    def fit(self, *args, **kwargs):
        raise DiskFullError("the disk is full")

    monkeypatch.setattr(Sequential, "fit", fit)
    run = TrainingRun(TrainConfig(hidden=(8,), epochs=1, batch_size=50, train_size=200, validation_split=0.0),
                      small_dataset)
    with qtbot.waitSignal(run.worker.failed, timeout=30000) as failed:
        run.start()
    qtbot.waitUntil(lambda: not run.is_running(), timeout=30000)
    assert failed.args == ["Training failed: the disk is full"]
