"""The one model selector: which network every tab uses, chosen by the user, never imposed.

:class:`ModelSelector` is the widget in the status bar: "Every tab uses:", a combo box listing the bundled
default, trained networks kept only in memory, kept runs with a model (newest first) and opened files, each
with its test accuracy, and an Undo button shown after the app itself changed the model (a run finished,
a file was opened). :class:`CurrentModel` is its controller: it owns the list
(``mnist_gui.core.models.ModelList``, where the rules are), loads a choice's file when it is chosen and
keeps a few loaded networks, and emits ``changed(model, choice)`` for the window to pass on to the tabs. At
start it chooses last session's model again (``start(remembered)``) if that run or file is still there.

A chosen file is read and checked in a worker thread (the CNN's file takes 20-60 ms to load and its check
up to 100 ms on a busy machine, more than the ~50 ms a user notices as a freeze); the tabs keep the old model
until the new one is ready, and only the last choice counts. Loaded networks are kept (``KEEP_LOADED``), so
switching back, and Undo, are instant. Not here: opening dialogs, saving, the close question (the window).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from mnist_gui.core import models as rules
from mnist_gui.core.i18n import tr
from mnist_gui.core.models import DEFAULT_KEY, Choice, ModelList
from mnist_gui.core.runs import RunStore

KEEP_LOADED = 4      # networks loaded from files kept besides the default and those only in memory
PROBE_IMAGES = 8     # test images a chosen network must give finite outputs for


class _Combo(QComboBox):
    """A combo box that says when its list is about to open (so kept runs are re-read first)."""

    about_to_show = Signal()

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.about_to_show.emit()
        super().showPopup()


class ModelSelector(QWidget):
    """The widget: ``chosen(key)`` when the user picks an entry, ``undo_clicked`` for Undo."""

    chosen = Signal(str)
    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(tr("Every tab uses:"))
        self.combo = _Combo()
        self.combo.setAccessibleName(tr("Current model, used by every tab"))
        # elide long names rather than widen the window
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(26)
        self.label.setBuddy(self.combo)
        self.undo = QToolButton(text=tr("Undo"))
        self.undo.setAccessibleName(tr("Go back to the previous model"))
        self.undo.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addWidget(self.undo)
        self.combo.activated.connect(self._on_activated)
        self.undo.clicked.connect(self.undo_clicked)

    def show_choices(self, choices: list[Choice], current: str | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        if current is None:
            self.combo.addItem(tr("No model: train one, or open a model file"), None)
        for choice in choices:
            self.combo.addItem(choice.label(), choice.key)
            index = self.combo.count() - 1
            self.combo.setItemData(index, choice.description() if choice.available else
                                   f"{choice.name}: {choice.note}", Qt.ToolTipRole)
            if not choice.available and choice.key != current:
                self.combo.model().item(index).setEnabled(False)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)
        chosen = next((c for c in choices if c.key == current), None)
        self.combo.setToolTip(
            tr("Every tab (Train, Dataset, Draw) uses {model}. Choose another here.").format(model=chosen.description())
            if chosen else tr("Every tab (Train, Dataset, Draw) uses no model. Choose another here."))

    def offer_undo(self, previous: Choice | None) -> None:
        self.undo.setVisible(previous is not None)
        if previous is not None:
            self.undo.setToolTip(tr("Go back to {model}").format(model=previous.label()))

    def keys(self) -> list[str]:
        return [self.combo.itemData(i) for i in range(self.combo.count())]

    def _on_activated(self, index: int) -> None:
        key = self.combo.itemData(index)
        if key is not None:
            self.chosen.emit(key)


class CurrentModel(QObject):
    """The current model and what may replace it. ``changed(model, choice)`` after every switch; ``refused``
    a sentence when a choice could not be used (the selector then shows the model still in use)."""

    changed = Signal(object, object)
    refused = Signal(str)
    not_restored = Signal(str)    # a sentence for the status bar: last session's model could not be chosen again
    _load_done = Signal(int, str, object, str)    # ticket, key, model or None, why not (from the loading thread)

    def __init__(self, selector: ModelSelector, store: RunStore, probe, default_model=None,
                 default_name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        if default_name is None:
            default_name = tr("Default model")
        self.selector, self.store, self.probe = selector, store, probe
        self.list = ModelList(rules.default_choice(model=default_model, name=default_name)
                              if default_model is not None else None)
        self.model = None
        self._pinned: dict[str, object] = {}                 # default and networks only in memory
        self._loaded: OrderedDict[str, object] = OrderedDict()
        self._memory_count = 0
        self._ticket = 0
        self.loading: str | None = None                     # the key being loaded, if any
        self._restoring: str | None = None                  # last session's choice, while it loads at start
        self._thread: threading.Thread | None = None
        self._load_done.connect(self._on_loaded, Qt.QueuedConnection)
        if default_model is not None:
            self._pinned[DEFAULT_KEY] = default_model
        selector.chosen.connect(self.choose)
        selector.undo_clicked.connect(self.undo)
        selector.combo.about_to_show.connect(self.refresh)

    @property
    def choice(self) -> Choice | None:
        return self.list.get(self.list.current)

    def refresh(self) -> None:
        """Re-read the kept runs (a run may have been deleted, or its model file removed by hand)."""
        runs = rules.run_choices(self.store.runs())
        current = self.choice
        if current is not None and current.kind == "run" and all(c.key != current.key for c in runs):
            runs.insert(0, current)       # deleted from the table while in use: still what every tab uses
        self.list.set_runs(runs)
        self.selector.show_choices(self.list.choices(), self.list.current)

    def start(self, remembered: str = "") -> None:
        """Show the list and make the default current (if there is one); then choose ``remembered`` (the key
        of last session's model) again if it is still there and loads, else say so in ``not_restored``."""
        self.refresh()
        if self.list.default is not None:
            self._install(self.list.default, self._pinned[DEFAULT_KEY])
        else:
            self.changed.emit(None, None)
        if remembered and remembered != self.list.current:
            self._restore(remembered)

    def _restore(self, key: str) -> None:
        choice = self.list.get(key)
        if choice is None and key.startswith("file:") and Path(key[5:]).is_file():
            choice = self.list.add(rules.file_choice(key[5:]))
        if choice is None or not choice.available:
            current = self.choice
            if choice is not None and current is not None:
                text = tr("The model used last time ({name}) is no longer available; every tab uses {current}.")
            elif choice is not None:
                text = tr("The model used last time ({name}) is no longer available; no model is in use.")
            elif current is not None:
                text = tr("The model used last time is no longer available; every tab uses {current}.")
            else:
                text = tr("The model used last time is no longer available; no model is in use.")
            self.not_restored.emit(text.format(name=choice.name if choice else "",
                                               current=current.name if current else ""))
            return
        self.choose(key)
        self._restoring = key if self.loading == key else None

    def choose(self, key: str) -> bool:
        """Make the choice ``key`` current: at once if its network is loaded, else once a worker thread has
        read it (``changed`` then, or ``refused`` if it can't be used). False if it cannot even be tried."""
        choice = self.list.get(key)
        self._ticket += 1                   # a later choice overrides a load still going
        self.loading = self._restoring = None
        if choice is None or key == self.list.current:
            self._show()
            return choice is not None
        model = self._cached(choice.key)
        if model is not None:
            self._install(choice, model, offer_undo=False)
            return True
        if not choice.available:
            self._show()
            self.refused.emit(tr("{name} cannot be used: {why}").format(name=choice.name,
                                                                       why=choice.note or tr("it is not available")))
            return False
        self.loading = key
        self.selector.combo.setToolTip(tr("Loading {name}…").format(name=choice.name))
        self._thread = threading.Thread(target=self._load, args=(self._ticket, choice), name="model-loader",
                                        daemon=True)
        self._thread.start()
        return True

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Wait for a load still going (the window is closing); what it read is dropped."""
        self._ticket += 1
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _load(self, ticket: int, choice: Choice) -> None:
        """In the loading thread: read and check the file, hand the result to the GUI thread."""
        try:
            model, why = rules.load(choice, self.probe), ""
        except ValueError as exc:
            model, why = None, str(exc)
        try:
            self._load_done.emit(ticket, choice.key, model, why)
        except RuntimeError:                # the window closed meanwhile
            pass

    def _on_loaded(self, ticket: int, key: str, model, why: str) -> None:
        if model is not None:
            self._remember(key, model)
        if ticket != self._ticket:
            return
        self.loading = None
        restoring, self._restoring = self._restoring == key, None
        choice = self.list.get(key)
        if choice is None:
            self._show()
        elif why and restoring:              # at start: no error box, the default stays and the status bar says why
            if choice.kind == "file":
                self.list.remove(key)
            self._show()
            reason = why.splitlines()[0].rstrip(".")
            current = self.choice
            text = (tr("The model used last time could not be used again ({reason}); every tab uses {current}.")
                    if current else
                    tr("The model used last time could not be used again ({reason}); no model is in use."))
            self.not_restored.emit(text.format(reason=reason, current=current.name if current else ""))
        elif why:
            self._show()
            self.refused.emit(tr("{name} cannot be used: {why}").format(name=choice.name, why=why))
        else:
            if choice.kind == "file" and choice.test_accuracy is None:   # listed at start, before it was read
                choice = self.list.add(rules.file_choice(choice.path, model))
            self._install(choice, model, offer_undo=False)

    def undo(self) -> bool:
        return self.list.previous is not None and self.choose(self.list.previous)

    def use_default(self) -> bool:
        return self.list.default is not None and self.choose(DEFAULT_KEY)

    def add_trained(self, model, status: str | None, run_id: str | None = None, done: str | None = None) -> str:
        """A network a run left: made current if the run finished (with Undo offered), only listed if it was
        stopped, refused otherwise. Returns a sentence for the status bar, starting with ``done`` (default
        "Training finished", in the user's language)."""
        self.refresh()
        kept = self.list.get(f"run:{run_id}") if run_id else None
        # the worker checked 64 images already; one more here keeps the rule where the switch happens
        why = rules.refusal(status, model, self.probe[:1] if self.probe is not None else None)
        current = self.choice.name if self.choice else tr("no model")
        if why:
            return tr("The new run's network is not used: {why}. The current model is unchanged: {current}.").format(
                why=why, current=current)
        if kept is None or not kept.available:
            self._memory_count += 1
            kept = self.list.add(rules.memory_choice(self._memory_count, model))
            self._pinned[kept.key] = model
        else:
            self._remember(kept.key, model)
        if not rules.becomes_current(status):
            self._show()
            return (tr("The stopped run's network is in the model list; the current model is unchanged: {current}.")
                    if status == "stopped" else
                    tr("The {status} run's network is in the model list; the current model is unchanged: {current}.")
                    ).format(status=status, current=current)
        self._install(kept, model, offer_undo=True)
        return (tr("{done}: every tab now uses {name} (Undo goes back to {current}).") if self.list.previous
                else tr("{done}: every tab now uses {name}.")).format(
            done=tr("Training finished") if done is None else done, name=kept.name, current=current)

    def add_file(self, path, model) -> Choice:
        """An opened (or just saved) file, made current; Undo offered."""
        choice = self.list.add(rules.file_choice(path, model))
        self._remember(choice.key, model)
        self._install(choice, model, offer_undo=True)
        return choice

    def saved_as(self, path) -> Choice:
        """The current network was written to ``path``: a network only in memory becomes that file's entry."""
        old = self.choice
        choice = self.list.add(rules.file_choice(path, self.model))
        self._remember(choice.key, self.model)
        if old is not None and old.kind == "memory":
            self.list.remove(old.key)
            self._pinned.pop(old.key, None)
            self.list.current = None            # the memory entry is gone: Undo keeps pointing before it
            previous = self.list.previous
            self._install(choice, self.model, offer_undo=False)
            self.list.previous = previous
        else:
            self._install(choice, self.model, offer_undo=False)
        return choice

    def unsaved(self) -> list[tuple[Choice, object]]:
        """Networks that exist only in memory (their runs could not be kept), with their models."""
        return [(c, self._pinned[c.key]) for c in self.list.unsaved()]

    def _cached(self, key: str):
        if key in self._pinned:
            return self._pinned[key]
        if key in self._loaded:
            self._loaded.move_to_end(key)
            return self._loaded[key]
        return None

    def _remember(self, key: str, model) -> None:
        if key in self._pinned:
            return
        self._loaded[key] = model
        self._loaded.move_to_end(key)
        while len(self._loaded) > KEEP_LOADED:
            oldest = next(iter(self._loaded))
            if oldest == self.list.current:
                self._loaded.move_to_end(oldest)
                continue
            del self._loaded[oldest]

    def _install(self, choice: Choice, model, offer_undo: bool = False) -> None:
        self.list.make_current(choice.key)
        self.model = model
        self._show()
        self.selector.offer_undo(self.list.get(self.list.previous) if offer_undo else None)
        self.changed.emit(model, choice)

    def _show(self) -> None:
        self.selector.show_choices(self.list.choices(), self.list.current)
