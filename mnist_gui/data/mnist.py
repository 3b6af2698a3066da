"""Find, load and cache MNIST-format datasets: ``load_mnist`` (Keras-shaped tuples) and ``load_dataset``.

A dataset is a folder holding the four standard IDX files (``train-images-idx3-ubyte``,
``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte``, ``t10k-labels-idx1-ubyte``; raw or ``.gz``; the
``train-images.idx3-ubyte`` spelling works too), so Fashion-MNIST and KMNIST load like MNIST. By default
the copy bundled with the app is used. Class names come from ``class_names.txt`` (one per line) or
``classes.json`` (a list, or ``{"name": ..., "class_names": [...]}``) in the folder, else the digit names;
either file is read only if it is a regular file of at most ``limits.MAX_JSON_BYTES``, the JSON at most
``limits.MAX_JSON_DEPTH`` levels deep (``safe_json``), with at most ``limits.MAX_CLASSES`` names of 1 to
``limits.MAX_CLASS_NAME_CHARS`` characters. The IDX headers are checked (3-D unsigned-byte images, 1-D
labels, as many of each, within ``limits.MAX_IDX_BYTES``) before any data is inflated. Every problem
with the folder or its files raises ``ValueError``.

The decompressed arrays are cached in the user cache folder and memory-mapped on later loads
(``dataset_cache``); a stale, damaged or unreadable cache entry is rebuilt. An unwritable cache folder
only means loading without a cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_gui.core.paths import resource_path, user_cache_dir
from mnist_gui.data.dataset_cache import read_cache, write_cache
from mnist_gui.data.idx import read_idx, read_idx_header
from mnist_gui.data.limits import MAX_CLASS_NAME_CHARS, MAX_CLASSES, MAX_JSON_BYTES
from mnist_gui.data.regular_files import read_regular
from mnist_gui.data.safe_json import load_json_file

__all__ = ["DIGIT_NAMES", "Dataset", "load_dataset", "load_mnist", "find_idx_files"]

DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
STANDARD_NAMES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}
_log = logging.getLogger(__name__)


@dataclass
class Dataset:
    """Train and test arrays (uint8; images (N, H, W), labels (N,)) with their class names."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    class_names: list[str] = field(default_factory=lambda: list(DIGIT_NAMES))
    name: str = "MNIST"

    @property
    def num_classes(self) -> int:
        return len(self.class_names)


def load_mnist(path=None, cache_dir=None):
    """``((x_train, y_train), (x_test, y_test))`` uint8, like ``keras.datasets.mnist.load_data()``.

    ``path``: a folder with the four IDX files; None for the bundled MNIST. ``cache_dir``: where the
    decompressed copy is kept; None for the per-user cache folder.
    """
    arrays = _load_arrays(_folder(path), cache_dir)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])


def load_dataset(path=None, cache_dir=None) -> Dataset:
    """Like ``load_mnist`` but returns a ``Dataset`` carrying the class names and a display name."""
    folder = _folder(path)
    arrays = _load_arrays(folder, cache_dir)
    top = int(max(arrays["y_train"].max(), arrays["y_test"].max()))
    names, name = _class_names(folder, top + 1)
    if name is None:
        name = "MNIST" if path is None else folder.name
    return Dataset(class_names=names, name=name, **arrays)


def find_idx_files(folder) -> dict:
    """The four IDX files in ``folder`` as {"x_train": Path, ...}; ValueError naming what is missing."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a folder (expected one holding the four MNIST-format IDX files)")
    found, missing = {}, []
    for key, stem in STANDARD_NAMES.items():
        dotted = stem.replace("-idx", ".idx")
        for name in (stem, stem + ".gz", dotted, dotted + ".gz"):
            if (folder / name).is_file():
                found[key] = folder / name
                break
        else:
            missing.append(stem)
    if missing:
        raise ValueError(f"{folder}: missing {', '.join(missing)} (raw or .gz)")
    return found


def _folder(path) -> Path:
    return resource_path("mnist") if path is None else Path(path)


def _load_arrays(folder: Path, cache_dir) -> dict:
    sources = find_idx_files(folder)
    fingerprint = [[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns] for p in sources.values()]
    root = Path(cache_dir) if cache_dir is not None else user_cache_dir()
    entry = root / "datasets" / hashlib.sha256(json.dumps([f[0] for f in fingerprint]).encode()).hexdigest()[:24]
    arrays = read_cache(entry, fingerprint, list(STANDARD_NAMES))
    if arrays is not None:
        return arrays
    _check({key: read_idx_header(p) for key, p in sources.items()}, folder)  # before inflating anything
    arrays = {key: read_idx(p) for key, p in sources.items()}
    try:
        write_cache(entry, arrays, fingerprint)
    except OSError as exc:
        _log.warning("not caching the dataset in %s: %s", entry, exc)
    return arrays


def _check(headers: dict, folder: Path) -> None:
    """``headers``: {"x_train": (dtype, shape), ...} as the IDX files declare them."""
    for part in ("train", "test"):
        (x_type, x), (y_type, y) = headers[f"x_{part}"], headers[f"y_{part}"]
        if len(x) != 3 or x_type != np.uint8:
            raise ValueError(f"{folder}: {part} images must be 3-D unsigned bytes (N, H, W), "
                             f"got {x_type} of shape {x}")
        if len(y) != 1 or y_type != np.uint8:
            raise ValueError(f"{folder}: {part} labels must be 1-D unsigned bytes, got {y_type} of shape {y}")
        if x[0] != y[0]:
            raise ValueError(f"{folder}: {x[0]} {part} images but {y[0]} {part} labels")
        if x[0] == 0:
            raise ValueError(f"{folder}: the {part} set is empty")
    if headers["x_train"][1][1:] != headers["x_test"][1][1:]:
        raise ValueError(f"{folder}: train images are {headers['x_train'][1][1:]} but test images are "
                         f"{headers['x_test'][1][1:]}")


def _class_names(folder: Path, needed: int):
    """(class names, dataset name or None) from the folder's files, else the digit names."""
    txt, js = folder / "class_names.txt", folder / "classes.json"
    name = None
    if txt.is_file():
        source = txt
        try:
            text = read_regular(txt, MAX_JSON_BYTES, "a class-names file").decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{txt}: not UTF-8 text ({exc})") from None
        names = [line.strip() for line in text.splitlines() if line.strip()]
    elif js.is_file():
        source = js
        data = load_json_file(js, what="a classes.json file")
        if isinstance(data, dict):
            name, data = data.get("name"), data.get("class_names")
        if not isinstance(data, list) or not all(isinstance(n, str) for n in data) or (
                name is not None and not isinstance(name, str)):
            raise ValueError(f"{js}: expected a list of class names or "
                             '{"name": "...", "class_names": [...]}')
        names = data
    else:
        source = None
        names = list(DIGIT_NAMES) if needed <= 10 else [str(i) for i in range(needed)]
    if len(names) < needed:
        raise ValueError(f"{source}: {len(names)} class names, but the labels go up to {needed - 1}")
    _check_names(source, names, name)
    return names, name


def _check_names(source: Path, names: list, name) -> None:
    if len(names) > MAX_CLASSES:
        raise ValueError(f"{source}: {len(names)} class names, more than the {MAX_CLASSES} that byte labels "
                         "can tell apart")
    for i, n in enumerate(names):
        if not n.strip():
            raise ValueError(f"{source}: class name {i} is empty")
        if len(n) > MAX_CLASS_NAME_CHARS:
            raise ValueError(f"{source}: class name {i} is {len(n)} characters long, expected at most "
                             f"{MAX_CLASS_NAME_CHARS}")
    if name is not None and len(name) > MAX_CLASS_NAME_CHARS:
        raise ValueError(f"{source}: the dataset name is {len(name)} characters long, expected at most "
                         f"{MAX_CLASS_NAME_CHARS}")
