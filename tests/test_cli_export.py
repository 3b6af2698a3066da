"""``mnist-gui export MODEL --onnx OUT``: the file it writes runs in onnxruntime with the model's answers;
bad models, bad destinations and a missing extra each give one line on stderr and exit status 2."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest

from cli_support import one_line_error as _one_line_error, run

DEFAULT = Path(__file__).resolve().parents[1] / "resources" / "models" / "default.npz"
REASON = "needs the onnx extra: pip install mnist-gui[onnx] (onnx and onnxruntime)"


def one_line_error(code, err, fragment):
    _one_line_error(code, err, fragment, alone=True)


def test_export_writes_a_file_onnxruntime_runs(capsys, tmp_path):
    pytest.importorskip("onnx", reason=REASON)
    ort = pytest.importorskip("onnxruntime", reason=REASON)
    from mnist_gui.nn import load_model

    out = tmp_path / "default.onnx"
    code, text, err = run(capsys, "export", DEFAULT, "--onnx", out)
    assert code == 0, err
    assert f"to {out}" in text and "opset 17" in text
    x = np.random.default_rng(0).integers(0, 256, (4, 28, 28)).astype(np.float32)
    session = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    got = session.run(None, {"input": x})[0]
    assert np.abs(got - load_model(DEFAULT).predict(x)).max() <= 1e-5


def test_json_names_the_file(capsys, tmp_path):
    pytest.importorskip("onnx", reason=REASON)
    out = tmp_path / "m.onnx"
    code, text, _ = run(capsys, "export", DEFAULT, "--onnx", out, "--json")
    assert code == 0
    document = json.loads(text)
    assert document["onnx"] == str(out) and document["opset"] == 17 and document["bytes"] == out.stat().st_size


def test_missing_model_file(capsys, tmp_path):
    code, _, err = run(capsys, "export", tmp_path / "nothing.npz", "--onnx", tmp_path / "m.onnx")
    one_line_error(code, err, "no model file")
    assert not (tmp_path / "m.onnx").exists()


def test_bad_model_file(capsys, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"this is not a model" * 10)
    code, _, err = run(capsys, "export", bad, "--onnx", tmp_path / "m.onnx")
    one_line_error(code, err, "cannot load model")
    assert not (tmp_path / "m.onnx").exists()


def test_out_in_a_missing_folder(capsys, tmp_path):
    code, _, err = run(capsys, "export", DEFAULT, "--onnx", tmp_path / "no" / "m.onnx")
    one_line_error(code, err, "does not exist")


def test_out_is_a_folder(capsys, tmp_path):
    code, _, err = run(capsys, "export", DEFAULT, "--onnx", tmp_path)
    one_line_error(code, err, "is a folder")


def test_out_under_a_file(capsys, tmp_path):
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    code, _, err = run(capsys, "export", DEFAULT, "--onnx", tmp_path / "notes.txt" / "m.onnx")
    one_line_error(code, err, "does not exist")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write anywhere")
def test_out_in_a_read_only_folder(capsys, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(capsys, "export", DEFAULT, "--onnx", folder / "m.onnx")
    finally:
        folder.chmod(0o700)
    one_line_error(code, err, "cannot be written to")


def test_without_the_extra_it_says_what_to_install_and_keeps_the_old_file(capsys, tmp_path, monkeypatch):
    out = tmp_path / "m.onnx"
    out.write_bytes(b"an earlier export")
    monkeypatch.setitem(sys.modules, "onnx", None)          # `import onnx` now raises ImportError
    code, _, err = run(capsys, "export", DEFAULT, "--onnx", out)
    one_line_error(code, err, "pip install mnist-gui[onnx]")
    assert out.read_bytes() == b"an earlier export"


def test_onnx_is_required(capsys):
    code, _, err = run(capsys, "export", DEFAULT)
    one_line_error(code, err, "--onnx")
