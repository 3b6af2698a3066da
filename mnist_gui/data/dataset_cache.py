"""The dataset cache: decompressed arrays as ``.npy`` files that later loads memory-map.

The first load of a dataset writes the decompressed arrays as ``.npy`` files under
``<cache_dir>/datasets/<hash of the source paths>/`` with a ``manifest.json`` written last (it is the
commit mark). Later loads memory-map them (copy-on-write: the arrays are writable like Keras's, and
changes never reach the cache). Before an entry is used we check that

* the source files still have the size and modification time recorded in the manifest (else: stale);
* every ``.npy`` has the recorded size, shape and dtype;
* the label files (small) match their full SHA-256;
* the image files match a 64-bit wrapping sum of all their bytes as 8-byte words. Reading 47 MB of page
  cache this way takes about 10 ms where SHA-256 takes 40+; it catches any truncation, any single flipped
  bit and any damage confined to one 8-byte word, but unlike SHA-256 not a deliberate edit.

A failed check rebuilds the entry, and so does a manifest that cannot be used: too big, too deeply
nested, not JSON, or with fields of the wrong type or naming files other than the entry's own (it is
read through ``safe_json``, so it cannot crash the loader). An unwritable cache folder only means loading
without a cache.

Standard library and NumPy; ``mnist`` decides what is cached and where. Not here: reading IDX files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write
from mnist_gui.data.limits import MAX_IDX_FILE_BYTES
from mnist_gui.data.regular_files import open_regular
from mnist_gui.data.safe_json import load_json_file

__all__ = ["read_cache", "write_cache", "CACHE_VERSION"]

CACHE_VERSION = 1
_SHA256_LIMIT = 1 << 20  # files up to 1 MiB (the labels) get a full SHA-256 on every cached load
_log = logging.getLogger(__name__)


def write_cache(entry: Path, arrays: dict, fingerprint) -> None:
    """Write ``arrays`` ({key: array}) into the folder ``entry``, the manifest last; OSError if it cannot."""
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


def read_cache(entry: Path, fingerprint, keys):
    """The cached arrays ({key: array} for every key in ``keys``) if the entry in the folder ``entry`` is
    complete, current (``fingerprint`` matches its sources) and intact; else None."""
    try:
        manifest = load_json_file(entry / "manifest.json", what="a cache manifest")
        records = _manifest_records(manifest, fingerprint, keys)
        if records is None:
            return None
        arrays = {}
        for key, info in records.items():
            a = _cached_array(entry / info["file"], info)
            if a is None:
                return None
            arrays[key] = a
        return arrays
    except (OSError, ValueError, EOFError) as exc:
        if not isinstance(exc, FileNotFoundError):
            _log.info("rebuilding the dataset cache in %s: %s", entry, exc)
        return None


def _manifest_records(manifest, fingerprint, keys):
    """The manifest's record of each array if it is this version's, for these sources, and well formed
    (every field of the type write_cache writes, each file the entry's own ``<key>.npy``); else None."""
    if not isinstance(manifest, dict) or manifest.get("version") != CACHE_VERSION:
        return None
    if manifest.get("sources") != fingerprint or not isinstance(manifest.get("arrays"), dict):
        return None
    records = {}
    for key in keys:
        info = manifest["arrays"].get(key)
        if not isinstance(info, dict) or info.get("file") != f"{key}.npy":
            return None
        shape = info.get("shape")
        if not (isinstance(shape, list) and all(type(n) is int for n in shape)
                and isinstance(info.get("dtype"), str) and isinstance(info.get("sha256"), str)
                and type(info.get("size")) is int and type(info.get("sum64")) is int):
            return None
        records[key] = info
    return records


def _cached_array(path: Path, info: dict):
    """The memory-mapped array at ``path`` if it is a regular file matching its manifest record; else None."""
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode) or status.st_size != info["size"]:
        return None
    if info["size"] <= _SHA256_LIMIT:
        if _sha256(path) != info["sha256"]:
            return None
    elif _sum64(path) != info["sum64"]:
        return None
    a = np.asarray(np.load(path, mmap_mode="c", allow_pickle=False))
    if list(a.shape) != info["shape"] or a.dtype.str != info["dtype"]:
        return None
    return a


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path, MAX_IDX_FILE_BYTES, "a cached array") as (f, _):
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sum64(path: Path) -> int:
    """Sum of the file's bytes read as little-endian 8-byte words (tail bytes added singly), mod 2**64."""
    size = path.stat().st_size
    if size == 0:
        return 0
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    whole = size // 8 * 8
    total = int(raw[:whole].view("<u8").sum(dtype=np.uint64)) + int(raw[whole:].sum(dtype=np.uint64))
    return total % 2**64
