"""Reading a model file's .npz archive defensively: sizes are checked before anything is inflated.

A model file is a zip archive of ``.npy`` members (saving.py). A hostile file can claim anything, so
:class:`ModelArchive` trusts nothing it has not bounded first:

- the end-of-central-directory record, read by hand, must announce at most ``MAX_MEMBERS`` entries in a
  directory of at most ``MAX_DIRECTORY_BYTES``, so that ``zipfile`` never parses a huge directory;
- every member must be stored or deflated (bzip2 and lzma inflate without a bound on their output),
  unencrypted, named like one of ours, declared no larger than ``max_member_bytes`` and, above
  ``RATIO_CHECKED_FROM`` bytes, declared at most ``MAX_COMPRESSION_RATIO`` times its compressed size
  (weights compress about 1.1:1, a zip bomb of zeros 1000:1);
- an array's ``.npy`` header (dtype, shape) is read on its own, so the caller can compare it with what
  the model description implies before any array exists (:meth:`array_header`);
- data is then streamed straight into the caller's array in ``READ_CHUNK`` pieces (:meth:`read_into`),
  never more than the declared size, and the zip CRC is checked at the end.

Every problem raises :class:`ModelFileError` with a message that does not name the file (the caller,
serialization.load_model, adds it). What is not here: the model description (model_spec.py).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib

import numpy as np

MAX_MEMBERS = 16
MAX_DIRECTORY_BYTES = 1 << 16
MAX_MEMBER_BYTES = (1 << 30) + (1 << 16)  # the default memory budget (model_spec.MAX_LOAD_BYTES), a header
MAX_COMPRESSION_RATIO = 20
RATIO_CHECKED_FROM = 1 << 20  # smaller members (the JSON description) may compress well and stay small
MAX_NPY_HEADER = 4096  # numpy writes 128 bytes for a 1-D array
READ_CHUNK = 1 << 20
_NAME = re.compile(r"(config|params|optimizer/[A-Za-z_][A-Za-z0-9_]{0,63})\.npy")
_EOCD, _EOCD64_LOCATOR, _EOCD64 = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


class ModelFileError(ValueError):
    """A model file that cannot be loaded: missing, truncated, tampered with, too large or not ours."""


def _mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB" if n < 2**30 else f"{n / 2**30:,.1f} GiB"


def _directory_size(f, file_size: int) -> tuple:
    """(entries, bytes) of the zip central directory, from the end record (and its zip64 form)."""
    tail_len = min(file_size, 22 + 0xFFFF)  # the end record plus the longest comment
    f.seek(file_size - tail_len)
    tail = f.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        head = tail[:8] if file_size <= tail_len else None
        if head is None:
            f.seek(0)
            head = f.read(8)
        if head.startswith(b"\x93NUMPY"):
            raise ModelFileError("not a mnist-gui model file (a single array, not an .npz archive)")
        if head[:1] == b"\x80":
            raise ModelFileError("not a mnist-gui model file (it begins like pickled Python data, which is never loaded)")
        raise ModelFileError("not a mnist-gui model file, or a truncated one (no zip directory at its end)")
    entries, size, offset = struct.unpack("<10xHLL", tail[at:at + 20])
    if entries == 0xFFFF or size == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        locator = tail[at - 20:at] if at >= 20 else b""
        if not locator.startswith(_EOCD64_LOCATOR):
            raise ModelFileError("the zip directory is damaged (a zip64 record is missing)")
        (where,) = struct.unpack("<Q", locator[8:16])
        if where > file_size - 56:
            raise ModelFileError("the zip directory is damaged (its zip64 record is past the end)")
        f.seek(where)
        record = f.read(56)
        if not record.startswith(_EOCD64):
            raise ModelFileError("the zip directory is damaged (a bad zip64 record)")
        entries, size = struct.unpack("<QQ", record[32:48])
    return entries, size


class ModelArchive:
    """The members of a model file, checked; use as a context manager (it holds the file open).

    ``members`` maps each array's name without ``.npy`` (``config``, ``params``, ``optimizer/m``) to
    its ``zipfile.ZipInfo``.
    """

    def __init__(self, path, max_member_bytes: int = MAX_MEMBER_BYTES):
        self.max_member_bytes = max_member_bytes
        self._file = open(path, "rb")
        try:
            self._open()
        except BaseException:
            self._file.close()
            raise

    def _open(self):
        f = self._file
        file_size = f.seek(0, 2)
        if file_size == 0:
            raise ModelFileError("the file is empty")
        entries, directory = _directory_size(f, file_size)
        if entries > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
            raise ModelFileError(f"not a mnist-gui model file: its zip directory lists {entries} entries in "
                                 f"{directory:,} bytes (a model file has at most {MAX_MEMBERS})")
        try:
            self._zip = zipfile.ZipFile(f)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, struct.error) as exc:
            raise ModelFileError(f"not a readable zip archive ({exc})") from None
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ModelFileError(f"not a mnist-gui model file: its zip directory lists {len(infos)} entries "
                                 f"(a model file has at most {MAX_MEMBERS})")
        self.members = {}
        for info in infos:
            self.members[self._check_member(info)] = info

    def _check_member(self, info) -> str:
        match = _NAME.fullmatch(info.filename)
        if match is None:
            raise ModelFileError(f"unexpected entries [{info.filename!r}]")
        key = match.group(1)
        if key in self.members:
            raise ModelFileError(f"the archive holds two entries named {info.filename!r}")
        if info.flag_bits & 0x1:
            raise ModelFileError(f"entry {key!r} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ModelFileError(f"entry {key!r} uses zip compression method {info.compress_type}; model files "
                                 "are stored or deflated")
        if info.file_size > self.max_member_bytes:
            raise ModelFileError(f"entry {key!r} claims {_mib(info.file_size)}, more than the "
                                 f"{_mib(self.max_member_bytes)} a model file may hold")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise ModelFileError(f"entry {key!r} is damaged (stored, yet {info.compress_size:,} bytes hold "
                                 f"{info.file_size:,})")
        if info.file_size >= RATIO_CHECKED_FROM and info.file_size > MAX_COMPRESSION_RATIO * info.compress_size:
            raise ModelFileError(f"entry {key!r} would inflate {info.compress_size:,} bytes into "
                                 f"{_mib(info.file_size)} (more than {MAX_COMPRESSION_RATIO}:1; weights never "
                                 "compress like that, a zip bomb does)")
        return key

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        zf = getattr(self, "_zip", None)
        if zf is not None:
            zf.close()
        self._file.close()

    def _stream(self, key):
        try:
            return self._zip.open(self.members[key])
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, OSError, struct.error,
                zlib.error) as exc:
            raise ModelFileError(f"entry {key!r} cannot be read ({exc})") from None

    def array_header(self, key: str) -> tuple:
        """(dtype, shape, header bytes) of member ``key``, reading only its .npy header. Arrays of Python
        objects (which only pickle can load) are refused here."""
        with self._stream(key) as fp:
            try:
                version = np.lib.format.read_magic(fp)
                if version == (1, 0):
                    shape, fortran, dtype = np.lib.format.read_array_header_1_0(fp, MAX_NPY_HEADER)
                elif version == (2, 0):
                    shape, fortran, dtype = np.lib.format.read_array_header_2_0(fp, MAX_NPY_HEADER)
                else:
                    raise ValueError(f"unsupported .npy version {version}")
                header_bytes = fp.tell()
            except (ValueError, TypeError, SyntaxError, EOFError, zipfile.BadZipFile, OSError, zlib.error) as exc:
                raise ModelFileError(f"entry {key!r} is not a NumPy array ({exc})") from None
        if dtype.hasobject:
            raise ModelFileError("the file contains pickled Python objects, which are never loaded")
        if fortran and len(shape) > 1:
            raise ModelFileError(f"entry {key!r} is in Fortran order; model files hold flat arrays")
        return dtype, tuple(shape), header_bytes

    def check_exact_size(self, key: str, header_bytes: int, nbytes: int) -> None:
        """The zip directory must declare exactly the header plus ``nbytes`` of data for ``key``."""
        declared = self.members[key].file_size
        if declared != header_bytes + nbytes:
            raise ModelFileError(f"entry {key!r} is {declared:,} bytes but its header describes "
                                 f"{header_bytes + nbytes:,} (truncated or padded)")

    def read_into(self, key: str, out: np.ndarray, header_bytes: int) -> None:
        """Stream member ``key``'s data (after its ``header_bytes``) into the C-contiguous array ``out``,
        exactly ``out.nbytes`` bytes, ``READ_CHUNK`` at a time; the zip CRC is checked at the end."""
        target = memoryview(out.reshape(-1).view(np.uint8))
        try:
            with self._stream(key) as fp:
                fp.read(header_bytes)
                done = 0
                while done < len(target):
                    piece = fp.read(min(READ_CHUNK, len(target) - done))
                    if not piece:
                        raise ModelFileError(f"entry {key!r} is truncated ({done:,} of {len(target):,} bytes)")
                    target[done:done + len(piece)] = piece
                    done += len(piece)
                if fp.read(1):
                    raise ModelFileError(f"entry {key!r} holds more data than its header describes")
        except (zipfile.BadZipFile, EOFError, OSError, struct.error, zlib.error) as exc:
            raise ModelFileError(f"entry {key!r} is damaged ({exc})") from None
