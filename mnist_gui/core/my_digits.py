"""The person's own handwriting: labelled 28x28 digits kept as MNIST-style IDX files. No Qt here.

Files: ``<folder>/images-idx3-ubyte`` (uint8, (N, 28, 28), ink bright like MNIST) and
``<folder>/labels-idx1-ubyte`` (uint8, (N,)), the default folder being ``user_data_dir()/my-digits``, so any
MNIST loader (``read_idx``, ``load_mnist``-style code) can train on them. Each file is written to a temporary
name and renamed into place (``write_idx``), images first: a crash can at worst leave one more image than
labels, which loading repairs by keeping the labelled ones.

Files that cannot be read are never overwritten and never crash the app: they are renamed to
``*.damaged``, the collection starts from what could be saved, and ``problem`` says so in plain words.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mnist_gui.data.idx import read_idx, write_idx
from mnist_gui.core.paths import user_data_dir
from mnist_gui.core.inference import classify_batch

IMAGES = "images-idx3-ubyte"
LABELS = "labels-idx1-ubyte"
SIDE = 28


class MyDigitsStore:
    """Labelled digits on disk; ``images`` (N, 28, 28) uint8 and ``labels`` (N,) uint8 mirror the files."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else user_data_dir() / "my-digits"
        self.images = np.zeros((0, SIDE, SIDE), np.uint8)
        self.labels = np.zeros(0, np.uint8)
        self.problem: str | None = None
        self._load()

    def __len__(self) -> int:
        return len(self.labels)

    def add(self, image: np.ndarray, label: int) -> int:
        """Add one 28x28 digit (float in [0, 1] or uint8) with its label 0-9; saved at once. Returns its index."""
        image = np.asarray(image)
        if image.shape != (SIDE, SIDE):
            raise ValueError(f"a digit must be a {SIDE}x{SIDE} image, got shape {image.shape}")
        if not 0 <= int(label) <= 9:
            raise ValueError(f"a digit's label must be 0-9, got {label}")
        if image.dtype != np.uint8:
            image = np.clip(np.round(image.astype(np.float32) * 255), 0, 255).astype(np.uint8)
        self.images = np.concatenate([self.images, image[None]])
        self.labels = np.append(self.labels, np.uint8(label))
        self.save()
        return len(self) - 1

    def remove(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise IndexError(f"no digit number {index} (there are {len(self)})")
        self.images = np.delete(self.images, index, axis=0)
        self.labels = np.delete(self.labels, index)
        self.save()

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_idx(self.folder / IMAGES, self.images)
        write_idx(self.folder / LABELS, self.labels)

    def predictions(self, model) -> np.ndarray:
        """The model's answer for every digit, (N,) int (empty when there are none)."""
        if len(self) == 0:
            return np.zeros(0, int)
        return classify_batch(model, self.images.astype(np.float32) / 255).argmax(axis=1)

    def _load(self) -> None:
        paths = [self.folder / IMAGES, self.folder / LABELS]
        present = [p.exists() for p in paths]
        if not any(present):
            return
        try:
            if not all(present):
                missing = paths[present.index(False)].name
                raise ValueError(f"{missing} is missing")
            images, labels = read_idx(paths[0]), read_idx(paths[1])
            if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
                raise ValueError(f"{IMAGES} holds {images.dtype} images of shape {images.shape[1:]}, "
                                 f"expected uint8 {SIDE}x{SIDE}")
            if labels.dtype != np.uint8 or labels.ndim != 1 or (labels > 9).any():
                raise ValueError(f"{LABELS} does not hold digit labels 0-9")
        except (OSError, ValueError) as exc:
            self._set_aside(paths, f"could not be read ({exc})")
            return
        n = min(len(images), len(labels))
        self.images, self.labels = images[:n], labels[:n]
        if len(images) != len(labels):
            self._set_aside(paths, f"did not match ({len(images)} images, {len(labels)} labels); "
                                   f"the first {n} were kept")
            self.save()

    def _set_aside(self, paths, what: str) -> None:
        kept = []
        for path in paths:
            if path.exists():
                target = path.with_name(path.name + ".damaged")
                n = 1
                while target.exists():
                    n += 1
                    target = path.with_name(f"{path.name}.damaged{n}")
                path.replace(target)
                kept.append(target.name)
        self.problem = (f"Your saved digits in {self.folder} {what}. The old files were kept as "
                        f"{', '.join(kept)}; new digits are saved afresh.")
