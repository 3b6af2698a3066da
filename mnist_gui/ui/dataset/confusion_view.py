"""The confusion matrix of the current model on a split, with per-class accuracy beside it.

Rows are true labels, columns predicted digits. A diagonal cell carries a ✓ and is bluer the larger its
share of the row; a mistake cell is more orange the more images it holds, darkest for the worst confusion. Clicking a
cell, or pressing Enter on it, emits ``cell_clicked(true, predicted)``, and the Dataset tab shows
exactly those images.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from mnist_gui.core.dataset_filters import per_class_accuracy
from mnist_gui.core.i18n import QT_TR_NOOP, number, tr
from mnist_gui.ui.accessibility import RIGHT_MARK, name_corner_button, verdict_colors

NO_MODEL_TEXT = QT_TR_NOOP("No model yet. With a model, this shows how often each true digit (row) is "
                           "predicted as each digit (column).")


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    a = min(max(amount, 0.0), 1.0)
    return QColor(round(base.red() * (1 - a) + tint.red() * a), round(base.green() * (1 - a) + tint.green() * a),
                  round(base.blue() * (1 - a) + tint.blue() * a))


def matrix_description(m: np.ndarray, split_name: str = "") -> str:
    """The matrix in words for a screen reader: the accuracy, then each true digit's share right and its
    commonest confusion ("7: 98.1% right, most often read as 2 (12 images)")."""
    total, right = int(m.sum()), int(np.trace(m))
    accuracy = right / max(total, 1)
    parts = [tr("Accuracy on the {split} split: {accuracy:.1%}").format(split=split_name, accuracy=accuracy)
             if split_name else tr("Accuracy: {accuracy:.1%}").format(accuracy=accuracy)]
    for t, row in enumerate(m):
        n = int(row.sum())
        if not n:
            continue
        wrong = row.copy()
        wrong[t] = 0
        share, worst = row[t] / n, int(wrong.max())
        if worst:
            parts.append(tr("{digit}: {share:.1%} right, most often read as {other} ({n:,} image(s))", None, worst)
                         .format(digit=t, share=share, other=int(wrong.argmax()), n=worst))
        else:
            parts.append(tr("{digit}: {share:.1%} right").format(digit=t, share=share))
    return ". ".join(parts) + "."


class DiagonalMark(QStyledItemDelegate):
    """Paints a small ✓ in the corner of each diagonal cell (right answers): told by shape, not colour alone,
    and without widening the number, which a narrow column would elide."""

    @staticmethod
    def mark(index) -> str:
        return RIGHT_MARK if index.row() == index.column() and index.data() not in (None, "·") else ""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        mark = self.mark(index)
        if mark:
            painter.save()
            font = QFont(option.font)
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
            painter.setFont(font)
            painter.setPen(option.palette.color(QPalette.Text))
            painter.drawText(option.rect.adjusted(3, 1, -2, -1), Qt.AlignLeft | Qt.AlignTop, mark)
            painter.restore()


class ConfusionView(QWidget):
    cell_clicked = Signal(int, int)
    KEY_HINTS = (("Enter",   # the F1 list (a Qt key sequence: shown in the platform's words)
                  QT_TR_NOOP("Show the images of the selected cell (in the confusion matrix)")),)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel(tr(NO_MODEL_TEXT))
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(tr("Confusion matrix: rows are true labels, columns predicted digits"))
        name_corner_button(self.table)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setItemDelegate(DiagonalMark(self.table))
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
            self.caption.setText(tr(NO_MODEL_TEXT))
            return
        self.table.show()
        c = len(m)
        total, right = int(m.sum()), int(np.trace(m))
        accuracy = per_class_accuracy(m)
        self.caption.setText(tr(
            "Accuracy on the {split} split: <b>{accuracy:.2%}</b> ({right:,} of {total:,}). Rows: true label. "
            "Columns: predicted digit. Click a cell to see its images in the grid.").format(
            split=self._split_name, accuracy=right / max(total, 1), right=right, total=total))
        self.table.setRowCount(c)
        self.table.setColumnCount(c + 1)
        self.table.setHorizontalHeaderLabels([f"→ {k}" for k in range(c)] + [tr("accuracy", "column header")])
        self.table.setVerticalHeaderLabels([f"{k}" for k in range(c)])
        base = self.palette().color(QPalette.Base)
        right_color, wrong_color = verdict_colors(self.palette())
        rows = m.sum(axis=1)
        worst = max(1, int((m - np.diag(np.diag(m))).max()))
        for t in range(c):
            for p in range(c):
                n = int(m[t, p])
                share = n / rows[t] if rows[t] else 0.0
                item = QTableWidgetItem(number(n, ",") if n else "·")
                item.setTextAlignment(Qt.AlignCenter)
                if n:
                    # the diagonal by its row share, mistakes against the worst confusion
                    amount = 0.55 * share if t == p else 0.12 + 0.6 * n / worst
                    item.setBackground(_blend(base, right_color if t == p else wrong_color, amount))
                if t == p:
                    tip = tr("True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, "
                             "right). Click to show them.", None, n)
                    spoken = tr("True {true}, predicted {predicted}: {n:,} image(s), right", None, n)
                else:
                    tip = tr("True {true}, predicted {predicted}: {n:,} image(s) ({share:.1%} of the {true}s, "
                             "mistakes). Click to show them.", None, n)
                    spoken = tr("True {true}, predicted {predicted}: {n:,} image(s), mistakes", None, n)
                item.setToolTip(tip.format(true=t, predicted=p, n=n, share=share))
                item.setData(Qt.AccessibleTextRole, spoken.format(true=t, predicted=p, n=n))
                self.table.setItem(t, p, item)
            acc = accuracy[t]
            item = QTableWidgetItem("—" if np.isnan(acc) else number(acc, ".1%"))
            item.setTextAlignment(Qt.AlignCenter)
            item.setFlags(Qt.ItemIsEnabled)
            item.setToolTip(tr("Share of the true {digit}s that the model predicts as {digit}.").format(digit=t))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.table.setItem(t, c, item)
        self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeToContents)
        self.table.setAccessibleDescription(matrix_description(m, self._split_name))

    def _on_cell(self, row: int, column: int) -> None:
        if self._matrix is not None and column < len(self._matrix):
            self.cell_clicked.emit(row, column)
