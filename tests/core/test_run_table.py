"""The runs table's rules (no Qt): rows from kept runs, what differs, the comparison, colours, statuses,
and a kept run's curves read back for the plots."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core.run_data import RunData
from mnist_gui.core.run_table import (PALETTE, comparison, default_name, differing_columns, network_text,
                                      pick_colour, row_from_run, run_time, steps_per_epoch)
from mnist_gui.core.run_recorder import run_status, start_run
from mnist_gui.core.runs import RunStore
from mnist_gui.nn.presets import PRESETS, TrainConfig


def recorded(store, epochs=3, val=True, status="finished", **changes):
    cfg = TrainConfig(hidden=(64,), epochs=epochs, batch_size=100, train_size=1000, **changes).to_dict()
    recorder, _ = start_run(cfg, name="r", store=store)
    for e in range(epochs):
        for b in range(9):
            recorder.on_batch_end(b, {"loss": 2.0 - 0.1 * b, "accuracy": 0.1 * b})
        logs = {"loss": 1.0 / (e + 1), "accuracy": 0.7 + 0.1 * e}
        if val:
            logs.update(val_loss=1.2 / (e + 1), val_accuracy=[0.8, 0.9, 0.85][e % 3])
        recorder.on_epoch_end(e, logs)
    recorder.finish(status, seconds=75.0, test_accuracy=0.875 if status == "finished" else None)
    return store.get(recorder.run.id)


def test_a_row_shows_what_the_run_did(tmp_path):
    row = row_from_run(recorded(RunStore(tmp_path), validation_split=0.1))
    assert row.text("network") == "MLP 64 relu" and row.text("epochs") == "3/3"
    assert row.best_val == pytest.approx(0.9) and row.text("best_val") == "90.00%"
    assert row.text("test") == "87.50%" and row.text("seconds") == "1:15" and row.status == "finished"


def test_unknown_numbers_show_a_dash_and_sort_first(tmp_path):
    store = RunStore(tmp_path)
    none = row_from_run(recorded(store, val=False, status="stopped"))
    some = row_from_run(recorded(store))
    assert none.text("best_val") == none.text("test") == "–"
    assert sorted([some, none], key=lambda r: r.sort_value("test")) == [none, some]


def test_network_text_is_short():
    assert network_text({"architecture": "mlp", "hidden": [512, 512], "activation": "relu", "dropout": 0.2}) == \
        "MLP 512×2 relu, dropout 0.2"
    assert network_text({"architecture": "cnn", "hidden": [128], "activation": "relu"}) == "CNN + 128 relu"
    assert network_text({"architecture": "mlp", "hidden": []}) == "MLP (no hidden layer)"
    assert network_text({}) == "MLP (no hidden layer)"          # a foreign record does not break the table


def test_the_cells_that_differ_follow_the_settings():
    a = PRESETS["tutorial"].to_dict()
    b = dict(a, learning_rate=0.01, seed=4)
    assert differing_columns(a, b) == {"learning_rate"}       # the seed has no column; the comparison shows it
    assert differing_columns(a, dict(a, hidden=[256])) == {"network"}
    assert differing_columns(a, a) == set()


def test_the_comparison_lists_every_setting_and_marks_the_differences(tmp_path):
    store = RunStore(tmp_path)
    a, b = row_from_run(recorded(store)), row_from_run(recorded(store, learning_rate=0.1, seed=2))
    lines = {what: (va, vb, differ) for what, va, vb, differ in comparison(a, b)}
    assert lines["Learning rate"] == ("0.001", "0.1", True)
    assert lines["Seed"] == ("0", "2", True)
    assert lines["Hidden layers"] == ("64", "64", False)
    assert "Test accuracy" in lines and "Status" in lines


def test_colours_are_stable_and_distinct_while_shown():
    first = pick_colour("run-a", ())
    assert pick_colour("run-a", ()) == first
    assert pick_colour("run-a", {first}) != first
    assert pick_colour("run-z", set(range(len(PALETTE)))) in range(len(PALETTE))   # more runs than colours


def test_statuses_as_the_command_line_keeps_them():
    assert run_status(None) == ("finished", "")
    assert run_status("stopped", "hopeless") == ("stopped", "")
    assert run_status("diverged", None, "NaN") == ("diverged", "NaN")
    assert run_status(None, "The loss has risen") == ("not learning", "The loss has risen")


def test_names_times_and_steps():
    name = default_name({"architecture": "mlp", "hidden": [128], "activation": "relu", "optimizer": "adam",
                         "learning_rate": 0.001}, when=0)
    assert name.startswith("MLP 128 relu, adam 0.001 at ")
    assert run_time(8.44) == "8.4 s" and run_time(65) == "1:05" and run_time(None) == "–"
    assert steps_per_epoch(PRESETS["tutorial"].to_dict()) == PRESETS["tutorial"].steps_per_epoch
    assert steps_per_epoch({"batch_size": "lots"}) == 1


def test_a_kept_run_reads_back_as_curves_and_in_words(tmp_path):
    run = recorded(RunStore(tmp_path))
    data = RunData.from_record(run.batches(), run.epochs(), steps=9)
    assert data.n == 27 and data.epochs == [1.0, 2.0, 3.0]
    assert data.readout(1.5).startswith("epoch 2, batch 5: loss 1.6 ")
    assert data.readout(-1.04).startswith("epoch 1, batch 1:")
    assert "after epoch 3" in data.readout(99) and "validation loss" in data.readout(99)
    stopped = RunData.from_record(run.batches()[:13], run.epochs()[:2], steps=9)
    assert stopped.epochs[-1] == pytest.approx(13 / 9)     # a stopped epoch's point is where it stopped
    assert RunData().readout(0.5) == ""
    assert np.isfinite(data.loss_smooth[: data.n]).all()


def test_an_epoch_cut_short_by_stop_is_not_counted_as_done(tmp_path):
    """Stopped 4 batches into the third of 3 epochs (10 batches each): the table says 2.4/3, not 3/3."""
    store = RunStore(tmp_path)
    cfg = TrainConfig(hidden=(64,), epochs=3, batch_size=100, train_size=1000).to_dict()
    recorder, _ = start_run(cfg, name="r", store=store)
    recorder.set_params({"epochs": 3, "steps": 10})
    for e, batches in enumerate((10, 10, 4)):
        recorder.on_epoch_begin(e)
        for b in range(batches):
            recorder.on_batch_end(b, {"loss": 1.0, "accuracy": 0.5})
        recorder.on_epoch_end(e, {"loss": 1.0, "accuracy": 0.5})
    recorder.finish("stopped", seconds=3.0)
    row = row_from_run(store.get(recorder.run.id))
    assert row.text("epochs") == "2.4/3"
    assert row.sort_value("epochs") == pytest.approx(2.4)
    assert dict((w, a) for w, a, _, _ in comparison(row, row))["Epochs done"] == "2.4/3"
