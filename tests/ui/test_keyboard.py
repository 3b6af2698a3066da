"""The keyboard alone: each tab's main actions by keys, and an F1 list made from the shortcuts that exist."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from mnist_gui.core import models as rules
from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.core.paths import resource_path
from mnist_gui.nn import load_model
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.shortcut_list import key_text, shortcut_rows

ONE = [(140, 30), (142, 140), (144, 250)]


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def window(qtbot, small_dataset, settings, model):
    w = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def press(qtbot, window, sequence: str) -> None:
    """Type a shortcut as a user would, to whatever has the keyboard."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def test_the_f1_list_holds_every_shortcut_of_the_window(qtbot, window):
    listed = " | ".join(keys for keys, _ in shortcut_rows(window))
    registered = [a for a in window.findChildren(QAction) if not a.shortcuts() == []]
    registered += [s for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    assert len(registered) >= 15
    for item in registered:
        keys = key_text(item.shortcuts() if isinstance(item, QAction) else [item.key()])
        assert keys and keys in listed, f"{keys} ({item.text() if isinstance(item, QAction) else 'shortcut'})"
    rows = dict((text, keys) for keys, text in shortcut_rows(window))
    draw = {text: keys for text, keys in rows.items() if "Draw tab)" in text}
    assert any(t.startswith("Undo") for t in draw) and any(t.startswith("Redo") for t in draw)
    assert any(t.startswith("Paste") for t in draw)
    assert any(keys == "0 to 9" and "My digits" in t for t, keys in draw.items())


def test_a_new_shortcut_is_listed_without_editing_the_list(qtbot, window):
    action = QAction("Invert the drawing", window.draw_tab)
    action.setShortcut(QKeySequence("Ctrl+I"))
    window.draw_tab.addAction(action)
    assert ("Ctrl+I", "Invert the drawing (Draw tab)") in shortcut_rows(window)


def test_f1_opens_the_list(qtbot, window):
    press(qtbot, window, "F1")
    dialog = qtbot.waitUntil(lambda: window.findChild(QDialog) is not None) or window.findChild(QDialog)
    text = dialog.findChild(QLabel).text()
    assert "Ctrl+Shift+Z" in text and "Keep the drawing in My digits" in text and "Ctrl+." in text
    dialog.close()


def test_ctrl_digits_show_the_tabs_with_the_keyboard_on_them(qtbot, window):
    press(qtbot, window, "Ctrl+3")
    assert window.tabs.currentWidget() is window.draw_tab and QApplication.focusWidget() is window.draw_tab.pad
    press(qtbot, window, "Ctrl+2")
    assert QApplication.focusWidget() is window.dataset_tab.grid
    press(qtbot, window, "Ctrl+4")
    assert QApplication.focusWidget() is window.inside_tab.network
    press(qtbot, window, "Ctrl+1")
    assert window.tabs.currentWidget() is window.training_tab


def test_train_start_and_stop_by_keys(qtbot, window):
    c = window.training_tab.controls
    c.hidden.setText("16")
    c.epochs.setValue(20)
    c.train_size.setValue(2000)
    c.validation_split.setValue(0.0)
    press(qtbot, window, "Ctrl+1")
    press(qtbot, window, "Ctrl+Return")
    qtbot.waitUntil(window.training_tab.is_running, timeout=20000)
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=60000) as done:
        press(qtbot, window, "Ctrl+.")
    assert rules.status_of(done.args[0]) == "stopped"
    assert not window.training_tab.is_running()


def test_dataset_grid_by_keys(qtbot, window, small_dataset):
    press(qtbot, window, "Ctrl+2")
    grid = window.dataset_tab.grid
    grid.select_position(0)
    first = grid.current_dataset_index()
    press(qtbot, window, "Right")
    assert grid.current_position() == 1
    press(qtbot, window, "Down")
    assert grid.current_position() == 1 + grid.grid_model.columns
    shown = grid.current_dataset_index()
    assert shown != first and f"#{shown:,}" in window.dataset_tab.detail.title.text()
    press(qtbot, window, "Return")          # Enter sends the image to the Draw tab
    assert window.tabs.currentWidget() is window.draw_tab
    assert window.draw_tab.pad.has_picture() or not window.draw_tab.pad.is_blank()


def test_draw_keep_undo_redo_clear_and_paste_by_keys(qtbot, window, tmp_path):
    window.draw_tab.my_digits.store = MyDigitsStore(tmp_path)
    press(qtbot, window, "Ctrl+3")
    pad = window.draw_tab.pad
    pad.draw_stroke(ONE)
    press(qtbot, window, "Ctrl+Z")
    assert pad.is_blank()
    press(qtbot, window, "Ctrl+Shift+Z")
    assert not pad.is_blank()
    press(qtbot, window, "7")
    assert len(window.draw_tab.my_digits.store) == 1 and int(window.draw_tab.my_digits.store.labels[0]) == 7
    press(qtbot, window, "Esc")
    assert pad.is_blank()
    picture = QImage(60, 60, QImage.Format_Grayscale8)
    picture.fill(255)
    for y in range(10, 50):
        for x in range(28, 33):
            picture.setPixel(x, y, 0)
    # setImage, not setMimeData(QMimeData()): a Python-made QMimeData handed to the clipboard is freed twice
    # at exit by PySide6 (a segfault after the last test)
    QGuiApplication.clipboard().setImage(picture)
    press(qtbot, window, "Ctrl+V")
    assert pad.has_picture()


def test_tab_reaches_the_draw_tools(qtbot, window):
    press(qtbot, window, "Ctrl+3")
    reached = set()
    for _ in range(40):
        press(qtbot, window, "Tab")
        reached.add(QApplication.focusWidget())
    tab = window.draw_tab
    assert {tab.brush_slider, tab.eraser_button, tab.my_digits.label_buttons[0]} <= reached
    tab.brush_slider.setFocus()
    before = tab.brush_slider.value()
    press(qtbot, window, "Right")
    assert tab.brush_slider.value() > before


def test_inside_layers_by_keys(qtbot, window, small_dataset):
    window.draw_tab.show_image(small_dataset.x_test[0])
    window.draw_tab.update_prediction()
    press(qtbot, window, "Ctrl+4")
    inside = window.inside_tab
    qtbot.waitUntil(lambda: bool(inside.network._columns), timeout=10000)
    press(qtbot, window, "Right")
    first = inside.network.selected
    assert first is not None and inside._selected == first
    press(qtbot, window, "Down")
    assert inside.network.selected[0] == first[0] and inside.network.selected[1] != first[1]
    press(qtbot, window, "Right")
    assert inside.network.selected[0] != first[0]
    assert "Selected:" in inside.network.accessibleDescription()
    assert np.isfinite(len(inside.detail.arithmetic.toPlainText()))


def test_the_f1_list_has_a_heading_per_tab_and_one_line_per_key_in_each(qtbot, window):
    """Ctrl+Z was listed four times, "Undo delete (Dataset tab)" right under "Delete the selected runs
    (Train tab)", where it looked like the Train tab's."""
    from mnist_gui.ui.shortcut_list import shortcut_groups

    groups = dict(shortcut_groups(window))
    assert list(groups)[:5] == ["Anywhere in the window", "Train tab", "Dataset tab", "Draw tab", "Inside tab"]
    for heading, rows in groups.items():
        keys = [k for k, _ in rows]
        assert len(keys) == len(set(keys)), f"a key listed twice under {heading}: {keys}"
    assert not any("Ctrl+Z" in k for k, _ in groups["Train tab"])
    dataset_undo = dict(groups["Dataset tab"])["Ctrl+Z"]
    assert dataset_undo == "Undo the last delete (My digits split)", "'Undo delete' says no more than this"
    draw_undo = dict(groups["Draw tab"])["Ctrl+Z"]
    assert draw_undo.startswith("Undo the last stroke") and "My digits list" in draw_undo
    press(qtbot, window, "F1")
    dialog = qtbot.waitUntil(lambda: window.findChild(QDialog) is not None) or window.findChild(QDialog)
    text = dialog.findChild(QLabel).text()
    assert text.index("<u>Train tab</u>") < text.index("Delete the selected runs") < text.index("<u>Dataset tab</u>")
    assert text.count("Ctrl+Z") == 2
    dialog.close()
