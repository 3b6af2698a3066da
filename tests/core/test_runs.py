"""The run store as a learner relies on it: every run kept with its curves and model, a killed run marked
interrupted with what it had, damaged entries set aside, bounded, and the same store from the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from mnist_gui.cli import main
from mnist_gui.core import runs as runs_module
from mnist_gui.core.run_recorder import RunRecorder, start_run
from mnist_gui.core.runs import RunStore, clean_name
from mnist_gui.nn.presets import TrainConfig, build_model


def tiny_run(store, name=None, epochs=2, starred=False):
    cfg = TrainConfig(hidden=(8,), epochs=epochs, train_size=100, batch_size=10)
    recorder, problem = start_run(cfg.to_dict(), name=name, store=store)
    assert problem is None
    model = build_model(cfg)
    rng = np.random.default_rng(0)
    x, y = rng.integers(0, 256, (100, 28, 28), dtype=np.uint8), rng.integers(0, 10, 100)
    history = model.fit(x, y, epochs=epochs, batch_size=10, callbacks=[recorder])
    recorder.finish("finished", "", 1.5, 2.0, 0.25, model)
    if starred:
        store.update(recorder.run.id, starred=True)
    return recorder.run, history


def test_a_run_keeps_its_settings_curves_outcome_and_model(tmp_path):
    store = RunStore(tmp_path)
    run, history = tiny_run(store, name="first try")
    [kept] = store.runs()
    assert kept.id == run.id and kept.name == "first try" and kept.status == "finished"
    assert kept.info["config"]["hidden"] == [8] and kept.info["test_accuracy"] == 0.25
    assert [e["loss"] for e in kept.epochs()] == pytest.approx(history.history["loss"])
    assert kept.batches().shape == (20, 2)
    from mnist_gui.nn import load_model

    assert load_model(kept.model_path).count_params() == build_model(TrainConfig(hidden=(8,))).count_params()


def test_a_killed_run_is_interrupted_with_the_curves_it_had_and_others_intact(tmp_path):
    store = RunStore(tmp_path / "runs")
    tiny_run(store, name="earlier")
    env = {**os.environ, "MNIST_GUI_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "mnist_gui", "train", "--preset", "tutorial", "--epochs", "50",
                             "--train-size", "2000", "--name", "killed", "--json"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            live = [r for r in store.runs() if r.name == "killed"]
            if live and len(live[0].epochs()) >= 2:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the run never recorded two epochs")
        assert live[0].status == "running"  # its process holds the lock
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    from mnist_gui.core.files import temp_path_for

    stale = temp_path_for(live[0].folder / "run.json")
    stale.write_bytes(b"half a record")   # as a save killed halfway would leave it (this pid is alive,
    os.utime(stale, (0, 0))               # so only its age makes it stale)
    by_name = {r.name: r for r in store.runs()}
    assert by_name["killed"].status == "interrupted"
    assert not stale.exists()
    assert len(by_name["killed"].epochs()) >= 2 and len(by_name["killed"].batches()) > 0
    assert by_name["earlier"].status == "finished" and by_name["earlier"].model_path is not None


@pytest.mark.parametrize("damage", [b"", b"{not json", b"[" * 100_000 + b"]" * 100_000, b'{"id": "other"}',
                                    b"\xff\xfe\x00", b'"just a string"'])
def test_a_damaged_run_is_reported_and_set_aside(tmp_path, damage):
    store = RunStore(tmp_path)
    good, _ = tiny_run(store, name="good")
    bad, _ = tiny_run(store, name="bad")
    (bad.folder / "run.json").write_bytes(damage)
    assert [r.name for r in store.runs()] == ["good"]
    assert len(store.problems) == 1 and bad.id in store.problems[0]
    assert not bad.folder.exists() and any((tmp_path / ".damaged").iterdir())
    assert [r.name for r in store.runs()] == ["good"] and store.problems == []


def test_torn_records_from_a_crash_are_dropped(tmp_path):
    store = RunStore(tmp_path)
    run, _ = tiny_run(store)
    with open(run.folder / "epochs.jsonl", "ab") as f:
        f.write(b'{"loss": 0.5, "acc')
    with open(run.folder / "batches.f32", "ab") as f:
        f.write(b"\x00\x00\x80")
    [kept] = store.runs()
    assert len(kept.epochs()) == 2 and kept.batches().shape == (20, 2)


def test_the_store_is_bounded_but_keeps_starred_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(runs_module, "KEEP_UNSTARRED", 3)
    store = RunStore(tmp_path)
    starred, _ = tiny_run(store, name="keep me", epochs=1, starred=True)
    for i in range(5):
        tiny_run(store, name=f"r{i}", epochs=1)
    names = {r.name for r in store.runs()}
    assert "keep me" in names and len(names) == 4  # 3 unstarred + the starred one


def test_names_are_cleaned_and_never_empty(tmp_path):
    store = RunStore(tmp_path)
    run, _ = tiny_run(store)
    assert store.update(run.id, name="x" * 10_000).name == "x" * runs_module.MAX_NAME
    assert store.update(run.id, name="  two\nlines  ").name == "two lines"
    with pytest.raises(ValueError):
        clean_name("   ")


def test_a_model_deleted_by_hand_is_no_model(tmp_path):
    store = RunStore(tmp_path)
    run, _ = tiny_run(store)
    (run.folder / "model.npz").unlink()
    assert store.runs()[0].model_path is None and store.runs()[0].summary()["model"] is None


def test_a_store_on_a_disk_that_refuses_still_trains(tmp_path, monkeypatch):
    store = RunStore(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "create", refuse)
    recorder, problem = start_run({}, store=store)
    assert recorder is None and "not being kept" in problem and "Permission denied" in problem
    run, _ = tiny_run(RunStore(tmp_path / "ok"))
    recorder = RunRecorder(RunStore(tmp_path / "ok"), run)
    monkeypatch.setattr(recorder, "_append", refuse)
    recorder.on_epoch_end(0, {"loss": 1.0})
    assert "not being kept" in recorder.problem


def test_train_records_a_run_that_runs_lists_shows_and_deletes(capsys):
    code = main(["train", "--preset", "fast", "--epochs", "1", "--train-size", "2000", "--name", "cli run"])
    out = capsys.readouterr().out
    assert code == 0 and "kept as run" in out
    assert main(["runs", "--json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    for key in ("id", "name", "started", "status", "config", "test_accuracy", "model"):
        assert key in doc
    assert doc["name"] == "cli run" and doc["status"] == "finished" and doc["test_accuracy"] > 0.8
    assert main(["runs"]) == 0
    header, line = capsys.readouterr().out.splitlines()
    assert header.split() == ["id", "started", "status", "test", "name"] and "cli run" in line
    assert line.index(doc["status"]) == header.index("status")     # columns line up under their heading
    assert main(["evaluate", doc["model"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accuracy"] == pytest.approx(doc["test_accuracy"])
    assert main(["runs", "show", doc["id"][:12]]) == 0 and "cli run" in capsys.readouterr().out
    assert main(["runs", "delete", doc["id"]]) == 0
    capsys.readouterr()
    assert main(["runs", "show", doc["id"]]) == 2 and "no run" in capsys.readouterr().err


def test_no_record_keeps_nothing(capsys):
    assert main(["train", "--preset", "fast", "--epochs", "1", "--train-size", "1000", "--no-record"]) == 0
    assert "not saved" in capsys.readouterr().err
    assert RunStore().runs() == []
