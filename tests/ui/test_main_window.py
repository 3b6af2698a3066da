"""The main window: tabs, menus and shortcuts, the current model, save/open, settings, a clean close."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import mnist_gui
from mnist_gui.ui.main_window import MainWindow


def make_window(qtbot, dataset, settings, model=None) -> MainWindow:
    window = MainWindow(dataset, model, settings=settings)
    qtbot.addWidget(window)
    c = window.training_tab.controls
    c.hidden.setText("32")
    c.epochs.setValue(1)
    c.batch_size.setValue(50)
    c.train_size.setValue(1000)
    c.validation_split.setValue(0.0)
    return window


def train(qtbot, window):
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=60000) as done:
        window.actions["start_pause"].trigger()
    return done.args[0]


def test_the_window_has_its_tabs_menus_and_shortcuts(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    assert [window.tabs.tabText(i).replace("&", "") for i in range(3)] == ["Train", "Dataset", "Draw"]
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus[0] == "File" and "View" in menus and menus[-1] == "Help"
    keys = {name: [k.toString() for k in a.shortcuts()] for name, a in window.actions.items()}
    assert keys["open"] == ["Ctrl+O"] and keys["save"] == ["Ctrl+S"]
    assert keys["save_as"] == ["Ctrl+Shift+S"] and keys["quit"] == ["Ctrl+Q"]
    assert "Ctrl+Return" in keys["start_pause"] and window.space_shortcut.key().toString() == "Space"
    window.actions["show_earlier"].trigger()           # the View menu and the plots' check box agree
    assert not window.training_tab.plots.show_earlier.isChecked()
    window.training_tab.plots.show_earlier.setChecked(True)
    assert window.actions["show_earlier"].isChecked()
    window.actions["tab2"].trigger()
    assert window.tabs.currentWidget() is window.draw_tab
    assert not window.actions["start_pause"].isEnabled()      # Space belongs to the other tabs there


def test_a_trained_model_becomes_current_and_can_be_saved_and_opened(qtbot, small_dataset, settings,
                                                                     tmp_path, monkeypatch):
    window = make_window(qtbot, small_dataset, settings)
    assert not window.actions["save"].isEnabled()
    with qtbot.waitSignal(window.current_model_changed, timeout=60000) as changed:
        result = train(qtbot, window)
    assert window.model is result.model is changed.args[0]
    assert result.run_id and window.current.choice.key == f"run:{result.run_id}"   # kept, so nothing to lose
    assert not window.isWindowModified() and window.actions["save"].isEnabled()

    path = tmp_path / "mine.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mine"), ""))
    window.actions["save"].trigger()            # a run's model has no file of the user's: asks where, adds .npz
    assert path.exists() and window.model_path == path and not window.isWindowModified()
    assert "mine.npz" in window.selector.combo.currentText()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(window.current_model_changed, timeout=5000):
        window.actions["open"].trigger()
    assert window.model is not result.model
    x = small_dataset.x_test[:20]
    np.testing.assert_allclose(window.model.predict(x), result.model.predict(x), rtol=1e-5, atol=1e-6)
    assert window.recent_models()[0] == str(path.resolve())
    assert "mine.npz" in window.windowTitle()


def test_a_bad_model_file_gets_a_message_and_changes_nothing(qtbot, small_dataset, settings, tmp_path):
    window = make_window(qtbot, small_dataset, settings)
    bad = tmp_path / "not-a-model.npz"
    bad.write_bytes(b"this is not a zip file")
    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert window.open_model(bad) is False
    assert "not-a-model.npz" in shown.args[0]
    assert window.model is None
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes                                 # shown without blocking the test
    for box in boxes:
        box.close()
    gone = tmp_path / "moved-away.npz"
    window._remember_recent(gone)
    assert window.open_model(gone) is False and "There is no file" in window.last_error
    assert str(gone.resolve()) not in window.recent_models()      # a missing file leaves the list


def test_settings_persist_across_a_new_window(qtbot, small_dataset, tmp_path):
    path = str(tmp_path / "persist.ini")
    first = make_window(qtbot, small_dataset, QSettings(path, QSettings.IniFormat))
    first.training_tab.controls.hidden.setText("64, 32")
    first.training_tab.controls.epochs.setValue(7)
    first.training_tab.plots.set_smoothing(0.75)
    first.resize(700, 500)
    first.tabs.setCurrentIndex(2)
    first._remember_recent(tmp_path / "a.npz")
    first.close()

    second = MainWindow(small_dataset, settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(second)
    cfg = second.training_tab.controls.config()
    assert cfg.hidden == (64, 32) and cfg.epochs == 7
    assert second.training_tab.plots.smoothing_weight() == pytest.approx(0.75)
    assert (second.width(), second.height()) == (700, 500)
    assert second.tabs.currentIndex() == 2
    assert second.recent_models() == [str((tmp_path / "a.npz").resolve())]


def test_closing_during_training_stops_the_run_and_its_thread(qtbot, small_dataset, settings,
                                                              no_running_qthreads):
    window = make_window(qtbot, small_dataset, settings)
    window.training_tab.controls.epochs.setValue(200)
    window.training_tab.controls.batch_size.setValue(10)
    window.actions["start_pause"].trigger()
    qtbot.waitUntil(lambda: window.training_tab.plots.run.n > 0, timeout=30000)
    t0 = time.perf_counter()
    window.close()
    assert time.perf_counter() - t0 < 5
    assert not window.training_tab.is_running()
    assert no_running_qthreads and not any(t.isRunning() for t in no_running_qthreads)


def test_space_starts_training_but_not_while_typing(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field = window.training_tab.controls.hidden
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=2000)
    qtbot.keyClick(field, Qt.Key_Space)
    assert not window.training_tab.is_running()
    assert field.text() == "32 "
    field.setText("32")
    window.training_tab.plots.graphics.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.training_tab.plots.graphics, timeout=2000)
    with qtbot.waitSignal(window.training_tab.running_changed, timeout=2000):
        qtbot.keyClick(window.training_tab.plots.graphics, Qt.Key_Space)
    assert window.training_tab.is_running()
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=60000):
        window.actions["stop"].trigger()


def test_help_shows_version_licence_and_mnist_attribution(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    window.actions["about"].trigger()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert mnist_gui.__version__ in box.text() and "MIT" in box.text()
    assert "CC BY-SA 3.0" in box.text() and "LeCun" in box.text()
    box.close()
    window.actions["shortcuts"].trigger()
    assert any("Ctrl+Shift+S" in w.text() for w in window.findChildren(type(window.model_label)) if w.isVisible())


def test_app_survives_a_missing_or_bad_default_model(tmp_path, monkeypatch):
    from mnist_gui.ui import app

    monkeypatch.setattr(app, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert app.load_default_model() is None                     # missing
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "default.npz").write_bytes(b"junk")
    assert app.load_default_model() is None                     # unreadable


def test_showing_the_draw_steps_never_makes_the_window_grow(qtbot, dataset, tmp_path):
    from PySide6.QtCore import QSettings

    window = MainWindow(dataset, settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 680)
    window.show()
    window.tabs.setCurrentWidget(window.draw_tab)
    qtbot.wait(50)
    before = window.size()
    window.draw_tab.pad.draw_stroke([(60, 40), (70, 160), (75, 180)])
    for box in (window.draw_tab.network_view.steps_box, window.draw_tab.network_view.overlay_box):
        box.setChecked(True)
    qtbot.wait(200)
    assert window.size() == before
    assert window.minimumSizeHint().height() <= 680



def test_a_test_image_clicked_on_the_inside_map_is_shown_in_the_dataset_tab(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    window.dataset_tab.set_split("train")
    window.inside_tab.test_image_picked.emit(17)
    assert window.dataset_tab.split() == "test"
    assert window.dataset_tab.grid.current_dataset_index() == 17
