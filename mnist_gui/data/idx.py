"""Read and write IDX files, the format MNIST (and Fashion-MNIST, KMNIST, EMNIST) ships in.

An IDX file is: two zero bytes, a type code, the number of dimensions, one big-endian uint32 size per
dimension, then the data, big-endian and row-major. Files may be gzip-compressed; ``read_idx`` detects that
from the gzip magic bytes, not from the name.

Reading never trusts the header: the declared size is compared with the bytes actually present *before*
the array is allocated (for gzip the stream is inflated in chunks and stops one byte past the declared
size), so a header claiming 4 GB cannot make us allocate 4 GB. Every malformed file raises ``ValueError``
naming the file and the problem. A missing file raises the usual ``FileNotFoundError``.

Files are written through ``mnist_gui.core.files.atomic_write`` (a temporary name, then a rename).
"""

from __future__ import annotations

import contextlib
import gzip
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write

# type code -> big-endian dtype as stored in the file
IDX_TYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
MAX_NDIM = 4
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 22  # inflate 4 MB at a time so memory follows the data present, not the header's claim
_MAX_DEFLATE_RATIO = 1032  # deflate cannot expand data by more than this, so bigger claims are lies


def read_idx(path) -> np.ndarray:
    """Read an IDX file (raw or gzip) into a native-endian, writable array of the declared shape."""
    path = Path(path)
    with open(path, "rb") as f:
        if f.read(2) == _GZIP_MAGIC:
            f.seek(0)
            try:
                with gzip.GzipFile(fileobj=f, mode="rb") as gz:
                    return _read_stream(gz, path, gzip_size=os.fstat(f.fileno()).st_size)
            except (OSError, EOFError, zlib.error) as exc:
                raise ValueError(f"{path}: broken gzip stream ({exc})") from None
        f.seek(0)
        return _read_stream(f, path)


def _read_stream(f, path: Path, gzip_size: int | None = None) -> np.ndarray:
    compressed = gzip_size is not None
    dtype, shape = _read_header(f, path)
    header_len = 4 + 4 * len(shape)
    expected = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if compressed:
        limit = _MAX_DEFLATE_RATIO * gzip_size
        if expected > limit:
            raise ValueError(f"{path}: the IDX header declares shape {shape} ({expected} bytes), "
                             f"more than this gzip file can hold (at most {limit} bytes)")
        data = _read_at_most(f, expected + 1)
        present = len(data)
    else:
        present = os.fstat(f.fileno()).st_size - header_len
    if present < expected:
        raise ValueError(f"{path}: truncated IDX data: the header declares shape {shape} "
                         f"({expected} bytes) but only {present} bytes follow it")
    if present > expected:
        extra = "trailing bytes" if compressed else f"{present - expected} trailing bytes"
        raise ValueError(f"{path}: {extra} after the IDX data of shape {shape} ({expected} bytes)")
    if compressed:
        buf = data
    else:
        buf = bytearray(expected)
        if f.readinto(buf) != expected:
            raise ValueError(f"{path}: file changed while it was read")
    array = np.frombuffer(buf, dtype=dtype).reshape(shape)
    return array if dtype.itemsize == 1 else array.astype(dtype.newbyteorder("="))


def _read_header(f, path: Path):
    head = f.read(4)
    if len(head) == 0:
        raise ValueError(f"{path}: empty file, expected an IDX header")
    if len(head) < 4:
        raise ValueError(f"{path}: truncated IDX header ({len(head)} of 4 bytes)")
    if head[0] != 0 or head[1] != 0:
        raise ValueError(f"{path}: not an IDX file (magic bytes {head[:2].hex()}, expected 0000)")
    code, ndim = head[2], head[3]
    if code not in IDX_TYPES:
        known = ", ".join(f"0x{c:02X}" for c in IDX_TYPES)
        raise ValueError(f"{path}: unknown IDX type code 0x{code:02X} (known: {known})")
    if not 1 <= ndim <= MAX_NDIM:
        raise ValueError(f"{path}: IDX header declares {ndim} dimensions, expected 1 to {MAX_NDIM}")
    raw = f.read(4 * ndim)
    if len(raw) < 4 * ndim:
        raise ValueError(f"{path}: truncated IDX header ({4 + len(raw)} of {4 + 4 * ndim} bytes)")
    return IDX_TYPES[code], struct.unpack(f">{ndim}I", raw)


def _read_at_most(f, limit: int) -> bytearray:
    out = bytearray()
    while len(out) < limit:
        chunk = f.read(min(_CHUNK, limit - len(out)))
        if not chunk:
            break
        out += chunk
    return out


def write_idx(path, array) -> None:
    """Write ``array`` as an IDX file, gzip-compressed when ``path`` ends in ``.gz``; atomic."""
    path = Path(path)
    array = np.asarray(array)
    codes = {dt.newbyteorder("="): code for code, dt in IDX_TYPES.items()}
    dtype = array.dtype.newbyteorder("=")
    if dtype not in codes:
        names = ", ".join(str(d) for d in codes)
        raise ValueError(f"IDX cannot store dtype {array.dtype}; convert to one of {names}")
    if not 1 <= array.ndim <= MAX_NDIM:
        raise ValueError(f"IDX stores arrays of 1 to {MAX_NDIM} dimensions, got shape {array.shape}")
    if any(n >= 2**32 for n in array.shape):
        raise ValueError(f"IDX sizes must fit in 32 bits, got shape {array.shape}")
    code = codes[dtype]
    header = bytes([0, 0, code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    data = np.ascontiguousarray(array, dtype=IDX_TYPES[code]).tobytes()
    with atomic_write(path) as f:
        if path.name.endswith(".gz"):
            with gzip.GzipFile(filename=path.name, mode="wb", fileobj=f, compresslevel=6, mtime=0) as gz:
                gz.write(header)
                gz.write(data)
        else:
            f.write(header)
            f.write(data)
