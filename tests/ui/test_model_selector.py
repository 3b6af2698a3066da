"""The one model selector: the user chooses the model every tab uses; a run never imposes a bad one."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mnist_gui.core.paths import resource_path
from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.runs import RunStore
from mnist_gui.nn import load_model
from mnist_gui.nn.presets import TrainConfig, build_model
from mnist_gui.ui.main_window import MainWindow


def tiny_model(accuracy=None, seed=0):
    model = build_model(TrainConfig(hidden=(8,), seed=seed))
    if accuracy is not None:
        model.metadata["test_accuracy"] = accuracy
    return model


def keep_run(store, name, status, model=None, accuracy=None):
    recorder, problem = start_run({"hidden": [8]}, name=name, store=store)
    assert problem is None
    keep_run.count = getattr(keep_run, "count", 0) + 1
    recorder.run.info["started"] = f"2026-01-01T00:00:{keep_run.count:02d}"
    recorder.finish(status, test_accuracy=accuracy, model=model)
    return recorder.run


def make_window(qtbot, dataset, settings, model="default", store=None) -> MainWindow:
    default = tiny_model(0.99, seed=1) if model == "default" else model
    window = MainWindow(dataset, default, settings=settings, runs=store)
    qtbot.addWidget(window)
    c = window.training_tab.controls
    c.hidden.setText("16")
    c.epochs.setValue(1)
    c.batch_size.setValue(50)
    c.train_size.setValue(500)
    c.validation_split.setValue(0.0)
    return window


def entries(window) -> list[str]:
    combo = window.selector.combo
    return [combo.itemText(i) for i in range(combo.count())]


def every_tab_uses(window, model) -> bool:
    # what the Dataset and Draw tabs predict with (their own state: no public getter)
    return window.model is model and window.dataset_tab._model is model and window.draw_tab._model is model


def choose(qtbot, window, key):
    """Choose ``key`` as the user would and wait until every tab has it (a file is read in a worker)."""
    with qtbot.waitSignal(window.current_model_changed, timeout=10000):
        assert window.choose_model(key)


def train(qtbot, window):
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=60000) as done:
        window.training_tab.start()
    return done.args[0]


def close_boxes():
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()


def test_the_selector_lists_default_kept_runs_and_opened_files_and_switches_every_tab(qtbot, small_dataset,
                                                                                     settings, tmp_path):
    store = RunStore()        # the isolated user data folder of this test
    keep_run(store, "wide net", "finished", tiny_model(seed=2), 0.9731)
    keep_run(store, "blew up", "diverged", tiny_model(seed=3), 0.1)
    keep_run(store, "flat", "not learning", tiny_model(seed=4), 0.11)
    path = tmp_path / "mine.npz"
    tiny_model(0.9816, seed=5).save(path)
    window = make_window(qtbot, small_dataset, settings)
    assert window.selector.combo.accessibleName() and window.selector.isVisibleTo(window)
    assert window.open_model(path)
    texts = entries(window)
    assert texts == ["Default model · 99.00%", "wide net · 97.31%", "mine.npz · 98.16%"]
    assert not any("blew up" in t or "flat" in t for t in texts)     # never offered
    assert every_tab_uses(window, window.model) and "mine.npz" in window.windowTitle()

    with qtbot.waitSignal(window.current_model_changed, timeout=10000) as changed:
        window.selector.combo.activated.emit(1)                       # the user picks "wide net"
    assert every_tab_uses(window, changed.args[0]) and "wide net" in window.selector.combo.currentText()
    assert "wide net" in window.selector.combo.toolTip() and "every tab" in window.selector.combo.toolTip().lower()
    x = small_dataset.x_test[:5]
    np.testing.assert_allclose(window.model.predict(x), load_model(store.runs()[2].model_path).predict(x), rtol=1e-6)

    window.actions["use_default"].trigger()                          # File > Use default model
    assert window.current.choice.key == "default" and not window.actions["use_default"].isEnabled()
    assert every_tab_uses(window, window.model)


def test_a_finished_run_becomes_current_and_undo_goes_back(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    default = window.model
    result = train(qtbot, window)
    assert result.status == "finished" and every_tab_uses(window, result.model)
    assert window.selector.undo.isVisibleTo(window) and "Default model" in window.selector.undo.toolTip()
    assert "every tab now uses" in window.statusBar().currentMessage().lower()
    assert any(result.run_id and "·" in t for t in entries(window)[1:])     # the kept run, with its accuracy
    window.selector.undo.click()
    assert every_tab_uses(window, default) and window.current.choice.key == "default"
    assert not window.selector.undo.isVisibleTo(window)
    choose(qtbot, window, f"run:{result.run_id}")                    # and back again, from the list
    assert every_tab_uses(window, result.model)


def test_a_diverged_run_never_becomes_current_and_is_not_offered(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    default = window.model
    c = window.training_tab.controls
    c.hidden.setText("64, 64")
    c.activation.setCurrentText("linear")
    c.optimizer.setCurrentText("sgd")
    c.learning_rate.setValue(10.0)
    c.epochs.setValue(3)
    result = train(qtbot, window)
    assert result.status in ("diverged", "not learning")
    assert every_tab_uses(window, default)
    assert "unchanged" in window.statusBar().currentMessage()
    assert len(entries(window)) == 1 and not window.selector.undo.isVisibleTo(window)


def test_a_stopped_run_is_listed_but_not_imposed(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    default = window.model
    window.training_tab.controls.epochs.setValue(200)
    window.training_tab.controls.batch_size.setValue(10)
    window.training_tab.start()
    qtbot.waitUntil(lambda: window.training_tab.plots.run.n > 0, timeout=30000)
    with qtbot.waitSignal(window.training_tab.run_finished, timeout=30000) as done:
        window.training_tab.stop()
    result = done.args[0]
    assert result.status == "stopped" and every_tab_uses(window, default)
    stopped = window.current.list.get(f"run:{result.run_id}")
    assert stopped is not None and "(stopped)" in entries(window)[1]
    choose(qtbot, window, stopped.key)
    assert every_tab_uses(window, result.model)


def test_a_run_whose_model_file_was_deleted_shows_as_unavailable(qtbot, small_dataset, settings):
    store = RunStore()
    run = keep_run(store, "deleted by hand", "finished", tiny_model(seed=2), 0.95)
    (run.folder / "model.npz").unlink()
    window = make_window(qtbot, small_dataset, settings)
    default = window.model
    (text,) = entries(window)[1:]
    assert "deleted by hand" in text and "missing" in text
    index = window.selector.combo.findText(text)
    assert not window.selector.combo.model().item(index).isEnabled()
    assert window.choose_model(f"run:{run.id}") is False             # no crash, a message, nothing changes
    assert every_tab_uses(window, default) and "missing" in window.last_error
    close_boxes()


def test_a_file_with_nan_outputs_is_refused(qtbot, small_dataset, settings, tmp_path):
    window = make_window(qtbot, small_dataset, settings)
    default = window.model
    bad = tiny_model()
    bad.set_weights([np.full_like(w, np.nan) for w in bad.get_weights()])
    bad.save(tmp_path / "nan.npz")
    assert window.open_model(tmp_path / "nan.npz") is False
    assert "NaN" in window.last_error and every_tab_uses(window, default)
    close_boxes()


def unkept_window(qtbot, small_dataset, settings, tmp_path):
    """A window whose run store cannot be written (its folder is a file): a trained network is only in memory."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    window = make_window(qtbot, small_dataset, settings, store=RunStore(blocked))
    result = train(qtbot, window)
    assert result.run_id is None and every_tab_uses(window, result.model)
    assert window.isWindowModified() and "not saved" in window.selector.combo.currentText()
    return window, result


def test_opening_a_file_keeps_a_trained_model_that_was_not_kept(qtbot, small_dataset, settings, tmp_path):
    window, result = unkept_window(qtbot, small_dataset, settings, tmp_path)
    path = tmp_path / "other.npz"
    tiny_model(seed=7).save(path)
    assert window.open_model(path)
    assert any("not saved" in t for t in entries(window))            # still there, one click away
    window.selector.undo.click()
    assert every_tab_uses(window, result.model)


def test_closing_with_an_unsaved_trained_model_asks(qtbot, small_dataset, settings, tmp_path, monkeypatch):
    window, result = unkept_window(qtbot, small_dataset, settings, tmp_path)
    window.show()
    window.close()
    box = window.close_question
    assert box is not None and box.isVisible() and window.isVisible()
    assert "not saved" in box.text()
    box.button(QMessageBox.Cancel).click()                           # Cancel: the window stays
    assert window.isVisible()

    window.close()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kept"), ""))
    window.close_question.button(QMessageBox.Save).click()           # Save: writes the file, then closes
    assert (tmp_path / "kept.npz").exists() and not window.isVisible()


def test_closing_after_discard_closes(qtbot, small_dataset, settings, tmp_path):
    window, _ = unkept_window(qtbot, small_dataset, settings, tmp_path)
    window.show()
    window.close()
    window.close_question.button(QMessageBox.Discard).click()
    assert not window.isVisible()


def test_closing_with_every_model_kept_asks_nothing(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings)
    train(qtbot, window)
    window.show()
    window.close()
    assert window.close_question is None and not window.isVisible()


def test_switching_to_the_default_cnn_does_not_freeze_the_window(qtbot, small_dataset, settings, tmp_path):
    path = resource_path("models", "default.npz")
    if not path.exists():
        pytest.skip("no bundled default model")
    window = make_window(qtbot, small_dataset, settings)
    assert window.open_model(path)
    choose(qtbot, window, "default")
    calls = []
    for _ in range(3):
        window.current._loaded.clear()                               # read the file again each time
        with qtbot.waitSignal(window.current_model_changed, timeout=10000):
            t0 = time.perf_counter()
            assert window.choose_model(f"file:{path.resolve()}")
            calls.append(time.perf_counter() - t0)
            assert window.current.loading                            # read in the worker, not here
        assert every_tab_uses(window, window.model) and "default.npz" in window.selector.combo.currentText()
        choose(qtbot, window, "default")
    assert max(calls) < 0.05, calls                                  # the GUI thread only starts the load


def test_only_the_last_choice_counts(qtbot, small_dataset, settings, tmp_path):
    for name in ("a", "b"):
        tiny_model(seed=ord(name)).save(tmp_path / f"{name}.npz")
    window = make_window(qtbot, small_dataset, settings)
    assert window.open_model(tmp_path / "a.npz") and window.open_model(tmp_path / "b.npz")
    choose(qtbot, window, "default")
    window.current._loaded.clear()
    window.choose_model(f"file:{(tmp_path / 'a.npz').resolve()}")
    choose(qtbot, window, f"file:{(tmp_path / 'b.npz').resolve()}")
    qtbot.wait(300)                                                  # a's load, if it comes late, is ignored
    assert "b.npz" in window.selector.combo.currentText() and "b.npz" in window.windowTitle()


def test_a_run_deleted_while_in_use_stays_shown_as_what_every_tab_uses(qtbot, small_dataset, settings):
    store = RunStore()
    run = keep_run(store, "soon deleted " + "x" * 300, "finished", tiny_model(seed=2), 0.95)
    window = make_window(qtbot, small_dataset, settings)
    choose(qtbot, window, f"run:{run.id}")
    model = window.model
    store.delete(run.id)                          # e.g. from the runs table
    window.current.refresh()                      # what opening the list does
    assert "soon deleted" in window.selector.combo.currentText() and every_tab_uses(window, model)
    assert window.minimumSizeHint().width() <= 1280     # a long name is elided, the window does not widen


def test_a_run_renamed_in_the_table_is_renamed_in_the_model_list_at_once(qtbot, small_dataset, settings):
    from PySide6.QtCore import Qt

    from mnist_gui.core.run_table import COLUMN_KEYS

    window = make_window(qtbot, small_dataset, settings)
    result = train(qtbot, window)
    assert window.current.choice.key == f"run:{result.run_id}"
    table = window.training_tab.runs.model
    index = table.index(table.row_of(result.run_id), COLUMN_KEYS.index("name"))
    assert table.setData(index, "my best net", Qt.EditRole)
    assert any("my best net" in text for text in entries(window))
    assert "my best net" in window.selector.combo.currentText()     # the model in use, under its new name


def test_quitting_while_training_asks_and_keep_training_keeps_it_going(qtbot, small_dataset, settings):
    store = RunStore()
    window = make_window(qtbot, small_dataset, settings, store=store)
    window.training_tab.controls.epochs.setValue(500)
    window.show()
    window.training_tab.start()
    qtbot.waitUntil(window.training_tab.is_running, timeout=10000)
    window.actions["quit"].trigger()                                   # Ctrl+Q
    box = window.close_question
    assert box is not None and box.isVisible() and "training" in box.text().lower()
    box.button(QMessageBox.Cancel).click()                             # Keep training
    assert window.isVisible() and window.training_tab.is_running()
    window.actions["quit"].trigger()
    window.close_question.button(QMessageBox.Yes).click()              # Stop and quit
    assert not window.isVisible() and not window.training_tab.is_running()
    [run] = store.runs()
    assert run.status == "stopped"                                     # the run is kept, as the box said


def relaunch(qtbot, window, dataset, settings):
    """Quit the window and start the app again on the same settings (the same user, the same default)."""
    default = window.current._pinned["default"]
    window.close()
    again = MainWindow(dataset, default, settings=settings)
    qtbot.addWidget(again)
    return again


def test_the_chosen_kept_run_is_chosen_again_after_a_relaunch(qtbot, small_dataset, settings):
    store = RunStore()
    run = keep_run(store, "my cnn", "finished", tiny_model(seed=2), 0.97)
    window = make_window(qtbot, small_dataset, settings)
    choose(qtbot, window, f"run:{run.id}")
    again = relaunch(qtbot, window, small_dataset, settings)
    qtbot.waitUntil(lambda: again.current.choice.key == f"run:{run.id}", timeout=10000)   # read in the worker
    assert "my cnn" in again.selector.combo.currentText() and every_tab_uses(again, again.model)
    assert again.recovered == [] and again.last_error == ""
    x = small_dataset.x_test[:3]
    np.testing.assert_allclose(again.model.predict(x), load_model(run.model_path).predict(x), rtol=1e-6)
    choose(qtbot, again, "default")                                  # and the default, once chosen, stays
    third = relaunch(qtbot, again, small_dataset, settings)
    assert third.current.choice.key == "default" and third.current.loading is None


def test_an_opened_file_is_chosen_again_unless_it_is_gone_or_broken(qtbot, small_dataset, settings, tmp_path):
    path = tmp_path / "mine.npz"
    tiny_model(0.9816, seed=5).save(path)
    window = make_window(qtbot, small_dataset, settings)
    assert window.open_model(path)
    again = relaunch(qtbot, window, small_dataset, settings)
    qtbot.waitUntil(lambda: again.current.choice.kind == "file", timeout=10000)
    assert again.selector.combo.currentText() == "mine.npz · 98.16%" and every_tab_uses(again, again.model)

    path.unlink()                                                    # gone since: the default, said at once
    gone = relaunch(qtbot, again, small_dataset, settings)
    assert gone.current.choice.key == "default" and gone.current.loading is None
    assert "no longer available" in gone.statusBar().currentMessage() and gone.last_error == ""

    tiny_model(seed=6).save(path)
    assert gone.open_model(path)
    path.write_bytes(b"not a model")                                 # broken since: the default, said quietly
    broken = relaunch(qtbot, gone, small_dataset, settings)
    qtbot.waitUntil(lambda: broken.current.loading is None, timeout=10000)
    assert broken.current.choice.key == "default" and every_tab_uses(broken, broken.model)
    message = broken.statusBar().currentMessage()
    assert "used last time" in message and "Default model" in message and broken.last_error == ""
    assert not any("mine.npz" in t for t in entries(broken))        # not offered as if it could be used
