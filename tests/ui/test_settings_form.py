"""The Train tab's settings: what the user types is kept and refused with a reason, never changed behind
their back; Start stays disabled; refused settings are not saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from mnist_gui.core.training_text import LABELS
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.train.tab import TrainingTab

NUMBER_FIELDS = ["learning_rate", "dropout", "l2", "batch_size", "epochs", "train_size", "validation_split", "seed"]
# what each field must refuse, and a word of the valid range its reason must give
REFUSED = {"learning_rate": (["1e6", "0", "-1", "fast"], "at most 10"),
           "dropout": (["1", "1e6", "-0.1", "half"], "below 1"),
           "l2": (["2", "1e6", "x"], "at most 1"),
           "batch_size": (["0", "1e6", "12.5", "lots"], "from 1"),
           "epochs": (["0", "5000", "1e6", "five"], "from 1 to 1000"),
           "train_size": (["0", "99", "1e6", "all"], "from 100"),
           "validation_split": (["0.6", "1e6", "some"], "at most 0.5"),
           "seed": (["-1", "1e20", "abc"], "from 0")}


def make_tab(qtbot, dataset) -> TrainingTab:
    tab = TrainingTab(dataset)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def entry(tab, name):
    widget = tab.controls.fields[name]
    return widget.spin if name == "learning_rate" else widget


def type_into(qtbot, box, text: str) -> None:
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


@pytest.mark.parametrize("name", NUMBER_FIELDS)
def test_a_refused_value_stays_as_typed_turns_red_says_why_and_disables_start(qtbot, small_dataset, name):
    tab = make_tab(qtbot, small_dataset)
    texts, range_words = REFUSED[name]
    for text in texts:
        box = entry(tab, name)
        type_into(qtbot, box, text)
        box.clearFocus()                                  # leaving the field does not "fix" it either
        assert box.text_value() == text, "the value was changed behind the user's back"
        assert box.property("invalid") is True
        reason = tab.controls.reason.text()
        assert tab.controls.reason.isVisibleTo(tab) and LABELS[name] in reason and range_words in reason, reason
        assert range_words in box.toolTip() or range_words in tab.controls.fields[name].toolTip()
        assert not tab.start_button.isEnabled() and tab.start() is False
        assert LABELS[name].lower() in tab.start_button.toolTip().lower()
    tab.controls.apply_preset("tutorial")
    assert tab.start_button.isEnabled() and not entry(tab, name).property("invalid")
    assert not tab.controls.reason.isVisibleTo(tab)


def test_two_wrong_fields_are_both_named(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    type_into(qtbot, entry(tab, "epochs"), "0")
    type_into(qtbot, entry(tab, "learning_rate"), "1e6")
    lines = tab.controls.reason.text().splitlines()
    assert len(lines) == 2 and "Learning rate" in lines[0] and "Epochs" in lines[1]
    assert entry(tab, "epochs").property("invalid") and entry(tab, "learning_rate").property("invalid")


def test_the_batch_size_is_refused_above_the_training_images(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    type_into(qtbot, entry(tab, "train_size"), "1000")
    type_into(qtbot, entry(tab, "batch_size"), "5000")
    assert entry(tab, "batch_size").property("invalid") and not tab.start_button.isEnabled()
    assert "Batch size" in tab.controls.reason.text() and "1000" in tab.controls.reason.text()


def test_arrows_and_page_keys_still_step_the_numbers(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    epochs = entry(tab, "epochs")
    epochs.setFocus()
    qtbot.waitUntil(epochs.hasFocus, timeout=2000)
    start = tab.controls.config().epochs
    qtbot.keyClick(epochs, Qt.Key_Up)
    assert tab.controls.config().epochs == start + 1
    qtbot.keyClick(epochs, Qt.Key_PageUp)
    assert tab.controls.config().epochs == start + 11
    type_into(qtbot, epochs, "5000")
    qtbot.keyClick(epochs, Qt.Key_Down)                 # out of range: the arrow comes back to the end
    assert epochs.text_value() == "1,000" and tab.start_button.isEnabled()
    rate = entry(tab, "learning_rate")
    rate.setFocus()
    qtbot.waitUntil(rate.hasFocus, timeout=2000)
    qtbot.keyClick(rate, Qt.Key_Up)
    assert tab.controls.config().learning_rate == pytest.approx(0.002)        # 0.001 -> 0.002 (1-2-5)


def test_large_seeds_and_thousands_separators_are_read_exactly(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    type_into(qtbot, entry(tab, "seed"), "4294967295")
    type_into(qtbot, entry(tab, "train_size"), "1,500")
    cfg = tab.controls.config()
    assert tab.controls.is_valid() and cfg.seed == 2**32 - 1 and cfg.train_size == 1500


def test_refused_settings_are_not_saved(qtbot, small_dataset, tmp_path):
    path = str(tmp_path / "form.ini")

    def window():
        w = MainWindow(small_dataset, settings=QSettings(path, QSettings.IniFormat))
        qtbot.addWidget(w)
        return w

    first = window()
    first.training_tab.controls.epochs.setValue(7)
    first.close()
    second = window()
    type_into(qtbot, second.training_tab.controls.epochs, "9")
    type_into(qtbot, second.training_tab.controls.learning_rate.spin, "1e6")
    assert not second.training_tab.controls.is_valid()
    second.close()
    third = window()
    cfg = third.training_tab.controls.config()
    assert third.training_tab.controls.is_valid() and not third.recovered
    assert cfg.epochs == 7 and cfg.learning_rate == pytest.approx(1e-3)    # what was stored before stays


def test_the_message_line_names_every_wrong_field(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    type_into(qtbot, entry(tab, "epochs"), "0")
    type_into(qtbot, entry(tab, "learning_rate"), "1e6")
    error = tab.controls.error
    assert error is not None and "also wrong:" in error
    assert "Epochs" in error and "Learning rate" in error
