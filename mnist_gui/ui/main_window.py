"""The main window: the Train, Dataset and Draw tabs, menus, shortcuts, status bar, saved settings.

The window owns the app's *current model* and wires the tabs together with signals (tabs never reach
into each other): a finished run or an opened file becomes the current model, which the Dataset and
Draw tabs are told about through ``current_model_changed``. Settings (window geometry, the last
training settings, recent model files) live in a ``QSettings`` passed in, or the app's own.
Messages that would block (errors, About) are opened window-modal with ``open()``, never ``exec()``.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from mnist_gui.ui import main_menus
from mnist_gui.ui.dataset.tab import DatasetTab
from mnist_gui.ui.draw.tab import DrawTab
from mnist_gui.ui.train.tab import TrainingTab

MAX_RECENT = 8
MODEL_FILTER = "mnist-gui models (*.npz);;All files (*)"


class MainWindow(QMainWindow):
    """The app window. ``model`` is the starting current model (e.g. the bundled default) or None.

    ``settings``: where to keep settings (tests pass an INI file in a temporary folder); default the
    app's ``QSettings("mnist-gui", "mnist-gui")``. ``model_name``: how to call a model that did not
    come from a user file. Extra keyword arguments go to the TrainingTab (e.g. ``blas_threads``).
    """

    current_model_changed = Signal(object)
    error_shown = Signal(str)

    def __init__(self, dataset, model=None, parent: QWidget | None = None, *, settings: QSettings | None = None,
                 model_name: str = "default model", **training_options):
        super().__init__(parent)
        self.dataset = dataset
        self.settings = settings if settings is not None else QSettings("mnist-gui", "mnist-gui")
        self.model = None
        self.model_path: Path | None = None
        self.model_name = model_name
        self.last_error = ""

        self.tabs = QTabWidget(documentMode=True)
        self.training_tab = TrainingTab(dataset, **training_options)
        self.dataset_tab = DatasetTab(dataset)
        self.draw_tab = DrawTab()
        self.tabs.addTab(self.training_tab, "&Train")
        self.tabs.addTab(self.dataset_tab, "&Dataset")
        self.tabs.addTab(self.draw_tab, "D&raw")
        self.setCentralWidget(self.tabs)
        self.model_label = QLabel()
        self.statusBar().addPermanentWidget(self.model_label)

        self.actions: dict[str, QAction] = main_menus.build(self)
        self._wire()
        self._restore_settings()
        self.set_current_model(model, path=None, name=model_name)
        self.statusBar().showMessage("Ready", 3000)

    def _wire(self) -> None:
        self.training_tab.model_trained.connect(self._on_model_trained)
        self.training_tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.training_tab.running_changed.connect(self._update_actions)
        self.training_tab.plots.earlier_visibility_changed.connect(self.actions["show_earlier"].setChecked)
        self.current_model_changed.connect(self.training_tab.set_model)
        self.current_model_changed.connect(self.dataset_tab.set_model)
        self.current_model_changed.connect(self.draw_tab.set_model)
        self.dataset_tab.image_sent.connect(self._on_image_sent)
        self.tabs.currentChanged.connect(self._update_actions)

    def set_current_model(self, model, path: str | Path | None = None, name: str | None = None,
                          modified: bool = False) -> None:
        """Make ``model`` the app's current model (None: no model) and tell the tabs."""
        self.model = model
        self.model_path = Path(path) if path is not None else None
        self.model_name = self.model_path.name if self.model_path else (name or "trained model")
        self.setWindowTitle(f"{self.model_name}[*]" if model is not None else "mnist-gui")
        self.setWindowModified(modified)
        self.model_label.setText(self._model_description())
        self._update_actions()
        self.current_model_changed.emit(model)

    def _model_description(self) -> str:
        if self.model is None:
            return "No model: train one, or open a model file"
        text = f"Model: {self.model_name}" + (" (not saved)" if self.isWindowModified() else "")
        meta = getattr(self.model, "metadata", None) or {}
        if isinstance(meta, dict) and isinstance(meta.get("test_accuracy"), (int, float)):
            text += f" · test accuracy {100 * meta['test_accuracy']:.2f}%"
        return text

    @Slot(object)
    def _on_model_trained(self, model) -> None:
        self.set_current_model(model, path=None, name="trained model", modified=True)

    @Slot(object)
    def _on_image_sent(self, image) -> None:
        self.draw_tab.show_image(image)
        self.tabs.setCurrentWidget(self.draw_tab)

    def _update_actions(self, *_args) -> None:
        a, running = self.actions, self.training_tab.is_running()
        a["save"].setEnabled(self.model is not None)
        a["save_as"].setEnabled(self.model is not None)
        on_train = self.tabs.currentWidget() is self.training_tab
        # disabled off the Train tab, so Space still reaches the Draw and Dataset tabs' own widgets
        a["start_pause"].setEnabled(on_train)
        self.space_shortcut.setEnabled(on_train)
        a["start_pause"].setText(("Resume" if self.training_tab.run.paused else "Pause") + " training"
                                 if running else "Start training")
        a["stop"].setEnabled(running)

    def open_model(self, path: str | Path | None = None) -> bool:
        """Load a model file and make it current; a bad file gets a message and changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Open model", self._last_dir(), MODEL_FILTER)
            if not path:
                return False
        path = Path(path)
        from mnist_gui.nn import load_model

        if not path.is_file():
            self._forget_recent(path)
            self.show_error("Could not open model", f"There is no file {path}.")
            return False
        try:
            model = load_model(path)
            model.predict(self.dataset.x_test[:1])   # a model for other inputs fails here, not in a tab
        except Exception as exc:  # noqa: BLE001 - a boundary: any bad file becomes a message
            self.show_error("Could not open model",
                            f"{path.name} is not a model mnist-gui can use.\n\n{type(exc).__name__}: {exc}")
            return False
        self.set_current_model(model, path=path)
        self._remember_recent(path)
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def save_model(self) -> bool:
        """Save to the current model's file, or ask for one (the bundled default is never overwritten)."""
        if self.model_path is None:
            return self.save_model_as()
        return self._save_to(self.model_path)

    def save_model_as(self, path: str | Path | None = None) -> bool:
        if self.model is None:
            return False
        if path is None:
            suggested = str(Path(self._last_dir()) / "model.npz")
            path, _ = QFileDialog.getSaveFileName(self, "Save model as", suggested, MODEL_FILTER)
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".npz":
            path = path.with_name(path.name + ".npz")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.model.save(path)
        except (OSError, ValueError) as exc:
            self.show_error("Could not save model", f"The model could not be saved to {path}.\n\n{exc}")
            return False
        self.set_current_model(self.model, path=path)
        self._remember_recent(path)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def show_error(self, title: str, text: str) -> QMessageBox:
        """A warning box that does not block (tests watch ``error_shown`` / ``last_error``)."""
        self.last_error = text
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_shown.emit(text)
        return box

    def recent_models(self) -> list[str]:
        try:
            items = json.loads(str(self.settings.value("recent_models", "[]")))
        except ValueError:
            return []
        return [str(p) for p in items if isinstance(p, str)][:MAX_RECENT]

    def _remember_recent(self, path: Path) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_models() if p != path]
        self.settings.setValue("recent_models", json.dumps(items[:MAX_RECENT]))
        self.settings.setValue("last_dir", str(Path(path).parent))

    def _forget_recent(self, path: Path) -> None:
        path = str(Path(path).resolve())
        self.settings.setValue("recent_models", json.dumps([p for p in self.recent_models() if p != path]))

    def clear_recent(self) -> None:
        self.settings.setValue("recent_models", "[]")

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1280, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))
        try:
            state = json.loads(str(self.settings.value("training", "{}")))
        except ValueError:
            state = {}
        if isinstance(state, dict):
            self.training_tab.restore_settings_state(state)
        tab = self.settings.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(tab) if str(tab).isdigit() else 0)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.setValue("training", json.dumps(self.training_tab.settings_state()))
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.training_tab.shutdown()
        for tab in (self.dataset_tab, self.draw_tab):
            if hasattr(tab, "shutdown"):
                tab.shutdown()
        self.save_settings()
        super().closeEvent(event)

