"""How many threads the BLAS library (matrix products) may use.

OpenBLAS splits even small products over all cores, and its threads spin while they wait for each
other: when another program (or the app's own GUI thread) keeps one of the cores busy, a product that
takes 40 us on one thread was measured here taking 5-10 ms on two. So training runs with
``training_threads()`` BLAS threads, one core fewer than the machine has (at least 1, at most 4): on a
2-core machine, one; predict and evaluate use the same. ``blas_threads(n)`` limits BLAS for a block
of code; blocks open in several threads at once share one process-wide limit (the library's setting):
the smallest open one. Uses
threadpoolctl when installed and does nothing otherwise.
"""

from __future__ import annotations

import contextlib
import os
import threading

import numpy as np  # noqa: F401  (loaded first, so the controller below finds NumPy's BLAS)

try:
    import threadpoolctl as _threadpoolctl
    from threadpoolctl import ThreadpoolController
except ImportError:  # pragma: no cover - threadpoolctl is a dependency, but the engine works without it
    _threadpoolctl = ThreadpoolController = None

MAX_TRAINING_THREADS = 4
_controller = None


def _blas():
    """A cached controller: building one scans the loaded libraries (~1 ms); using it takes ~20 us."""
    global _controller
    if _controller is None and ThreadpoolController is not None:
        _controller = ThreadpoolController().select(user_api="blas")
    return _controller


def training_threads() -> int:
    """The BLAS thread count fit() uses by default: all cores but one, from 1 to MAX_TRAINING_THREADS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAX_TRAINING_THREADS, cores - 1))


_lock = threading.Lock()
_active: list[int] = []     # the limits of the blocks open now, in any thread
_original = None            # threadpoolctl's limiter from the first open block: it restores what was there


def _take_control() -> None:
    """threadpoolctl (3.5+) lets only one Python thread set OpenBLAS's count and drops other threads' calls
    silently until that thread hands control back, which a limiter kept open never does; every change here
    happens under ``_lock``, so the thread making it may take control."""
    clear = getattr(getattr(_threadpoolctl, "OpenBLASController", None), "clear_controlling_thread", None)
    if clear is not None:
        clear(force=True)


def _apply(controller) -> None:
    """Called under ``_lock``: the smallest open limit in effect, or the original once none is open."""
    global _original
    _take_control()
    if _active:
        limiter = controller.limit(limits=min(_active))
        if _original is None:
            _original = limiter
    elif _original is not None:
        _original.restore_original_limits()
        _original = None


@contextlib.contextmanager
def blas_threads(n: int | None):
    """Within the block, BLAS uses at most ``n`` threads (None: no change).

    The limit is the library's, so it is process-wide: blocks open in several threads at once (the training
    worker and the GUI thread's predict) share it. The smallest open limit is in effect, and the original
    comes back only when the last block ends: one thread's block ending never changes the thread count
    under another's feet (that made the same seed give slightly different weights)."""
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise ValueError(f"the number of BLAS threads must be a whole number of at least 1, got {n!r}")
    controller = _blas()
    if n is None or controller is None:
        yield
        return
    with _lock:
        _active.append(n)
        _apply(controller)
    try:
        yield
    finally:
        with _lock:
            _active.remove(n)
            _apply(controller)


def current_blas_threads() -> int | None:
    """The BLAS thread count in effect (None when it cannot be told)."""
    controller = _blas()
    counts = [pool["num_threads"] for pool in controller.info()] if controller is not None else []
    return max(counts) if counts else None

