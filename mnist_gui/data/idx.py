"""Read and write IDX files, the format MNIST (and Fashion-MNIST, KMNIST, EMNIST) ships in.

An IDX file is: two zero bytes, a type code, the number of dimensions, one big-endian uint32 size per
dimension, then the data, big-endian and row-major. Files may be gzip-compressed; ``read_idx`` detects that
from the gzip magic bytes, not from the name, and inflates with ``gunzip`` (zlib in C throughout, where
the ``gzip`` module would read a huge name field or zero padding one byte at a time).
``read_idx_header`` reads only the header, so a caller can check what a file declares before its data
is read.

Reading never trusts the header. Only regular files are read (``regular_files``: no FIFO, device or
folder), at most ``limits.MAX_IDX_FILE_BYTES`` of them. The declared size is compared with the bytes
actually present, with what a gzip file of this size can hold (``limits.MAX_DEFLATE_RATIO``) and with
``limits.MAX_IDX_BYTES`` *before* anything of that size is allocated; a gzip stream is inflated in steps
and stops one byte past the declared size, so a header claiming 4 GB or a gzip bomb cannot make us
allocate more than the data present, and never more than the cap. Every malformed file raises
``ValueError`` naming the file and the problem. A missing file raises the usual ``FileNotFoundError``.

Files are written through ``mnist_gui.core.files.atomic_write`` (a temporary name, then a rename).
"""

from __future__ import annotations

import contextlib
import gzip
import struct
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write
from mnist_gui.data.gunzip import GZIP_MAGIC, Gunzip
from mnist_gui.data.limits import MAX_DEFLATE_RATIO, MAX_IDX_BYTES, MAX_IDX_FILE_BYTES, describe_bytes
from mnist_gui.data.regular_files import open_regular

__all__ = ["read_idx", "read_idx_header", "write_idx", "IDX_TYPES", "MAX_NDIM"]

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
_INFLATE_STEP_BYTES = 1 << 22  # inflate 4 MB at a time so memory follows the data present, not the header's claim


def read_idx(path) -> np.ndarray:
    """Read an IDX file (raw or gzip) into a native-endian, writable array of the declared shape."""
    path = Path(path)
    with _open_idx(path) as (f, size, compressed):
        dtype, shape = _read_header(f, path)
        expected = _declared_bytes(path, dtype, shape, size, compressed)
        if compressed:
            buf = _inflate_at_most(f, expected + 1)
            present = len(buf)
        else:
            present = size - _header_bytes(shape)
        if present < expected:
            raise _truncated(path, shape, expected, present)
        if present > expected:
            extra = "trailing bytes" if compressed else f"{present - expected} trailing bytes"
            raise ValueError(f"{path}: {extra} after the IDX data of shape {shape} ({expected} bytes)")
        if not compressed:
            buf = bytearray(expected)
            if f.readinto(buf) != expected:
                raise ValueError(f"{path}: file changed while it was read")
    array = np.frombuffer(buf, dtype=dtype).reshape(shape)
    if not dtype.isnative:  # swap in place rather than copy: the file may be a gigabyte
        array.byteswap(inplace=True)
        array = array.view(dtype.newbyteorder("="))
    return array


def read_idx_header(path) -> tuple[np.dtype, tuple[int, ...]]:
    """The (native-endian) dtype and the shape an IDX file declares, refused as ``read_idx`` would refuse
    them before reading the data (over the size limit, more than the file can hold); the data is not read."""
    path = Path(path)
    with _open_idx(path) as (f, size, compressed):
        dtype, shape = _read_header(f, path)
        _declared_bytes(path, dtype, shape, size, compressed)
    return dtype.newbyteorder("="), shape


@contextlib.contextmanager
def _open_idx(path: Path):
    """Yield (stream, size of the file, compressed?): the file itself, or its decompressed contents."""
    with open_regular(path, MAX_IDX_FILE_BYTES, "an IDX file") as (f, size):
        compressed = f.read(2) == GZIP_MAGIC
        f.seek(0)
        yield (Gunzip(f, path) if compressed else f), size, compressed


def _declared_bytes(path: Path, dtype, shape, size: int, compressed: bool) -> int:
    """The data size the header declares; refused when a file of ``size`` bytes cannot hold it (a raw file
    too short, a gzip file that would need a ratio deflate cannot reach) or when it is over the cap."""
    expected = int(np.prod(shape, dtype=object)) * dtype.itemsize
    if compressed and expected > MAX_DEFLATE_RATIO * size:
        raise ValueError(f"{path}: the IDX header declares shape {shape} ({expected} bytes), "
                         f"more than this gzip file can hold (at most {MAX_DEFLATE_RATIO * size} bytes)")
    if not compressed and size - _header_bytes(shape) < expected:
        raise _truncated(path, shape, expected, size - _header_bytes(shape))
    if expected > MAX_IDX_BYTES:
        raise ValueError(f"{path}: the IDX header declares shape {shape} ({describe_bytes(expected)}), "
                         f"larger than the {describe_bytes(MAX_IDX_BYTES)} limit for an IDX file")
    return expected


def _header_bytes(shape) -> int:
    return 4 + 4 * len(shape)


def _truncated(path: Path, shape, expected: int, present: int) -> ValueError:
    return ValueError(f"{path}: truncated IDX data: the header declares shape {shape} "
                      f"({expected} bytes) but only {present} bytes follow it")


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


def _inflate_at_most(f, limit: int) -> bytearray:
    out = bytearray()
    while len(out) < limit:
        chunk = f.read(min(_INFLATE_STEP_BYTES, limit - len(out)))
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
