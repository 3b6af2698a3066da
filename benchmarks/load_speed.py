"""How long loading the bundled MNIST takes: the first load (empty cache folder: inflate the gzip IDX
files, check them, write the .npy cache) and a cached load (memory-map and verify the cache).

Targets from issue 2: cached load < 0.1 s, first load < 2 s. "Cold" means the dataset cache is empty,
not that the operating system's page cache was dropped. Every run uses its own temporary cache folder;
nothing is written to the user's cache.

    python benchmarks/load_speed.py [--repeats N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from mnist_gui.data.mnist import load_mnist


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    first, cached = [], []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory(prefix="mnist-gui-bench-") as cache:
            first.append(timed(lambda: load_mnist(cache_dir=cache)))
            cached.extend(timed(lambda: load_mnist(cache_dir=cache)) for _ in range(5))
    print(f"first load (empty cache): median {statistics.median(first):.3f} s, "
          f"min {min(first):.3f} s, max {max(first):.3f} s over {len(first)} runs (target < 2 s)")
    print(f"cached load:              median {statistics.median(cached) * 1e3:.1f} ms, "
          f"min {min(cached) * 1e3:.1f} ms, max {max(cached) * 1e3:.1f} ms over {len(cached)} runs "
          f"(target < 100 ms)")


if __name__ == "__main__":
    main()
