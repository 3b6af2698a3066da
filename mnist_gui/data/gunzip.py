"""Read a gzip file's decompressed bytes in steps: ``Gunzip(file).read(n)``, with zlib doing all the work.

The standard ``gzip`` module parses a member's header in Python and reads its file name, its comment and
any zero padding after a member one byte at a time: a file with a 64 MB name field or 1 GB of padding
takes seconds to minutes before a single byte of data comes out. Here zlib (``wbits=31``) parses each
member's header, inflates it and checks its CRC-32 and length, all in C, and the file is read a megabyte
at a time. Members follow each other as in ``gzip`` (their data is concatenated), zero padding between
or after them is skipped, and anything else after a member is an error. Every problem is a
``ValueError`` naming the file. Standard library only. Not here: what the data means.
"""

from __future__ import annotations

import zlib

__all__ = ["Gunzip", "GZIP_MAGIC"]

GZIP_MAGIC = b"\x1f\x8b"
_READ_BYTES = 1 << 20  # compressed bytes read from the file at a time
_ZEROS = bytes(_READ_BYTES)  # comparing with this skips padding about 80 times faster than bytes.lstrip


class Gunzip:
    """The decompressed contents of the gzip file ``f`` (opened in binary mode, at its start); ``name``
    is the file's name for messages."""

    def __init__(self, f, name):
        self._file, self._name = f, name
        self._member = zlib.decompressobj(wbits=31)
        self._input = b""

    def read(self, n: int) -> bytes:
        """Up to ``n`` bytes; fewer only at the end of the data."""
        pieces, got = [], 0
        while got < n:
            if self._member.eof and not self._next_member():
                break
            if not self._input:
                self._input = self._file.read(_READ_BYTES)
                if not self._input:
                    raise ValueError(f"{self._name}: broken gzip stream (the file ends inside compressed data)")
            try:
                piece = self._member.decompress(self._input, n - got)
            except zlib.error as exc:
                raise ValueError(f"{self._name}: broken gzip stream ({exc})") from None
            self._input = self._member.unused_data if self._member.eof else self._member.unconsumed_tail
            pieces.append(piece)
            got += len(piece)
        return b"".join(pieces)

    def _next_member(self) -> bool:
        """After a member: start the next one and return True, or return False at the end of the file."""
        while not self._input or self._input == _ZEROS[:len(self._input)]:  # memcmp; skip it whole
            self._input = self._file.read(_READ_BYTES)
            if not self._input:
                return False
        rest = self._input.lstrip(b"\0")  # zero padding after a member is allowed, as gzip allows it
        if rest[:2] != GZIP_MAGIC[:len(rest[:2])]:
            raise ValueError(f"{self._name}: broken gzip stream (data after its end that is not another "
                             "gzip member)")
        self._input = rest
        self._member = zlib.decompressobj(wbits=31)
        return True
