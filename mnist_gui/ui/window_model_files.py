"""The main window's model files: File > Open model (a bad file gets a message and changes nothing; the
opened model joins the selector and becomes current, Undo one click away), Save (to the current model's
file; the bundled default is never overwritten) and Save as (``.npz`` added when missing); each file
opened or saved goes to the recent files.

A mixin of ``MainWindow`` (``ui/main_window.py``), which provides ``current`` (the model selector's
``CurrentModel``), ``model``, ``model_path``, ``dataset``, ``show_error`` and, through ``WindowSettings``,
the last folder and the recent files. Not here: loading and checking a model (``core.models``), the menus
(``main_menus``, which also has File > Export as ONNX).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from mnist_gui.core import models as rules
from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.training_text import file_error

MODEL_FILTER = QT_TR_NOOP("mnist-gui models (*.npz);;All files (*)")


class ModelFiles:
    """Open, Save and Save as for the window's current model (see the module docstring)."""

    def open_model(self, path: str | Path | None = None) -> bool:
        """Load a model file and make it current (every earlier model stays in the selector, so nothing in
        memory is lost); a bad file gets a message and changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Open model"), self._last_dir(), tr(MODEL_FILTER))
            if not path:
                return False
        path = Path(path)
        if not path.is_file():
            self._forget_recent(path)
            self.show_error(tr("Could not open model"), tr("There is no file {path}.").format(path=path))
            return False
        choice = rules.file_choice(path)
        try:
            model = rules.load(choice, self.dataset.x_test[:1])     # one image: opening stays quick
        except ValueError as exc:
            self.show_error(tr("Could not open model"), str(exc))
            return False
        self.current.add_file(path, model)
        self._remember_recent(path)
        self.statusBar().showMessage(tr("Opened {path}: every tab now uses it (Undo goes back)").format(path=path),
                                     5000)
        return True

    def save_model(self) -> bool:
        """Save to the current model's file, or ask for one (the bundled default is never overwritten)."""
        if self.model_path is None:
            return self.save_model_as()
        return self._save_to(self.model_path)

    def save_model_as(self, path: str | Path | None = None) -> bool:
        """Write the current model wherever the user wants; the saved file becomes its entry."""
        if self.model is None:
            return False
        if path is None:
            suggested = str(Path(self._last_dir()) / "model.npz")
            path, _ = QFileDialog.getSaveFileName(self, tr("Save model as"), suggested, tr(MODEL_FILTER))
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.model.save(path)
        except OSError as exc:
            self.show_error(tr("Could not save model"), file_error(tr("The model could not be saved"), path, exc))
            return False
        except ValueError as exc:
            self.show_error(tr("Could not save model"),
                            tr("The model could not be saved to {path}.\n\n{reason}").format(path=path, reason=exc))
            return False
        self.current.saved_as(path)
        self._remember_recent(path)
        self.statusBar().showMessage(tr("Saved {path}").format(path=path), 5000)
        return True
