"""The Dataset tab's predictions: running the model on the shown split (in the background, through
``ui.dataset.predictions``; a hidden tab waits until it is shown), the progress and the status line while
it runs, and bringing the grid, the controls, the confusion matrix and the detail panel up to date when the
answers come. The one shown image is answered at once meanwhile (``_answer_now``).

A mixin of :class:`mnist_gui.ui.dataset.tab.DatasetTab`, which owns the state it uses (``_model``,
``_predictions``, ``_failed``, ``_splits``, ``_split_names``, ``service``, ``controls``, ``grid``, ``confusion``,
``progress``, ``status``). Not here: the prediction threads and their cache (``ui.dataset.predictions``),
the My digits answers (``ui.dataset.my_digits_split``), the filter and confusion-matrix rules
(``core.dataset_filters``). The ``@Slot`` methods here take the prediction service's signals, which it
emits in the GUI thread (direct connections): PySide6 does not deliver a queued signal to a slot a
non-QObject mixin declares, so a signal from another thread must not be connected to them.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot

from mnist_gui.core.dataset_filters import SplitPredictions, confusion_matrix
from mnist_gui.core.inference import classify_uint8
from mnist_gui.core.words import count
from mnist_gui.ui.dataset.detail import COMPUTING_TEXT, NO_MODEL_TEXT
from mnist_gui.ui.dataset.my_digits_split import MY_DIGITS


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
        probs = self.service.request(self._model, split, images)
        if probs is not None:
            self._on_predictions_ready(self._model, split, probs)
        else:
            self.controls.set_predictions_state("computing")
            self.progress.setRange(0, len(images))
            self.progress.setValue(0)
            self.progress.show()
            self.status.setText(f"Computing predictions for the {self._split_names[split].lower()} split...")
            self._on_current_image(self.grid.current_dataset_index())  # answered at once, or "working…"

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
            self._on_predictions_failed(split, f"The model has {probs.shape[1]} outputs but the dataset has "
                                               f"{len(self.class_names)} classes.")
            return
        self._predictions[split] = SplitPredictions.from_probs(probs)
        if split == self.split():
            self._show_predictions()

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
                self.status.setText("No model: browsing labels only.")
        else:
            self.progress.hide()
            self.grid.grid_model.set_predictions(predictions.predicted, predictions.confidence)
            matrix = confusion_matrix(labels, predictions.predicted, len(self.class_names))
            self.confusion.set_matrix(matrix, self._split_names[split].lower())
            self.controls.set_predictions_state("ready")
            wrong = int(len(labels) - np.trace(matrix))
            if split == MY_DIGITS:
                right = int(np.trace(matrix))
                self.status.setText(f"The model gets {right} of your {count(len(labels), 'digit')} right "
                                    f"({right / len(labels):.0%})." if len(labels) else "My digits is empty.")
            else:
                self.status.setText(f"The model gets {np.trace(matrix) / max(1, len(labels)):.2%} of the "
                                    f"{self._split_names[split].lower()} split right ({count(wrong, 'mistake')}).")
        self.apply_filter()
        self._on_current_image(self.grid.current_dataset_index())

    def _no_answer_note(self) -> str:
        """What the detail panel says when it has no answer for the shown image: why not."""
        if self._model is None:
            return NO_MODEL_TEXT
        if self._failed is not None and self._failed[:2] == (self._model, self.split()):
            return f"The model could not answer: {self._failed[2]}"
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
