"""Find, load and cache MNIST-format datasets: ``load_mnist`` (Keras-shaped tuples) and ``load_dataset``.

A dataset is a folder holding the four standard IDX files (``train-images-idx3-ubyte``,
``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte``, ``t10k-labels-idx1-ubyte``; raw or ``.gz``; the
``train-images.idx3-ubyte`` spelling works too), so Fashion-MNIST and KMNIST load like MNIST. By default
the copy bundled with the app is used. Class names come from ``class_names.txt`` (one per line) or
``classes.json`` (a list, or ``{"name": ..., "class_names": [...]}``) in the folder, else the digit names.
Every problem with the folder or its files raises ``ValueError``.

Cache. The first load writes the decompressed arrays as ``.npy`` files under
``<cache_dir>/datasets/<hash of the source paths>/`` with a ``manifest.json`` written last (it is the
commit mark). Later loads memory-map them (copy-on-write: the arrays are writable like Keras's, and
changes never reach the cache). Before an entry is used we check that

* the source files still have the size and modification time recorded in the manifest (else: stale);
* every ``.npy`` has the recorded size, shape and dtype;
* the label files (small) match their full SHA-256;
* the image files match a 64-bit wrapping sum of all their bytes as 8-byte words. Reading 47 MB of page
  cache this way takes about 10 ms where SHA-256 takes 40+; it catches any truncation, any single flipped
  bit and any damage confined to one 8-byte word, but unlike SHA-256 not a deliberate edit.

A failed check rebuilds the entry. An unwritable cache folder only means loading without a cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write
from mnist_gui.data.idx import read_idx
from mnist_gui.core.paths import resource_path, user_cache_dir

__all__ = ["DIGIT_NAMES", "Dataset", "load_dataset", "load_mnist", "find_idx_files"]

DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
STANDARD_NAMES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}
CACHE_VERSION = 1
_SHA256_LIMIT = 1 << 20  # files up to 1 MiB (the labels) get a full SHA-256 on every cached load
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
    arrays = _read_cache(entry, fingerprint)
    if arrays is not None:
        return arrays
    arrays = {key: read_idx(p) for key, p in sources.items()}
    _check(arrays, folder)
    try:
        _write_cache(entry, arrays, fingerprint)
    except OSError as exc:
        _log.warning("not caching the dataset in %s: %s", entry, exc)
    return arrays


def _check(arrays: dict, folder: Path) -> None:
    for part in ("train", "test"):
        x, y = arrays[f"x_{part}"], arrays[f"y_{part}"]
        if x.ndim != 3 or x.dtype != np.uint8:
            raise ValueError(f"{folder}: {part} images must be 3-D unsigned bytes (N, H, W), "
                             f"got {x.dtype} of shape {x.shape}")
        if y.ndim != 1 or y.dtype != np.uint8:
            raise ValueError(f"{folder}: {part} labels must be 1-D unsigned bytes, got {y.dtype} of shape {y.shape}")
        if len(x) != len(y):
            raise ValueError(f"{folder}: {len(x)} {part} images but {len(y)} {part} labels")
        if len(x) == 0:
            raise ValueError(f"{folder}: the {part} set is empty")
    if arrays["x_train"].shape[1:] != arrays["x_test"].shape[1:]:
        raise ValueError(f"{folder}: train images are {arrays['x_train'].shape[1:]} but test images are "
                         f"{arrays['x_test'].shape[1:]}")


def _class_names(folder: Path, needed: int):
    """(class names, dataset name or None) from the folder's files, else the digit names."""
    txt, js = folder / "class_names.txt", folder / "classes.json"
    name = None
    if txt.is_file():
        source = txt
        names = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
    elif js.is_file():
        source = js
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"{js}: not valid JSON ({exc})") from None
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
    return names, name


def _write_cache(entry: Path, arrays: dict, fingerprint) -> None:
    entry.mkdir(parents=True, exist_ok=True)
    (entry / "manifest.json").unlink(missing_ok=True)
    files = {}
    for key, a in arrays.items():
        path = entry / f"{key}.npy"
        with atomic_write(path, fsync=False) as f:
            np.save(f, a, allow_pickle=False)
        files[key] = {"file": path.name, "shape": list(a.shape), "dtype": a.dtype.str,
                      "size": path.stat().st_size, "sha256": _sha256(path), "sum64": _sum64(path)}
    manifest = {"version": CACHE_VERSION, "sources": fingerprint, "arrays": files}
    with atomic_write(entry / "manifest.json", fsync=False) as f:
        f.write(json.dumps(manifest, indent=1).encode())


def _read_cache(entry: Path, fingerprint):
    """The cached arrays if the entry is complete, current and intact; else None."""
    try:
        manifest = json.loads((entry / "manifest.json").read_bytes())
        if manifest.get("version") != CACHE_VERSION or manifest.get("sources") != fingerprint:
            return None
        arrays = {}
        for key in STANDARD_NAMES:
            info = manifest["arrays"][key]
            path = entry / info["file"]
            if path.stat().st_size != info["size"]:
                return None
            if info["size"] <= _SHA256_LIMIT:
                if _sha256(path) != info["sha256"]:
                    return None
            elif _sum64(path) != info["sum64"]:
                return None
            a = np.asarray(np.load(path, mmap_mode="c", allow_pickle=False))
            if list(a.shape) != info["shape"] or a.dtype.str != info["dtype"]:
                return None
            arrays[key] = a
        return arrays
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            _log.info("rebuilding the dataset cache in %s: %s", entry, exc)
        return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sum64(path: Path) -> int:
    """Sum of the file's bytes read as little-endian 8-byte words (tail bytes added singly), mod 2**64."""
    size = path.stat().st_size
    if size == 0:
        return 0
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    whole = size // 8 * 8
    total = int(raw[:whole].view("<u8").sum(dtype=np.uint64)) + int(raw[whole:].sum(dtype=np.uint64))
    return total % 2**64
