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

Every change (``add``, ``add_many`` for imports, ``relabel``, ``remove`` / ``remove_many`` and their
``restore``) goes through one commit: under the lock, re-read the files, apply the change to what is there
now (a digit is found again by its pixels and label, so another window's keeps and deletes are never
undone), append the unsaved digits, write. ``reload`` re-reads what other windows saved. Views register a
callback with ``on_change`` and are told after every change. The store holds at most MAX_DIGITS digits.
Not here: reading the files, setting damaged ones aside, what a digit is (``core.my_digits_files``); what
the store starts from when it opens the folder (``core.my_digits_open``); the model's answers for the
digits, run once per picture (``core.my_digits_answers``).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mnist_gui.core.files import locked
from mnist_gui.core.i18n import tr
from mnist_gui.core.my_digits_answers import DigitAnswers
from mnist_gui.core.my_digits_files import (IMAGES, KEEP_DAMAGED, LABELS, SIDE, DamagedFiles,  # noqa: F401
                                            appended, as_digit, as_label, find_digit, read_files, reason,
                                            set_aside)
from mnist_gui.core.my_digits_open import open_folder
from mnist_gui.core.paths import user_data_dir
from mnist_gui.data.idx import write_idx


LOCK = ".lock"
LOCK_TIMEOUT_S = 3.0  # a write waits this long for another instance's write before it counts as refused
MAX_DIGITS = 10_000  # every keep rewrites the files: 10,000 digits are 7.8 MB


class StoreFull(ValueError):
    """Keeping one more digit would pass MAX_DIGITS."""


@dataclass(frozen=True)
class Removed:
    """A deleted digit, all ``restore`` needs to put it back where it was: its number then, pixels, label."""

    index: int
    image: np.ndarray
    label: int


class MyDigitsStore:
    """Labelled digits on disk: ``images`` (N, 28, 28) uint8 and ``labels`` (N,) uint8, the files' digits
    followed by the last ``unsaved`` ones the disk refused."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else user_data_dir() / "my-digits"
        self.save_error: str | None = None  # why the last write failed; None once a write succeeds
        self._listeners: list = []
        self._answers = DigitAnswers()
        # _disk: the files' digits as last read or written; _pending: (image, label)s the disk has not taken;
        # problem: what was wrong with the files when they were opened
        self._disk, self._pending, self.problem = open_folder(self.folder, self.folder / LOCK, LOCK_TIMEOUT_S)
        if self._pending:  # mismatched files were set aside with these digits: write them afresh
            self.save()
        self._publish()

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def is_saved(self, index: int) -> bool:
        return index < len(self._disk[1])

    def room(self) -> int:
        """How many more digits the store can hold."""
        return max(0, MAX_DIGITS - len(self))

    def full_text(self) -> str:
        return tr("My digits is full ({n:,} digits): delete some (or export them and start afresh) to keep "
                  "more.").format(n=MAX_DIGITS)

    def on_change(self, callback) -> None:
        """Call ``callback()`` after every change (held weakly when it is a bound method)."""
        self._listeners.append(weakref.WeakMethod(callback) if hasattr(callback, "__self__")
                               else (lambda c=callback: c))

    def add(self, image: np.ndarray, label: int) -> bool:
        """Keep one 28x28 digit (float in [0, 1] or uint8) as ``label`` 0-9 and write it through.

        Returns whether it (and any digit still unsaved) is now on disk; if not, it is kept as unsaved.
        StoreFull when the store already holds MAX_DIGITS.
        """
        image, label = as_digit(image), as_label(label)
        if self.room() == 0:
            raise StoreFull(self.full_text())
        self._pending.append((image, label))
        return self.save()

    def add_many(self, images: np.ndarray, labels) -> int:
        """Keep digits (N, 28, 28) with labels (N,) in one write, as many as there is ``room`` for; returns
        how many were kept (saved, or unsaved with ``save_error`` like ``add``)."""
        images, labels = np.asarray(images), np.asarray(labels)
        if images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
            raise ValueError(f"digits must be {SIDE}x{SIDE} images, (N, {SIDE}, {SIDE}); got shape {images.shape}")
        if labels.shape != (len(images),):
            raise ValueError(f"{len(images)} digits need {len(images)} labels, got shape {labels.shape}")
        n = min(len(images), self.room())
        if n == 0:
            return 0
        kept = [(as_digit(images[i]), as_label(labels[i])) for i in range(n)]
        self._pending.extend(kept)
        self.save()
        return n

    def relabel(self, index: int, label: int) -> bool:
        """Give digit ``index`` the label 0-9; False (with ``save_error``) if the disk refused."""
        self._check(index)
        label = as_label(label)
        saved = len(self._disk[1])
        if index >= saved:
            self._pending[index - saved] = (self._pending[index - saved][0], label)
            self._publish()
            return True
        seen = (index, self.images[index].copy(), int(self.labels[index]))

        def edit(images, labels):
            k = find_digit(images, labels, *seen)
            if k is not None:
                labels = labels.copy()
                labels[k] = label
            return images, labels
        return self._commit(edit)

    def remove(self, index: int) -> Removed | None:
        """Delete digit ``index``: what ``restore`` needs to put it back, or None (with ``save_error``) if
        the disk refused; the digit then stays."""
        removed = self.remove_many([index])
        return removed[0] if removed else None

    def remove_many(self, indices) -> list[Removed] | None:
        """Delete several digits in one write; None (nothing deleted, ``save_error`` says why) if refused."""
        indices = sorted(set(int(i) for i in indices))
        for i in indices:
            self._check(i)
        removed = [Removed(i, self.images[i].copy(), int(self.labels[i])) for i in indices]
        saved, pending = len(self._disk[1]), list(self._pending)
        for r in reversed(removed):
            if r.index >= saved:
                del self._pending[r.index - saved]
        on_disk = [r for r in removed if r.index < saved]
        if not on_disk:
            self._publish()
            return removed

        def edit(images, labels):
            keep = np.ones(len(labels), bool)
            for r in on_disk:
                k = find_digit(images, labels, r.index, r.image, r.label, ~keep)
                if k is not None:
                    keep[k] = False
            return images[keep], labels[keep]
        if not self._commit(edit):
            self._pending = pending
            self._publish()
            return None
        return removed

    def restore(self, index: int, image: np.ndarray, label: int) -> bool:
        """Put a removed digit back at number ``index`` (or the end, if there are fewer now)."""
        return self.restore_many([Removed(index, image, label)])

    def restore_many(self, removed: list[Removed]) -> bool:
        """Put digits back where they were (``remove_many``'s answer). If the disk refuses they are kept as
        unsaved, never lost; returns whether they are on disk."""
        removed = sorted(removed, key=lambda r: r.index)
        put_back = [(r.index, as_digit(r.image), as_label(r.label)) for r in removed]

        def edit(images, labels):
            for index, image, label in put_back:  # ascending: each lands where it was before the others
                k = min(index, len(labels))
                images = np.insert(images, k, image, axis=0)
                labels = np.insert(labels, k, label)
            return images, labels
        if self._commit(edit):
            return True
        self._pending.extend((image, label) for _, image, label in put_back)
        self._publish()
        return False

    def reload(self) -> bool:
        """Re-read what other windows saved (this store's unsaved digits stay); False if the folder was busy."""
        if not (self.folder / IMAGES).exists():
            return True
        try:
            with locked(self.folder / LOCK, LOCK_TIMEOUT_S):
                found = self._reread()
        except OSError:
            return False
        if not (np.array_equal(found[0], self._disk[0]) and np.array_equal(found[1], self._disk[1])):
            self._disk = found
            self._publish()
        return True

    def save(self) -> bool:
        """Write the unsaved digits (after whatever other instances saved meanwhile). True when none is left."""
        return self._commit() if self._pending else True

    def probabilities(self, model) -> np.ndarray:
        """The model's probabilities for every digit, (N, C) float32; only pictures it has not seen before
        are run through it (``core.my_digits_answers``)."""
        return self._answers.probabilities(model, self.images)

    def unanswered(self, model) -> np.ndarray:
        """The kept pictures ``model`` has not answered yet (``probabilities`` would run them)."""
        return self._answers.missing(model, self.images)

    def remember_answers(self, model, images: np.ndarray, probs: np.ndarray) -> None:
        """Answers computed elsewhere (off the GUI thread); the views are told, as after a change."""
        self._answers.remember(model, images, probs)
        self._notify()

    def predictions(self, model) -> np.ndarray:
        """The model's answer for every digit, (N,) int (empty when there are none)."""
        if len(self) == 0:
            return np.zeros(0, int)
        return self.probabilities(model).argmax(axis=1)

    # ---- writing ----

    def _check(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise IndexError(f"no digit number {index} (there are {len(self)})")

    def _commit(self, edit=None) -> bool:
        """Under the lock: re-read the files, apply ``edit(images, labels) -> (images, labels)`` to them,
        append the unsaved digits and write the result. On OSError nothing changes but ``save_error``."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with locked(self.folder / LOCK, LOCK_TIMEOUT_S):
                images, labels = self._reread()
                if edit is not None:
                    images, labels = edit(images, labels)
                images, labels = appended(images, labels, self._pending)
                write_idx(self.folder / IMAGES, images)
                write_idx(self.folder / LABELS, labels)
        except OSError as exc:
            self.save_error = tr("Could not save to {folder}: {reason}.").format(folder=self.folder, reason=reason(exc))
            self._publish()
            return False
        self._disk, self._pending, self.save_error = (images, labels), [], None
        self._publish()
        return True

    def _reread(self) -> tuple[np.ndarray, np.ndarray]:
        """The files' digits, under the lock. Damaged files are set aside first (OSError if they cannot
        be, so they are never written over); missing ones give back what this store last saw."""
        try:
            found = read_files(self.folder)
        except DamagedFiles as exc:
            self.problem = set_aside(self.folder, tr("could not be read ({problem})", "your saved digits ...").format(
                problem=exc))
            return self._disk
        if found is None:
            return self._disk
        n = min(len(found[0]), len(found[1]))  # more images than labels: a writer stopped between files
        return found[0][:n], found[1][:n]

    def _publish(self) -> None:
        self.images, self.labels = appended(*self._disk, self._pending)
        self._notify()

    def _notify(self) -> None:
        alive = []
        for ref in self._listeners:
            callback = ref()
            if callback is not None:
                alive.append(ref)
                callback()
        self._listeners = alive
