"""Where a model's random numbers come from.

Every model has an integer ``seed`` (``Sequential(..., seed=)``). Weight initialisation draws from one
stream derived from it, and each training epoch from a stream derived from (seed, epoch number), so a
run is reproducible bit for bit on the same machine (same BLAS thread count), and training resumed after
``save``/``load_model`` continues exactly as if it had not stopped. A model built without a seed takes
one from a global generator: ``set_random_seed(n)`` makes that sequence repeatable (like
``keras.utils.set_random_seed``); without it, seeds come from the operating system's entropy.
"""

from __future__ import annotations

import numpy as np

_global = None


def set_random_seed(seed: int | None) -> None:
    """Seed the generator that gives unseeded models their seeds (None: back to fresh entropy)."""
    global _global
    _global = None if seed is None else np.random.default_rng(int(seed))


def draw_seed() -> int:
    """A seed for a model that was not given one."""
    if _global is None:
        return int(np.random.SeedSequence().entropy % (2**63))
    return int(_global.integers(2**63))


def check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**63:
        raise ValueError(f"seed must be an integer from 0 to 2**63 - 1, got {seed!r}")
    return int(seed)


def init_rng(seed: int) -> np.random.Generator:
    """The stream for weight initialisation."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(0,))))


def epoch_rng(seed: int, epoch: int) -> np.random.Generator:
    """The stream for one training epoch: shuffling, then dropout masks, in the order they are drawn."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(1, int(epoch)))))


def augment_rng(seed: int, epoch: int, chunk: int) -> np.random.Generator:
    """The stream for the distortions of one chunk of training batches (drawn in a background thread, so
    each chunk has its own stream and thread timing cannot change the result)."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(2, int(epoch), int(chunk)))))
