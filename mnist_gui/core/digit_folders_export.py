"""Writing labelled digits to folders that ``core.digit_folders.read_digits`` reads back: an image folder
(``export_image_folder``: ``DIR/<label>/<n>.png``) or a My digits folder (``export_my_digits``: the IDX pair of
``core.my_digits``). Every file is written whole or not at all, and nothing already there is replaced. No Qt.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np

from mnist_gui.core.files import temp_path_for
from mnist_gui.core.i18n import tr
from mnist_gui.core.my_digits import IMAGES, LABELS, SIDE
from mnist_gui.data import png
from mnist_gui.data.idx import write_idx


def is_my_digits_folder(path) -> bool:
    """Whether ``path`` holds (either file of) a My digits collection."""
    path = Path(path)
    return os.path.lexists(path / IMAGES) or os.path.lexists(path / LABELS)


def export_image_folder(images, labels, path) -> int:
    """Write each digit as ``path/<label>/<n>.png`` (gray, ink bright on black, as MNIST), each file
    atomically and never over an existing file (the next free number is taken). Returns how many."""
    images, labels = _checked(images, labels)
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    next_free = {}
    for image, label in zip(images, labels):
        folder = path / str(int(label))
        if label not in next_free:
            folder.mkdir(exist_ok=True)
            numbers = [int(p.stem) for p in folder.iterdir() if p.stem.isdigit()]
            next_free[label] = max(numbers, default=0) + 1
        next_free[label] = _write_new(folder, next_free[label], png.encode_png(image))
    return len(labels)


def _write_new(folder: Path, n: int, data: bytes) -> int:
    """Write ``data`` as ``folder/<n>.png`` for the first free ``n`` from the given one; the next number."""
    tmp = temp_path_for(folder / "digit.png")
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        while True:
            target = folder / f"{n}.png"
            try:
                os.link(tmp, target)  # fails rather than replace a file another writer just made
                return n + 1
            except FileExistsError:
                n += 1
            except OSError:  # a file system without hard links: check, then rename
                if os.path.lexists(target):
                    n += 1
                    continue
                os.replace(tmp, target)
                return n + 1
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def export_my_digits(images, labels, path) -> int:
    """Write the digits as a My digits folder (the IDX pair, each file atomic, images first) at ``path``,
    which must not hold digits already (ValueError). Returns how many."""
    images, labels = _checked(images, labels)
    path = Path(path)
    if is_my_digits_folder(path):
        raise ValueError(tr("{path} already holds My digits files; choose an empty folder").format(path=path))
    path.mkdir(parents=True, exist_ok=True)
    write_idx(path / IMAGES, images)
    write_idx(path / LABELS, labels)
    return len(labels)


def _checked(images, labels) -> tuple[np.ndarray, np.ndarray]:
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != (SIDE, SIDE) or images.dtype != np.uint8:
        raise ValueError(f"expected uint8 digits of shape (n, 28, 28), got {images.dtype} {images.shape}")
    if labels.shape != (len(images),) or (len(labels) and (labels.min() < 0 or labels.max() > 9)):
        raise ValueError(f"expected one label 0-9 per digit, got {labels.shape} for {len(images)} digits")
    return images, labels.astype(np.uint8)
