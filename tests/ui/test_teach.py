"""'Teach it my handwriting': enabled from ten kept digits, runs off the GUI thread with progress and Stop,
shows before/after side by side with advice, keeps the result as a run and never replaces the model in use
unless asked; Stop and closing the window keep nothing and leave no thread running."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.core.runs import RunStore
from mnist_gui.ui.draw.teach import TeachPanel

TEACH_TIMEOUT = 180_000


@pytest.fixture(scope="module")
def model(small_dataset):
    """A small network from the engine, one epoch on 2,000 images: room to learn a writer's style."""
    from mnist_gui.nn import presets

    cfg = presets.TrainConfig(hidden=(32,), epochs=1, batch_size=32, seed=0)
    m = presets.build_model(cfg)
    m.fit(small_dataset.x_train, small_dataset.y_train, epochs=1, batch_size=32, seed=0, verbose=0)
    return m


def writer(dataset, n):
    """A writer whose style MNIST lacks: test digits drawn mirrored left to right."""
    return dataset.x_test[-n:, :, ::-1].copy(), dataset.y_test[-n:].copy()


@pytest.fixture
def make_panel(qtbot, tmp_path, small_dataset, dataset):
    panels = []

    def make(n_digits=40):
        store = MyDigitsStore(tmp_path / f"mine{len(panels)}")
        if n_digits:
            store.add_many(*writer(dataset, n_digits))
        panel = TeachPanel(store)
        panel.set_context(mnist=small_dataset, runs=RunStore(tmp_path / "runs"))
        qtbot.addWidget(panel)
        panel.resize(380, 300)
        panel.show()
        panels.append(panel)
        return panel
    yield make
    for panel in panels:
        panel.shutdown()


@pytest.fixture
def held_teaching(monkeypatch):
    """Each fine-tuning paused at its first batch until it is stopped (``stop()`` ends the engine's pause):
    all of it takes a quarter of a second, so a close that came late on a busy machine would find it done
    and its run kept. Gives the list of each job's ``result.stopped``, filled as the jobs end. Resumed after
    a minute all the same, so a close that no longer stops it fails the test instead of hanging it."""
    import threading

    from mnist_gui.ui.draw import teach as teach_module

    real_finetune, ended = teach_module.finetune, []

    def paused_finetune(*args, control, **kwargs):
        control.pause()
        unstick = threading.Timer(60, control.resume)
        unstick.start()
        try:
            result = real_finetune(*args, control=control, **kwargs)
        finally:
            unstick.cancel()
        ended.append(result.stopped)
        return result

    monkeypatch.setattr(teach_module, "finetune", paused_finetune)
    return ended


def weights(model):
    return [w.copy() for w in model.get_weights()]


def test_the_button_says_how_many_more_digits_are_needed(make_panel, model, dataset):
    panel = make_panel(n_digits=0)
    assert not panel.teach_button.isEnabled() and "Load or train a model" in panel.hint.text()
    panel.set_model(model)
    assert not panel.teach_button.isEnabled() and "Keep 10 more digits" in panel.hint.text()
    images, labels = writer(dataset, 9)
    panel.store.add_many(images, labels)
    assert "Keep 1 more digit " in panel.hint.text()
    panel.store.add(dataset.x_test[0], int(dataset.y_test[0]))
    assert panel.teach_button.isEnabled() and "10 digits" in panel.hint.text()
    assert panel.start() is True and panel.is_running() and panel.progress.isVisible()
    assert not panel.teach_button.isEnabled(), "one run at a time"
    panel.shutdown()
    assert not panel.is_running()


def test_a_finished_run_shows_before_and_after_keeps_a_run_and_waits_to_be_used(make_panel, model, qtbot,
                                                                               tmp_path, dataset):
    panel = make_panel(n_digits=60)
    panel.set_model(model)
    before = weights(model)
    progress = []
    panel.job.progressed.connect(lambda report: progress.append(report.fraction))
    with qtbot.waitSignal(panel.run_saved, timeout=TEACH_TIMEOUT) as saved:
        qtbot.mouseClick(panel.teach_button, Qt.LeftButton)
        MyDigitsStore(panel.store.folder).add(dataset.x_test[0], 3)  # another window keeps one meanwhile
    outcome = panel.outcome
    assert outcome.result.n_train + outcome.result.n_held_out == 60, "it learns the digits it started with"
    result = outcome.result
    assert progress and max(progress) > 0.5, "progress arrived while it ran"
    assert set(result.after) == {"personal", "mnist", "mnist_check"} and result.n_held_out > 0
    assert all(np.array_equal(a, b) for a, b in zip(before, model.get_weights())), "the model in use is untouched"
    assert saved.args[0] == outcome.run.id and RunStore(tmp_path / "runs").get(outcome.run.id) is not None
    assert panel.result_box.isVisible() and panel.use_button.isEnabled()
    texts = [panel.table.itemAt(i).widget().text() for i in range(panel.table.count())]
    assert "Before" in texts and "After" in texts and "MNIST test set" in texts
    assert f"{100 * result.before['mnist']:.2f}%" in texts
    assert any(f"{100 * result.after['personal']:.1f}%" in t for t in texts)
    assert panel.advice.text() == result.advice and "Kept as the run" in panel.kept.text()
    with qtbot.waitSignal(panel.use_requested) as used:
        qtbot.mouseClick(panel.use_button, Qt.LeftButton)
    assert used.args == [result.model, outcome.run.id] and result.model is not model


def test_when_no_epoch_kept_mnist_the_panel_says_so_in_red(make_panel, model, qtbot, monkeypatch):
    monkeypatch.setattr("mnist_gui.core.finetune_watch.MNIST_TOLERANCE", -1.0)  # no epoch can qualify
    panel = make_panel(n_digits=20)
    panel.set_model(model)
    with qtbot.waitSignal(panel.finished, timeout=TEACH_TIMEOUT) as done:
        panel.start()
    result = done.args[0].result
    assert not result.mnist_kept and result.tries == 2
    assert panel.warning.isVisible() and "0.3 points on the MNIST check images" in panel.warning.text()
    assert "0.3 points" not in panel.advice.text() and panel.advice.text() in result.advice
    assert "second, gentler try" in panel.status.text()
    assert panel.use_button.isEnabled(), "the person still decides"


def test_stop_keeps_nothing_and_says_the_model_is_unchanged(make_panel, model, qtbot, tmp_path):
    panel = make_panel()
    panel.set_model(model)
    with qtbot.waitSignal(panel.finished, timeout=TEACH_TIMEOUT) as done:
        panel.start()
        panel.stop_button.click()
    assert done.args[0].result.stopped and panel.outcome is None
    assert "nothing was kept" in panel.status.text() and not panel.result_box.isVisible()
    assert RunStore(tmp_path / "runs").runs() == []
    assert panel.teach_button.isEnabled() and not panel.is_running()


def test_closing_while_it_runs_stops_it_cleanly(make_panel, model, qtbot, tmp_path, dataset, held_teaching):
    panel = make_panel(n_digits=200)
    panel.set_context(mnist=dataset, runs=RunStore(tmp_path / "runs"))
    panel.set_model(model)
    seen = []
    panel.finished.connect(seen.append)
    with qtbot.waitSignal(panel.job.progressed, timeout=TEACH_TIMEOUT):
        panel.start()
    panel.shutdown()  # what the window does on close (DrawTab.shutdown -> MyDigitsPanel.shutdown)
    qtbot.wait(50)
    assert not panel.is_running() and seen == [], "nothing reported after the close"
    assert RunStore(tmp_path / "runs").runs() == [], "nothing half-written, nothing kept"
    assert held_teaching == [True], "the close stopped the fine-tuning under way"


def test_a_model_that_cannot_learn_digits_says_why(make_panel):
    from mnist_gui.nn import Dense, Sequential

    odd = Sequential([Dense(10, activation="softmax")])
    odd.build((None, 100))
    panel = make_panel()
    panel.set_model(odd)
    assert not panel.teach_button.isEnabled() and "28 x 28" in panel.hint.text()


def test_in_the_window_the_taught_model_is_listed_and_used_only_when_asked(qtbot, small_dataset, settings, model,
                                                                          dataset):
    from mnist_gui.ui.main_window import MainWindow

    window = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(window)
    panel = window.draw_tab.my_digits
    assert panel.store is window.dataset_tab.my_digits, "one My digits store for both tabs"
    panel.store.add_many(*writer(dataset, 30))
    assert "30 digits" in window.dataset_tab.controls.split_combo.itemText(2)
    teach = panel.teach
    with qtbot.waitSignal(teach.run_saved, timeout=TEACH_TIMEOUT) as saved:
        teach.teach_button.click()
    assert f"run:{saved.args[0]}" in window.selector.keys(), "listed in the model selector at once"
    assert window.model is model, "never swapped without asking"
    with qtbot.waitSignal(window.current_model_changed, timeout=10_000):
        teach.use_button.click()
    assert window.model is teach.outcome.result.model
    assert window.current.choice.key == f"run:{saved.args[0]}" and window.selector.undo.isVisibleTo(window)
    window.close()


def test_closing_the_window_while_it_teaches_stops_it_and_keeps_the_model(qtbot, small_dataset, settings, model,
                                                                         dataset, held_teaching):
    from mnist_gui.ui.main_window import MainWindow

    window = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(window)
    window.show()
    teach = window.draw_tab.my_digits.teach
    teach.set_context(mnist=dataset, runs=window.current.store)
    window.draw_tab.my_digits.store.add_many(*writer(dataset, 100))
    with qtbot.waitSignal(teach.job.progressed, timeout=TEACH_TIMEOUT):
        teach.teach_button.click()
    window.close()
    assert not teach.is_running() and window.model is model
    assert held_teaching == [True], "the close stopped the fine-tuning under way"
    assert [r for r in window.current.store.runs() if r.info.get("source") == "finetune"] == []


def test_the_result_shows_mnist_to_hundredths_and_says_plainly_what_the_own_digit_row_measured(make_panel):
    """97.68% -> 97.74% read "97.7% -> 97.7%" with a rise arrow; the row without a held-out part was worded
    "(all learned from: keep 3 of a digit to hold some out)"."""
    from types import SimpleNamespace

    from mnist_gui.ui.draw.teach import TeachOutcome

    panel = make_panel(n_digits=0)
    result = SimpleNamespace(before={"personal": 0.9, "mnist": 0.9768}, after={"personal": 0.9, "mnist": 0.9774},
                             n_train=10, n_held_out=0, duplicates=1, advice="", model=None)
    panel._show_result(TeachOutcome(result, problem="could not keep it"))
    texts = [panel.table.itemAt(i).widget().text() for i in range(panel.table.count())]
    assert "97.68%" in texts and any("97.74%" in t and "▲" in t for t in texts)
    assert any("measured on the ones it learned from" in t and "keep 3 or more" in t for t in texts)
