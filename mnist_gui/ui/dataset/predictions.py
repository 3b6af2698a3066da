"""What the current model says about every image of a split, computed once, off the GUI thread.

:class:`PredictionWorker` lives in a QThread and only emits signals (``progressed``, ``finished``,
``failed``); :class:`PredictionService` owns that thread, remembers results per (model, split) so each
split is predicted once per model (a model is the same while its object and its weights are), and
drops the answer of a job that was superseded (a new model or a cancel) before it reaches the view.
Given a :class:`~mnist_gui.core.prediction_cache.PredictionCache`, it also keeps results on disk between
launches (keyed by a hash of the model's architecture and weights and of the split's images), so a
relaunch with the same model answers at once without predicting.
Probabilities cross the thread boundary as a fresh float32 (N, C) array that nobody else holds.
Nothing here draws anything.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import inspect
import weakref
from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from mnist_gui.core.inference import input_from_uint8
from mnist_gui.core.prediction_cache import PredictionCache, model_fingerprint
from mnist_gui.core.words import error_text

IMAGES_PER_CALL = 5000  # images per predict() call: progress granularity, bounded float32 memory
CACHED_MODELS = 3  # results are kept for this many recent models

_live_services: "weakref.WeakSet[PredictionService]" = weakref.WeakSet()


@atexit.register
def _stop_threads_at_exit() -> None:
    # a script that never closes its window must not end with "QThread destroyed while running"
    for service in list(_live_services):
        try:
            service.shutdown()
        except RuntimeError:   # its Qt objects were already deleted, and the thread with them
            pass


def model_key(model) -> tuple[int, str]:
    """Identity of a model *and* of its current weights, so a model trained further in place (the same
    object with new weights) is predicted again rather than served stale answers."""
    digest = hashlib.blake2b(digest_size=16)
    get_weights = getattr(model, "get_weights", None)
    if callable(get_weights):
        for w in get_weights():
            w = np.ascontiguousarray(w)
            digest.update(str((w.dtype.str, w.shape)).encode())
            digest.update(w.data)
    return id(model), digest.hexdigest()


def private_copy(model):
    """A copy of the model for the worker thread to run.

    The engine's layers reuse scratch buffers between calls, so two threads predicting with one model
    at once (this worker, and the Draw tab on the GUI thread) could write into each other's buffers.
    A model that cannot be copied is used as it is.
    """
    try:
        return copy.deepcopy(model)
    except Exception:  # noqa: BLE001 - any failure to copy just means sharing, as before
        return model


def _accepts_batch_size(model) -> bool:
    try:
        return "batch_size" in inspect.signature(model.predict).parameters
    except (TypeError, ValueError):
        return False


class PredictionWorker(QObject):
    """Runs ``model.predict`` over a split, IMAGES_PER_CALL images at a time; lives in a worker thread."""

    progressed = Signal(int, int, int)   # job, images done, total
    finished = Signal(int, object)       # job, probs float32 (N, C)
    failed = Signal(int, str)            # job, message for the person

    def __init__(self):
        super().__init__()
        # written by the GUI thread, read here between chunks; a plain int is enough under the GIL
        self.wanted_job = 0

    @Slot(int, object, object)
    def run(self, job: int, model, images: np.ndarray) -> None:
        if job != self.wanted_job:
            return
        try:
            probs = self._predict(job, model, images)
        except Exception as exc:  # the boundary: the person sees the message, the app lives on
            self.failed.emit(job, f"Could not compute predictions: {error_text(exc)}")
            return
        if probs is not None:
            self.finished.emit(job, probs)

    def _predict(self, job: int, model, images: np.ndarray) -> np.ndarray | None:
        n = len(images)
        kwargs = {"batch_size": 1000} if _accepts_batch_size(model) else {}
        probs = None
        for start in range(0, n, IMAGES_PER_CALL):
            if job != self.wanted_job:
                return None
            batch = images[start:start + IMAGES_PER_CALL]
            # the engine's predict_probabilities: silent, and probabilities even for a linear output
            predict = getattr(model, "predict_probabilities", model.predict)
            out = np.asarray(predict(input_from_uint8(model, batch), **kwargs))
            if out.ndim != 2 or len(out) != len(batch):
                raise ValueError(f"predict returned shape {out.shape} for {len(batch)} images")
            if probs is None:
                probs = np.empty((n, out.shape[1]), dtype=np.float32)   # (N, C)
            probs[start:start + len(out)] = out
            self.progressed.emit(job, start + len(batch), n)
        if probs is None:
            probs = np.zeros((0, 10), dtype=np.float32)
        if not np.isfinite(probs).all():
            raise ValueError("the model's output contains NaN or infinity")
        return probs


class PredictionService(QObject):
    """Predictions per (model, split), computed in one background thread and cached.

    ``request(model, split, images)`` returns the cached probabilities at once, or None after starting
    (or continuing) the computation, whose result arrives through ``ready``. Call ``shutdown()`` before
    the owner goes away so no thread outlives it.
    """

    progressed = Signal(str, int, int)   # split, done, total
    ready = Signal(object, str, object)  # model, split, probs
    failed = Signal(str, str)            # split, message
    _start = Signal(int, object, object)

    def __init__(self, parent=None, disk: PredictionCache | None = None):
        super().__init__(parent)
        self.disk = disk
        # (model_key, split) -> (model, probs); the model is kept so its id() cannot be reused
        self._cache: OrderedDict[tuple[tuple[int, str], str], tuple[object, np.ndarray]] = OrderedDict()
        self._job = 0
        # (model, split, key, images, disk fingerprint) of the running job
        self._pending: tuple | None = None
        self._thread = QThread()
        self._thread.setObjectName("dataset-predictions")
        self._worker = PredictionWorker()
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progressed)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        _live_services.add(self)

    def cached(self, model, split: str, key: tuple[int, str] | None = None) -> np.ndarray | None:
        """The probabilities for (model with its current weights, split), if computed before."""
        cache_key = (key or model_key(model), split)
        entry = self._cache.get(cache_key)
        if entry is None or entry[0] is not model:
            return None
        self._cache.move_to_end(cache_key)
        return entry[1]

    def request(self, model, split: str, images: np.ndarray) -> np.ndarray | None:
        key = model_key(model)
        probs = self.cached(model, split, key)
        if probs is not None:
            return probs
        if self._pending is not None and self._pending[2] == key and self._pending[1] == split:
            return None
        fingerprint = model_fingerprint(model) if self.disk is not None else None
        probs = self.disk.load(fingerprint, images) if fingerprint else None
        if probs is not None:
            if self._pending is not None and self._pending[0] is not model:
                self.cancel()   # an older model's work is dropped, as a new request would
            self._remember(model, split, key, probs)
            return probs
        if not self._thread.isRunning():   # started on first use (and again after a shutdown)
            self._thread.start()
        self._job += 1
        self._worker.wanted_job = self._job
        self._pending = (model, split, key, images, fingerprint)
        self._start.emit(self._job, private_copy(model), images)
        return None

    def clear(self) -> None:
        """Forget every cached result."""
        self._cache.clear()

    def busy(self) -> bool:
        return self._pending is not None

    def cancel(self) -> None:
        """Forget the running job: its result, if any, is dropped."""
        self._job += 1
        self._worker.wanted_job = self._job
        self._pending = None

    def shutdown(self) -> None:
        self.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    def _current(self, job: int) -> bool:
        return job == self._job and self._pending is not None

    @Slot(int, int, int)
    def _on_progressed(self, job: int, done: int, total: int) -> None:
        if self._current(job):
            self.progressed.emit(self._pending[1], done, total)

    @Slot(int, object)
    def _on_finished(self, job: int, probs: np.ndarray) -> None:
        if not self._current(job):
            return
        model, split, key, images, fingerprint = self._pending
        self._pending = None
        self._remember(model, split, key, probs)
        if fingerprint:
            self.disk.store(fingerprint, images, probs)
        self.ready.emit(model, split, probs)

    def _remember(self, model, split: str, key: tuple[int, str], probs: np.ndarray) -> None:
        self._cache[(key, split)] = (model, probs)
        models = list(OrderedDict.fromkeys(key[0] for key in reversed(self._cache)))
        for old in [k for k in self._cache if k[0] not in models[:CACHED_MODELS]]:
            del self._cache[old]

    @Slot(int, str)
    def _on_failed(self, job: int, message: str) -> None:
        if self._current(job):
            split = self._pending[1]
            self._pending = None
            self.failed.emit(split, message)
