"""The person's own handwriting: labelled 28x28 digits kept as MNIST-style IDX files. No Qt here.

Files: ``<folder>/images-idx3-ubyte`` (uint8, (N, 28, 28), ink bright like MNIST) and
``<folder>/labels-idx1-ubyte`` (uint8, (N,)), the default folder being ``user_data_dir()/my-digits``, so any
MNIST loader (``read_idx``, ``load_mnist``-style code) can train on them. How no digit is lost:

* Every keep is written through at once, each file atomically (``write_idx``, via ``core.files``), images
  first: a crash can at worst leave one more image than labels; loading keeps the labelled ones.
* When the disk refuses (read-only folder, full disk), the digit stays here as *unsaved* (the last
  ``unsaved`` of ``images``), ``save_error`` says why, and the next keep or ``save()`` tries again.
* Instances sharing the folder each write under a lock (``core.files.locked`` on ``.lock`` in the folder,
  removed afterwards; after LOCK_TIMEOUT_S the write counts as refused) and re-read the files under it,
  so each adds to what the others saved. Without flock (Windows) or a lock file (read-only folder) the
  store works unlocked.
* Unreadable files are never written over and never stop the app: they become ``*.damaged``,
  ``*.damaged2``, ... (the newest KEEP_DAMAGED kept), the collection starts afresh and ``problem`` says
  so; where even renaming is refused they are left in place and new digits stay unsaved. Only regular
  files are read (a FIFO counts as damaged: opening never hangs); stale temporary files are removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

import numpy as np

from mnist_gui.core.files import locked, remove_stale_temps
from mnist_gui.core.inference import classify_batch
from mnist_gui.core.paths import user_data_dir
from mnist_gui.data.idx import read_idx, write_idx


IMAGES = "images-idx3-ubyte"
LABELS = "labels-idx1-ubyte"
LOCK = ".lock"
SIDE = 28
LOCK_TIMEOUT_S = 3.0  # a write waits this long for another instance's write before it counts as refused
KEEP_DAMAGED = 3  # damaged copies kept per file; older ones are removed
_DAMAGED = re.compile(r"^(?:" + re.escape(IMAGES) + "|" + re.escape(LABELS) + r")\.damaged(\d*)$")


class DamagedFiles(ValueError):
    """The store's files exist but do not hold a collection of digits."""


class MyDigitsStore:
    """Labelled digits on disk: ``images`` (N, 28, 28) uint8 and ``labels`` (N,) uint8, the files' digits
    followed by the last ``unsaved`` ones the disk refused."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else user_data_dir() / "my-digits"
        self.problem: str | None = None  # what was wrong with the files when they were opened
        self.save_error: str | None = None  # why the last write failed; None once a write succeeds
        self._disk = (np.zeros((0, SIDE, SIDE), np.uint8), np.zeros(0, np.uint8))  # as last read or written
        self._pending: list[tuple[np.ndarray, int]] = []
        self._open()
        self._publish()

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def is_saved(self, index: int) -> bool:
        return index < len(self._disk[1])

    def add(self, image: np.ndarray, label: int) -> bool:
        """Keep one 28x28 digit (float in [0, 1] or uint8) as ``label`` 0-9 and write it through.

        Returns whether it (and any digit still unsaved) is now on disk; if not, it is kept as unsaved.
        """
        image = np.asarray(image)
        if image.shape != (SIDE, SIDE):
            raise ValueError(f"a digit must be a {SIDE}x{SIDE} image, got shape {image.shape}")
        if not 0 <= int(label) <= 9:
            raise ValueError(f"a digit's label must be 0-9, got {label}")
        if image.dtype != np.uint8:
            image = np.clip(np.round(image.astype(np.float32) * 255), 0, 255).astype(np.uint8)
        self._pending.append((image.copy(), int(label)))
        return self.save()

    def remove(self, index: int) -> bool:
        """Delete digit ``index``; False (with ``save_error``) if the disk refused, the digit then stays."""
        if not 0 <= index < len(self):
            raise IndexError(f"no digit number {index} (there are {len(self)})")
        saved = len(self._disk[1])
        if index >= saved:
            del self._pending[index - saved]
            self._publish()
            return True
        return self._commit(drop=(index, self.images[index].copy(), int(self.labels[index])))

    def save(self) -> bool:
        """Write the unsaved digits (after whatever other instances saved meanwhile). True when none is left."""
        return self._commit() if self._pending else True

    def predictions(self, model) -> np.ndarray:
        """The model's answer for every digit, (N,) int (empty when there are none)."""
        if len(self) == 0:
            return np.zeros(0, int)
        return classify_batch(model, self.images.astype(np.float32) / 255).argmax(axis=1)

    # ---- writing ----

    def _commit(self, drop: tuple[int, np.ndarray, int] | None = None) -> bool:
        """Under the lock: re-read the files, remove ``drop`` (index, image, label) from them, append the
        unsaved digits and write the result. On OSError nothing changes but ``save_error``."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with locked(self.folder / LOCK, LOCK_TIMEOUT_S):
                images, labels = self._reread()
                if drop is not None:
                    k = _find(images, labels, *drop)
                    if k is not None:
                        images, labels = np.delete(images, k, axis=0), np.delete(labels, k)
                images, labels = _appended(images, labels, self._pending)
                write_idx(self.folder / IMAGES, images)
                write_idx(self.folder / LABELS, labels)
        except OSError as exc:
            self.save_error = f"Could not save to {self.folder}: {_reason(exc)}."
            self._publish()
            return False
        self._disk, self._pending, self.save_error = (images, labels), [], None
        self._publish()
        return True

    def _reread(self) -> tuple[np.ndarray, np.ndarray]:
        """The files' digits, under the lock. Damaged files are set aside first (OSError if they cannot
        be, so they are never written over); missing ones give back what this store last saw."""
        try:
            found = self._read_files()
        except DamagedFiles as exc:
            self._set_aside(f"could not be read ({exc})")
            return self._disk
        if found is None:
            return self._disk
        n = min(len(found[0]), len(found[1]))  # more images than labels: a writer stopped between files
        return found[0][:n], found[1][:n]

    def _publish(self) -> None:
        self.images, self.labels = _appended(*self._disk, self._pending)

    # ---- opening ----

    def _open(self) -> None:
        if not self.folder.is_dir():
            return
        remove_stale_temps(self.folder)
        try:
            with locked(self.folder / LOCK, LOCK_TIMEOUT_S):
                rewrite = self._load()
        except TimeoutError:
            self.problem = (f"Your saved digits in {self.folder} are busy (another mnist-gui window is "
                            f"writing them) and were not loaded. New digits are added to them.")
            return
        if rewrite:  # after the lock is released: _commit takes it again
            self.save()

    def _load(self) -> bool:
        """Read the files into ``_disk``; True when what was kept must be written afresh."""
        try:
            found = self._read_files()
        except DamagedFiles as exc:
            self._set_aside_or_leave(f"could not be read ({exc})")
            return False
        if found is None:
            return False
        images, labels = found
        n = min(len(images), len(labels))
        self._disk = images[:n], labels[:n]
        if len(images) == len(labels):
            return False
        if not self._set_aside_or_leave(f"did not match ({len(images)} images, {len(labels)} labels); "
                                        f"the first {n} were kept"):
            return False
        self._pending = list(zip(images[:n], labels[:n].tolist()))  # on disk only in the set-aside copies
        self._disk = images[:0], labels[:0]
        return True

    def _read_files(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Both files' arrays, None if neither exists; DamagedFiles if they are not a collection."""
        paths = [self.folder / IMAGES, self.folder / LABELS]
        present = [os.path.lexists(p) for p in paths]
        if not any(present):
            return None
        if not all(present):
            raise DamagedFiles(f"{paths[present.index(False)].name} is missing")
        images, labels = _read_regular(paths[0]), _read_regular(paths[1])
        if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
            raise DamagedFiles(f"{IMAGES} holds {images.dtype} images of shape {images.shape[1:]}, "
                               f"expected uint8 {SIDE}x{SIDE}")
        if labels.dtype != np.uint8 or labels.ndim != 1 or (labels > 9).any():
            raise DamagedFiles(f"{LABELS} does not hold digit labels 0-9")
        return images, labels

    # ---- damaged files ----

    def _set_aside_or_leave(self, what: str) -> bool:
        """``_set_aside``, or, where the folder refuses, leave the files and say so. True if set aside."""
        try:
            self._set_aside(what)
        except OSError as exc:
            self.problem = (f"Your saved digits in {self.folder} {what}. They were left as they are "
                            f"({_reason(exc)}); new digits stay unsaved until the folder can be written.")
            return False
        return True

    def _set_aside(self, what: str) -> None:
        """Rename the files to the next ``*.damaged<n>`` and keep only the newest KEEP_DAMAGED copies."""
        numbers = [int(m.group(1) or 1) for m in map(_DAMAGED.match, os.listdir(self.folder)) if m]
        n = max(numbers, default=0) + 1
        kept = []
        for name in (IMAGES, LABELS):
            path = self.folder / name
            if os.path.lexists(path):
                target = path.with_name(f"{name}.damaged{n if n > 1 else ''}")
                os.replace(path, target)
                kept.append(target.name)
        for entry in os.listdir(self.folder):
            m = _DAMAGED.match(entry)
            if m and int(m.group(1) or 1) <= n - KEEP_DAMAGED:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder / entry)
        self.problem = (f"Your saved digits in {self.folder} {what}. The old files were kept as "
                        f"{', '.join(kept)}; new digits are saved afresh.")


def _read_regular(path: Path) -> np.ndarray:
    """``read_idx``, which reads regular files only (a FIFO or a device is refused on the descriptor it
    reads, so it can never block); any failure is damage, named by the file's name."""
    try:
        return read_idx(path)
    except (OSError, ValueError) as exc:  # the message names the file; the problem text names the folder
        raise DamagedFiles(str(exc).replace(str(path), path.name)) from None


def _appended(images: np.ndarray, labels: np.ndarray, pending: list) -> tuple[np.ndarray, np.ndarray]:
    if not pending:
        return images, labels
    return (np.concatenate([images, np.stack([p[0] for p in pending])]),
            np.concatenate([labels, np.array([p[1] for p in pending], np.uint8)]))


def _find(images: np.ndarray, labels: np.ndarray, index: int, image: np.ndarray, label: int) -> int | None:
    """Where digit (image, label), number ``index`` when last seen, is now; None if it is gone."""
    if index < len(labels) and labels[index] == label and np.array_equal(images[index], image):
        return index
    hits = np.flatnonzero((labels == label) & (images == image).all(axis=(1, 2)))
    return int(hits[0]) if len(hits) else None


def _reason(exc: OSError) -> str:
    """An OSError in words a person can act on."""
    if isinstance(exc, TimeoutError):
        return "another mnist-gui window kept the folder busy"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder is read-only"
    return exc.strerror or str(exc)
