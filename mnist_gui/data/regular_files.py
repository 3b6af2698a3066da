"""Open a file for reading only if it is a regular file of a sane size: ``open_regular``, ``read_regular``.

Every file the data layer reads comes through here. A path can name a FIFO (reading waits forever for a
writer), a device such as ``/dev/zero`` (reading never ends), a folder, or a symlink to any of these; all
are refused with a ``ValueError`` naming the file, as is a regular file larger than the caller's cap. The
check is made on the opened descriptor (``fstat``), so the file cannot be swapped between the check and
the read, and the file is opened with ``O_NONBLOCK`` so that opening a FIFO cannot hang either (the flag
is cleared again before reading). A missing file raises the usual ``FileNotFoundError``.

Standard library only. Not here: what the bytes mean (the format modules) or the limits themselves
(``limits``).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from mnist_gui.data.limits import describe_bytes

__all__ = ["open_regular", "read_regular"]

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # Windows has no FIFOs to hang on, and no flag
_FLAGS = (os.O_RDONLY | _NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
          | getattr(os, "O_NOCTTY", 0))  # O_NOCTTY: a terminal device must not become ours
_KINDS = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")]


@contextlib.contextmanager
def open_regular(path, max_bytes: int, what: str):
    """Yield ``(file, size)``: ``path`` opened for binary reading, and its size in bytes.

    ``what`` names the kind of file in the message when it is larger than ``max_bytes`` ("a picture").
    """
    path = Path(path)
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "a special file")
            raise ValueError(f"{path}: {kind}, not a regular file")
        if info.st_size > max_bytes:
            raise ValueError(f"{path}: the file is {describe_bytes(info.st_size)}, larger than the "
                             f"{describe_bytes(max_bytes)} limit for {what}")
        if _NONBLOCK:
            os.set_blocking(fd, True)
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with f:
        yield f, info.st_size


def read_regular(path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` (see ``open_regular``)."""
    with open_regular(path, max_bytes, what) as (f, _):
        data = f.read(max_bytes + 1)  # a file that grew after the check is still cut off at the cap
    if len(data) > max_bytes:
        raise ValueError(f"{path}: the file is larger than the {describe_bytes(max_bytes)} limit for {what}")
    return data
