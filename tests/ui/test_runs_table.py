"""The runs table in the Train tab as a user drives it: runs kept across restarts, shown and hidden on the
plots, starred, renamed, deleted with undo, compared, their settings loaded back; a store that refuses or
holds a damaged entry is explained, never fatal."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mnist_gui.core.run_recorder import start_run
from mnist_gui.core.run_table import COLUMN_KEYS
from mnist_gui.core.runs import MAX_NAME, RunStore
from mnist_gui.nn.presets import TrainConfig
from mnist_gui.ui.train.runs_model import ID_ROLE
from mnist_gui.ui.train.tab import TrainingTab


def kept_run(store, name, learning_rate=1e-3, loss=0.5, epochs=2, steps=20, status="finished", **changes):
    """A run in the store as a real one leaves it (through the recorder), without training."""
    cfg = TrainConfig(hidden=(32,), epochs=epochs, batch_size=50, train_size=1000, validation_split=0.0,
                      learning_rate=learning_rate, **changes)
    recorder, problem = start_run(cfg.to_dict(), name=name, store=store)
    assert problem is None
    for e in range(epochs):
        for b in range(steps):
            recorder.on_batch_end(b, {"loss": loss * (1 + np.exp(-b / 5)), "accuracy": 0.8})
        recorder.on_epoch_end(e, {"loss": loss, "accuracy": 0.8, "val_loss": loss, "val_accuracy": 0.85})
    recorder.finish(status, "", seconds=12.5, test_loss=loss, test_accuracy=0.83)
    return recorder.run.id


def make_tab(qtbot, dataset, store=None) -> TrainingTab:
    tab = TrainingTab(dataset, store=store)
    qtbot.addWidget(tab)
    c = tab.controls
    c.hidden.setText("32")
    c.epochs.setValue(1)
    c.batch_size.setValue(50)
    c.train_size.setValue(1000)
    c.validation_split.setValue(0.2)
    return tab


def cell(tab, run_id, key):
    model = tab.runs.model
    return model.index(model.row_of(run_id), COLUMN_KEYS.index(key))


def tick(tab, run_id, key="show", on=True):
    assert tab.runs.model.setData(cell(tab, run_id, key), Qt.Checked if on else Qt.Unchecked, Qt.CheckStateRole)


def names(tab) -> list[str]:
    return [r.name for r in tab.runs.model.rows]


def legend_names(plot) -> list[str]:
    return [label.text for _, label in plot.legend.items]


def test_a_run_is_kept_and_in_the_table_after_a_restart(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    assert "No runs kept yet" in tab.runs.info.text()
    with qtbot.waitSignal(tab.run_kept, timeout=60000) as kept:
        tab.start()
    run_id, status = kept.args
    assert status == "finished"
    row = tab.runs.model.get(run_id)
    assert row is not None and row.status == "finished" and row.test is not None and row.has_model
    assert row.epochs_done == 1 and row.best_val is not None            # this run held out 20% for validation
    assert tab.lower_tabs.tabText(0) == "Runs (1)"
    tab.shutdown()
    again = make_tab(qtbot, small_dataset)                                # the window opened again
    assert [r.id for r in again.runs.model.rows] == [run_id]
    assert again.runs.model.get(run_id).test == pytest.approx(row.test)
    assert again.store.get(run_id).model_path is not None


def test_show_and_hide_draw_and_remove_a_run_in_its_colour(qtbot, small_dataset):
    store = RunStore()
    a, b = kept_run(store, "slow", 1e-4), kept_run(store, "fast", 1e-2)
    tab = make_tab(qtbot, small_dataset)
    assert not tab.plots.shown_ids()                       # runs of earlier sessions start hidden
    tick(tab, a)
    tick(tab, b)
    assert sorted(tab.plots.shown_ids()) == sorted([a, b]) and len(tab.plots.kept_items()) == 6
    assert {"slow", "fast"} <= set(legend_names(tab.plots.loss_plot))
    colours = [tab.runs.model.data(cell(tab, i, "colour"), Qt.DecorationRole) for i in (a, b)]
    assert colours[0] is not None and colours[0] != colours[1]
    assert len(tab.plots.kept_items()[0].xData) == 2 * 20   # every batch of the kept run
    tick(tab, a, on=False)
    assert tab.plots.shown_ids() == [b] and "slow" not in legend_names(tab.plots.loss_plot)
    assert tab.runs.model.data(cell(tab, a, "colour"), Qt.DecorationRole) is None


def test_star_rename_and_delete_with_undo(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "first try")
    tab = make_tab(qtbot, small_dataset)
    model = tab.runs.model
    tick(tab, run_id, "star")
    assert store.get(run_id).starred and "1 starred" in tab.runs.info.text()
    assert model.setData(cell(tab, run_id, "name"), "  wide   net ", Qt.EditRole)
    assert store.get(run_id).name == "wide net" and names(tab) == ["wide net"]
    assert not model.setData(cell(tab, run_id, "name"), "   ", Qt.EditRole)        # an empty name is refused
    assert store.get(run_id).name == "wide net"
    assert tab.banner.isVisibleTo(tab) and "needs a name" in tab.banner.text()
    assert model.setData(cell(tab, run_id, "name"), "x" * 10_000, Qt.EditRole)     # trimmed, not refused
    assert len(store.get(run_id).name) == MAX_NAME
    tick(tab, run_id)
    tab.runs.select(run_id)
    qtbot.mouseClick(tab.runs.delete_button, Qt.LeftButton)
    assert not model.rows and not tab.plots.shown_ids()                 # gone from the table and plots
    assert tab.runs.undo_button.isVisibleTo(tab) and "Deleted" in tab.runs.undo_label.text()
    qtbot.mouseClick(tab.runs.undo_button, Qt.LeftButton)
    assert [r.id for r in model.rows] == [run_id] and store.get(run_id)
    tab.runs.select(run_id)
    tab.runs._undo_timer.setInterval(10)
    qtbot.mouseClick(tab.runs.delete_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not store.runs(), timeout=5000)            # done for good when Undo runs out
    assert not tab.runs.undo_button.isVisibleTo(tab)


def test_a_deletion_is_done_when_the_tab_closes(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "doomed")
    tab = make_tab(qtbot, small_dataset)
    tab.runs.select(run_id)
    tab.runs.delete_selected()
    assert store.runs()                                     # still there while Undo is offered
    tab.shutdown()
    assert not store.runs()


def test_two_runs_compared_side_by_side_and_differences_highlighted(qtbot, small_dataset):
    store = RunStore()
    a = kept_run(store, "adam small", 1e-3)
    b = kept_run(store, "adam big", 1e-2, seed=3)
    tab = make_tab(qtbot, small_dataset)
    tab.runs.select(a)
    assert not tab.runs.compare_button.isEnabled()
    lr_cell = cell(tab, b, "learning_rate")
    assert tab.runs.model.data(lr_cell, Qt.BackgroundRole) is not None           # differs from the selected
    assert tab.runs.model.data(cell(tab, b, "batch_size"), Qt.BackgroundRole) is None
    assert "0.001" in tab.runs.model.data(lr_cell, Qt.ToolTipRole)
    tab.runs.select(a, b)
    assert tab.runs.compare_button.isEnabled()
    dialog = tab.runs.compare_selected()
    qtbot.addWidget(dialog)
    assert sorted(dialog.cell("Learning rate")) == ["0.001", "0.01"]
    assert sorted(dialog.cell("Seed")) == ["0", "3"]
    assert dialog.cell("Batch size") == ("50", "50")
    assert dialog.differences == 2


def test_load_settings_puts_a_run_back_into_the_form(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "to redo", 3e-3, dropout=0.25, schedule="cosine")
    tab = make_tab(qtbot, small_dataset)
    tab.controls.apply_preset("tutorial")
    tab.runs.select(run_id)
    qtbot.mouseClick(tab.runs.load_button, Qt.LeftButton)
    assert tab.controls.config().to_dict() == store.get(run_id).info["config"]
    assert tab.start_button.isEnabled()


def test_a_store_that_refuses_warns_and_the_run_still_trains(qtbot, small_dataset, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the runs folder should be")
    tab = make_tab(qtbot, small_dataset, store=RunStore(blocker / "runs"))
    models = []
    tab.model_trained.connect(models.append)
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as finished:
        tab.start()
    result = finished.args[0]
    assert result.status == "finished" and result.run_id is None and models == [result.model]
    assert tab.banner.isVisibleTo(tab) and tab.banner.kind == "warning"
    assert "not being kept" in tab.banner.text()
    assert not tab.runs.model.rows


def test_a_damaged_entry_is_reported_not_fatal(qtbot, small_dataset):
    store = RunStore()
    good = kept_run(store, "fine")
    bad = store.folder / "20200101-000000-badbad"
    bad.mkdir()
    (bad / "run.json").write_text('{"id": "20200101-000000-badbad", "name": ')       # cut off mid-write
    foreign = store.folder / "20200101-000001-foreig"
    foreign.mkdir()
    (foreign / "run.json").write_text(json.dumps([1, 2, 3]))
    tab = make_tab(qtbot, small_dataset)
    assert [r.id for r in tab.runs.model.rows] == [good]
    assert tab.banner.isVisibleTo(tab) and "damaged" in tab.banner.text() and "badbad" in tab.banner.text()


def test_a_run_whose_model_was_deleted_by_hand_still_shows(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "lost its model")
    (store.get(run_id).folder / "run.json").write_text(
        json.dumps({**store.get(run_id).info, "model": "model.npz"}))
    tab = make_tab(qtbot, small_dataset)
    row = tab.runs.model.get(run_id)
    assert row is not None and not row.has_model
    assert "no model kept" in tab.runs.model.data(cell(tab, run_id, "name"), Qt.ToolTipRole)


def test_sorting_by_test_accuracy(qtbot, small_dataset):
    store = RunStore()
    ids = [kept_run(store, f"run {k}", loss=loss) for k, loss in enumerate((0.3, 0.1, 0.2))]
    tab = make_tab(qtbot, small_dataset)
    tab.runs.view.sortByColumn(COLUMN_KEYS.index("name"), Qt.DescendingOrder)
    proxy = tab.runs.proxy
    shown = [proxy.index(i, 0).data(ID_ROLE) for i in range(proxy.rowCount())]
    assert shown == ids[::-1]


def test_a_run_that_does_not_learn_is_told_kept_as_such_and_not_imposed(qtbot, small_dataset, monkeypatch):
    import mnist_gui.core.learning_watch as learning_watch

    verdict = "After 50 batches the accuracy is 10%, what guessing gives. Try 0.001."
    monkeypatch.setattr(learning_watch, "diagnose", lambda losses, *a, **k: verdict if len(losses) >= 25 else None)
    tab = make_tab(qtbot, small_dataset)
    tab.controls.batch_size.setValue(10)
    models = []
    tab.model_trained.connect(models.append)
    with qtbot.waitSignal(tab.run_kept, timeout=60000) as kept:
        tab.start()
    run_id, status = kept.args
    assert status == "not learning" and not models
    assert tab.banner.kind == "warning" and verdict in tab.banner.text() and "Stop" in tab.banner.text()
    assert tab.store.get(run_id).info["message"] == verdict
    assert tab.runs.model.get(run_id).status == "not learning"


def test_two_windows_training_at_once_each_keep_their_own_run(qtbot, small_dataset):
    first, second = make_tab(qtbot, small_dataset), make_tab(qtbot, small_dataset)
    second.controls.learning_rate.setValue(3e-3)
    with qtbot.waitSignals([first.run_kept, second.run_kept], timeout=90000):
        first.start()
        second.start()
        assert first.is_running() and second.is_running()
    store = RunStore()
    kept = {r.info["config"]["learning_rate"]: r for r in store.runs()}
    assert set(kept) == {1e-3, 3e-3} and all(r.status == "finished" for r in kept.values())
    assert all(len(r.epochs()) == 1 and r.model_path is not None for r in kept.values())
    first.runs.reload()
    assert len(first.runs.model.rows) == 2             # each window sees the other's run too


def test_a_run_still_training_cannot_be_renamed(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    tab.controls.epochs.setValue(200)
    tab.controls.batch_size.setValue(10)
    with qtbot.waitSignal(tab.runs.model.modelReset, timeout=30000):
        tab.start()                                    # the run appears in the table, "running"
    (row,) = tab.runs.model.rows
    assert row.status == "running"
    assert not tab.runs.model.setData(cell(tab, row.id, "name"), "renamed", Qt.EditRole)
    assert "still training" in tab.banner.text()
    with qtbot.waitSignal(tab.run_kept, timeout=30000) as kept:
        tab.stop()
    assert kept.args[1] == "stopped" and tab.store.get(row.id).name == row.name


def test_a_run_that_fails_is_kept_as_interrupted_with_the_reason(qtbot, small_dataset, monkeypatch):
    from mnist_gui.nn.model import Sequential

    def broken_fit(self, *args, **kwargs):
        raise RuntimeError("out of cheese")

    monkeypatch.setattr(Sequential, "fit", broken_fit)
    tab = make_tab(qtbot, small_dataset)
    with qtbot.waitSignal(tab.run_finished, timeout=60000) as finished:
        tab.start()
    assert finished.args[0] is None and tab.banner.kind == "error" and "out of cheese" in tab.banner.text()
    (row,) = tab.runs.model.rows
    assert row.status == "interrupted" and "out of cheese" in row.message


def test_the_delete_key_deletes_the_selected_run(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "by key")
    tab = make_tab(qtbot, small_dataset)
    tab.show()
    qtbot.waitExposed(tab)
    tab.runs.select(run_id)
    qtbot.keyClick(tab.runs.view, Qt.Key_Delete)
    assert not tab.runs.model.rows and tab.runs.undo_button.isVisible()


def test_ticks_last_across_restarts(qtbot, small_dataset):
    store = RunStore()
    a, b = kept_run(store, "ticked"), kept_run(store, "not ticked")
    tab = make_tab(qtbot, small_dataset)
    tick(tab, a)
    tab.shutdown()
    again = make_tab(qtbot, small_dataset)                     # the window opened again
    assert again.plots.shown_ids() == [a] and "ticked" in legend_names(again.plots.loss_plot)
    assert again.runs.model.data(cell(again, a, "show"), Qt.CheckStateRole) == Qt.Checked
    assert again.runs.model.data(cell(again, b, "show"), Qt.CheckStateRole) == Qt.Unchecked
    tick(again, a, on=False)
    again.shutdown()
    assert not make_tab(qtbot, small_dataset).plots.shown_ids()


def test_undo_after_delete_brings_a_run_back_ticked(qtbot, small_dataset):
    store = RunStore()
    run_id = kept_run(store, "keep me")
    tab = make_tab(qtbot, small_dataset)
    tick(tab, run_id)
    tab.runs.select(run_id)
    qtbot.mouseClick(tab.runs.delete_button, Qt.LeftButton)
    assert not tab.plots.shown_ids()
    qtbot.mouseClick(tab.runs.undo_button, Qt.LeftButton)
    assert tab.plots.shown_ids() == [run_id]
    assert tab.runs.model.data(cell(tab, run_id, "show"), Qt.CheckStateRole) == Qt.Checked


def test_a_run_tested_each_epoch_shows_no_validation_in_the_table(qtbot, small_dataset):
    store = RunStore()
    cfg = TrainConfig(hidden=(32,), epochs=1, batch_size=50, train_size=1000)
    recorder, _ = start_run(cfg.to_dict(), name="no split", store=store)
    recorder.on_batch_end(0, {"loss": 0.5, "accuracy": 0.8})
    recorder.on_epoch_end(0, {"loss": 0.5, "accuracy": 0.8, "test_loss": 0.3, "test_accuracy": 0.91})
    recorder.finish("finished", "", seconds=3.0, test_loss=0.3, test_accuracy=0.91)
    tab = make_tab(qtbot, small_dataset)
    run_id = recorder.run.id
    assert tab.runs.model.data(cell(tab, run_id, "best_val"), Qt.DisplayRole) == "–"
    assert tab.runs.model.data(cell(tab, run_id, "test"), Qt.DisplayRole) == "91.00%"
    tick(tab, run_id)                     # its dashed per-epoch curve is the test, the only held-out one
    assert list(tab.plots.kept_items()[2].yData) == [pytest.approx(91.0)]


def test_a_running_run_counts_its_epochs_in_the_table_as_they_end(qtbot, small_dataset):
    tab = make_tab(qtbot, small_dataset)
    tab.controls.epochs.setValue(200)
    tab.controls.validation_split.setValue(0.0)
    with qtbot.waitSignal(tab.runs.model.modelReset, timeout=30000):
        tab.start()
    (row,) = tab.runs.model.rows
    qtbot.waitUntil(lambda: tab.runs.model.rows[0].epochs_done >= 2, timeout=60000)
    shown = tab.runs.model.data(cell(tab, row.id, "epochs"))
    assert shown.split("/")[0].strip() not in ("0", "1") and tab.runs.model.rows[0].status == "running"
    with qtbot.waitSignal(tab.run_kept, timeout=30000):
        tab.stop()
