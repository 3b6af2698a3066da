"""Augmented training batches, made in a background thread while the network trains on the previous ones.

Distorting a batch costs about as much as a small network's whole training step, but training uses one
BLAS thread (threads.py) and the heavy NumPy operations of the distortion release the GIL, so a
producer thread on the other core hides most of it. The producer walks the epoch's permutation, puts
finished batches into a small bounded queue, and draws each batch's distortions from its own generator
derived from (seed, epoch, batch index): the results do not depend on thread timing, and a seeded run
repeats bit for bit. Small batches are distorted a few at a time (a chunk of about CHUNK_IMAGES images,
whose generator derives from the chunk's index), then handed out one batch at a time. What is not here:
the distortions themselves (mnist_gui.data.augment) and the labels (the training loop gathers those; a
distortion never changes the digit).
"""

from __future__ import annotations

import queue
import threading

import numpy as np

from mnist_gui.nn import seeding

QUEUE_DEPTH = 3
CHUNK_IMAGES = 512  # images per call to the augmentation: per image, 32 cost 1.6x and 256 1.7x as much as 512
_POLL = 0.05  # seconds between checks of the stop flag while the queue is full or empty


def resolve_augmentation(augmentation):
    """An Augmentation from a preset name or an Augmentation (validated), or None for no augmentation."""
    if augmentation is None:
        return None
    from mnist_gui.data.augment import Augmentation

    if isinstance(augmentation, str):
        return Augmentation.from_preset(augmentation)
    if not isinstance(augmentation, Augmentation):
        raise TypeError(f"augmentation must be an Augmentation or the name of a preset, "
                        f"got {type(augmentation).__name__}")
    augmentation.validate()
    return augmentation


def augmented_batch(feed, idx, augmentation, rng):
    """The batch of rows ``idx`` of ``feed``, distorted, with the feed's folded layers (Flatten,
    Rescaling) applied: what ``feed.take(idx)`` returns, but a new array each call."""
    images = feed.images
    raw = np.take(images, idx, axis=0)  # (B, H, W), the stored dtype
    out = np.empty(raw.shape, np.float32)
    augmentation(raw, rng, out=out)
    out = out.reshape((len(idx),) + feed.x.shape[1:])
    if feed.dtype != np.float32:
        out = out.astype(feed.dtype)
    if feed.scale != 1.0:
        np.multiply(out, feed.dtype.type(feed.scale), out=out)
    if feed.offset:
        np.add(out, feed.dtype.type(feed.offset), out=out)
    return out


class AugmentedBatches:
    """Batches ``order[0:B], order[B:2B], ...`` of ``feed``, distorted by ``augmentation``, produced by a
    daemon thread a few batches (at least ``QUEUE_DEPTH``, and two chunks) ahead. Call :meth:`next` once per
    batch, and :meth:`close` when done (also after an exception or an early stop): it stops and joins the
    thread."""

    def __init__(self, feed, augmentation, order, batch_size: int, seed: int, epoch: int):
        self._feed, self._augmentation, self._order = feed, augmentation, order
        self._batch_size, self._seed, self._epoch = batch_size, seed, epoch
        self._per_chunk = max(1, CHUNK_IMAGES // batch_size)
        self._queue = queue.Queue(max(QUEUE_DEPTH, 2 * self._per_chunk))
        self._stop = threading.Event()
        self._next = 0
        self._thread = threading.Thread(target=self._produce, name="mnist-gui-augment", daemon=True)
        self._thread.start()

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL)
                return True
            except queue.Full:
                pass
        return False

    def _produce(self):
        try:
            size, b = self._batch_size * self._per_chunk, 0
            for chunk, lo in enumerate(range(0, len(self._order), size)):
                if self._stop.is_set():
                    return
                rng = seeding.augment_rng(self._seed, self._epoch, chunk)
                batches = augmented_batch(self._feed, self._order[lo:lo + size], self._augmentation, rng)
                for start in range(0, len(batches), self._batch_size):
                    if not self._put((b, batches[start:start + self._batch_size])):
                        return
                    b += 1
        except BaseException as exc:  # handed to the training thread, which raises it
            self._put((None, exc))

    def next(self):
        """The next batch (blocks until it is ready); re-raises an error of the producer."""
        while True:
            try:
                b, batch = self._queue.get(timeout=_POLL)
                break
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("the augmentation thread stopped without producing batch "
                                       f"{self._next + 1}") from None
        if b is None:
            raise RuntimeError(f"augmenting a training batch failed: {batch}") from batch
        assert b == self._next, (b, self._next)
        self._next += 1
        return batch

    def close(self) -> None:
        """Stop the producer and wait for it (it notices within a fraction of a second)."""
        self._stop.set()
        while True:  # unblock a producer waiting on a full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._thread.join()
