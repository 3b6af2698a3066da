"""File dialogs start where the user last was for that kind of file, the first time in Documents or the
home folder, never in the working directory (the source folder when run from source)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from mnist_gui.core.paths import resource_path
from mnist_gui.nn import load_model
from mnist_gui.ui.draw.my_digits_io import LAYOUTS
from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.widgets.dialog_folders import first_folder


class Dialogs:
    """QFileDialog's static functions replaced: records where each dialog started and answers ``answer``."""

    def __init__(self, monkeypatch):
        self.starts: list[str] = []
        self.answer = ""
        for name in ("getOpenFileName", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._file))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def _folder(self, parent, title, start, *args, **kwargs):
        self.starts.append(start)
        return self.answer

    def _file(self, parent, title, start, filters="", *args, **kwargs):
        self.starts.append(start)
        return self.answer, ""

    def folder(self, i: int = -1) -> Path:
        """The folder dialog ``i`` started in (a save dialog starts at a suggested file name)."""
        start = Path(self.starts[i])
        return start if start.is_dir() else start.parent


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)          # the working directory must never be where a dialog starts
    return Dialogs(monkeypatch)


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def window(qtbot, small_dataset, settings, model):
    w = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(w)
    return w


def test_the_first_time_dialogs_start_in_documents_or_home_never_the_working_folder(window, dialogs):
    window.open_model()
    window.save_model_as()
    window.draw_tab._on_open()
    window.training_tab.plots.ask_export("csv")
    window.inside_tab._on_save()
    assert len(dialogs.starts) == 5
    for i in range(5):
        assert dialogs.folder(i) == Path(first_folder()) and dialogs.folder(i) != Path(os.getcwd())
    assert Path(dialogs.starts[3]).name == "training-curves.csv"


def test_each_kind_remembers_its_own_folder(window, dialogs, tmp_path, model):
    models, pictures, exports = (tmp_path / n for n in ("models", "pictures", "exports"))
    for folder in (models, pictures, exports):
        folder.mkdir()
    model.save(models / "mine.npz")
    dialogs.answer = str(models / "mine.npz")
    assert window.open_model()
    dialogs.answer = str(pictures / "seven.png")   # not a picture: the folder is still remembered
    window.draw_tab._on_open()
    dialogs.answer = str(exports / "curves.csv")
    window.training_tab.plots.ask_export("csv")
    dialogs.answer = ""
    window.open_model()
    window.draw_tab._on_open()
    window.training_tab.plots.ask_export("png")
    window.save_model_as()
    assert [dialogs.folder(i) for i in range(3, 7)] == [models, pictures, exports, models]
    assert window.settings.value("folders/picture") == str(pictures)


def test_my_digits_import_and_export_remember_their_folder(window, dialogs, tmp_path):
    panel = window.draw_tab.my_digits
    panel.ask_import()
    assert dialogs.folder() == Path(first_folder())
    exports = tmp_path / "digit-exports"
    exports.mkdir()
    dialogs.answer = str(exports)
    panel.ask_export(next(iter(LAYOUTS)))     # an empty store: nothing is written, the folder is remembered
    dialogs.answer = ""
    panel.ask_import()
    assert dialogs.folder() == exports and window.settings.value("folders/digits") == str(exports)


def test_remembered_folders_outlive_the_window(qtbot, small_dataset, settings, dialogs, tmp_path, model):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    first = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(first)
    dialogs.answer = str(pictures / "a.png")
    first.draw_tab._on_open()
    first.close()
    again = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(again)
    dialogs.answer = ""
    again.draw_tab._on_open()
    assert dialogs.folder() == pictures


def test_a_folder_that_is_gone_or_damaged_falls_back_to_the_first_place(qtbot, small_dataset, settings, dialogs,
                                                                       tmp_path, model):
    settings.setValue("folders/picture", str(tmp_path / "deleted"))
    settings.setValue("last_dir", "bad\x00name")
    window = MainWindow(small_dataset, model, settings=settings)
    qtbot.addWidget(window)
    window.draw_tab._on_open()
    window.open_model()
    assert dialogs.folder(0) == Path(first_folder()) == dialogs.folder(1)
    assert any("last model file" in problem for problem in window.recovered)
