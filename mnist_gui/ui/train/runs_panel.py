"""The runs table of the Train tab: every kept run with its settings and outcome; tick to show it on the
plots, star, rename (double-click the name), delete with undo, compare two, load one's settings back. A tick is
kept in the run's record (``shown``), so the runs ticked when the window closed are drawn again when it
opens; Undo after a delete brings a ticked run back ticked.

The panel owns the GUI thread's :class:`~mnist_gui.core.runs.RunStore` and is the only part of the tab that
writes to it (renames, stars, deletions; the training worker records runs with a store of its own). A
deletion waits ``UNDO_SECONDS`` behind an Undo button and is done when that runs out or the window closes.
Damaged entries the store sets aside are reported through ``message``, never fatal.
Not here: the rows' contents and the comparison (``mnist_gui.core.run_table``), drawing (plots.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.core.run_table import COLUMN_KEYS, STATUS_WORDS, row_from_run
from mnist_gui.core.runs import KEEP_UNSTARRED, MAX_RECORD_BYTES, RUN_FILE, Run, RunStore
from mnist_gui.data.safe_json import load_json_file
from mnist_gui.ui.accessibility import name_corner_button
from mnist_gui.ui.train.compare import CompareDialog
from mnist_gui.ui.train.run_curves import short
from mnist_gui.ui.train.runs_model import ID_ROLE, SORT_ROLE, RunsModel

UNDO_SECONDS = 8


def _size(n: int) -> str:
    return f"{number(n / 1e6, '.1f')} MB" if n >= 1e5 else f"{number(n / 1e3, '.0f')} kB"


class RunsPanel(QWidget):
    """The table, its buttons and the undo strip, over ``store`` (a RunStore)."""

    show_changed = Signal(str, bool)    # run id, whether it is now ticked to be on the plots
    renamed = Signal(str, str)          # run id, its new name
    load_requested = Signal(dict)       # the config of the run whose settings go back into the form
    message = Signal(str, str)          # kind (info, warning, error), text: for the tab's banner
    KEY_HINTS = ((QT_TR_NOOP("Delete"), QT_TR_NOOP("Delete the selected runs (in the runs table)")),)   # F1 list

    def __init__(self, store: RunStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.model = RunsModel(self)
        self.model.editor = self._edit
        self.model.edit_failed.connect(lambda text: self.message.emit("warning", text))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.pending: list[tuple[str, str]] = []    # (id, name) of runs deleted, waiting for Undo
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self.commit_deletes)
        self._running = False
        self.runs: dict = {}                       # id -> Run, as last read from the store
        self._build()
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

    def _build(self) -> None:
        v = self.view = QTableView()
        v.setAccessibleName(tr("Kept runs"))
        name_corner_button(v)
        v.setModel(self.proxy)
        v.setSortingEnabled(True)
        v.sortByColumn(-1, Qt.AscendingOrder)        # newest first, as the store lists them, until asked
        v.setSelectionBehavior(QAbstractItemView.SelectRows)
        v.setSelectionMode(QAbstractItemView.ExtendedSelection)
        v.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        v.verticalHeader().hide()
        v.verticalHeader().setDefaultSectionSize(v.fontMetrics().height() + 6)
        v.setWordWrap(False)
        header = v.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        # each column as wide as its header or its usual contents, the name as wide as what is left allows
        samples = {"colour": "", "show": "", "star": "★", "network": "MLP 512×2 relu", "optimizer": "adam",
                   "learning_rate": "", "batch_size": "", "epochs": "", "best_val": "99.99%",
                   "test": "99.99%", "seconds": "1:02:03", "status": tr(STATUS_WORDS["not learning"])}
        metrics = header.fontMetrics()
        for key, sample in samples.items():
            column = COLUMN_KEYS.index(key)
            header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                             metrics.horizontalAdvance(self.model.headerData(column, Qt.Horizontal)
                                                                       or "")) + 18)
        # the name keeps a readable width (a Stretch section shrinks to nothing on a narrow window); the last
        # column takes what is left, and a narrow window scrolls sideways instead
        header.resizeSection(COLUMN_KEYS.index("name"), metrics.horizontalAdvance("M" * 16))
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(20)
        self.info = QLabel()
        self.info.setToolTip(tr("The run store keeps the last {kept} unstarred runs and every starred one, in "
                                "{folder}").format(kept=KEEP_UNSTARRED, folder=self.store.folder))
        self.load_button = QPushButton(tr("Load settings"))
        self.load_button.setToolTip(tr("Put the selected run's settings back into the form, to train it again "
                                       "or change one thing."))
        self.compare_button = QPushButton(tr("Compare"))
        self.compare_button.setToolTip(tr("Select two runs (Ctrl+click) to see their settings side by side."))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected runs (Undo is offered for a few seconds)."))
        self.undo_label = QLabel()
        self.undo_button = QPushButton(tr("Undo"))
        self.load_button.clicked.connect(self.load_selected)
        self.compare_button.clicked.connect(lambda: self.compare_selected().exec())
        self.delete_button.clicked.connect(self.delete_selected)
        v.installEventFilter(self)             # the Delete key deletes, as the button does
        self.undo_button.clicked.connect(self.undo_delete)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.undo_label, 1)         # shown in the count's place (see _show_undo)
        top.addWidget(self.undo_button)
        for b in (self.load_button, self.compare_button, self.delete_button):
            top.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(v, 1)
        self._show_undo(False)
        self._update_buttons()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (watched is self.view and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Delete
                and self.view.state() != QAbstractItemView.EditingState):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """Fill the table from the store (at start, after each run); damaged entries go to ``message``."""
        waiting = {run_id for run_id, _ in self.pending}
        runs = [r for r in self.store.runs() if r.id not in waiting]
        self.runs = {r.id: r for r in runs}
        rows = [row_from_run(r) for r in runs]
        problems = list(self.store.problems)
        self.model.set_rows(rows)
        for row in rows:             # ticked in the record (an earlier session, or before an undone delete)
            if row.shown and row.id not in self.model.shown:
                self.set_shown(row.id, True, keep=False)
        self._update_info()
        self._update_buttons()
        if problems:
            more = len(problems) - 3
            text = (tr("Some kept runs were damaged and have been set aside: {problems} (and {more} more)") if more > 0
                    else tr("Some kept runs were damaged and have been set aside: {problems}"))
            self.message.emit("warning", text.format(problems="; ".join(problems[:3]), more=more))

    def _update_info(self) -> None:
        n = len(self.model.rows)
        starred = sum(r.starred for r in self.model.rows)
        if not n:
            self.info.setText(tr("No runs kept yet: every run you train appears here."))
            return
        text = tr("%n kept run(s), {starred} starred", None, n) if starred else tr("%n kept run(s)", None, n)
        self.info.setText(tr("{runs} · {size} on disk").format(runs=text.format(starred=starred),
                                                                size=_size(self.store.disk_bytes())))

    def selected_ids(self) -> list[str]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in rows]

    def select(self, *run_ids: str) -> None:
        """Select these runs (as Ctrl+click would)."""
        sm = self.view.selectionModel()
        sm.clearSelection()
        for run_id in run_ids:
            i = self.model.row_of(run_id)
            if i >= 0:
                sm.select(self.proxy.mapFromSource(self.model.index(i, 0)),
                          sm.SelectionFlag.Select | sm.SelectionFlag.Rows)

    def set_running(self, running: bool) -> None:
        """Loading settings waits while a run trains (the form is locked then)."""
        self._running = running
        self._update_buttons()

    def _on_selection(self, *_args) -> None:
        current = self.view.currentIndex()
        ids = self.selected_ids()
        base = current.data(ID_ROLE) if current.isValid() and current.data(ID_ROLE) in ids else None
        self.model.set_selected(base or (ids[0] if ids else None))
        self._update_buttons()

    def _update_buttons(self) -> None:
        n = len(self.selected_ids())
        self.load_button.setEnabled(n == 1 and not self._running)
        self.compare_button.setEnabled(n == 2)
        self.delete_button.setEnabled(n >= 1 and not (self._running and self._has_running()))

    def _has_running(self) -> bool:
        return any(self.model.get(i) and self.model.get(i).status == "running" for i in self.selected_ids())

    def set_shown(self, run_id: str, shown: bool, keep: bool = True) -> None:
        """Tick or untick a run (as a click on its Show box does); ``keep``: also in its record."""
        if self.model.get(run_id) is not None and (run_id in self.model.shown) != shown:
            self.model.set_shown(run_id, shown)
            if keep:
                self._keep_shown(run_id, shown)
            self.show_changed.emit(run_id, shown)

    def hide_all(self) -> None:
        """Untick every run without telling the plots (they were cleared already)."""
        for run_id in list(self.model.shown):
            self.model.set_shown(run_id, False)
            self._keep_shown(run_id, False)

    def _keep_shown(self, run_id: str, shown: bool) -> None:
        """The tick into the run's record (read again first, so a rename made elsewhere is not undone). A
        running run's record belongs to its recorder until it ends; a record that cannot be written only
        means the tick is not remembered next time."""
        row = self.model.get(run_id)
        if row is None or row.status == "running" or row.shown == shown:
            return
        known = self.runs.get(run_id)
        if known is None:
            return
        try:      # this run's record alone (store.get reads every run's; a tick must redraw at once)
            info = load_json_file(known.folder / RUN_FILE, max_bytes=MAX_RECORD_BYTES, what="a run record")
            if not isinstance(info, dict) or info.get("id") != run_id:
                return
            run = Run(known.folder, info)
            run.info["shown"] = shown
            self.store.save(run)
        except (OSError, ValueError):
            return
        row.shown = shown
        self.runs[run_id] = run

    def _edit(self, run_id: str, key: str, value) -> str | None:
        row = self.model.get(run_id)
        if key == "show":
            self.model.set_shown(run_id, bool(value))
            self._keep_shown(run_id, bool(value))
            self.show_changed.emit(run_id, bool(value))
            return None
        if row.status == "running":     # its recorder rewrites the record when it ends
            return tr("Run {name} is still training; rename or star it once it has ended.").format(
                name=repr(row.name))
        change = {"name": value} if key == "name" else {"starred": bool(value)}
        try:
            run = self.store.update(run_id, **change)
        except ValueError as exc:
            return tr("{reason}; the name stays {name}.").format(reason=f"{str(exc)[:1].upper()}{str(exc)[1:]}",
                                                                  name=repr(row.name))
        except (KeyError, OSError) as exc:
            return tr("Run {name} could not be changed: {reason}").format(name=repr(row.name), reason=exc)
        row.name, row.starred = run.name, run.starred
        if key == "name":
            self.renamed.emit(run_id, run.name)
        self._update_info()
        return None

    def delete_selected(self) -> None:
        ids = [i for i in self.selected_ids() if self.model.get(i).status != "running"]
        if not ids:
            return
        self.commit_deletes()                   # an earlier deletion is final once another one is made
        for run_id in ids:
            self.set_shown(run_id, False, keep=False)     # the record keeps the tick, for Undo
            self.pending.append((run_id, self.model.get(run_id).name))
        self.model.set_rows([r for r in self.model.rows if r.id not in ids])
        # one short name: the strip shares a row with the buttons, and a long one would widen the whole tab
        first = repr(short(self.pending[0][1], 18))
        more = len(self.pending) - 1
        text = tr("Deleted {name} and {more} more.") if more else tr("Deleted {name}.")
        self.undo_label.setText(text.format(name=first, more=more))
        self.undo_label.setToolTip(tr("Deleted {names}: Undo brings them back within {seconds} s.").format(
            names=", ".join(repr(name) for _, name in self.pending), seconds=UNDO_SECONDS))
        self._show_undo(True)
        self._undo_timer.start()
        self._update_info()

    def undo_delete(self) -> None:
        self._undo_timer.stop()
        self.pending.clear()
        self._show_undo(False)
        self.reload()

    def commit_deletes(self) -> None:
        """Delete for good the runs waiting behind Undo (the timer ran out, or the window closes)."""
        self._undo_timer.stop()
        pending, self.pending = self.pending, []
        self._show_undo(False)
        failed = []
        for run_id, name in pending:
            try:
                self.store.delete(run_id)
            except KeyError:
                pass                               # already gone (another instance, or by hand)
            except OSError as exc:
                failed.append(f"{name!r} ({exc.strerror or exc})")
        if failed:
            self.message.emit("error", tr("These runs could not be deleted: {runs}").format(runs=", ".join(failed)))
            self.reload()

    def _show_undo(self, visible: bool) -> None:
        self.info.setVisible(not visible)        # the strip takes the count's place, so the row is no wider
        self.undo_label.setVisible(visible)
        self.undo_button.setVisible(visible)

    def load_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.load_requested.emit(dict(self.model.get(ids[0]).config))

    def compare_selected(self) -> CompareDialog:
        """The comparison of the two selected runs (the button shows it)."""
        a, b = (self.model.get(i) for i in self.selected_ids()[:2])
        return CompareDialog(a, b, self)
