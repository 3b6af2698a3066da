"""Fixtures for the Qt tests: a guard against QThreads left running, a small dataset, temporary settings.

The guard wraps ``QThread.start`` for the length of each test and, after the test and after pytest-qt
has closed the test's widgets, fails the test if any thread it started is still running (it then
waits for the thread, so one leak cannot crash the tests that follow).
"""

from __future__ import annotations

import dataclasses

import pytest

import mnist_gui.ui  # noqa: F401 - applies the PySide6 guard before any Qt call
from PySide6.QtCore import QSettings, QThread


def _running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is gone, so the thread has ended
        return False


@pytest.fixture(autouse=True)
def no_running_qthreads(monkeypatch):
    started: list[QThread] = []
    original_start = QThread.start

    def start(self, *args, **kwargs):
        started.append(self)
        return original_start(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", start)
    yield started
    leaked = [t for t in started if _running(t)]
    for thread in leaked:
        thread.quit()
        thread.wait(30000)
    if leaked:
        pytest.fail(f"the test left {len(leaked)} QThread(s) running: "
                    + ", ".join(t.objectName() or repr(t) for t in leaked))


@pytest.fixture(scope="session")
def small_dataset(dataset):
    """The first 2,000 training and 500 test images of MNIST: enough to learn something in seconds."""
    return dataclasses.replace(dataset, x_train=dataset.x_train[:2000], y_train=dataset.y_train[:2000],
                               x_test=dataset.x_test[:500], y_test=dataset.y_test[:500])


@pytest.fixture
def settings(tmp_path):
    """A QSettings in an INI file of its own, so tests never read or write the user's settings."""
    s = QSettings(str(tmp_path / "mnist-gui.ini"), QSettings.IniFormat)
    yield s
    s.sync()
