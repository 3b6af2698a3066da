"""The Dataset tab's predictions: running the model on the shown split (in the background, through
``ui.dataset.predictions``; a hidden tab waits until it is shown), the progress and the status line while
it runs, and bringing the grid, the controls, the confusion matrix and the detail panel up to date when the
answers come. The order: the thumbnails in view first (their marks appear as soon as they are answered,
``_rows_in_view``), then the rest of the shown split chunk by chunk, then the other of the training and
test splits, so switching to it is instant. The one shown image is answered at once meanwhile
(``_answer_now``). The filters that need predictions wait for the whole split.

A mixin of :class:`mnist_gui.ui.dataset.tab.DatasetTab`, which owns the state it uses (``_model``,
``_predictions``, ``_failed``, ``_splits``, ``_split_words``, ``service``, ``controls``, ``grid``,
``confusion``, ``progress``, ``status``; ``_partial``, the marks of a split still computing, is made here).
Not here: the prediction threads and their cache (``ui.dataset.predictions``), the My digits answers
(``ui.dataset.my_digits_split``), the filter and confusion-matrix rules (``core.dataset_filters``). The
``@Slot`` methods here take the prediction service's signals, which it emits in the GUI thread (direct
connections): PySide6 does not deliver a queued signal to a slot a non-QObject mixin declares, so a signal
from another thread must not be connected to them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot

from mnist_gui.core.dataset_filters import SplitPredictions, confusion_matrix
from mnist_gui.core.i18n import tr
from mnist_gui.core.inference import classify_uint8
from mnist_gui.ui.dataset.detail import COMPUTING_TEXT, NO_MODEL_TEXT
from mnist_gui.ui.dataset.my_digits_split import MY_DIGITS
from mnist_gui.ui.dataset.thumbnails import NOT_YET

IN_VIEW_MIN = 256   # images answered first when the grid has no size yet (before its first layout)
OTHER_SPLIT = {"train": "test", "test": "train"}   # predicted next, once the shown split is done


class TabPredictions:
    """The tab's prediction methods and slots (see the module docstring)."""

    def _ensure_predictions(self) -> None:
        """Start predicting the shown split if the model has not been run on it yet. A hidden tab
        waits until it is shown, so a model set at start-up costs nothing until someone looks."""
        split = self.split()
        if self._model is None or split in self._predictions or not self.isVisible():
            return
        self._request_predictions()

    def _request_predictions(self) -> None:
        split = self.split()
        if split == MY_DIGITS:
            self._predict_my_digits()
            return
        images = self._splits[split][0]
        probs = self.service.request(self._model, split, images, first=self._rows_in_view())
        if probs is not None:
            self._on_predictions_ready(self._model, split, probs)
        else:
            self.controls.set_predictions_state("computing")
            self.progress.setRange(0, len(images))
            self.progress.setValue(0)
            self.progress.show()
            self.status.setText(tr("Computing predictions for the {split} split...").format(
                split=self._split_words[split]))
            self._show_partial(split)
            self._on_current_image(self.grid.current_dataset_index())  # answered at once, or "working…"

    def _rows_in_view(self) -> np.ndarray:
        """Dataset indices of the thumbnails on screen now (a screenful from the top before the first
        layout), answered before the rest of the split."""
        grid, model = self.grid, self.grid.grid_model
        height = max(1, grid.cell_size().height())
        first = grid.verticalOffset() // height * model.columns
        rows = -(-max(grid.viewport().height(), 1) // height) + 1
        count = max(rows * model.columns, IN_VIEW_MIN)
        return model.indices[first:first + count].copy()

    def _prefetch_other_split(self) -> None:
        """Once the shown split is done: the other of training and test, in the background."""
        other = OTHER_SPLIT.get(self.split())
        if other is None or other in self._predictions or self.service.busy() or not self.isVisible():
            return
        probs = self.service.request(self._model, other, self._splits[other][0])
        if probs is not None:
            self._on_predictions_ready(self._model, other, probs)

    def _partial_marks(self) -> dict:
        marks = getattr(self, "_partial", None)
        if marks is None or marks.get("model") is not self._model:
            marks = self._partial = {"model": self._model}
        return marks

    @Slot(object, str, object, object)
    def _on_partial(self, model, split: str, rows, probs) -> None:
        """A chunk of answers (or the rows in view): their marks shown at once."""
        if model is not self._model or split in self._predictions or probs.shape[1] != len(self.class_names):
            return
        marks = self._partial_marks()
        if split not in marks:
            n = len(self._splits[split][1])
            marks[split] = (np.full(n, NOT_YET, np.uint8), np.zeros(n, np.float32))
        predicted, confidence = marks[split]
        predicted[rows] = probs.argmax(axis=1)
        confidence[rows] = probs.max(axis=1)
        if split == self.split():
            self._show_partial(split)

    def _show_partial(self, split: str) -> None:
        marks = self._partial_marks().get(split)
        if marks is not None and split == self.split() and split not in self._predictions:
            self.grid.grid_model.set_predictions(*marks)
            self.grid.viewport().update()

    @Slot(str, int, int)
    def _on_progress(self, split: str, done: int, total: int) -> None:
        if split == self.split():
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    @Slot(object, str, object)
    def _on_predictions_ready(self, model, split: str, probs) -> None:
        if model is not self._model:
            return
        if probs.shape[1] != len(self.class_names):
            self._on_predictions_failed(split, tr("The model has {outputs} outputs but the dataset has {classes} "
                                                  "classes.").format(outputs=probs.shape[1],
                                                                     classes=len(self.class_names)))
            return
        self._predictions[split] = SplitPredictions.from_probs(probs)
        self._partial_marks().pop(split, None)
        if split == self.split():
            self._show_predictions()
            self._prefetch_other_split()

    @Slot(str, str)
    def _on_predictions_failed(self, split: str, message: str) -> None:
        if split == self.split():
            self.progress.hide()
            self.controls.set_predictions_state("failed")
            self.status.setText(message)
            self._failed = (self._model, split, message)
            self._on_current_image(self.grid.current_dataset_index())

    def _show_predictions(self) -> None:
        """Bring grid, controls, confusion matrix and detail up to date with the shown split's predictions."""
        split = self.split()
        labels = self._splits[split][1]
        predictions = self.predictions()
        if predictions is None:
            self.grid.grid_model.set_predictions(None)
            self.confusion.set_matrix(None)
            self.controls.set_predictions_state("none" if self._model is None else "computing")
            if self._model is None:
                self.progress.hide()
                self.status.setText(tr("No model: browsing labels only."))
        else:
            self.progress.hide()
            self.grid.grid_model.set_predictions(predictions.predicted, predictions.confidence)
            matrix = confusion_matrix(labels, predictions.predicted, len(self.class_names))
            self.confusion.set_matrix(matrix, self._split_words[split])
            self.controls.set_predictions_state("ready")
            wrong = int(len(labels) - np.trace(matrix))
            if split == MY_DIGITS:
                right = int(np.trace(matrix))
                self.status.setText(tr("The model gets {right} of your %n digit(s) right ({share:.0%}).", None,
                                       len(labels)).format(right=right, share=right / len(labels))
                                    if len(labels) else tr("My digits is empty."))
            else:
                self.status.setText(tr("The model gets {share:.2%} of the {split} split right (%n mistake(s)).",
                                       None, wrong).format(share=np.trace(matrix) / max(1, len(labels)),
                                                           split=self._split_words[split]))
        self.apply_filter()
        self._on_current_image(self.grid.current_dataset_index())

    def _no_answer_note(self) -> str:
        """What the detail panel says when it has no answer for the shown image: why not."""
        if self._model is None:
            return NO_MODEL_TEXT
        if self._failed is not None and self._failed[:2] == (self._model, self.split()):
            return tr("The model could not answer: {message}").format(message=self._failed[2])
        return COMPUTING_TEXT

    @Slot(int)
    def _answer_now(self, image: np.ndarray):
        """While the whole split is still being predicted (off the GUI thread), the shown image's answer at
        once: one image costs about a millisecond. None without a model, while hidden, or if the model
        fails (the background prediction then says why, in the tab)."""
        if self._model is None or not self.isVisible() or self.split() == MY_DIGITS:
            return None  # My digits are answered all at once, straight after
        try:
            return classify_uint8(self._model, image)[0]
        except Exception:  # noqa: BLE001 - reported by the split's prediction, which runs the same model
            return None
