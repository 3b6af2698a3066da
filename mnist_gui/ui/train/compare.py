"""Two kept runs side by side: every setting and the outcome, the lines that differ in bold and tinted.

What the lines say is ``mnist_gui.core.run_table.comparison``; this is only the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QStyle, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from mnist_gui.core.i18n import tr
from mnist_gui.core.run_table import RunRow, comparison
from mnist_gui.ui.accessibility import name_corner_button
from mnist_gui.core.train_choices import shown_name
from mnist_gui.ui.train.runs_model import DIFFERS


class CompareDialog(QDialog):
    """The settings and outcome of runs ``a`` and ``b``; ``differences`` counts the lines that differ."""

    def __init__(self, a: RunRow, b: RunRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Compare two runs"))
        lines = comparison(a, b)
        self.differences = sum(differ for *_, differ in lines)
        self.table = QTableWidget(len(lines), 2)
        for column, name in enumerate((a.name, b.name)):   # a long name cut to its column, whole in the tooltip
            heading = QTableWidgetItem(name)
            heading.setToolTip(name)
            self.table.setHorizontalHeaderItem(column, heading)
        self.table.setVerticalHeaderLabels([what for what, *_ in lines])
        name_corner_button(self.table)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._cut_headings())
        bold = QFont(self.font())
        bold.setBold(True)
        for i, (_what, va, vb, differ) in enumerate(lines):
            for j, value in enumerate((va, vb)):
                item = QTableWidgetItem(shown_name(value))     # "cosine", "strong": as the form shows them
                if differ:
                    item.setFont(bold)
                    item.setBackground(QBrush(DIFFERS))
                self.table.setItem(i, j, item)
        summary = QLabel(tr("%n of {lines} lines differ (in bold).", None, self.differences).format(lines=len(lines))
                         if self.differences else tr("These two runs have the same settings and outcome."))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._cut_headings()

    def _cut_headings(self) -> None:
        """Each run's name in its column's heading, cut with "…" to the column's width."""
        header = self.table.horizontalHeader()
        room = header.style().pixelMetric(QStyle.PM_HeaderMargin) * 2 + 2
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            width = max(header.sectionSize(column) - room, 20)
            item.setText(header.fontMetrics().elidedText(item.toolTip(), Qt.ElideRight, width))

    def cell(self, what: str) -> tuple[str, str]:
        """The two values on the line named ``what`` (e.g. "Learning rate")."""
        for i in range(self.table.rowCount()):
            if self.table.verticalHeaderItem(i).text() == what:
                return self.table.item(i, 0).text(), self.table.item(i, 1).text()
        raise KeyError(what)
