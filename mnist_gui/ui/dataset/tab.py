"""The Dataset tab: browse all 70,000 MNIST images, and the person's own digits (My digits), with their
labels and what the network thinks.

This module only assembles and wires the parts: the controls (``controls``), the virtual thumbnail
grid (``grid``, painted by ``thumbnails``), the detail panel (``detail``), statistics (``stats``), the
confusion matrix (``confusion_view``), the background predictions (``predictions``) and the NumPy filter
logic (``mnist_gui.core.dataset_filters``); running the model on the shown split and showing its answers
(``tab_predictions``); the My digits split and its editing (``my_digits_split``).
The main window calls ``set_model`` and listens to ``image_sent``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QProgressBar, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.my_digits import MyDigitsStore
from mnist_gui.core.paths import user_cache_dir
from mnist_gui.core.prediction_cache import PredictionCache
from mnist_gui.ui.dataset.confusion_view import ConfusionView
from mnist_gui.ui.dataset.controls import SPLITS, DatasetControls, shown_class_names, split_word
from mnist_gui.core.dataset_filters import GridFilter, SplitPredictions, select
from mnist_gui.ui.dataset.stats import DatasetStats
from mnist_gui.ui.dataset.detail import ImageDetail
from mnist_gui.ui.dataset.grid import EMPTY_TEXT, ImageGridView
from mnist_gui.ui.dataset.my_digits_split import EMPTY_TEXT as NO_DIGITS_TEXT, MY_DIGITS, MyDigitsEditor, MyDigitsSplit
from mnist_gui.ui.dataset.predictions import PredictionService
from mnist_gui.ui.dataset.tab_predictions import TabPredictions
from mnist_gui.ui.widgets.my_digits_answers import answerer_for

LEGEND = QT_TR_NOOP("Under each image: its true label (left) and, with a model, the predicted digit (right): "
                    "✓ in blue when right, ✗ in orange and a frame when wrong. Arrow keys, Page Up/Down and "
                    "Home/End move; Enter or a double-click sends the image to the Draw tab.")


class DatasetTab(MyDigitsSplit, TabPredictions, QWidget):
    """``set_model(model or None)``; ``image_sent(uint8 (28, 28) array)`` when an image goes to Draw.

    ``my_digits``: the My digits store the Draw tab keeps digits in (the window passes the one both tabs
    share); default a store on the user's own folder."""

    image_sent = Signal(object)
    KEY_HINTS = ((QT_TR_NOOP("0 to 9"),   # the F1 list
                  QT_TR_NOOP("Give the selected digit that label (My digits split, in the grid)")),
                 ("Delete", QT_TR_NOOP("Delete the selected digit (My digits split, in the grid)")),
                 ("Ctrl+Z", QT_TR_NOOP("Undo the last delete (My digits split)")))

    def __init__(self, dataset, parent=None, my_digits: MyDigitsStore | None = None):
        super().__init__(parent)
        self.dataset = dataset
        self.class_names = shown_class_names(dataset.class_names)  # as shown: translated
        self.my_digits = my_digits if my_digits is not None else MyDigitsStore()
        self._splits = {"train": (dataset.x_train, dataset.y_train), "test": (dataset.x_test, dataset.y_test),
                        MY_DIGITS: (self.my_digits.images, self.my_digits.labels)}
        self._mine_version = 0  # counts the store's changes: the statistics of each version are computed once
        self._split_words = {key: split_word(key) for key, _ in SPLITS}  # inside a sentence: "the training split"
        self._model = None
        self._predictions: dict[str, SplitPredictions] = {}
        self._failed = None  # (model, split, message) of the last prediction that failed

        self.controls = DatasetControls({k: len(v[1]) for k, v in self._splits.items()}, self.class_names)
        self.grid = ImageGridView()
        self.grid.setAccessibleName(tr("Images"))
        self.grid.setAccessibleDescription(tr(LEGEND))   # each cell reads as its label, prediction and ✓ or ✗
        self.stats = DatasetStats()
        self.confusion = ConfusionView()
        self.detail = ImageDetail()
        self.editor = MyDigitsEditor(self.my_digits)
        self.my_digits_answers = answerer_for(self.my_digits)  # shared with the Draw tab's panel
        self.views = QTabWidget()
        self.progress = QProgressBar()
        self.status = QLabel("")
        self._lay_out()
        self.service = PredictionService(self, disk=PredictionCache(user_cache_dir() / "predictions"))
        self._connect()
        self.my_digits.on_change(self._on_my_digits_changed)
        self._on_split_changed(self.controls.split())
        self.set_model(None)
        self.setFocusProxy(self.grid)

    def _lay_out(self) -> None:
        """Controls on top; the Images / Statistics / Confusion matrix views beside the detail panel;
        the status line with the prediction progress below."""
        self.grid.setMinimumWidth(240)
        legend = QLabel(tr(LEGEND))
        legend.setWordWrap(True)
        images_page = QWidget()
        images_layout = QVBoxLayout(images_page)
        images_layout.setContentsMargins(0, 0, 0, 0)
        images_layout.addWidget(self.grid, 1)
        images_layout.addWidget(legend)
        self.views.setDocumentMode(True)
        self.views.addTab(images_page, tr("Images"))
        self.views.addTab(self.stats, tr("Statistics"))
        self.views.addTab(self.confusion, tr("Confusion matrix"))
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.views)
        detail_column = QWidget()
        detail_layout = QVBoxLayout(detail_column)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.editor)
        splitter.addWidget(detail_column)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 340])
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(splitter, 1)
        layout.addLayout(status_row)

    def _connect(self) -> None:
        self.service.partial.connect(self._on_partial)
        self.service.progressed.connect(self._on_progress)
        self.service.ready.connect(self._on_predictions_ready)
        self.service.failed.connect(self._on_predictions_failed)
        self.controls.split_changed.connect(self._on_split_changed)
        self.controls.filter_changed.connect(self.apply_filter)
        self.controls.jump_requested.connect(self.jump_to)
        self.controls.scale_changed.connect(self.grid.set_scale)
        self.grid.current_image_changed.connect(self._on_current_image)
        self.grid.image_activated.connect(self._send_image)
        self.detail.send_requested.connect(self.send_current)
        self.confusion.cell_clicked.connect(self.show_confusion_cell)
        self.grid.installEventFilter(self)  # on My digits: digit keys relabel, Delete deletes
        self.undo_delete_action = QAction(tr("Undo delete"), self)
        self.undo_delete_action.setShortcut(QKeySequence.Undo)
        self.undo_delete_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.undo_delete_action.triggered.connect(self.editor.undo)
        self.addAction(self.undo_delete_action)
        self.editor.undo_bar.undone.connect(self._on_undone)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ---- public ----

    def split(self) -> str:
        return self.controls.split()

    def set_split(self, split: str) -> None:
        self.controls.split_combo.setCurrentIndex(self.controls.split_combo.findData(split))

    def model(self):
        return self._model

    def predictions(self, split: str | None = None) -> SplitPredictions | None:
        """The current model's predictions for a split (default: the shown one), once computed."""
        return self._predictions.get(split or self.split())

    def shown_indices(self) -> np.ndarray:
        """Dataset indices the grid shows, in grid order."""
        return self.grid.grid_model.indices.copy()

    @Slot(object)
    def set_model(self, model) -> None:
        """Use ``model`` (anything with predict(x) -> (N, C) probabilities) or None for labels only."""
        self.service.cancel()
        self._model = model
        self._predictions = {}
        if model is None:
            # the prediction filters mean nothing without a model: back to labels only
            self.controls.set_filter(GridFilter(label=self.controls.grid_filter().label), emit=False)
        self._show_predictions()
        self._ensure_predictions()

    @Slot()
    def apply_filter(self) -> None:
        """Show the images the controls ask for, keeping the selected image if it is still shown."""
        keep = self.grid.current_dataset_index()
        grid_filter = self.controls.grid_filter()
        predictions = self.predictions()
        if predictions is None:
            grid_filter = grid_filter.without_predictions()
        labels = self._splits[self.split()][1]
        indices = select(labels, grid_filter, predictions)
        self.grid.grid_model.set_indices(indices)
        self.controls.set_count(len(indices), len(labels))
        if not (keep >= 0 and self.grid.select_dataset_index(keep)):
            self.grid.select_position(0)
            if len(indices) == 0:
                self.detail.clear()

    @Slot(int)
    def jump_to(self, index: int) -> None:
        """Select image ``index`` of the split, clearing the filters if they hide it."""
        n = len(self._splits[self.split()][1])
        if n == 0:  # My digits can be empty; the spin box still offers 0
            self.status.setText(tr("There are no digits to go to yet."))
            return
        if not 0 <= index < n:
            raise ValueError(f"image index must be in 0..{n - 1}, got {index}")
        if not self.grid.select_dataset_index(index):
            self.controls.clear_filters()
            self.grid.select_dataset_index(index)
            self.status.setText(tr("The filters were cleared to show image #{index:,}.").format(index=index))
        self.grid.setFocus()

    @Slot(int, int)
    def show_confusion_cell(self, true_label: int, predicted: int) -> None:
        """Show exactly the images of one confusion-matrix cell in the grid."""
        order = self.controls.grid_filter().order
        self.controls.set_filter(GridFilter(cell=(true_label, predicted), order=order))
        self.views.setCurrentIndex(0)
        self.grid.setFocus()

    @Slot()
    def send_current(self) -> None:
        """Emit ``image_sent`` with a copy of the selected image (nothing when none is selected)."""
        self._send_image(self.grid.current_dataset_index())

    @Slot(int)
    def _send_image(self, i: int) -> None:
        if i >= 0:
            self.image_sent.emit(np.array(self._splits[self.split()][0][i], dtype=np.uint8, copy=True))

    def shutdown(self) -> None:
        """Stop the prediction threads (called on close and when the application quits)."""
        self.service.shutdown()
        self.my_digits_answers.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.split() == MY_DIGITS:
            self.my_digits.reload()  # digits another window kept meanwhile
        self._ensure_predictions()

    # ---- view ----

    @Slot(str)
    def _on_split_changed(self, split: str) -> None:
        images, labels = self._splits[split]
        mine = split == MY_DIGITS
        self.grid.grid_model.set_source(images, labels, self.class_names)
        self.grid.empty_text = NO_DIGITS_TEXT if mine and len(labels) == 0 else EMPTY_TEXT
        self.controls.set_split_size(len(labels))
        self.editor.setVisible(mine)
        key = (MY_DIGITS, self._mine_version) if mine else split
        self.stats.set_split(key, self._split_words[split], images, labels, self.class_names)
        self._show_predictions()
        self._ensure_predictions()

    def _on_current_image(self, i: int) -> None:
        if i < 0:
            self.editor.set_digit(-1)
            if self.grid.grid_model.count() == 0:
                self.detail.clear()
            return
        images, labels = self._splits[self.split()]
        self.controls.jump_spin.setValue(i)  # "Go to image" follows the shown image (it only jumps on Go)
        predictions = self.predictions()
        if predictions is not None:
            probs = predictions.probs[i]
        else:
            probs = self._answer_now(images[i:i + 1])
        self.detail.show_image(i, self._split_words[self.split()], images[i], int(labels[i]),
                               self.class_names, probs, self._no_answer_note())
        if self.split() == MY_DIGITS:
            self.detail.title.setText(self.editor.describe(i))
            self.editor.set_digit(i)
