"""The confusion matrix of the current model on a split, with per-class accuracy beside it.

Rows are true labels, columns predicted digits. A diagonal cell is greener the larger its share of the
row; a mistake cell is redder the more images it holds, darkest for the worst confusion. Clicking a
cell, or pressing Enter on it, emits ``cell_clicked(true, predicted)``, and the Dataset tab shows
exactly those images.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from mnist_gui.core.dataset_filters import per_class_accuracy
from mnist_gui.ui.dataset.thumbnails import verdict_colors

NO_MODEL_TEXT = ("No model yet. With a model, this shows how often each true digit (row) is predicted "
                 "as each digit (column).")


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    a = min(max(amount, 0.0), 1.0)
    return QColor(round(base.red() * (1 - a) + tint.red() * a), round(base.green() * (1 - a) + tint.green() * a),
                  round(base.blue() * (1 - a) + tint.blue() * a))


class ConfusionView(QWidget):
    cell_clicked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel(NO_MODEL_TEXT)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.setMinimumSize(360, 300)
        self.table.cellClicked.connect(self._on_cell)
        self.table.cellActivated.connect(self._on_cell)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self._matrix: np.ndarray | None = None
        self._split_name = ""

    def set_matrix(self, matrix: np.ndarray | None, split_name: str = "") -> None:
        """(C, C) counts (row = true, column = predicted), or None when there is no model."""
        self._matrix = None if matrix is None else np.asarray(matrix, dtype=np.int64)
        self._split_name = split_name
        self._fill()

    def matrix(self) -> np.ndarray | None:
        return None if self._matrix is None else self._matrix.copy()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._fill()

    def _fill(self) -> None:
        m = self._matrix
        if m is None:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.table.hide()
            self.caption.setText(NO_MODEL_TEXT)
            return
        self.table.show()
        c = len(m)
        total, right = int(m.sum()), int(np.trace(m))
        accuracy = per_class_accuracy(m)
        self.caption.setText(
            f"Accuracy on the {self._split_name} split: <b>{right / max(total, 1):.2%}</b> "
            f"({right:,} of {total:,}). Rows: true label. Columns: predicted digit. "
            f"Click a cell to see its images in the grid.")
        self.table.setRowCount(c)
        self.table.setColumnCount(c + 1)
        self.table.setHorizontalHeaderLabels([f"→ {k}" for k in range(c)] + ["accuracy"])
        self.table.setVerticalHeaderLabels([f"{k}" for k in range(c)])
        base = self.palette().color(QPalette.Base)
        green, red = verdict_colors(self.palette())
        rows = m.sum(axis=1)
        worst = max(1, int((m - np.diag(np.diag(m))).max()))
        for t in range(c):
            for p in range(c):
                n = int(m[t, p])
                share = n / rows[t] if rows[t] else 0.0
                item = QTableWidgetItem(f"{n:,}" if n else "·")
                item.setTextAlignment(Qt.AlignCenter)
                if n:
                    # the diagonal by its row share, mistakes against the worst confusion
                    amount = 0.55 * share if t == p else 0.12 + 0.6 * n / worst
                    item.setBackground(_blend(base, green if t == p else red, amount))
                what = "right" if t == p else "mistakes"
                item.setToolTip(f"True {t}, predicted {p}: {n:,} images ({share:.1%} of the {t}s, {what}). "
                                f"Click to show them.")
                self.table.setItem(t, p, item)
            acc = accuracy[t]
            item = QTableWidgetItem("—" if np.isnan(acc) else f"{acc:.1%}")
            item.setTextAlignment(Qt.AlignCenter)
            item.setFlags(Qt.ItemIsEnabled)
            item.setToolTip(f"Share of the true {t}s that the model predicts as {t}.")
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.table.setItem(t, c, item)
        self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeToContents)

    def _on_cell(self, row: int, column: int) -> None:
        if self._matrix is not None and column < len(self._matrix):
            self.cell_clicked.emit(row, column)
