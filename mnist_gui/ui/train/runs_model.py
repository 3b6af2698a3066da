"""The Qt model behind the runs table: one row per kept run (``mnist_gui.core.run_table.RunRow``), with
the colour swatch, the Show and star tick boxes, the editable name, and the cells whose settings differ from
the selected run's tinted.

It only shows rows and hands the user's edits (rename, tick, star) to ``editor(run_id, key, value)``, which
does them (the runs panel, through the run store) and returns None, or why not in plain words. Not here: the
store, the buttons, sorting (a QSortFilterProxyModel on ``SORT_ROLE``).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.run_table import COLUMN_KEYS, COLUMNS, PALETTE, RunRow, differing_columns, pick_colour

SORT_ROLE = int(Qt.UserRole)
ID_ROLE = SORT_ROLE + 1
# roles as plain ints, looked up once: data() runs for every cell and role on each paint, and reading
# PySide6's enum attributes there made opening the table with 50 runs take twice as long
_DISPLAY, _EDIT, _CHECK, _DECORATION, _BACKGROUND, _TOOLTIP = (
    int(r.value) for r in (Qt.DisplayRole, Qt.EditRole, Qt.CheckStateRole, Qt.DecorationRole,
                           Qt.BackgroundRole, Qt.ToolTipRole))
_CHECKED, _UNCHECKED = Qt.Checked, Qt.Unchecked
_SHOW, _STAR, _COLOUR = (COLUMN_KEYS.index(k) for k in ("show", "star", "colour"))
_FLAGS = [Qt.ItemIsEnabled | Qt.ItemIsSelectable | ({"show": Qt.ItemIsUserCheckable, "star": Qt.ItemIsUserCheckable,
                                                      "name": Qt.ItemIsEditable}.get(k, Qt.NoItemFlags))
          for k in COLUMN_KEYS]
DIFFERS = QColor(255, 196, 0, 70)       # readable under dark and light text
STATUS_TIPS = {"finished": QT_TR_NOOP("Trained to the end"), "stopped": QT_TR_NOOP("Stopped before the end"),
               "diverged": QT_TR_NOOP("The loss became NaN or infinite; training stopped"),
               "not learning": QT_TR_NOOP("The network did not learn with these settings"),
               "interrupted": QT_TR_NOOP("The program ended while this run trained"),
               "running": QT_TR_NOOP("Training now")}   # shown translated


def colour_of(index: int) -> QColor:
    return QColor(*PALETTE[index % len(PALETTE)])


class RunsModel(QAbstractTableModel):
    """Rows of kept runs, newest first as given; ``shown`` are the ids ticked to be on the plots."""

    edit_failed = Signal(str)       # why a rename (or a star) did not happen

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RunRow] = []
        self._texts: list[list[str | None]] = []
        self.shown: set[str] = set()
        self.colours: dict[str, int] = {}     # palette index of each run shown (or shown before)
        self.selected: RunRow | None = None   # the run whose settings the others are compared with
        self.current_id: str | None = None    # the run on the plots in their own colours (no swatch)
        self._differs: dict[str, set[str]] = {}
        self.editor = None

    def set_rows(self, rows: list[RunRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._texts = [[r.text(k) if k not in ("colour", "show", "star") else None for k in COLUMN_KEYS]
                       for r in self.rows]
        ids = {r.id for r in self.rows}
        self.shown &= ids
        if self.selected is not None and self.selected.id not in ids:
            self.selected = None
        self._update_differs()
        self.endResetModel()

    def set_epochs_done(self, run_id: str, done: float) -> None:
        """A running run's epoch count as its epochs end (its record is read again when it ends)."""
        i = self.row_of(run_id)
        if i < 0 or self.rows[i].epochs_done == done:
            return
        self.rows[i] = dataclasses.replace(self.rows[i], epochs_done=float(done))
        self._changed(run_id)

    def row_of(self, run_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == run_id), -1)

    def get(self, run_id: str) -> RunRow | None:
        i = self.row_of(run_id)
        return self.rows[i] if i >= 0 else None

    def colour(self, run_id: str) -> QColor:
        if run_id not in self.colours:
            taken = {self.colours[i] for i in self.shown if i in self.colours}
            self.colours[run_id] = pick_colour(run_id, taken)
        return colour_of(self.colours[run_id])

    def set_shown(self, run_id: str, shown: bool) -> None:
        if shown:
            if run_id in self.colours and self.colours[run_id] in {self.colours[i] for i in self.shown}:
                del self.colours[run_id]       # its old colour went to another run meanwhile
            self.colour(run_id)
            self.shown.add(run_id)
        else:
            self.shown.discard(run_id)
        self._changed(run_id)

    def set_current(self, run_id: str | None) -> None:
        old, self.current_id = self.current_id, run_id
        for i in (old, run_id):
            if i:
                self._changed(i)

    def set_selected(self, run_id: str | None) -> None:
        self.selected = self.get(run_id) if run_id else None
        self._update_differs()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))

    def _update_differs(self) -> None:
        base = self.selected
        self._differs = {} if base is None else {
            r.id: differing_columns(r.config, base.config) for r in self.rows if r.id != base.id}

    def _changed(self, run_id: str) -> None:
        i = self.row_of(run_id)
        if i >= 0:
            r = self.rows[i]
            self._texts[i] = [r.text(k) if k not in ("colour", "show", "star") else None for k in COLUMN_KEYS]
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt override
        if orientation != Qt.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.DisplayRole:      # "" (the colour) and "★" are no words
            header = COLUMNS[section][1]
            return tr(header) if header and header != "★" else header
        if role == Qt.ToolTipRole:
            return tr(COLUMNS[section][2])
        return None

    def flags(self, index):
        return _FLAGS[index.column()]

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        role = role if type(role) is int else int(role.value)
        r, c = index.row(), index.column()
        if role == _DISPLAY or role == _EDIT:
            return self._texts[r][c]
        row = self.rows[r]
        if role == _CHECK:
            if c == _SHOW:
                return _CHECKED if row.id in self.shown else _UNCHECKED
            if c == _STAR:
                return _CHECKED if row.starred else _UNCHECKED
            return None
        if role == _DECORATION:
            shown = c == _COLOUR and row.id in self.shown and row.id != self.current_id
            return self.colour(row.id) if shown else None
        key = COLUMN_KEYS[c]
        if role == _BACKGROUND:
            return QBrush(DIFFERS) if key in self._differs.get(row.id, ()) else None
        if role == _TOOLTIP:
            return self._tooltip(row, key)
        if role == SORT_ROLE:
            return row.sort_value(key)
        if role == ID_ROLE:
            return row.id
        return None

    def _tooltip(self, row: RunRow, key: str) -> str:
        if key == "colour" and row.id == self.current_id:
            return tr("The latest run: drawn in the plots' own colours until the next run starts")
        if key == "status":
            return row.message or (tr(STATUS_TIPS[row.status]) if row.status in STATUS_TIPS else row.status)
        if key in self._differs.get(row.id, ()):
            return tr("Differs from the selected run ({value})").format(value=self.selected.text(key))
        if key == "name":
            started = row.started.replace("T", " ")
            text = tr("{name}\nstarted {when}") if row.has_model else tr("{name}\nstarted {when}\nno model kept")
            return text.format(name=row.name, when=started)
        return row.text(key) or None

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802 - Qt override
        if not index.isValid() or self.editor is None:
            return False
        row, key = self.rows[index.row()], COLUMN_KEYS[index.column()]
        if role == Qt.CheckStateRole and key in ("show", "star"):
            value = Qt.CheckState(value) == Qt.Checked
        elif not (role == Qt.EditRole and key == "name"):
            return False
        problem = self.editor(row.id, key, value)
        if problem:
            self.edit_failed.emit(problem)
            return False
        self._changed(row.id)
        return True
