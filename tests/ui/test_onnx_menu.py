"""File > Export as ONNX as a user meets it: enabled with a model, a file dialog, a file onnxruntime runs with
the window's answers; a clear message without a model, without the onnx extra, or for a folder that is gone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from mnist_gui.nn import load_model
from mnist_gui.ui import main_menus
from mnist_gui.ui.main_window import MainWindow

DEFAULT = Path(__file__).resolve().parents[2] / "resources" / "models" / "default.npz"
REASON = "needs the onnx extra: pip install mnist-gui[onnx] (onnx and onnxruntime)"


def make_window(qtbot, dataset, settings, model):
    window = MainWindow(dataset, model, settings=settings)
    qtbot.addWidget(window)
    return window


def file_menu_texts(window):
    # the action held while its menu is read: PySide6 before 6.11 drops the menu's wrapper with it
    file_action = window.menuBar().actions()[0]
    return [a.text().replace("&", "") for a in file_action.menu().actions()]


def test_export_through_the_file_dialog(qtbot, small_dataset, settings, tmp_path, monkeypatch):
    pytest.importorskip("onnx", reason=REASON)
    ort = pytest.importorskip("onnxruntime", reason=REASON)
    window = make_window(qtbot, small_dataset, settings, load_model(DEFAULT))
    qtbot.waitUntil(lambda: window.model is not None, timeout=10000)
    assert "Export as ONNX…" in file_menu_texts(window)
    action = window.actions["export_onnx"]
    assert action.isEnabled()
    asked = []

    def save_dialog(parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(tmp_path / "digits"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    action.trigger()
    assert asked and asked[0][1].endswith(".onnx") and "*.onnx" in asked[0][2]
    out = tmp_path / "digits.onnx"                      # the extension added, as Save model adds .npz
    assert out.is_file()
    assert str(out) in window.statusBar().currentMessage()
    x = small_dataset.x_test[:32].astype(np.float32)
    got = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"]).run(None, {"input": x})[0]
    assert np.abs(got - window.model.predict(x)).max() <= 1e-5


def test_without_a_model_the_action_is_disabled_and_says_why(qtbot, small_dataset, settings):
    window = make_window(qtbot, small_dataset, settings, None)
    assert not window.actions["export_onnx"].isEnabled()
    assert main_menus.export_onnx(window) is False
    assert "no current model" in window.last_error


def test_without_the_extra_it_says_what_to_install_before_any_dialog(qtbot, small_dataset, settings, monkeypatch):
    window = make_window(qtbot, small_dataset, settings, load_model(DEFAULT))
    qtbot.waitUntil(lambda: window.model is not None, timeout=10000)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnx" else real(name, *a))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: pytest.fail("a dialog opened")))
    assert main_menus.export_onnx(window) is False
    assert "pip install mnist-gui[onnx]" in window.last_error


def test_a_folder_that_is_gone_gets_a_message(qtbot, small_dataset, settings, tmp_path):
    pytest.importorskip("onnx", reason=REASON)
    window = make_window(qtbot, small_dataset, settings, load_model(DEFAULT))
    qtbot.waitUntil(lambda: window.model is not None, timeout=10000)
    target = tmp_path / "gone" / "m.onnx"
    assert main_menus.export_onnx(window, target) is False
    assert "could not be exported" in window.last_error and "does not exist" in window.last_error
    assert not target.exists()
