"""Running the Inside tab's slow work (the PCA map, the lab's test accuracy) off the GUI thread.

A ``JobRunner`` runs one plain function at a time in a ``QThread`` of its own, started for the job and
ended when it is done, so no thread outlives its work. The worker only emits: ``finished(token,
result)`` or ``failed(token, message)``, both delivered on the GUI thread. The token is the caller's
(e.g. the model and the settings the job was for), so the caller can drop an answer that arrives after the
model was swapped. Asking again while a job runs keeps only the newest request, started when the running
one ends. The functions are Qt-free (``core.pca``, ``core.lab``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from mnist_gui.core.words import error_text


class _Worker(QObject):
    finished = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, token, function, args):
        super().__init__()
        self.token, self.function, self.args = token, function, args

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(*self.args)
        except Exception as error:  # noqa: BLE001 - the boundary: the user is told, the app goes on
            self.failed.emit(self.token, error_text(error))
            return
        self.finished.emit(self.token, result)


class JobRunner(QObject):
    finished = Signal(object, object)  # (token, result)
    failed = Signal(object, str)  # (token, message)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._pending = None

    def is_busy(self) -> bool:
        return self._thread is not None

    def submit(self, token, function, *args) -> None:
        """Run ``function(*args)`` off the GUI thread (after the running job, replacing any waiting one)."""
        if self._thread is not None:
            self._pending = (token, function, args)
            return
        thread = QThread()
        thread.setObjectName(self.name)
        worker = _Worker(token, function, args)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()

    def _end(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.quit()
            thread.wait()

    @Slot(object, object)
    def _on_finished(self, token, result) -> None:
        self._end()
        self.finished.emit(token, result)
        self._next()

    @Slot(object, str)
    def _on_failed(self, token, message) -> None:
        self._end()
        self.failed.emit(token, message)
        self._next()

    def _next(self) -> None:
        if self._pending is not None and self._thread is None:
            token, function, args = self._pending
            self._pending = None
            self.submit(token, function, *args)

    def stop(self) -> None:
        """Forget any waiting job and wait for the running one (when the tab goes away)."""
        self._pending = None
        if self._thread is not None:
            self._worker.finished.disconnect(self._on_finished)
            self._worker.failed.disconnect(self._on_failed)
            self._end()
