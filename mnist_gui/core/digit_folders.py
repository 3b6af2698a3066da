"""Labelled digits to and from folders: ``read_digits`` (an image folder or a My digits folder) and
``export_image_folder`` / ``export_my_digits``. No Qt: the caller passes the picture decoder.

Two layouts are read. An *image folder* holds one sub-folder per digit, ``DIR/0/*.png``, ``DIR/1/*.jpg``, ...
(PICTURE_SUFFIXES); each picture goes through the one picture pipeline of ``mnist-gui predict``
(``decode``, then ``core.reading.read_picture``: the paper taken away, the picture read as one digit,
``to_mnist``), so a photo of a digit on paper becomes the same 28 x 28 input the Draw tab would read. A
*My digits folder* holds the IDX pair of ``core.my_digits`` (read with ``data.idx.read_idx``, under the data
layer's limits, without touching the files: no lock, nothing renamed).

What is not a digit is left out and said: sub-folders not named 0-9 (``ignored``), files that are not
pictures (``not_pictures``), pictures outside a digit folder (``unlabelled``), pictures holding several
digits ("42" in folder 4: ``several``, counted by ``core.reading``'s cutting into digits, the one the Draw tab
and ``mnist-gui predict`` use), pictures that cannot be read or hold no ink (``skipped``, with the reason;
reading never stops for one). The same digit twice is kept
once (``duplicates``): two files are the same digit when their 28 x 28 results are byte-identical (a hash
of the result, so a PNG and a JPEG of one drawing count once, and a digit filed under two labels keeps its
first). At most MAX_DIGITS are read; beyond it ``truncated`` counts what was left, taken evenly from every
digit. Only one folder level is listed and only regular files are read (``data.regular_files``), so a
symlink loop or a FIFO can never hang it.

Writing digits out (``export_image_folder``, ``export_my_digits``) is ``core.digit_folders_export``'s,
re-exported here. Not here: the My digits store (``core.my_digits``), fine-tuning (``core.finetune``),
decoding with Qt (``mnist_gui.ui.decode.decode_file``).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_gui.core.digit_folders_export import export_image_folder, export_my_digits, is_my_digits_folder
from mnist_gui.core.i18n import tr
from mnist_gui.core.my_digits import IMAGES, LABELS, SIDE
from mnist_gui.core.reading import read_picture
from mnist_gui.data.idx import read_idx, read_idx_header

__all__ = ["FolderRead", "MAX_DIGITS", "PICTURE_SUFFIXES", "export_image_folder", "export_my_digits",
           "is_my_digits_folder", "read_digits", "unique_digits"]

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".pgm", ".ppm")
MAX_DIGITS = 60_000  # as many as MNIST's training set: 47 MB of digits, minutes of fine-tuning a CNN
MAX_NAMES = 1_000_000  # directory entries listed per folder; a folder with more is not a digit folder
PROGRESS_EVERY_S = 0.1


@dataclass
class FolderRead:
    """What ``read_digits`` found: ``images`` (N, 28, 28) uint8 ink-bright like MNIST, ``labels`` (N,) uint8."""

    path: Path
    kind: str  # "images" (DIR/0..9/pictures) or "my-digits" (the IDX pair)
    images: np.ndarray
    labels: np.ndarray
    skipped: list = field(default_factory=list)  # (path, reason) of pictures that could not be used
    several: list = field(default_factory=list)  # (path, how many digits) of pictures holding more than one
    ignored: list = field(default_factory=list)  # names of sub-folders not named 0-9
    duplicates: int = 0
    truncated: int = 0  # digits beyond MAX_DIGITS, not read
    not_pictures: int = 0  # files in digit folders without a picture's suffix
    unlabelled: int = 0  # pictures directly in the folder, outside 0-9
    stopped: bool = False  # ``control.stop()`` was called: what was read so far
    note: str = ""  # a problem with a My digits folder's files

    def __len__(self) -> int:
        return len(self.labels)

    def counts(self) -> np.ndarray:
        """(10,) how many digits of each label."""
        return np.bincount(self.labels, minlength=10)[:10]

    def message(self) -> str:
        """One paragraph for the person: what was read, and everything left out and why."""
        if not len(self):
            text = tr("No digits in {path}: put pictures in folders named 0 to 9 ({name}/7/a.png, ...) or choose a "
                      "My digits folder.").format(path=self.path, name=self.path.name)
        else:
            text = tr("Read {n:,} digit(s) from {path}.", None, len(self)).format(n=len(self), path=self.path)
        parts = self._left_out()
        if parts:
            rest = "; ".join(parts)
            text += f" {rest[0].upper()}{rest[1:]}."
        return text

    def _left_out(self) -> list[str]:
        """What was left out and why, one phrase each ("" for what did not happen)."""
        parts = []
        if self.skipped:
            first = self.skipped[0]
            parts.append(tr("{n:,} picture(s) could not be used ({file}: {why}{more})", None, len(self.skipped)).format(
                n=len(self.skipped), file=Path(first[0]).name, why=first[1],
                more="; ..." if len(self.skipped) > 1 else ""))
        if self.several:
            picture = tr("{picture} ({n} digits)")
            names = ", ".join(picture.format(picture=f"{Path(p).parent.name}/{Path(p).name}", n=n)
                              for p, n in self.several[:3])
            parts.append(tr("{n:,} picture(s) hold(s) several digits and was/were left out: one digit a picture "
                            "({names}{more})", None, len(self.several)).format(
                n=len(self.several), names=names, more=", ..." if len(self.several) > 3 else ""))
        if self.duplicates:
            parts.append(tr("{n:,} duplicate(s) kept once", None, self.duplicates).format(n=self.duplicates))
        if self.ignored:
            shown = ", ".join(self.ignored[:5]) + (", ..." if len(self.ignored) > 5 else "")
            parts.append(tr("{n:,} folder(s) not named 0-9 ignored ({shown})", None, len(self.ignored)).format(
                n=len(self.ignored), shown=shown))
        if self.unlabelled:
            parts.append(tr("{n:,} picture(s) outside the 0-9 folders ignored (no label)", None,
                            self.unlabelled).format(n=self.unlabelled))
        if self.not_pictures:
            parts.append(tr("{n:,} file(s) that is/are not picture(s) ignored", None,
                            self.not_pictures).format(n=self.not_pictures))
        if self.truncated:
            parts.append(tr("{n:,} more left out (at most {most:,} are read)").format(n=self.truncated,
                                                                                     most=MAX_DIGITS))
        if self.stopped:
            parts.append(tr("reading was stopped before the end"))
        return parts + ([self.note] if self.note else [])


def read_digits(path, decode=None, control=None, progress=None) -> FolderRead:
    """The labelled digits in ``path``: a My digits folder (its IDX pair) or an image folder
    (``DIR/<digit>/<picture>``), decoded by ``decode(path) -> (pixels, (width, height))``.

    ``control``: anything with ``stop_requested`` (a ``TrainingControl``), checked between pictures.
    ``progress``: ``progress(done, total)`` at most ten times a second while pictures are read.
    Raises ValueError when ``path`` is not a folder or its My digits files cannot be read; an empty or
    unusable folder gives a FolderRead with no digits and a ``message`` saying what was expected.
    """
    path = Path(path)
    if not path.is_dir():
        text = tr("{path}: no such folder") if not os.path.lexists(path) else tr("{path} is not a folder")
        raise ValueError(text.format(path=path))
    if is_my_digits_folder(path):
        return _read_my_digits(path)
    if decode is None:
        raise ValueError("reading pictures needs a decoder")
    return _read_image_folder(path, decode, control, progress)


def _unreadable(path: Path, reason: str) -> str:
    return tr("the My digits folder {path} cannot be read: {reason}").format(path=path, reason=reason)


def _read_my_digits(path: Path) -> FolderRead:
    images_path, labels_path = path / IMAGES, path / LABELS
    for p in (images_path, labels_path):
        if not os.path.lexists(p):
            raise ValueError(tr("{path} is a My digits folder without its {file} file").format(path=path, file=p.name))
    try:
        dtype, shape = read_idx_header(images_path)
        if dtype != np.uint8 or len(shape) != 3 or shape[1:] != (SIDE, SIDE):
            raise ValueError(tr("{file} holds {dtype} images of shape {shape}, expected uint8 {side}x{side}").format(
                file=IMAGES, dtype=dtype, shape=shape[1:], side=SIDE))
        label_shape = read_idx_header(labels_path)[1]
        for name, n in ((IMAGES, shape[0]), (LABELS, label_shape[0] if label_shape else 0)):
            if n > MAX_DIGITS:
                raise ValueError(tr("{file} holds {n:,} digits, more than the {most:,} this app reads at once").format(
                    file=name, n=n, most=MAX_DIGITS))
        images, labels = read_idx(images_path), read_idx(labels_path)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ValueError(_unreadable(path, reason)) from None
    if labels.dtype != np.uint8 or labels.ndim != 1 or (labels > 9).any():
        raise ValueError(_unreadable(path, tr("{file} does not hold labels 0-9").format(file=LABELS)))
    note = ""
    if len(images) != len(labels):
        note = tr("the files hold {images} but {labels}, the labelled ones were read").format(
            images=tr("{n:,} image(s)", None, len(images)).format(n=len(images)),
            labels=tr("{n:,} label(s)", None, len(labels)).format(n=len(labels)))
    n = min(len(images), len(labels))
    images, labels, duplicates = unique_digits(images[:n], labels[:n])
    return FolderRead(path, "my-digits", images, labels, duplicates=duplicates, note=note)


def unique_digits(images: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """The digits with byte-identical images kept once (the first one, with its label): (images, labels,
    how many were left out)."""
    seen, keep = set(), []
    for i, image in enumerate(images):
        key = _digest(image)
        if key not in seen:
            seen.add(key)
            keep.append(i)
    if len(keep) == len(images):
        return images, labels, 0
    return images[keep], labels[keep], len(images) - len(keep)


def _digest(image: np.ndarray) -> bytes:
    return hashlib.blake2b(np.ascontiguousarray(image).tobytes(), digest_size=16).digest()


def _natural(name: str):
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def _listing(folder: Path) -> list[os.DirEntry]:
    entries = []
    with os.scandir(folder) as it:
        for entry in it:
            entries.append(entry)
            if len(entries) > MAX_NAMES:
                raise ValueError(f"{folder} holds more than {MAX_NAMES:,} entries")
    return sorted(entries, key=lambda e: _natural(e.name))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a symlink once; a loop or a dangling link is just not a folder
    except OSError:
        return False


def _read_image_folder(path: Path, decode, control, progress) -> FolderRead:
    read = FolderRead(path, "images", np.zeros((0, SIDE, SIDE), np.uint8), np.zeros(0, np.uint8))
    per_label: list[list[Path]] = [[] for _ in range(10)]
    try:
        top = _listing(path)
    except OSError as exc:
        raise ValueError(tr("{path} cannot be listed: {why}").format(path=path, why=exc.strerror or exc)) from None
    for entry in top:
        if _is_dir(entry):
            if re.fullmatch(r"[0-9]", entry.name):
                try:
                    files = _listing(Path(entry.path))
                except OSError as exc:
                    read.skipped.append((entry.path, tr("the folder cannot be listed ({why})").format(
                        why=exc.strerror or exc)))
                    continue
                for f in files:
                    if f.name.lower().endswith(PICTURE_SUFFIXES):
                        per_label[int(entry.name)].append(Path(f.path))
                    elif not f.name.startswith(".") and not _is_dir(f):
                        read.not_pictures += 1
            elif not entry.name.startswith("."):
                read.ignored.append(entry.name)
        elif entry.name.lower().endswith(PICTURE_SUFFIXES):
            read.unlabelled += 1
    # evenly from every digit when there are too many: the k-th picture of each digit before the (k+1)-th
    order = sorted(((k, label, p) for label, files in enumerate(per_label) for k, p in enumerate(files)),
                   key=lambda t: (t[0], t[1]))
    read.truncated = max(len(order) - MAX_DIGITS, 0)
    order = order[:MAX_DIGITS]
    images = np.empty((len(order), SIDE, SIDE), np.uint8)
    labels = np.empty(len(order), np.uint8)
    seen, n, last = set(), 0, 0.0
    for done, (_, label, picture) in enumerate(order):
        if control is not None and control.stop_requested:
            read.stopped = True
            break
        if progress is not None and time.monotonic() - last >= PROGRESS_EVERY_S:
            last = time.monotonic()
            progress(done, len(order))
        digit, reason, several = _digit_of(picture, decode)
        if several:
            read.several.append((picture, several))
            continue
        if digit is None:
            read.skipped.append((picture, reason))
            continue
        key = _digest(digit)
        if key in seen:
            read.duplicates += 1
            continue
        seen.add(key)
        images[n], labels[n] = digit, label
        n += 1
    if progress is not None and not read.stopped:
        progress(len(order), len(order))
    # back in the pictures' own order, digit by digit (the reading order was interleaved)
    by_label = np.argsort(labels[:n], kind="stable")
    read.images, read.labels = images[:n][by_label].copy(), labels[:n][by_label].copy()
    return read


def _digit_of(picture: Path, decode) -> tuple[np.ndarray | None, str, int]:
    """One picture file -> (its 28 x 28 uint8 digit, "", 0), (None, why not, 0), or (None, "", n) for a
    picture holding n > 1 digits (read as one, "42" would be a squeezed blot filed as a 4)."""
    try:
        pixels, size = decode(picture)
    except (ValueError, OSError, MemoryError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return (None, reason.replace(f"{picture}: ", "").replace(f"{picture.name}: ", "") or type(exc).__name__,
                0)
    try:
        reading = read_picture(None, pixels, size)
    except (ValueError, MemoryError) as exc:
        return None, str(exc) or type(exc).__name__, 0
    if reading.problem:
        return None, reading.problem, 0
    if reading.blank:
        return None, tr("no ink (a blank picture)"), 0
    if len(reading.digits) > 1:
        return None, "", len(reading.digits)
    return np.clip(np.rint(reading.single.input * 255), 0, 255).astype(np.uint8), "", 0
