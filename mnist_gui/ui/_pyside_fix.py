"""A guard against a reference-count bug of PySide6 6.12.0 on Python < 3.12.

In PySide6 6.12.0 (as installed from PyPI), methods that return ``None``, and ``Signal.emit()``, which
returns ``True``, hand back the object without taking a reference to it: every ``painter.setPen(...)``,
``label.setText(...)`` or ``signal.emit()`` called from Python lowers the reference count of ``None`` or
``True`` by one. Since Python 3.12 those objects are immortal and nothing happens; on 3.11 CPython
aborts after a few thousand calls ("Fatal Python error: none_dealloc" or "bool_dealloc"), which for
this app means within seconds of training or drawing.

:func:`apply` checks whether the installed PySide6 does this (a few calls, reference counts before and
after) and, if so, adds 2**40 to the counts of None, True and False: those objects are never freed
anyway, and no run of the app makes 10**12 calls. It does nothing on a fixed PySide6 or on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_applied = False


def leaks_singletons() -> bool:
    """True if PySide6 calls from Python lose references to ``None`` or ``True``."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def apply() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    _applied = True
    if leaks_singletons():
        for obj in (None, True, False):
            # ob_refcnt is the first field of every CPython object (non-debug builds)
            ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
