"""BLAS thread limits shared by threads: one block ending never changes the count under another's feet."""

from __future__ import annotations

import threading

import pytest

from mnist_gui.nn.threads import blas_threads, current_blas_threads

pytestmark = pytest.mark.skipif(current_blas_threads() is None, reason="threadpoolctl cannot see NumPy's BLAS")


def test_a_block_ending_in_another_thread_keeps_this_threads_limit():
    before = current_blas_threads()
    inside, other_done, seen = threading.Event(), threading.Event(), []

    def other():
        inside.wait(5)
        with blas_threads(1):
            pass                      # ends while the main thread's block is still open
        other_done.set()

    worker = threading.Thread(target=other)
    worker.start()
    with blas_threads(1):
        inside.set()
        other_done.wait(5)
        seen.append(current_blas_threads())
    worker.join(5)
    assert seen == [1]                            # still one thread: the same seed gives the same weights
    assert current_blas_threads() == before       # and the original is back once every block has ended


def test_the_smallest_open_limit_is_in_effect():
    before = current_blas_threads()
    with blas_threads(1):
        with blas_threads(4):
            assert current_blas_threads() == 1
        assert current_blas_threads() == 1
    assert current_blas_threads() == before


def test_a_bad_count_is_refused():
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="whole number"):
            with blas_threads(bad):
                pass


def test_a_worker_thread_gets_its_limit_after_the_main_thread_set_one():
    """threadpoolctl gives one thread control of OpenBLAS: a limit asked from a worker after the GUI thread
    predicted must still apply (else the worker's BLAS threads spin on a busy machine)."""
    with blas_threads(1):
        pass
    seen = []

    def worker():
        with blas_threads(1):
            seen.append(current_blas_threads())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(5)
    assert seen == [1]
