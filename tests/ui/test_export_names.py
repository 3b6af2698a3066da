"""File > Export as ONNX suggests a short, clean file name made from the current model's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from mnist_gui.core.runs import RunStore
from mnist_gui.ui import main_menus
from tests.ui.test_model_selector import choose, keep_run, make_window, tiny_model


def test_the_onnx_dialog_suggests_a_short_clean_name(qtbot, small_dataset, settings, monkeypatch):
    pytest.importorskip("onnx", reason="needs the onnx extra")
    run = keep_run(RunStore(), "CNN + 128 relu, dropout 0.3, adam 0.002 at 01:49", "finished", tiny_model(seed=2), 0.98)
    window = make_window(qtbot, small_dataset, settings)
    choose(qtbot, window, f"run:{run.id}")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, suggested, filters: (asked.append(suggested), ("", ""))[1]))
    assert main_menus.export_onnx(window) is False                  # the user cancels the dialog
    assert Path(asked[0]).name == "cnn-128-relu.onnx"
