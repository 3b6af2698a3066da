"""Where file dialogs start: the folder last used for that kind of file, else a sensible first place.

Each kind of file has its own remembered folder: ``model`` (open and save a model, save an edited
network), ``export`` (the training curves as CSV, PNG or SVG), ``picture`` (open a picture of a digit) and
``digits`` (My digits imports and exports). The first time, or when the remembered folder is gone, a
dialog starts in the user's Documents folder (or the home folder when there is none), never in the
working directory, which for someone who started the app from its source is the source folder.

The main window owns one ``DialogFolders`` bound to its settings (``window.dialog_folders``); a widget finds
it with ``folders_for(self)``, so the tabs need no settings of their own. A widget not in such a window
(a tab alone in a test) gets one that remembers only while the app runs.

Not here: what is written to the chosen file (each caller's business).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# the kind of file -> its key in mnist_gui.core.settings
KINDS = {"model": "last_dir", "export": "last_export_dir", "picture": "folders/picture", "digits": "folders/digits"}


def first_folder() -> str:
    """The user's Documents folder if there is one, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


class DialogFolders:
    """The start folders of the file dialogs. ``read(key)`` / ``write(key, value)``: the settings store
    (``MainWindow.setting`` and ``_store``); without them the folders are kept in memory only."""

    def __init__(self, read=None, write=None):
        self._read, self._write = read, write
        self._memory: dict[str, str] = {}

    def start(self, kind: str) -> str:
        """The folder a dialog for ``kind`` opens in: the remembered one if it still exists, else
        ``first_folder()``."""
        key = KINDS[kind]
        folder = self._read(key) if self._read is not None else self._memory.get(key, "")
        return folder if folder and Path(folder).is_dir() else first_folder()

    def remember(self, kind: str, path) -> None:
        """Remember the folder of ``path`` (or ``path`` itself, a folder) for the next dialog of ``kind``."""
        path = Path(path).resolve()
        folder = str(path if path.is_dir() else path.parent)
        key = KINDS[kind]
        if self._write is not None:
            self._write(key, folder)
        else:
            self._memory[key] = folder

    def open_file(self, parent: QWidget, kind: str, title: str, filters: str) -> str | None:
        """Ask for a file to open, starting in the folder of ``kind``; the path, or None if cancelled."""
        path, _ = QFileDialog.getOpenFileName(parent, title, self.start(kind), filters)
        if path:
            self.remember(kind, path)
        return path or None

    def save_file(self, parent: QWidget, kind: str, title: str, name: str, filters: str) -> str | None:
        """Ask where to save, suggesting ``name`` in the folder of ``kind``; the path, or None if cancelled."""
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(self.start(kind)) / name), filters)
        if path:
            self.remember(kind, path)
        return path or None

    def existing_folder(self, parent: QWidget, kind: str, title: str) -> str | None:
        """Ask for a folder, starting in the folder of ``kind``; the folder, or None if cancelled."""
        path = QFileDialog.getExistingDirectory(parent, title, self.start(kind))
        if path:
            self.remember(kind, path)
        return path or None


_IN_MEMORY = DialogFolders()


def folders_for(widget: QWidget | None) -> DialogFolders:
    """The dialog folders of the window ``widget`` is in (kept in its settings), else in-memory ones."""
    window = widget.window() if widget is not None else None
    folders = getattr(window, "dialog_folders", None)
    return folders if isinstance(folders, DialogFolders) else _IN_MEMORY
