"""The Dataset tab's predictions kept on disk between launches, so a relaunch shows its marks at once.

One file per (model, split images): ``<model>-<images>.npz`` in the folder given (the app uses
``user_cache_dir() / "predictions"``), holding the probabilities as float32 (N, C) -- 2.8 MB for all
70,000 MNIST images -- and the key they were made for. float32 rather than float16 or uint8 so that a
relaunch shows exactly what the first launch computed: rounded probabilities can swap the top two
classes of an uncertain image, and the mistakes count would change between launches.

The model's part of the key is a hash of its architecture (every layer's config) and of every weight,
so a model trained further, or another model with the same name, never gets stale answers; the images'
part is a hash of the split's pixels and shape (remembered per array object, so each launch hashes a
split once, ~25 ms for 60,000 images). Files are written through ``files.atomic_write``; a file is
checked on reading (its key, shape, dtype, values) and one that is damaged, from another version or for
other data is removed and reported as missing, so the caller recomputes. Only the files of the
``keep_models`` models used last are kept. A cache folder that cannot be written (read-only, full) just
means no caching: nothing is raised. NumPy and the standard library only, no Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import weakref
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write

FORMAT = "mnist-gui predictions 1"
KEEP_MODELS = 4

_image_digests: dict[int, tuple[weakref.ref, tuple, str]] = {}


def _architecture(model) -> str:
    """Every layer's class and config (activations, padding, scale...) when the model has layers."""
    layers = getattr(model, "layers", None)
    if isinstance(layers, (list, tuple)):
        with contextlib.suppress(Exception):
            return json.dumps([[type(layer).__name__, layer.get_config()] for layer in layers], sort_keys=True,
                              default=str)
    for name in ("get_config", "summary"):
        method = getattr(model, name, None)
        if callable(method):
            with contextlib.suppress(Exception):
                value = method()
                return value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return ""


def model_fingerprint(model) -> str | None:
    """A hex digest of the model's class, architecture and weights; None for a model without
    ``get_weights`` (which is then never cached on disk)."""
    get_weights = getattr(model, "get_weights", None)
    if not callable(get_weights):
        return None
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{type(model).__module__}.{type(model).__qualname__}\n{_architecture(model)}".encode())
    for w in get_weights():
        w = np.ascontiguousarray(w)
        digest.update(str((w.dtype.str, w.shape)).encode())
        digest.update(w.data)
    return digest.hexdigest()


def images_fingerprint(images: np.ndarray) -> str:
    """A hex digest of the images' dtype, shape and pixels, computed once per array object."""
    images = np.asarray(images)
    memo = _image_digests.get(id(images))
    facts = (images.dtype.str, images.shape, images.__array_interface__["data"][0])
    if memo is not None and memo[0]() is images and memo[1] == facts:
        return memo[2]
    # SHA-1 (hardware-assisted on current CPUs): 24 ms for 60,000 images where BLAKE2b took 68 ms; the key
    # only has to tell other pixels apart, nobody forges them
    digest = hashlib.sha1(str(facts[:2]).encode())
    digest.update(np.ascontiguousarray(images).data)
    value = digest.hexdigest()[:24]
    for key in [k for k, v in _image_digests.items() if v[0]() is None]:
        del _image_digests[key]
    with contextlib.suppress(TypeError):
        _image_digests[id(images)] = (weakref.ref(images), facts, value)
    return value


class PredictionCache:
    """``load(model_fp, images)`` -> float32 (N, C) or None; ``store(model_fp, images, probs)``."""

    def __init__(self, folder, keep_models: int = KEEP_MODELS):
        self.folder = Path(folder)
        self.keep_models = max(1, int(keep_models))

    def _path(self, model_fp: str, images_fp: str) -> Path:
        return self.folder / f"{model_fp}-{images_fp}.npz"

    def load(self, model_fp: str | None, images: np.ndarray) -> np.ndarray | None:
        """The stored probabilities for this model on these images, or None (not stored, unreadable,
        damaged: a damaged file is removed)."""
        if not model_fp:
            return None
        images_fp = images_fingerprint(images)
        path = self._path(model_fp, images_fp)
        if not path.is_file():
            return None
        try:
            probs = self._read(path, f"{model_fp}-{images_fp}", len(images))
        except Exception:  # noqa: BLE001 - whatever is wrong with the file, it is recomputed
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # the last used, for keeping the newest models
        return probs

    @staticmethod
    def _read(path: Path, key: str, n: int) -> np.ndarray:
        with np.load(path, allow_pickle=False) as npz:
            if set(npz.files) != {"format", "key", "probs"}:
                raise ValueError("unexpected contents")
            if str(npz["format"]) != FORMAT or str(npz["key"]) != key:
                raise ValueError("another format or key")
            probs = npz["probs"]
        if probs.dtype != np.float32 or probs.ndim != 2 or len(probs) != n or not 1 < probs.shape[1] <= 1000:
            raise ValueError(f"probabilities of dtype {probs.dtype} and shape {probs.shape} for {n} images")
        if not (np.isfinite(probs).all() and probs.min() >= 0 and probs.max() <= 1.0001):
            raise ValueError("probabilities out of range")
        return probs

    def store(self, model_fp: str | None, images: np.ndarray, probs: np.ndarray) -> bool:
        """Write the probabilities (atomically) and drop the files of older models; False when the
        folder cannot be written, which only means no caching."""
        if not model_fp:
            return False
        images_fp = images_fingerprint(images)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # the cache needs no durability: a file that did not reach the disk fails its checks
            with atomic_write(self._path(model_fp, images_fp), fsync=False) as f:
                np.savez(f, format=np.array(FORMAT), key=np.array(f"{model_fp}-{images_fp}"),
                         probs=np.ascontiguousarray(probs, dtype=np.float32))
        except OSError:
            return False
        self._prune(model_fp)
        return True

    def _prune(self, current: str) -> None:
        newest: dict[str, float] = {}
        try:
            files = [(p, p.stat().st_mtime) for p in self.folder.glob("*-*.npz")]
        except OSError:
            return
        for path, mtime in files:
            fp = path.name.split("-", 1)[0]
            newest[fp] = max(newest.get(fp, 0.0), mtime)
        newest[current] = float("inf")
        keep = set(sorted(newest, key=newest.get, reverse=True)[:self.keep_models])
        for path, _ in files:
            if path.name.split("-", 1)[0] not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()
