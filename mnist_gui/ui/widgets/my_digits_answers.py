"""The model's answers for My digits, worked out off the GUI thread when there are many to work out.

Both views of My digits (the Draw tab's panel, the Dataset tab's split) ask ``DigitAnswerer.probabilities
(model)``. Up to SYNC_LIMIT pictures the model has not seen are run at once (the store remembers answers by
picture, so a keep costs one forward pass); more than that (a new model and thousands of imported digits:
10,000 take 5 s with the default CNN) go to a :class:`~mnist_gui.ui.widgets.background_job.BackgroundJob`,
on a private copy of the model (its layers reuse scratch buffers, so two threads must not share one), in
slices so Stop is quick. It answers None meanwhile; when the answers are in, the store tells its views
(``MyDigitsStore.remember_answers``), which ask again and get them at once. The views of one store share
one answerer (``answerer_for(store)``), so the work is done once.
"""

from __future__ import annotations

import weakref

import numpy as np
from PySide6.QtCore import QObject

from mnist_gui.core.inference import classify_uint8
from mnist_gui.ui.dataset.predictions import private_copy
from mnist_gui.ui.widgets.background_job import BackgroundJob

SYNC_LIMIT = 500   # new pictures answered on the GUI thread: ~0.25 s for the default CNN on the dev machine
SLICE = 500        # pictures per predict call in the background; Stop is checked between slices


def _answer(model, images):
    """The job: (model, images, probs), or None when stopped."""
    twin = private_copy(model)

    def job(control, _progress):
        probs = []
        for start in range(0, len(images), SLICE):
            if control.stop_requested:
                return None
            probs.append(classify_uint8(twin, images[start:start + SLICE]))
        return model, images, np.concatenate(probs) if probs else np.zeros((0, 10), np.float32)
    return job


class DigitAnswerer(QObject):
    """``probabilities(model)`` -> (N, C) float32 now, or None while they are worked out in the background."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.job = BackgroundJob("mnist-gui my-digits answers", self)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self._working_for = None   # the model the running job answers for
        self._failed_for = None    # the model whose answers could not be worked out (not tried again)
        self.failure: str | None = None

    def busy(self) -> bool:
        return self.job.is_running()

    def probabilities(self, model) -> np.ndarray | None:
        """Raises what the model raises (for many digits: ValueError with the background job's message)."""
        if model is self._failed_for:
            raise ValueError(self.failure)
        missing = self.store.unanswered(model)
        if len(missing) <= SYNC_LIMIT:
            return self.store.probabilities(model)
        if not self.job.is_running():
            self._working_for = model
            self.failure = None
            self.job.start(_answer(model, missing))
        return None

    def shutdown(self) -> None:
        self.job.shutdown()

    def _on_finished(self, answer) -> None:
        if answer is not None:
            model, images, probs = answer
            self.store.remember_answers(model, images, probs)  # the views ask again, and get them at once

    def _on_failed(self, message: str) -> None:
        self.failure, self._failed_for = message, self._working_for
        # nothing to remember, but the views must ask again, and hear why there are no answers
        self.store.remember_answers(self._working_for, self.store.images[:0], np.zeros((0, 10), np.float32))


_answerers: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def answerer_for(store) -> DigitAnswerer:
    """The one DigitAnswerer of ``store`` (made on first use; it lives as long as the store)."""
    answerer = _answerers.get(store)
    if answerer is None:
        answerer = _answerers[store] = DigitAnswerer(store)
    return answerer
