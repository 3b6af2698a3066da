"""A virtual grid of thumbnails over any index array into a split: the Dataset tab's browser.

The grid is a QTableView whose model folds a flat list of positions into rows of ``columns`` cells, so
showing 60,000 images costs the same as showing 60: nothing is laid out per item, and only the cells
on screen are painted (by :class:`~mnist_gui.ui.dataset.thumbnails.ThumbnailPainter`, as one block). Keyboard
moves work on the flat list: Left/Right step one image and wrap at row ends, Up/Down step one row,
Page Up/Down one screen, Home/End go to the first and last image, Enter activates.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.accessibility import name_corner_button, verdict_word
from mnist_gui.ui.dataset.thumbnails import NOT_YET, ThumbnailPainter

EMPTY_TEXT = QT_TR_NOOP("No images match these filters.")
_IMAGE_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable
_NO_FLAGS = Qt.NoItemFlags


class ImageGridModel(QAbstractTableModel):
    """Positions 0..count-1, each showing image ``indices[pos]`` of ``images``, in rows of ``columns``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.images = np.zeros((0, 28, 28), dtype=np.uint8)
        self.labels = np.zeros(0, dtype=np.uint8)
        self.class_names: list[str] = []
        self.indices = np.zeros(0, dtype=np.int64)
        self.predicted: np.ndarray | None = None
        self.confidence: np.ndarray | None = None
        self.columns = 1

    # ---- what is shown ----

    def set_source(self, images: np.ndarray, labels: np.ndarray, class_names) -> None:
        """Show a split: uint8 images (N, 28, 28) and their labels (N,); no image is shown until
        ``set_indices``, no prediction until ``set_predictions``."""
        self.beginResetModel()
        self.images, self.labels = images, labels
        self.class_names = list(class_names)
        self.indices = np.zeros(0, dtype=np.int64)
        self.predicted = self.confidence = None
        self.endResetModel()

    def set_indices(self, indices: np.ndarray) -> None:
        self.beginResetModel()
        self.indices = np.asarray(indices, dtype=np.int64)
        self.endResetModel()

    def set_predictions(self, predicted: np.ndarray | None, confidence: np.ndarray | None = None) -> None:
        """Per-image predicted digit (N,) (and its probability), or None to show labels only."""
        self.predicted, self.confidence = predicted, confidence
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columns - 1))

    def set_columns(self, columns: int) -> None:
        columns = max(1, int(columns))
        if columns != self.columns:
            self.beginResetModel()
            self.columns = columns
            self.endResetModel()

    # ---- positions ----

    def count(self) -> int:
        return len(self.indices)

    def position(self, index: QModelIndex) -> int:
        """Flat position of a cell, or -1 for an invalid index or an empty cell after the last image."""
        if not index.isValid():
            return -1
        pos = index.row() * self.columns + index.column()
        return pos if pos < len(self.indices) else -1

    def index_at(self, pos: int) -> QModelIndex:
        if not 0 <= pos < len(self.indices):
            return QModelIndex()
        return self.index(pos // self.columns, pos % self.columns)

    def dataset_index(self, pos: int) -> int:
        return int(self.indices[pos])

    def find(self, dataset_index: int) -> int:
        """Position of a dataset index in the current view, or -1 if it is filtered out."""
        hits = np.flatnonzero(self.indices == dataset_index)
        return int(hits[0]) if len(hits) else -1

    # ---- Qt model ----

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return -(-len(self.indices) // self.columns)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.columns

    def flags(self, index):
        # called for every painted cell: kept to plain integer arithmetic
        if index.row() * self.columns + index.column() < len(self.indices):
            return _IMAGE_FLAGS
        return _NO_FLAGS

    def data(self, index, role=Qt.DisplayRole):
        if role not in (Qt.ToolTipRole, Qt.AccessibleTextRole):
            return None
        pos = self.position(index)
        return None if pos < 0 else self.describe(self.dataset_index(pos))

    def describe(self, i: int) -> str:
        label = int(self.labels[i])
        if label < len(self.class_names):
            text = tr("Image #{index:,}: label {label} ({name})").format(index=i, label=label,
                                                                        name=self.class_names[label])
        else:
            text = tr("Image #{index:,}: label {label}").format(index=i, label=label)
        if self.predicted is not None and self.predicted[i] != NOT_YET:
            guess = int(self.predicted[i])
            verdict = verdict_word(guess == label)
            if self.confidence is not None:
                text = tr("{image}; predicted {digit}, {share:.0%} sure ({verdict})").format(
                    image=text, digit=guess, share=self.confidence[i], verdict=verdict)
            else:
                text = tr("{image}; predicted {digit} ({verdict})").format(image=text, digit=guess, verdict=verdict)
        return text


class ImageGridView(QTableView):
    """The grid. ``current_image_changed(dataset_index or -1)``; ``image_activated(dataset_index)``."""

    current_image_changed = Signal(int)
    image_activated = Signal(int)
    KEY_HINTS = ((QT_TR_NOOP("Arrow keys, Page Up, Page Down, Home, End"),   # for the F1 list
                  QT_TR_NOOP("Move through the images (in the grid)")),
                 ("Enter", QT_TR_NOOP("Send the selected image to the Draw tab (in the grid)")))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid_model = ImageGridModel(self)
        self.thumbnails = ThumbnailPainter()
        self.empty_text = EMPTY_TEXT  # what the grid says when it shows nothing (translated when painted)
        self.setModel(self.grid_model)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        name_corner_button(self)  # never shown (no headers), yet a screen reader lists it
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.hide()
            header.setSectionResizeMode(QHeaderView.Fixed)
            header.setMinimumSectionSize(1)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.activated.connect(self._on_activated)
        self._layout_cells()

    # ---- public ----

    def set_scale(self, scale: int) -> None:
        """Thumbnail size in whole multiples of 28 pixels (1..4), keeping the current image in view."""
        if scale == self.thumbnails.scale:
            return
        self.thumbnails.scale = int(scale)
        self._layout_cells()

    def current_position(self) -> int:
        return self.grid_model.position(self.currentIndex())

    def current_dataset_index(self) -> int:
        pos = self.current_position()
        return -1 if pos < 0 else self.grid_model.dataset_index(pos)

    def select_position(self, pos: int) -> None:
        index = self.grid_model.index_at(pos)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())

    def select_dataset_index(self, dataset_index: int) -> bool:
        """Select an image by its index in the split; False if the current filter hides it."""
        pos = self.grid_model.find(dataset_index)
        if pos >= 0:
            self.select_position(pos)
        return pos >= 0

    def cell_size(self) -> QSize:
        """One cell: the thumbnail painter's size, widened so the columns share the row evenly."""
        base = self.thumbnails.cell_size(self.fontMetrics().height())
        return QSize(max(base.width(), self.viewport().width() // self._columns_for_width()), base.height())

    # ---- painting ----

    def paintEvent(self, event) -> None:
        """Paint the cells that meet the exposed rectangle, as one block (see thumbnails.py)."""
        model = self.grid_model
        n = model.count()
        if n == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12), Qt.AlignCenter | Qt.TextWordWrap,
                             tr(self.empty_text))
            painter.end()
            return
        size = self.cell_size()
        cw, ch = size.width(), size.height()
        cols, dx, dy = model.columns, self.horizontalOffset(), self.verticalOffset()
        exposed = event.rect()
        first_row = max(0, (exposed.top() + dy) // ch)
        last_row = min(model.rowCount() - 1, (exposed.bottom() + dy) // ch)
        first_col = max(0, (exposed.left() + dx) // cw)
        last_col = min(cols - 1, (exposed.right() + dx) // cw)
        selected = self.selectionModel().selectedIndexes()
        selected_pos = model.position(selected[0]) if selected else -1
        painter = QPainter(self.viewport())
        rows, columns = range(first_row, last_row + 1), range(first_col, last_col + 1)
        self.thumbnails.paint_block(painter, self.palette(), self.font(), model, rows, columns, size,
                                    QPoint(-dx, -dy), selected_pos)
        painter.end()

    # ---- layout ----

    def _columns_for_width(self) -> int:
        base = self.thumbnails.cell_size(self.fontMetrics().height())
        return max(1, self.viewport().width() // base.width())

    def _layout_cells(self) -> None:
        """Fit the columns to the width; the current image stays current and in view."""
        size = self.cell_size()
        self.horizontalHeader().setDefaultSectionSize(size.width())
        self.verticalHeader().setDefaultSectionSize(size.height())
        columns = self._columns_for_width()
        if columns != self.grid_model.columns:
            keep = self.current_dataset_index()
            self.grid_model.set_columns(columns)
            if keep >= 0:
                self.select_dataset_index(keep)
        elif self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())
        self.viewport().update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_cells()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._layout_cells()

    # ---- keyboard ----

    def moveCursor(self, action, modifiers):
        model = self.grid_model
        n = model.count()
        if n == 0:
            return QModelIndex()
        pos = self.current_position()
        if pos < 0:
            return model.index_at(0)
        cols = model.columns
        page = cols * max(1, self.viewport().height() // self.cell_size().height())
        A = QAbstractItemView.CursorAction
        target = {
            A.MoveLeft: pos - 1, A.MovePrevious: pos - 1, A.MoveRight: pos + 1, A.MoveNext: pos + 1,
            A.MoveUp: pos - cols if pos >= cols else pos,
            A.MoveDown: pos + cols if pos // cols < (n - 1) // cols else pos,
            A.MovePageUp: pos - page, A.MovePageDown: pos + page, A.MoveHome: 0, A.MoveEnd: n - 1,
        }.get(action, pos)
        return model.index_at(min(max(target, 0), n - 1))

    # ---- signals ----

    def _on_current_changed(self, current, _previous) -> None:
        pos = self.grid_model.position(current)
        self.current_image_changed.emit(-1 if pos < 0 else self.grid_model.dataset_index(pos))

    def _on_activated(self, index) -> None:
        pos = self.grid_model.position(index)
        if pos >= 0:
            self.image_activated.emit(self.grid_model.dataset_index(pos))
