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
  but gained nothing at these sizes on the shared machine (1.08 ms against 0.97 ms; on a quiet one column
  halves gain 1.3-1.5x, see below), and two BLAS threads change the float32 results in their last bits,
  so the BLAS thread count must not change during a run (the same
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

- **Both cores in training through a split that does not spin** (issue 17). A fused convolution and
  pooling (conv_pool.py), most of a CNN's training step, works in chunks of images, and ``chunk_split(n)``
  lets the chunks of this thread's fused steps be taken in turn by n threads (this one and n - 1 sleeping
  helpers), each with one BLAS thread. Dense layers' big products (``product``: from SPLIT_MACS
  multiply-adds up, e.g. 784-512-512-10 at batch 128 and the CNN's 1600x128 layer) are split the same way,
  in two column halves; smaller ones lose to the helper's wake-up (32x784 @ 784x128: 2x slower split) and
  stay whole. ``fit(threads="auto")``, the window's training and the headless predict and evaluate use
  ``split_threads()`` threads (both cores); an explicit ``fit(threads=k)`` means k BLAS threads and no
  split, as the side-by-side benchmarks need. The chunks and halves depend on the shapes alone and each
  chunk's share of a gradient is added in chunk order, so the weights are the same, bit for bit, on one
  thread or two. Measured on a quiet machine: a CNN training step of 128 images 24.7 -> 17.2 ms; in the
  window (benchmarks/gui_training.py --preset cnn --split 1 2) an epoch of 12,000 images 2.98 -> 2.24 s
  with the 10 ms timer late by p99 4-6 ms; 784-512-512-10 at batch 128 2.50 -> 1.88 s an epoch
  (train_speed.py --threads 1,auto,2; two BLAS threads: 1.60 s). With another process keeping one core
  busy: the CNN epoch 2.23 s on one thread and 2.36 s split, 784-512-512-10 2.48 s and 2.61 s split, but
  5.53 s on two BLAS threads: the split loses a little there, two BLAS threads collapse.

``blas_threads(n)`` limits BLAS for a block of code; blocks open in several threads at once share one
process-wide limit (the library's setting): the smallest open one. Uses threadpoolctl when installed and
does nothing otherwise.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from concurrent.futures import ThreadPoolExecutor

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


SPLIT_MACS = 1 << 24       # products from this size up are split in two column halves (see above)
_local = threading.local()  # .split: this thread's chunk split (None: not set here)
_helpers = None
_helpers_lock = threading.Lock()


@contextlib.contextmanager
def chunk_split(n: int):
    """Within the block, this thread's fused steps and big Dense products share their chunks with ``n - 1`` helpers
    (``n = 1``: no split, e.g. in threads that are themselves one of a split's)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"the number of threads must be a whole number of at least 1, got {n!r}")
    before = getattr(_local, "split", None)
    _local.split = n
    try:
        yield
    finally:
        _local.split = before


def default_split():
    """``chunk_split(split_threads())`` unless this thread has set its own split already."""
    if getattr(_local, "split", None) is not None:
        return contextlib.nullcontext()
    return chunk_split(split_threads())


def _pool() -> ThreadPoolExecutor:
    global _helpers
    with _helpers_lock:
        if _helpers is None:
            _helpers = ThreadPoolExecutor(MAX_TRAINING_THREADS - 1, thread_name_prefix="mnist-gui-chunks")
        return _helpers


def for_each_chunk(count: int, work) -> None:
    """``work(k)`` for k in range(count), on this thread and the helpers that the split allows, each
    taking the next chunk when it is free; returns when all are done (the first error is raised)."""
    helpers = min(getattr(_local, "split", None) or 1, count) - 1
    if helpers <= 0:
        for k in range(count):
            work(k)
        return
    taken, lock, failed = itertools.count(), threading.Lock(), []
    errors = np.geterr()  # np.errstate is per thread: the helpers take this one's

    def take():
        with np.errstate(**errors):
            while not failed:
                with lock:
                    k = next(taken)
                if k >= count:
                    return
                try:
                    work(k)
                except BaseException as error:  # noqa: BLE001 - raised again in the calling thread
                    failed.append(error)
                    return

    futures = [_pool().submit(take) for _ in range(helpers)]
    take()
    for future in futures:  # a helper still busy with another split's chunks is not waited for
        if not future.cancel():
            future.result()
    if failed:
        raise failed[0]


def product(a, b, out):
    """``out = a @ b`` for 2-D arrays; from SPLIT_MACS multiply-adds up, as two column halves taken by the
    split's threads (the halves depend on the shapes alone, so the result is the same on one thread or two)."""
    m, k = a.shape
    n = b.shape[1]
    if m * k * n < SPLIT_MACS or n < 32:
        return np.dot(a, b, out=out)
    half = (n // 2 + 15) // 16 * 16
    blocks = (slice(0, half), slice(half, n))
    for_each_chunk(2, lambda i: np.matmul(a, b[:, blocks[i]], out=out[:, blocks[i]]))
    return out
