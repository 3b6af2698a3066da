"""``mnist-gui finetune MODEL DIR --out OUT``: the before/after table or JSON, a run kept, and one clear
line with exit status 2 for an empty folder, a bad model, a model of other inputs or an OUT it cannot
write; Ctrl+C stops without writing anything."""

from __future__ import annotations

import json
import os
import signal

import pytest

from cli_support import one_line_error, run
from mnist_gui.core.digit_folders import export_image_folder, export_my_digits
from mnist_gui.core.runs import RunStore
from mnist_gui.nn import Dense, Flatten, Rescaling, Sequential


@pytest.fixture(scope="module")
def model_file(dataset, tmp_path_factory):
    model = Sequential([Rescaling(1 / 255, input_shape=(28, 28)), Flatten(), Dense(32, activation="relu"),
                        Dense(10, activation="softmax")], seed=1)
    model.compile()
    model.fit(dataset.x_train[:3000], dataset.y_train[:3000], epochs=1, batch_size=64, seed=1)
    return model.save(tmp_path_factory.mktemp("model") / "tiny.npz")


@pytest.fixture
def my_digits(dataset, tmp_path):
    export_my_digits(dataset.x_test[:40, :, ::-1].copy(), dataset.y_test[:40], tmp_path / "mine")
    return tmp_path / "mine"


def test_json_gives_before_and_after_and_keeps_a_run(capsys, model_file, dataset, tmp_path):
    folder = tmp_path / "pictures"
    export_image_folder(dataset.x_test[:30], dataset.y_test[:30], folder)
    (folder / "misc").mkdir()
    (folder / "2" / "broken.png").write_bytes(b"not a picture")
    before = model_file.read_bytes()
    code, out, err = run(capsys, "finetune", model_file, folder, "--out", tmp_path / "mine.npz", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) >= {"personal", "mnist_test", "n_train", "n_held_out", "skipped", "ignored", "duplicates",
                        "advice", "out", "run"}
    assert set(doc["personal"]) == {"before", "after"} and set(doc["mnist_test"]) == {"before", "after"}
    assert 0 <= doc["mnist_test"]["after"] <= 1 and doc["n_train"] + doc["n_held_out"] == 30
    assert doc["ignored"] == ["misc"] and [os.path.basename(s["file"]) for s in doc["skipped"]] == ["broken.png"]
    assert doc["out"] == str(tmp_path / "mine.npz") and (tmp_path / "mine.npz").is_file()
    assert RunStore().get(doc["run"]).info["finetune"]["mnist_test"]["after"] == doc["mnist_test"]["after"]
    assert model_file.read_bytes() == before


def test_the_table_shows_before_and_after(capsys, model_file, my_digits, tmp_path):
    code, out, err = run(capsys, "finetune", model_file, my_digits, "--out", tmp_path / "m", "--no-record")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Read 40 digits")
    assert any(line.startswith("Epoch 1:") for line in lines)
    header = next(i for i, line in enumerate(lines) if line.split() == ["before", "after"])
    assert lines[header + 1].startswith("your held-out digits") and lines[header + 2].startswith("MNIST test")
    assert lines[-2].startswith(("Draw", "It reads")) and lines[-1] == f"saved {tmp_path / 'm.npz'}"
    assert RunStore().runs() == []


def test_an_empty_folder_is_one_line(capsys, model_file, tmp_path):
    code, _, err = run(capsys, "finetune", model_file, tmp_path, "--out", tmp_path / "o.npz")
    one_line_error(code, err, "No digits in")


def test_a_bad_model_file_is_one_line(capsys, my_digits, tmp_path):
    (tmp_path / "bad.npz").write_bytes(os.urandom(300))
    code, _, err = run(capsys, "finetune", tmp_path / "bad.npz", my_digits, "--out", tmp_path / "o.npz")
    one_line_error(code, err, "cannot load model")


def test_a_model_of_other_inputs_is_one_line(capsys, my_digits, tmp_path):
    other = Sequential([Flatten(input_shape=(32, 32)), Dense(10, activation="softmax")])
    other.compile()
    path = other.save(tmp_path / "other.npz")
    code, _, err = run(capsys, "finetune", path, my_digits, "--out", tmp_path / "o.npz")
    one_line_error(code, err, "32 x 32 inputs")


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_an_out_it_cannot_write_is_refused_before_training(capsys, model_file, my_digits, tmp_path, where):
    out = tmp_path / "no" / "m.npz" if where == "missing-folder" else tmp_path
    code, stdout, err = run(capsys, "finetune", model_file, my_digits, "--out", out)
    one_line_error(code, err, "--out")
    assert "Epoch" not in stdout


def test_ctrl_c_stops_cleanly_and_writes_nothing(capsys, model_file, my_digits, tmp_path, monkeypatch):
    from mnist_gui.cli import finetune as command

    real = command._progress

    def interrupting(quiet):
        show, sent = real(quiet), []

        def progress(p):
            show(p)
            if p.epoch >= 1 and not sent:
                sent.append(True)
                os.kill(os.getpid(), signal.SIGINT)  # as the terminal sends it
        return progress

    monkeypatch.setattr(command, "_progress", interrupting)
    before = model_file.read_bytes()
    code, _, err = run(capsys, "finetune", model_file, my_digits, "--out", tmp_path / "o.npz")
    assert code == 130 and "nothing was written" in err
    assert not (tmp_path / "o.npz").exists() and model_file.read_bytes() == before
    assert RunStore().runs() == [] and signal.getsignal(signal.SIGINT) is signal.default_int_handler
