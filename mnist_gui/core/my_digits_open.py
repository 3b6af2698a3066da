"""Opening a My digits folder: what the store starts from when a window opens it. No Qt here.

``open_folder(folder, lock, timeout_s)`` removes stale temporary files and, under the folder's lock, reads
the files into an ``Opened``: the digits on disk, the digits that must be written afresh (``pending``) and
what was wrong (``problem``, None when nothing was). Damaged files are set aside (``*.damaged``); files with
more images than labels (or fewer) are set aside too and their first labelled digits come back as pending,
for the store to write at once; where the folder refuses the rename the files are left as they are and the
problem says so. A folder busy for longer than ``timeout_s`` opens empty, with a problem saying why.

Not here: the store and its writes (``core.my_digits``), reading the files and setting them aside
(``core.my_digits_files``).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np

from mnist_gui.core.files import locked, remove_stale_temps
from mnist_gui.core.i18n import tr
from mnist_gui.core.my_digits_files import SIDE, DamagedFiles, read_files, reason, set_aside


class Opened(NamedTuple):
    """What a store starts from: ``disk`` (images (N, 28, 28) uint8, labels (N,) uint8) as read, digits
    still to be written (``pending``, (image, label) pairs) and what was wrong with the files."""

    disk: tuple[np.ndarray, np.ndarray]
    pending: list
    problem: str | None


def open_folder(folder: Path, lock: Path, timeout_s: float) -> Opened:
    """Read ``folder``'s digits under ``lock`` (waiting at most ``timeout_s``); see the module docstring."""
    empty = (np.zeros((0, SIDE, SIDE), np.uint8), np.zeros(0, np.uint8))
    if not folder.is_dir():
        return Opened(empty, [], None)
    remove_stale_temps(folder)
    try:
        with locked(lock, timeout_s):
            return _load(folder, empty)
    except TimeoutError:
        return Opened(empty, [], tr("Your saved digits in {folder} are busy (another mnist-gui window is writing "
                                    "them) and were not loaded. New digits are added to them.").format(folder=folder))


def _load(folder: Path, empty: tuple[np.ndarray, np.ndarray]) -> Opened:
    try:
        found = read_files(folder)
    except DamagedFiles as exc:
        what = tr("could not be read ({problem})", "your saved digits ...").format(problem=exc)
        return Opened(empty, [], _set_aside_or_leave(folder, what)[1])
    if found is None:
        return Opened(empty, [], None)
    images, labels = found
    n = min(len(images), len(labels))
    if len(images) == len(labels):
        return Opened((images[:n], labels[:n]), [], None)
    what = tr("did not match ({images} images, {labels} labels); the first {n} were kept",
              "your saved digits ...").format(images=len(images), labels=len(labels), n=n)
    moved, problem = _set_aside_or_leave(folder, what)
    if not moved:
        return Opened((images[:n], labels[:n]), [], problem)
    # on disk only in the set-aside copies now: the store writes them afresh
    return Opened((images[:0], labels[:0]), list(zip(images[:n], labels[:n].tolist())), problem)


def _set_aside_or_leave(folder: Path, what: str) -> tuple[bool, str]:
    """``set_aside``, or, where the folder refuses, leave the files and say so: (set aside?, problem)."""
    try:
        return True, set_aside(folder, what)
    except OSError as exc:
        return False, tr("Your saved digits in {folder} {what}. They were left as they are ({reason}); new digits "
                         "stay unsaved until the folder can be written.").format(folder=folder, what=what,
                                                                                  reason=reason(exc))
