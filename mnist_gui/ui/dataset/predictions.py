"""What the current model says about every image of a split, computed once, off the GUI thread.

:class:`PredictionWorker` lives in a QThread and only emits signals (``partial``, ``progressed``,
``finished``, ``failed``); :class:`PredictionService` owns that thread, remembers results per (model, split)
so each split is predicted once per model (a model is the same while its object and its weights are), and
drops the answer of a job that was superseded (a new model or a cancel) before it reaches the view.
A job predicts the images asked for ``first`` (the rows in view) as one small batch, then the whole split
in CHUNK-image chunks shared by ``threads.split_threads()`` threads, each on its own copy of the model and
one BLAS thread (``nn.threads`` says why): the default CNN's 70,000 images in 3.7 s on the 2-core machine
instead of 5.6 s. Each chunk reaches the view as it comes (``partial``); the chunks' boundaries never
depend on the threads or the view, so the answers are the same however they were scheduled.
Given a :class:`~mnist_gui.core.prediction_cache.PredictionCache`, it also keeps results on disk between
launches (keyed by a hash of the model's architecture and weights and of the split's images), so a
relaunch with the same model answers at once without predicting; the job for the rows in view starts
before the GUI thread hashes the images and reads the disk, so a cold start loses no time to the lookup.
Probabilities cross the thread boundary as fresh float32 arrays that nobody else holds.
Nothing here draws anything.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import inspect
import threading
import weakref
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from mnist_gui.core.i18n import tr
from mnist_gui.core.inference import input_from_uint8
from mnist_gui.core.memory import release_freed_memory
from mnist_gui.core.prediction_cache import PredictionCache, model_fingerprint
from mnist_gui.core.words import error_text
from mnist_gui.nn.threads import blas_threads, chunk_split, split_threads

IMAGES_PER_CALL = 2000  # images per predict() call: a chunk shown as it comes, bounded float32 memory
BATCH_SIZE = 128        # the engine's batches in a chunk: each thread's buffers ~11 MB (default CNN)
FIRST_IMAGES = 1024     # at most this many images are answered first (the rows in view)
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
    """A copy of the model for a worker thread to run.

    The engine's layers reuse scratch buffers between calls, so two threads predicting with one model
    at once (this worker, and the Draw tab on the GUI thread) could write into each other's buffers.
    A model that cannot be copied is used as it is (and then by one thread only).
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


def _run(model, images: np.ndarray) -> np.ndarray:
    """The model's probabilities (n, C) for uint8 images, checked."""
    kwargs = {"batch_size": BATCH_SIZE} if _accepts_batch_size(model) else {}
    # the engine's predict_probabilities: silent, and probabilities even for a linear output
    predict = getattr(model, "predict_probabilities", model.predict)
    out = np.asarray(predict(input_from_uint8(model, images), **kwargs), dtype=np.float32)
    if out.ndim != 2 or len(out) != len(images):
        raise ValueError(f"predict returned shape {out.shape} for {len(images)} images")
    if not np.isfinite(out).all():
        raise ValueError("the model's output contains NaN or infinity")
    return out


class PredictionWorker(QObject):
    """Runs the model over a split (see the module docstring); lives in a worker thread."""

    partial = Signal(int, object, object)  # job, image indices (n,) int64, their probs (n, C)
    progressed = Signal(int, int, int)   # job, images done, total
    finished = Signal(int, object)       # job, probs float32 (N, C)
    failed = Signal(int, str)            # job, message for the person

    def __init__(self):
        super().__init__()
        # written by the GUI thread, read here between chunks; a plain int is enough under the GIL
        self.wanted_job = 0

    @Slot(int, object, object, object, object)
    def run(self, job: int, model, images: np.ndarray, first, looked_up: threading.Event) -> None:
        """``looked_up`` is set once the disk cache was read (a hit cancels the job): the rows in view are
        predicted meanwhile, the rest only after."""
        if job != self.wanted_job:
            return
        try:
            with blas_threads(1):   # the threads here share the cores, each with one BLAS thread
                probs = self._predict(job, model, images, first, looked_up)
        except Exception as exc:  # the boundary: the person sees the message, the app lives on
            self.failed.emit(job, tr("Could not compute predictions: {error}").format(error=error_text(exc)))
            return
        if probs is not None:
            self.finished.emit(job, probs)

    def _predict(self, job: int, model, images: np.ndarray, first, looked_up) -> np.ndarray | None:
        n = len(images)
        if first is not None and len(first) and n:
            rows = np.unique(np.clip(np.asarray(first, dtype=np.int64), 0, n - 1))[:FIRST_IMAGES]
            self.partial.emit(job, rows, _run(model, images[rows]))
        looked_up.wait()
        chunks = [(lo, min(lo + IMAGES_PER_CALL, n)) for lo in range(0, n, IMAGES_PER_CALL)]
        results: dict[int, np.ndarray] = {}
        lock = threading.Lock()
        state = {"next": 0, "done": 0}

        def share(runner) -> None:
            """Take the next chunk until none is left or the job is superseded."""
            while job == self.wanted_job:
                with lock:
                    k = state["next"]
                    state["next"] += 1
                if k >= len(chunks):
                    return
                lo, hi = chunks[k]
                with chunk_split(1):   # this split is over the images already
                    out = _run(runner, images[lo:hi])
                results[k] = out
                with lock:   # emitted in order, so the progress only grows
                    state["done"] += hi - lo
                    self.partial.emit(job, np.arange(lo, hi), out)
                    self.progressed.emit(job, state["done"], n)

        helpers = min(split_threads(), len(chunks)) - 1
        copies = [private_copy(model) for _ in range(helpers)]
        copies = [c for c in copies if c is not model]   # a model that cannot be copied runs in one thread
        with ThreadPoolExecutor(max(1, len(copies)), thread_name_prefix="dataset-predictions") as pool:
            futures = [pool.submit(share, c) for c in copies]
            try:
                share(model)
            finally:
                if len(results) < len(chunks):
                    state["next"] = len(chunks)   # the helpers stop after their chunk
                for future in futures:
                    future.result()
                del copies
                release_freed_memory()   # the helper threads' buffers, kept by their malloc arenas
        if job != self.wanted_job or not chunks:
            return None if job != self.wanted_job else np.zeros((0, 10), dtype=np.float32)
        if len({results[k].shape[1] for k in results}) != 1:
            raise ValueError("the model gave a different number of outputs for different images")
        return np.concatenate([results[k] for k in range(len(chunks))])


class PredictionService(QObject):
    """Predictions per (model, split), computed in one background thread and cached.

    ``request(model, split, images, first)`` returns the cached probabilities at once, or None after
    starting (or continuing) the computation: the images ``first`` (indices) come first, every chunk
    through ``partial`` as it is done, the whole split through ``ready``. Call ``shutdown()`` before the
    owner goes away so no thread outlives it.
    """

    partial = Signal(object, str, object, object)  # model, split, image indices, their probs
    progressed = Signal(str, int, int)   # split, done, total
    ready = Signal(object, str, object)  # model, split, probs
    failed = Signal(str, str)            # split, message
    _start = Signal(int, object, object, object, object)

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
        self._worker.partial.connect(self._on_partial)
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

    def request(self, model, split: str, images: np.ndarray, first=None) -> np.ndarray | None:
        key = model_key(model)
        probs = self.cached(model, split, key)
        if probs is not None:
            return probs
        if self._pending is not None and self._pending[2] == key and self._pending[1] == split:
            return None
        if not self._thread.isRunning():   # started on first use (and again after a shutdown)
            self._thread.start()
        self._job += 1   # an older job is dropped
        self._worker.wanted_job = self._job
        fingerprint = model_fingerprint(model) if self.disk is not None else None
        self._pending = (model, split, key, images, fingerprint)
        # the rows in view are predicted at once, while this thread hashes the images and reads the disk
        looked_up = threading.Event()
        self._start.emit(self._job, private_copy(model), images, first, looked_up)
        try:
            probs = self.disk.load(fingerprint, images) if fingerprint else None
            if probs is not None:
                self.cancel()
                self._remember(model, split, key, probs)
        finally:
            looked_up.set()
        return probs

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

    @Slot(int, object, object)
    def _on_partial(self, job: int, rows: np.ndarray, probs: np.ndarray) -> None:
        if self._current(job):
            self.partial.emit(self._pending[0], self._pending[1], rows, probs)

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
