"""How many threads the BLAS library (matrix products) may use.

OpenBLAS splits even small products over all cores, and its threads spin while they wait for each
other: when another program (or the app's own GUI thread) keeps one of the cores busy, a product that
takes 40 us on one thread was measured here taking 5-10 ms on two. So training runs with
``training_threads()`` BLAS threads, one core fewer than the machine has (at least 1, at most 4): on a
2-core machine, one; predict and evaluate use the same. ``blas_threads(n)`` limits BLAS for a block
of code. The limit is process-wide (it is the library's setting), which is harmless here. Uses
threadpoolctl when installed and does nothing otherwise.
"""

from __future__ import annotations

import contextlib
import os

import numpy as np  # noqa: F401  (loaded first, so the controller below finds NumPy's BLAS)

try:
    from threadpoolctl import ThreadpoolController
except ImportError:  # pragma: no cover - threadpoolctl is a dependency, but the engine works without it
    ThreadpoolController = None

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


@contextlib.contextmanager
def blas_threads(n: int | None):
    """Within the block, BLAS uses at most ``n`` threads (None: no change)."""
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise ValueError(f"the number of BLAS threads must be a whole number of at least 1, got {n!r}")
    controller = _blas()
    if n is None or controller is None:
        yield
        return
    with controller.limit(limits=n):
        yield


def current_blas_threads() -> int | None:
    """The BLAS thread count in effect (None when it cannot be told)."""
    controller = _blas()
    counts = [pool["num_threads"] for pool in controller.info()] if controller is not None else []
    return max(counts) if counts else None

