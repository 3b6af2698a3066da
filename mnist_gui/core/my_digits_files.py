"""The My digits files on disk: reading them, setting damaged ones aside, and the arrays in them. No Qt here.

``read_files(folder)`` gives the IDX pair's arrays (None if there are none) or raises ``DamagedFiles``;
``set_aside(folder, what)`` renames damaged files to ``*.damaged``, ``*.damaged2``, ... (the newest
KEEP_DAMAGED kept) and says so; ``reason(exc)`` turns an OSError into words a person can act on;
``as_digit`` / ``as_label`` check one digit, ``find_digit`` finds one again after other windows wrote, and
``appended`` adds the unsaved ones. The store that uses them, with its lock and its promises, is
``core.my_digits``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path

import numpy as np

from mnist_gui.core.i18n import tr
from mnist_gui.data.idx import read_idx

IMAGES = "images-idx3-ubyte"
LABELS = "labels-idx1-ubyte"
SIDE = 28
KEEP_DAMAGED = 3  # damaged copies kept per file; older ones are removed
_DAMAGED = re.compile(r"^(?:" + re.escape(IMAGES) + "|" + re.escape(LABELS) + r")\.damaged(\d*)$")


class DamagedFiles(ValueError):
    """The store's files exist but do not hold a collection of digits."""


def read_files(folder: Path) -> tuple[np.ndarray, np.ndarray] | None:
    """Both files' arrays, None if neither exists; DamagedFiles if they are not a collection."""
    paths = [folder / IMAGES, folder / LABELS]
    present = [os.path.lexists(p) for p in paths]
    if not any(present):
        return None
    if not all(present):
        raise DamagedFiles(tr("{file} is missing").format(file=paths[present.index(False)].name))
    images, labels = read_regular(paths[0]), read_regular(paths[1])
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
        raise DamagedFiles(tr("{file} holds {dtype} images of shape {shape}, expected uint8 {side}x{side}").format(
            file=IMAGES, dtype=images.dtype, shape=images.shape[1:], side=SIDE))
    if labels.dtype != np.uint8 or labels.ndim != 1 or (labels > 9).any():
        raise DamagedFiles(tr("{file} does not hold digit labels 0-9").format(file=LABELS))
    return images, labels


def set_aside(folder: Path, what: str) -> str:
    """Rename the files in ``folder`` to the next ``*.damaged<n>`` and keep only the newest KEEP_DAMAGED
    copies; returns the problem text for the person (``what``: what was wrong). OSError if refused."""
    numbers = [int(m.group(1) or 1) for m in map(_DAMAGED.match, os.listdir(folder)) if m]
    n = max(numbers, default=0) + 1
    kept = []
    for name in (IMAGES, LABELS):
        path = folder / name
        if os.path.lexists(path):
            target = path.with_name(f"{name}.damaged{n if n > 1 else ''}")
            os.replace(path, target)
            kept.append(target.name)
    for entry in os.listdir(folder):
        m = _DAMAGED.match(entry)
        if m and int(m.group(1) or 1) <= n - KEEP_DAMAGED:
            with contextlib.suppress(OSError):
                os.unlink(folder / entry)
    return tr("Your saved digits in {folder} {what}. The old files were kept as {files}; new digits are saved "
              "afresh.").format(folder=folder, what=what, files=", ".join(kept))


def read_regular(path: Path) -> np.ndarray:
    """``read_idx``, which reads regular files only (a FIFO or a device is refused on the descriptor it
    reads, so it can never block); any failure is damage, named by the file's name."""
    try:
        return read_idx(path)
    except (OSError, ValueError) as exc:  # the message names the file; the problem text names the folder
        raise DamagedFiles(str(exc).replace(str(path), path.name)) from None


def reason(exc: OSError) -> str:
    """An OSError in words a person can act on."""
    if isinstance(exc, TimeoutError):
        return tr("another mnist-gui window kept the folder busy")
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return tr("the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr("the folder is read-only")
    return exc.strerror or str(exc)


def appended(images: np.ndarray, labels: np.ndarray, pending: list) -> tuple[np.ndarray, np.ndarray]:
    if not pending:
        return images, labels
    return (np.concatenate([images, np.stack([p[0] for p in pending])]),
            np.concatenate([labels, np.array([p[1] for p in pending], np.uint8)]))


def find_digit(images: np.ndarray, labels: np.ndarray, index: int, image: np.ndarray, label: int,
          taken: np.ndarray | None = None) -> int | None:
    """Where digit (image, label), number ``index`` when last seen, is now (not one of ``taken``, a mask);
    None if it is gone."""
    free = np.ones(len(labels), bool) if taken is None else ~taken
    if (index < len(labels) and free[index] and labels[index] == label
            and np.array_equal(images[index], image)):
        return index
    hits = np.flatnonzero(free & (labels == label) & (images == image).all(axis=(1, 2)))
    return int(hits[0]) if len(hits) else None


def as_digit(image) -> np.ndarray:
    """A 28x28 digit as uint8 (float input in [0, 1]), a copy."""
    image = np.asarray(image)
    if image.shape != (SIDE, SIDE):
        raise ValueError(tr("a digit must be a {side}x{side} image, got shape {shape}").format(side=SIDE,
                                                                                             shape=image.shape))
    if image.dtype != np.uint8:
        return np.clip(np.round(image.astype(np.float32) * 255), 0, 255).astype(np.uint8)
    return image.copy()


def as_label(label) -> int:
    if not 0 <= int(label) <= 9:
        raise ValueError(tr("a digit's label must be 0-9, got {label}").format(label=label))
    return int(label)
