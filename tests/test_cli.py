"""The command line as a user meets it: help, train/evaluate/predict, --json, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from mnist_gui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A small model trained through the CLI once for this module: (path, the JSON document)."""
    path = tmp_path_factory.mktemp("cli") / "small.npz"
    capture = pytest.MonkeyPatch()
    import io

    buffer = io.StringIO()
    capture.setattr(sys, "stdout", buffer)
    try:
        code = main(["train", "--preset", "fast", "--train-size", "3000", "--epochs", "2",
                     "--seed", "1", "--out", str(path), "--json"])
    finally:
        capture.undo()
    assert code == 0
    return path, json.loads(buffer.getvalue())


def test_version_and_module_entry_point():
    done = subprocess.run([sys.executable, "-m", "mnist_gui", "--version"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.startswith("mnist-gui ")


@pytest.mark.parametrize("command", ["train", "evaluate", "predict"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    assert command in capsys.readouterr().out


def test_train_json_reports_a_learning_model(trained):
    path, doc = trained
    assert path.is_file()
    assert doc["test_accuracy"] > 0.85
    assert len(doc["history"]["loss"]) == 2
    assert doc["history"]["loss"][1] < doc["history"]["loss"][0]
    assert doc["config"]["train_size"] == 3000


def test_train_prints_keras_style_epoch_lines(capsys, tmp_path):
    code, out, err = run(capsys, "train", "--preset", "fast", "--train-size", "1000", "--epochs", "2")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("Epoch ")]
    assert [line.split(" - ")[0] for line in lines] == ["Epoch 1/2", "Epoch 2/2"]
    assert "loss: " in lines[0] and "accuracy: " in lines[0]
    assert "test accuracy" in out
    # no validation split: the test set after each epoch, as the Training tab shows it, and the final test
    # is the last epoch's
    last = float(lines[1].split("test_accuracy: ")[1].split()[0])
    assert all("test_accuracy: " in line for line in lines)
    assert f"test accuracy {last:.4f}" in out


def test_train_with_a_validation_split_shows_validation_not_test(capsys):
    code, out, _ = run(capsys, "train", "--preset", "fast", "--train-size", "1000", "--epochs", "1",
                       "--validation-split", "0.2")
    line = next(line for line in out.splitlines() if line.startswith("Epoch "))
    assert code == 0 and "val_accuracy: " in line and "test_accuracy" not in line


def test_evaluate_agrees_with_training(capsys, trained):
    path, doc = trained
    code, out, _ = run(capsys, "evaluate", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["accuracy"] == pytest.approx(doc["test_accuracy"], abs=1e-6)
    confusion = np.array(result["confusion_matrix"])
    assert confusion.shape == (10, 10) and confusion.sum() == 10000
    assert np.trace(confusion) / 10000 == pytest.approx(result["accuracy"])
    code, out, _ = run(capsys, "evaluate", str(path))
    assert "confusion matrix" in out and "per-class accuracy" in out


def test_predict_reads_images_of_any_size_and_polarity(capsys, trained, dataset, tmp_path):
    from mnist_gui.data.images import save_png

    path, _ = trained
    files, labels = [], []
    for i in range(12):
        digit = dataset.x_test[i].astype(np.float32) / 255
        big = np.kron(digit, np.ones((5, 7), np.float32))  # 140x196, stretched
        picture = np.pad(1 - big, ((30, 10), (5, 40)), constant_values=1.0)  # dark ink on white paper
        files.append(tmp_path / f"digit{i}.png")
        save_png(files[-1], picture)
        labels.append(int(dataset.y_test[i]))
    code, out, _ = run(capsys, "predict", str(path), *map(str, files), "--json")
    assert code == 0
    predicted = [p["digit"] for p in json.loads(out)["predictions"]]
    assert np.mean(np.array(predicted) == np.array(labels)) >= 10 / 12


@pytest.mark.parametrize("argv, fragment", [
    (["train", "--preset", "nope"], "unknown preset"),
    (["train", "--lr", "-1"], "learning rate"),
    (["train", "--layers", "12x"], "sizes"),
    (["evaluate", "missing.npz"], "no model file"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_arguments_give_one_line_and_status_2(capsys, argv, fragment):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert fragment in err.lower()
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_files_give_one_line_and_status_2(capsys, trained, tmp_path):
    path, _ = trained
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"PK\x03\x04 this is not a model")
    code, _, err = run(capsys, "evaluate", str(junk))
    assert code == 2 and "cannot load model" in err
    picture = tmp_path / "broken.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    code, _, err = run(capsys, "predict", str(path), str(picture))
    assert code == 2 and "cannot read image" in err


def test_train_a_cnn_with_augmentation_weights_only(capsys, tmp_path):
    from mnist_gui.nn import load_model

    path = tmp_path / "cnn.npz"
    code, out, _ = run(capsys, "train", "--preset", "cnn", "--train-size", "500", "--epochs", "1", "--batch-size",
                       "50", "--augment", "light", "--weights-only", "--out", str(path), "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["config"]["architecture"] == "cnn" and doc["config"]["augmentation"] == "light"
    model = load_model(path)
    assert model.metadata["augmentation"]["rotation"] == 8.0
    with np.load(path) as npz:
        assert not [name for name in npz.files if name.startswith("optimizer/")]


@pytest.mark.parametrize("command", ["predict", "evaluate", "export", "finetune"])
def test_the_model_argument_says_a_file_or_a_run_id(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "a model file saved by mnist-gui (.npz), or a run id from `mnist-gui runs`" in out


@pytest.fixture
def kept_runs(trained):
    """Two runs in the user's run store (tests/conftest.py isolates it): one finished with the trained
    model, one stopped before it kept any."""
    from mnist_gui.core.run_recorder import start_run
    from mnist_gui.nn import load_model

    path, _ = trained
    finished, _ = start_run({"preset": "fast"}, name="with a model", source="cli")
    finished.finish("finished", "done", 1.4593831390011474, test_accuracy=0.9123, model=load_model(path))
    stopped, _ = start_run({"preset": "fast"}, name="stopped early", source="cli")
    stopped.finish("stopped", "", 0.25)
    return finished.run, stopped.run


def test_a_run_id_from_runs_is_taken_as_the_model(capsys, trained, kept_runs):
    """"no model file at 20261202-014947": the id `mnist-gui runs` printed was refused."""
    finished, stopped = kept_runs
    code, out, err = run(capsys, "evaluate", finished.id, "--json")
    assert code == 0, err
    code, by_file, _ = run(capsys, "evaluate", str(trained[0]), "--json")
    assert json.loads(out)["accuracy"] == json.loads(by_file)["accuracy"]
    code, _, err = run(capsys, "evaluate", stopped.id)
    assert code == 2 and f"run {stopped.id}" in err and "kept no model" in err and "Traceback" not in err
    code, _, err = run(capsys, "evaluate", "19990101-000000")
    assert code == 2 and "no model file or run" in err and "mnist-gui runs" in err


def test_runs_show_rounds_the_time_and_leaves_out_empty_fields(capsys, kept_runs):
    finished, stopped = kept_runs
    code, out, _ = run(capsys, "runs", "show", finished.id)
    fields = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line and "epoch" not in line)
    fields = {k.strip(): v for k, v in fields.items()}
    assert code == 0 and fields["seconds"] == "1.5" and fields["test_accuracy"] == "91.23%"
    code, out, _ = run(capsys, "runs", "show", stopped.id)
    assert "message" not in out and "test_accuracy" not in out and "seconds: 0.2" in out
    assert not any(line.rstrip().endswith(":") for line in out.splitlines())
