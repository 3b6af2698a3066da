"""Shared helpers for the benchmarks: the data, the machine's matmul peak, medians and thread limits."""

from __future__ import annotations

import os
import platform
import statistics
import time

import numpy as np


def load_data():
    """((x_train, y_train), (x_test, y_test)) as uint8 arrays, from the bundled MNIST."""
    from mnist_gui.data.mnist import load_mnist

    return load_mnist()


def sgemm_peak(n: int = 2048, repeats: int = 5) -> float:
    """The best float32 matrix-product rate (GFLOP/s) of an n x n x n product, under the current
    BLAS thread limit."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    out = np.empty((n, n), np.float32)
    np.dot(a, b, out=out)
    best = min(_timed(lambda: np.dot(a, b, out=out)) for _ in range(repeats))
    return 2.0 * n**3 / best / 1e9


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(values) -> float:
    return statistics.median(values)


def machine_line() -> str:
    from mnist_gui.nn.threads import current_blas_threads

    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, NumPy {np.__version__}, "
            f"BLAS threads by default: {current_blas_threads()}, load average {os.getloadavg()[0]:.2f}")
