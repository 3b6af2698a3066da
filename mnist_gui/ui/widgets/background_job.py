"""Slow My digits work off the GUI thread: fine-tuning ("Teach it my handwriting"), reading and writing digit
folders, the model's answers for thousands of kept digits.

:class:`BackgroundJob` runs one plain function at a time in a ``QThread`` of its own (started for the job,
ended with it, as ``ui/inside/workers.py`` does), through a ``_Worker`` that only emits: ``progressed``
(whatever the function reports, already a copy), ``finished(result)`` or ``failed(message)``. The function
is called as ``function(control, progress)``: ``control`` is a ``mnist_gui.nn.TrainingControl`` (``stop()``
from the GUI thread ends the work soon), ``progress`` a callable that crosses to the GUI thread as a signal.
The functions themselves are Qt-free (``core.finetune``, ``core.digit_folders``, a model's predict). ``shutdown()`` stops and
waits, so a closing window never leaves a thread running or a file half-written (the functions write
nothing until they have finished, and nothing at all once stopped).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from mnist_gui.core.words import error_text
from mnist_gui.nn import TrainingControl


class _Worker(QObject):
    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, function, control: TrainingControl):
        super().__init__()
        self.function, self.control = function, control

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(self.control, self.progressed.emit)
        except Exception as exc:  # noqa: BLE001 - the boundary: the person reads the message, the app goes on
            self.failed.emit(error_text(exc))
            return
        self.finished.emit(result)


class BackgroundJob(QObject):
    """One job at a time: ``start(function)``; ``stop()``; ``shutdown()`` before the owner goes away."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.name = name
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._control: TrainingControl | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, function) -> bool:
        """Run ``function(control, progress)`` in a new thread; False (nothing started) if one runs."""
        if self._thread is not None:
            return False
        self._control = TrainingControl()
        thread = QThread()
        thread.setObjectName(self.name)
        worker = _Worker(function, self._control)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # quit from the worker thread itself, so a GUI thread blocked in wait() cannot deadlock
        worker.finished.connect(thread.quit, Qt.DirectConnection)
        worker.failed.connect(thread.quit, Qt.DirectConnection)
        worker.progressed.connect(self._on_progressed)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()
        return True

    def stop(self) -> None:
        """Ask the job to end soon; its ``finished`` (with a stopped result) or ``failed`` still comes."""
        if self._control is not None:
            self._control.stop()

    def shutdown(self) -> None:
        """Stop, wait for the thread and drop whatever it would still report (the owner is closing)."""
        if self._thread is None:
            return
        self.stop()
        for signal, slot in ((self._worker.progressed, self._on_progressed),
                             (self._worker.finished, self._on_finished), (self._worker.failed, self._on_failed)):
            signal.disconnect(slot)
        self._end()

    def _end(self) -> None:
        # the worker is held until its thread has ended: freed while its run() still executes, it would
        # crash the process (a segfault, seen when a test stopped a job at once)
        thread, worker = self._thread, self._worker
        self._thread, self._worker, self._control = None, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
        del worker

    @Slot(object)
    def _on_progressed(self, report) -> None:
        if self._thread is not None:
            self.progressed.emit(report)

    @Slot(object)
    def _on_finished(self, result) -> None:
        if self._thread is None:  # after shutdown: already on its way when the owner stopped listening
            return
        self._end()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._thread is None:
            return
        self._end()
        self.failed.emit(message)
