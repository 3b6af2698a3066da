"""How many threads the BLAS library (matrix products) may use, and how work is split over the cores.

The choice (issue 17), measured on the 2-core development machine, shared with other programs:

- **Two BLAS threads only when asked.** OpenBLAS splits a product over all its threads and they spin
  while they wait for each other, so when another program (or the app's own GUI thread) keeps the other
  core busy, a product that takes 40 us on one thread took 5-10 ms on two. That is not only small
  products: 784-512-512-10 at batch 128 trains an epoch in 2.4 s on one thread and, with
  ``python -c "while True: pass"`` on the other core, in 8.8-14.5 s on two (1.8 s on two when both cores
  were free, but one of two "quiet" runs collapsed too, 9.9 s, when other programs woke up); its
  biggest product alone (128x784 @ 784x512) takes a median of 0.5 ms on two BLAS threads but a p90 of
  56-60 ms (one thread: 0.97 ms, p90 5 ms, on the shared machine). Splitting a
  product's rows over two Python threads instead (a sleeping helper, one BLAS thread each) does not spin,
  but gained nothing at these sizes on the shared machine (1.08 ms against 0.97 ms), and both ways change
  the float32 results in their last bits, so the thread count must not change during a run (the same
  seed gives the same weights): no adaptive switching. (OpenBLAS's spinning is set only by
  ``OPENBLAS_THREAD_TIMEOUT`` when the library loads; threadpoolctl changes nothing but the count.)
  So ``fit`` runs with ``training_threads()`` BLAS threads, one core fewer than the machine has (at
  least 1, at most 4): on 2 cores, one, headless and in the window (``ui.train.worker``); predict and
  evaluate use the same. Asked for two
  (``fit(threads=2)``, ``benchmarks/train_speed.py --threads 2``), 784-512-512-10 at batch 128 takes
  1.38 s an epoch against PyTorch's 1.70 s on two threads (0.81x; 2.12 s on one thread).
- **Both cores through a split over the batch.** Work made of independent images (the Dataset tab's
  70,000 predictions, ``ui.dataset.predictions``; the PCA map splits its pass the same way, ``core.pca``)
  runs in chunks taken in turn by ``split_threads()`` Python threads, each with one BLAS thread (NumPy
  releases the GIL in products and large ufuncs). Nothing spins, so a busy core only means its thread
  takes fewer chunks, and the chunks' boundaries are fixed, so the answers do not depend on which
  thread ran them: the default CNN's
  70,000 predictions took 3.7 s instead of 5.6 s on one thread (load average 1.8), with the GUI thread's
  10 ms timer late by a median of 0.2 ms (p99 5 ms) meanwhile; with the other core kept busy, 7.5 s
  (one thread: 5.8 s, load average 2.7): slower, but no collapse (benchmarks/dataset_tab.py).

``blas_threads(n)`` limits BLAS for a block of code; blocks open in several threads at once share one
process-wide limit (the library's setting): the smallest open one. Uses threadpoolctl when installed and
does nothing otherwise.
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


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def training_threads() -> int:
    """The BLAS thread count fit() uses by default: all cores but one, from 1 to MAX_TRAINING_THREADS."""
    return max(1, min(MAX_TRAINING_THREADS, _cores() - 1))


def split_threads() -> int:
    """Python threads for work split over the batch (each chunk of images independent, each thread with
    one BLAS thread and a share of chunks it takes as it goes): every core, at most MAX_TRAINING_THREADS.
    Nothing spins, so a busy core only means its thread takes fewer chunks."""
    return max(1, min(MAX_TRAINING_THREADS, _cores()))


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

