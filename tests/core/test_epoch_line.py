"""One epoch line, two styles: the Training tab's log and the command line's Keras-style line show the same
fields, in the same order, with the same precision."""

from __future__ import annotations

import io
import re
import sys

import pytest

from mnist_gui.core.training_text import epoch_line

INFO = {"epoch": 3, "epochs": 5, "loss": 0.071234, "accuracy": 0.978712, "val_loss": 0.0812, "val_accuracy": 0.975,
        "seconds": 1.94}


def test_the_two_styles():
    assert epoch_line(INFO) == ("Epoch 3/5 · loss 0.0712 · accuracy 97.87% · validation loss 0.0812 · "
                                "validation accuracy 97.50% · 1.9 s")
    assert epoch_line(INFO, style="keras") == ("Epoch 3/5 - 1.9s - loss: 0.0712 - accuracy: 0.9787 - "
                                               "val_loss: 0.0812 - val_accuracy: 0.9750")


def test_both_styles_show_the_same_numbers_in_the_same_order():
    for info in (INFO, {k: v for k, v in INFO.items() if not k.startswith("val")}):
        log = [float(x) for x in re.findall(r"\d+\.\d+", epoch_line(info).split(" · ", 1)[1])]
        keras = [float(x) for x in re.findall(r"\d+\.\d+", epoch_line(info, style="keras").split(" - ", 1)[1])]
        seconds = keras.pop(0)
        assert log[-1] == seconds
        scaled = [v / 100 if "accuracy" in k else v for k, v in zip(("loss", "accuracy", "val_loss", "val_accuracy"),
                                                                   log[:-1])]
        assert scaled == pytest.approx(keras, abs=1e-9)


def test_an_epoch_cut_short_says_so_in_the_log():
    line = epoch_line({**INFO, "batches": 120, "steps": 1875})
    assert "ended after batch 120 of 1,875" in line and line.endswith("1.9 s")
    with pytest.raises(ValueError, match="unknown epoch line style"):
        epoch_line(INFO, style="fancy")


def test_the_command_line_progress_prints_the_keras_style(monkeypatch):
    from mnist_gui.cli.progress import KerasStyleProgress

    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    progress = KerasStyleProgress(stream=io.StringIO())
    progress.set_params({"epochs": 5, "steps": 2, "samples": 64, "batch_size": 32})
    progress.on_epoch_begin(2)
    progress.on_epoch_end(2, {k: v for k, v in INFO.items() if k not in ("epoch", "epochs", "seconds")})
    line = out.getvalue().strip()
    assert line.split(" - ")[0] == "Epoch 3/5" and re.fullmatch(r"\d+\.\ds", line.split(" - ")[1])
    assert line.split(" - ", 2)[2] == "loss: 0.0712 - accuracy: 0.9787 - val_loss: 0.0812 - val_accuracy: 0.9750"
