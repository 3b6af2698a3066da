"""The main window: the Train, Dataset, Draw and Inside tabs, menus, shortcuts, status bar, saved settings.
Each tab's page scrolls when the window is smaller than it needs (``widgets/fitting_tabs.py``), so nothing a
tab shows can grow the window.

The window wires the tabs together with signals (tabs never reach into each other) and holds the one
model selector (``ui/model_selector.py``, in the status bar): the current model is chosen there and every
tab is told through ``current_model_changed``. A finished run or an opened file becomes current with Undo
one click away; a stopped run is only listed; a run that diverged, did not learn or left NaN outputs never
becomes current (``mnist_gui.core.models``). A trained network that could not be kept in the run store is
listed as "not saved", and closing the window with one asks Save / Discard / Cancel.

Settings (window geometry, the last valid training settings, recent model files, the last folders) live in
a ``QSettings`` passed in, or the app's own; every read goes through ``setting(key)``, i.e.
``mnist_gui.core.settings``, so a damaged value is reset to its default, written back at once (the file is
repaired even if the app is killed later) and named in a banner at the top of the window
(``window_settings``). Messages that would block (errors, About, the close question) are opened
window-modal with ``open()``, never ``exec()``. Opening and saving model files: ``window_model_files``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from mnist_gui.core import models as rules
from mnist_gui.core import settings as stored
from mnist_gui.core.i18n import tr
from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.core.runs import RunStore
from mnist_gui.ui import main_menus
from mnist_gui.ui.model_selector import PROBE_IMAGES, CurrentModel, ModelSelector
from mnist_gui.ui.dataset.tab import DatasetTab
from mnist_gui.ui.draw.tab import DrawTab
from mnist_gui.ui.inside import InsideTab
from mnist_gui.ui.train.tab import TrainingTab
from mnist_gui.ui.widgets.banner import Banner
from mnist_gui.ui.widgets.dialog_folders import DialogFolders
from mnist_gui.ui.widgets.fitting_tabs import FittingTabs
from mnist_gui.ui.window_model_files import ModelFiles
from mnist_gui.ui.window_settings import WindowSettings

MAX_RECENT = stored.MAX_RECENT


class MainWindow(WindowSettings, ModelFiles, QMainWindow):
    """The app window. ``model`` is the starting current model (e.g. the bundled default) or None.

    ``settings``: where to keep settings (tests pass an INI file in a temporary folder); default the
    app's ``QSettings("mnist-gui", "mnist-gui")``. ``model_name``: how to call the starting model
    (default "default model", in the user's language).
    ``runs``: the run store whose kept runs the selector lists (default ``RunStore()``, the user data
    folder). Extra keyword arguments go to the TrainingTab (e.g. ``blas_threads``).
    """

    current_model_changed = Signal(object)
    error_shown = Signal(str)

    def __init__(self, dataset, model=None, parent: QWidget | None = None, *, settings: QSettings | None = None,
                 model_name: str | None = None, runs: RunStore | None = None, **training_options):
        super().__init__(parent)
        if model_name is None:
            model_name = tr("default model")
        self.dataset = dataset
        self.settings = settings if settings is not None else QSettings("mnist-gui", "mnist-gui")
        self.dialog_folders = DialogFolders(self.setting, self._store)   # where each kind of file dialog starts
        self.model = None
        self.model_path: Path | None = None
        self.model_name = model_name
        self.last_error = ""
        self.recovered: list[str] = []     # what was reset from a damaged settings file, in plain words

        self.banner = Banner()
        self.tabs = FittingTabs(documentMode=True)     # pages scroll rather than grow the window
        store = runs if runs is not None else RunStore()
        self.training_tab = TrainingTab(dataset, store=store, **training_options)
        self.my_digits = MyDigitsStore()   # one store for the Draw tab's panel and the Dataset tab's split
        self.dataset_tab = DatasetTab(dataset, my_digits=self.my_digits)
        self.draw_tab = DrawTab(my_digits_store=self.my_digits)
        self.draw_tab.my_digits.teach.set_context(mnist=dataset, runs=store)
        self.inside_tab = InsideTab(dataset, store=store)
        self.tabs.addTab(self.training_tab, tr("&Train"))
        self.tabs.addTab(self.dataset_tab, tr("&Dataset"))
        self.tabs.addTab(self.draw_tab, tr("D&raw"))
        self.tabs.addTab(self.inside_tab, tr("&Inside"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.selector = ModelSelector()
        self.model_label: QLabel = self.selector.label
        self.statusBar().addPermanentWidget(self.selector)
        self.current = CurrentModel(self.selector, store,
                                    dataset.x_test[:PROBE_IMAGES], model, model_name[:1].upper() + model_name[1:],
                                    parent=self)
        self._close_confirmed = False
        self._stop_confirmed = False      # the user chose "Stop and quit" while a network trained
        self.close_question: QMessageBox | None = None

        self.actions: dict[str, QAction] = main_menus.build(self)
        self._wire()
        self._restore_settings()
        self.statusBar().showMessage(tr("Ready"), 3000)
        self.current.start(self.setting("model/current"))    # last session's model, if it is still there

    def _wire(self) -> None:
        self.training_tab.run_finished.connect(self._on_run_finished)
        self.training_tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.training_tab.running_changed.connect(self._update_actions)
        self.current.changed.connect(self._on_current_changed)
        self.current.refused.connect(lambda text: self.show_error(tr("Could not use this model"), text))
        self.current.not_restored.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.training_tab.plots.earlier_visibility_changed.connect(self.actions["show_earlier"].setChecked)
        self.training_tab.plots.exported.connect(
            lambda path: self._store("last_export_dir", str(Path(path).resolve().parent)))
        self.current_model_changed.connect(self.training_tab.set_model)
        self.current_model_changed.connect(self.dataset_tab.set_model)
        self.current_model_changed.connect(self.draw_tab.set_model)
        self.current_model_changed.connect(self.inside_tab.set_model)
        # the Inside tab follows what the pad shows (its set_input is cheap: one pass, coalesced)
        self.draw_tab.prediction_updated.connect(lambda: self.inside_tab.set_input(self.draw_tab.network_input()))
        self.dataset_tab.image_sent.connect(self._on_image_sent)
        # a model taught the person's handwriting is listed at once, and used only when they say so
        teach = self.draw_tab.my_digits.teach
        teach.run_saved.connect(lambda _run_id: (self.training_tab.runs.reload(), self.current.refresh()))
        teach.use_requested.connect(lambda model, run_id: self.statusBar().showMessage(
            self.current.add_trained(model, "finished", run_id, done=tr("Your handwriting learned")), 10000))
        self.inside_tab.image_sent.connect(self._on_image_sent)
        # a test image clicked on the Inside tab's map is also the one the Dataset tab shows (its test split)
        self.inside_tab.test_image_picked.connect(
            lambda i: (self.dataset_tab.set_split("test"), self.dataset_tab.jump_to(i)))
        # a network kept from the lab is a run like any other: in the table and the model list at once
        self.inside_tab.run_kept.connect(lambda _run_id: (self.training_tab.runs.reload(), self.current.refresh()))
        # a run renamed in the table is renamed in the model list at once
        self.training_tab.runs.renamed.connect(lambda _run_id, _name: self.current.refresh())
        self.tabs.currentChanged.connect(self._update_actions)

    def choose_model(self, key: str) -> bool:
        """Make the selector's entry ``key`` ("default", "run:<id>", "file:<path>") current for every tab."""
        return self.current.choose(key)

    def use_default_model(self) -> bool:
        """File > Use default model."""
        done = self.current.use_default()
        if done:
            self.statusBar().showMessage(tr("Every tab now uses the default model"), 5000)
        return done

    @Slot(object, object)
    def _on_current_changed(self, model, choice) -> None:
        self.model = model
        self.model_path = choice.path if choice is not None and choice.kind == "file" else None
        self.model_name = choice.name if choice is not None else ""
        self.setWindowTitle(f"{choice.name}[*]" if choice is not None else "mnist-gui")
        self.setWindowModified(choice is not None and choice.unsaved)
        self._update_actions()
        self.current_model_changed.emit(model)

    @Slot(object)
    def _on_run_finished(self, result) -> None:
        """A run ended (``result``: its TrainingResult, None if it failed): its network becomes current only if
        the run finished and the network is usable; a stopped run's is only listed; the rest never."""
        message = self.current.add_trained(getattr(result, "model", None), rules.status_of(result),
                                           getattr(result, "run_id", None))
        self.statusBar().showMessage(message, 10000)

    @Slot(object)
    def _on_image_sent(self, image) -> None:
        self.draw_tab.show_image(image)
        self.tabs.setCurrentWidget(self.draw_tab)

    def _update_actions(self, *_args) -> None:
        a, running = self.actions, self.training_tab.is_running()
        a["use_default"].setEnabled(self.current.list.default is not None
                                    and self.current.list.current != rules.DEFAULT_KEY)
        a["save"].setEnabled(self.model is not None)
        a["save_as"].setEnabled(self.model is not None)
        on_train = self.tabs.currentWidget() is self.training_tab
        # disabled off the Train tab, so Space still reaches the Draw and Dataset tabs' own widgets
        a["start_pause"].setEnabled(on_train)
        self.space_shortcut.setEnabled(on_train)
        a["start_pause"].setText((tr("&Resume training") if self.training_tab.run.paused else tr("&Pause training"))
                                 if running else tr("&Start training"))
        a["stop"].setEnabled(running)

    def show_error(self, title: str, text: str) -> QMessageBox:
        """A warning box that does not block (tests watch ``error_shown`` / ``last_error``)."""
        self.last_error = text
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_shown.emit(text)
        return box

    def export_curves(self, kind: str) -> bool:
        """File > Export training curves: show the Train tab (where a failure is reported), then ask."""
        self.tabs.setCurrentWidget(self.training_tab)
        return self.training_tab.plots.ask_export(kind)

    def request_quit(self) -> None:
        """File > Quit (Ctrl+Q): asks first while a network trains, then closes as the window's X does."""
        if self.training_tab.is_running() and not self._stop_confirmed:
            self._ask_before_stopping()
            return
        self.close()

    def _ask_before_stopping(self) -> None:
        def answered(quit_: bool) -> None:
            self.close_question = None
            if quit_:
                self._stop_confirmed = True
                self.close()
        bar = self.training_tab.progress
        percent = 100 * bar.value() // bar.maximum() if bar.maximum() > 0 and bar.value() >= 0 else None
        self.close_question = main_menus.ask_before_stopping(self, percent, answered)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        # the user closing the window (its X: a spontaneous event) is asked first while a network trains; a
        # close from code (Stop and quit, the session ending) stops it, keeping the run as "stopped"
        if event.spontaneous() and self.training_tab.is_running() and not self._stop_confirmed:
            event.ignore()
            self._ask_before_stopping()
            return
        unsaved = self.current.unsaved()
        if unsaved and not self._close_confirmed:
            event.ignore()
            self._ask_before_closing(unsaved)
            return
        self.training_tab.shutdown()
        self.current.shutdown()
        for tab in (self.dataset_tab, self.draw_tab, self.inside_tab):
            if hasattr(tab, "shutdown"):
                tab.shutdown()
        self.save_settings()
        super().closeEvent(event)

    def _ask_before_closing(self, unsaved) -> None:
        self.close_question = main_menus.ask_before_closing(
            self, [choice.name for choice, _ in unsaved], lambda answer: self._on_close_answer(answer, unsaved))

    def _on_close_answer(self, answer, unsaved) -> None:
        self.close_question = None
        if answer == QMessageBox.Save:
            for choice, _model in unsaved:
                if not self.current.choose(choice.key) or not self.save_model_as():
                    return              # the user cancelled a file dialog: stay open
        elif answer != QMessageBox.Discard:
            return
        self._close_confirmed = True
        self.close()
