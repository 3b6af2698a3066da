"""At start-up the app removes what interrupted saves left behind, in the folders it writes to, and only that."""

from __future__ import annotations

import os
import time

from mnist_gui.core.files import temp_path_for
from mnist_gui.core.paths import user_cache_dir, user_data_dir
from mnist_gui.ui import app
from mnist_gui.ui.main_window import MainWindow


def leftover(folder, name="model.npz"):
    """A temporary file of a save whose writer died (a day old, so its pid no longer counts)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = temp_path_for(folder / name)
    path.write_bytes(b"half a file")
    old = time.time() - 2 * 24 * 3600
    os.utime(path, (old, old))
    return path


def test_interrupted_saves_are_cleaned_up_where_the_app_writes(qtbot, small_dataset, settings, tmp_path):
    models, exports = tmp_path / "models", tmp_path / "exports"
    settings.setValue("last_dir", str(models))
    settings.setValue("last_export_dir", str(exports))
    left = [leftover(user_data_dir() / "my-digits", "images-idx3-ubyte"), leftover(user_data_dir()),
            leftover(user_cache_dir() / "datasets" / "0123abcd", "x.npy"), leftover(user_cache_dir()),
            leftover(models), leftover(exports, "curves.png")]
    mine = [models / "model.npz", exports / ".hidden.tmp", user_data_dir() / "notes.txt"]
    for path in mine:
        path.write_bytes(b"keep me")
    elsewhere = leftover(tmp_path / "somewhere-else")
    window = MainWindow(small_dataset, settings=settings)
    qtbot.addWidget(window)
    removed = app.clean_up_interrupted_saves(window.remembered_folders())
    assert set(removed) <= set(left) and models / left[4].name in removed   # (My digits may clean its own)
    assert not any(p.exists() for p in left)
    assert all(p.read_bytes() == b"keep me" for p in mine) and elsewhere.exists()


def test_missing_folders_are_fine():
    assert app.clean_up_interrupted_saves(["/no/such/folder"]) == []
