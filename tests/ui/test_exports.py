"""Exporting the training curves (File > Export training curves, or the plots' Export button): a file that
cannot be written is explained in the window, the old file stays as it was and no temporary file is left."""

from __future__ import annotations

import errno
import os

import pytest
from PySide6.QtWidgets import QFileDialog

import mnist_gui.core.files as files
from mnist_gui.core.files import TEMP_SUFFIX
from mnist_gui.ui.main_window import MainWindow

OLD = b"the export from last week\n"


@pytest.fixture
def window(qtbot, small_dataset, settings):
    w = MainWindow(small_dataset, settings=settings)
    qtbot.addWidget(w)
    w.tabs.setCurrentWidget(w.draw_tab)          # File > Export works from any tab
    return w


def choose(monkeypatch, path) -> list:
    """Make the save dialog answer ``path``; returns the folders it was opened in."""
    opened = []

    def dialog(parent, title, start, filters):
        opened.append(start)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return opened


def temps(folder) -> list:
    return [p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def assert_failure_shown(window, path, words: str) -> None:
    banner = window.training_tab.banner
    assert window.tabs.currentWidget() is window.training_tab
    assert banner.isVisibleTo(window) and banner.kind == "error"
    assert words in banner.text() and str(path) in banner.text() and "unchanged" in banner.text()


class FullDisk:
    """A file whose write stops half-way with ENOSPC, as on a full disk."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(bytes(data)[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()
        return False


@pytest.mark.parametrize("kind", ["csv", "png", "svg"])
def test_a_full_disk_is_explained_and_the_old_file_kept(window, tmp_path, monkeypatch, kind):
    path = tmp_path / f"curves.{kind}"
    path.write_bytes(OLD)
    real_open = open
    monkeypatch.setattr(files, "open", lambda *a, **k: FullDisk(real_open(*a, **k)), raising=False)
    choose(monkeypatch, path)
    assert window.actions[f"export_{kind}"].trigger() is None     # the slot returns; nothing escapes it
    assert_failure_shown(window, path, "the disk is full")
    assert path.read_bytes() == OLD and not temps(tmp_path)


def read_only_folder(tmp_path, monkeypatch):
    """A folder the app may not write in; as root (permissions ignored) the refusal is simulated."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "curves.csv").write_bytes(OLD)
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except PermissionError:
        return folder
    (folder / "probe").unlink()
    real_open = open

    def refuse(file, mode="r", *args, **kwargs):
        if any(m in mode for m in "wxa"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(files, "open", refuse, raising=False)
    return folder


def test_a_read_only_folder_is_explained_and_the_old_file_kept(window, tmp_path, monkeypatch):
    folder = read_only_folder(tmp_path, monkeypatch)
    window.tabs.setCurrentWidget(window.training_tab)       # this time through the plots' own Export button
    menu = dict(zip(("csv", "png", "svg"), window.training_tab.plots.export_button.menu().actions()))
    try:
        for kind in ("csv", "png"):
            window.training_tab.banner.clear()
            path = folder / f"curves.{kind}"
            choose(monkeypatch, path)
            menu[kind].trigger()
            assert_failure_shown(window, path, "not allowed to write")
        assert (folder / "curves.csv").read_bytes() == OLD and not temps(folder)
        assert not (folder / "curves.png").exists()
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_is_explained(window, tmp_path, monkeypatch):
    path = tmp_path / "gone" / "curves.csv"
    choose(monkeypatch, path)
    assert window.export_curves("csv") is False
    assert_failure_shown(window, path, "does not exist")
    assert not path.parent.exists()


def test_an_export_that_works_is_remembered_for_the_next_one(window, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    opened = choose(monkeypatch, folder / "mine")                   # no suffix: .csv is added
    assert window.export_curves("csv") is True
    assert (folder / "mine.csv").read_text().startswith("run,epoch")
    assert not window.training_tab.banner.isVisibleTo(window)
    assert "Exported" in window.statusBar().currentMessage()
    assert window.setting("last_export_dir") == str(folder.resolve())
    window.export_curves("svg")
    assert opened[-1] == str(folder.resolve() / "training-curves.svg")   # the dialog starts where the last went
    assert not temps(folder)
