"""Fixtures for the whole suite: keep every test away from the real home directory, and in English."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app speaks English in every test (and every app a test starts), whatever the machine's LANG or settings:
# ui/translation.py takes $MNIST_GUI_LANGUAGE before anything else; tests of other languages install their own
os.environ["MNIST_GUI_LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the per-user cache and data folders (and Qt's settings) at fresh temporary folders."""
    root = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MNIST_GUI_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("MNIST_GUI_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    yield root


@pytest.fixture(scope="session")
def dataset(tmp_path_factory):
    """The bundled MNIST, loaded once per test session (through a session-wide cache folder)."""
    from mnist_gui.data.mnist import load_dataset

    return load_dataset(cache_dir=tmp_path_factory.mktemp("mnist-cache"))
