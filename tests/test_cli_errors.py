"""The command line's promise under bad input: one line on stderr, exit status 2, never a traceback, checks
before training rather than after, and JSON that is always valid (no NaN)."""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

from cli_support import one_line_error as _one_line_error, run
from mnist_gui.cli import main
from mnist_gui.data.idx import write_idx
from mnist_gui.nn.presets import TrainConfig, build_model

FAST = ["--preset", "fast", "--epochs", "1"]


def one_line_error(code, err, fragment):
    _one_line_error(code, err, fragment, case_blind=True)


def write_folder(folder, n_train=600, n_test=200, side=28, top_label=9, seed=0):
    rng = np.random.default_rng(seed)
    folder.mkdir()
    for split, n in (("train", n_train), ("t10k", n_test)):
        write_idx(folder / f"{split}-images-idx3-ubyte", rng.integers(0, 256, (n, side, side), dtype=np.uint8))
        labels = rng.integers(0, top_label + 1, n).astype(np.uint8)
        labels[0] = top_label
        write_idx(folder / f"{split}-labels-idx1-ubyte", labels)
    return folder


def test_out_in_a_missing_folder_is_refused_before_training(capsys, tmp_path):
    code, out, err = run(capsys, "train", *FAST, "--out", tmp_path / "no" / "such" / "m.npz")
    one_line_error(code, err, "does not exist")
    assert "Epoch" not in out + err  # nothing was trained


def test_out_naming_a_folder_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "train", *FAST, "--out", tmp_path)
    one_line_error(code, err, "is a folder")


def test_saved_path_is_the_one_written(capsys, tmp_path):
    code, out, _ = run(capsys, "train", *FAST, "--train-size", "1000", "--out", tmp_path / "mine")
    assert code == 0
    assert f"saved {tmp_path / 'mine.npz'}" in out
    assert (tmp_path / "mine.npz").is_file()


def test_a_small_data_folder_trains_on_all_of_its_images(capsys, tmp_path):
    folder = write_folder(tmp_path / "small", n_train=600)
    code, out, err = run(capsys, "train", *FAST, "--data", folder, "--json")
    assert code == 0, err
    assert json.loads(out)["config"]["train_size"] == 600


def test_the_cnn_on_images_too_small_for_it_is_refused(capsys, tmp_path):
    folder = write_folder(tmp_path / "tiny", side=1)
    code, _, err = run(capsys, "train", "--preset", "cnn", "--data", folder)
    one_line_error(code, err, "at least 10 x 10")


def test_a_run_that_cannot_fit_in_memory_is_refused_with_the_figure(capsys):
    code, out, err = run(capsys, "train", "--preset", "cnn", "--batch-size", "60000")
    one_line_error(code, err, "of memory")
    assert "GB" in err and "batch size of" in err
    assert "Epoch" not in out + err


def test_memory_errors_become_one_line(capsys, monkeypatch):
    import mnist_gui.nn.presets as presets

    def no_memory(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(presets, "build_model", no_memory)
    code, _, err = run(capsys, "train", *FAST)
    one_line_error(code, err, "not enough memory")


@pytest.fixture(scope="module")
def odd_models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("models")
    two = build_model(TrainConfig(hidden=(8,)), num_classes=2)
    small = build_model(TrainConfig(hidden=(8,)), input_shape=(8, 8))
    return two.save(folder / "two.npz"), small.save(folder / "small.npz")


def test_evaluate_a_two_class_model_on_mnist_says_why(capsys, odd_models):
    code, _, err = run(capsys, "evaluate", odd_models[0])
    one_line_error(code, err, "knows 2 classes")


def test_evaluate_on_data_with_labels_the_model_does_not_know(capsys, tmp_path, odd_models):
    model = build_model(TrainConfig(hidden=(8,))).save(tmp_path / "ten.npz")
    folder = write_folder(tmp_path / "twelve", top_label=12)
    code, _, err = run(capsys, "evaluate", model, "--data", folder)
    one_line_error(code, err, "labels up to 12")


def test_evaluate_on_images_of_another_size(capsys, tmp_path, odd_models):
    folder = write_folder(tmp_path / "big", side=32)
    code, _, err = run(capsys, "evaluate", odd_models[1].parent / "small.npz", "--data", folder)
    one_line_error(code, err, "8 x 8 images")


def test_predict_with_a_model_not_made_for_28_by_28(capsys, odd_models, tmp_path):
    from mnist_gui.data.images import save_png

    picture = tmp_path / "d.png"
    save_png(picture, np.zeros((30, 30), np.uint8))
    code, _, err = run(capsys, "predict", odd_models[1], picture)
    one_line_error(code, err, "8 x 8 inputs")


def test_one_unreadable_picture_does_not_lose_the_others(capsys, tmp_path, odd_models):
    from mnist_gui.data.images import save_png

    model = build_model(TrainConfig(hidden=(8,))).save(tmp_path / "ten.npz")
    good = tmp_path / "good.png"
    save_png(good, np.pad(np.full((10, 4), 255, np.uint8), 9))
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a picture")
    code, out, err = run(capsys, "predict", model, bad, good, "--json")
    assert code == 2
    results = json.loads(out)["predictions"]
    assert "error" in results[0] and "digit" in results[1] and "error" not in results[1]


def test_a_file_name_too_long_is_one_line(capsys, tmp_path):
    code, _, err = run(capsys, "evaluate", tmp_path / ("x" * 300 + ".npz"))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_json_never_holds_nan(capsys, monkeypatch):
    from mnist_gui.cli.common import json_safe

    doc = json_safe({"loss": float("nan"), "h": [1.0, float("inf"), np.float32("nan")], "ok": 0.5})
    assert doc == {"loss": None, "h": [1.0, None, None], "ok": 0.5}
    code, out, _ = run(capsys, "train", *FAST, "--lr", "10", "--optimizer", "sgd", "--train-size", "2000",
                       "--json")
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


def test_a_closed_pipe_is_not_a_traceback(tmp_path, monkeypatch, capsys):
    model = build_model(TrainConfig(hidden=(8,))).save(tmp_path / "ten.npz")

    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code = main(["evaluate", str(model)])
    monkeypatch.undo()
    one_line_error(code, capsys.readouterr().err, "output was closed")
