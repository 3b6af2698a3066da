"""PGM/PPM (Netpbm) decoding with NumPy: ``decode_pnm(data)`` -> ``raster.Raster``.

Read: P5 and P6 (binary, 8 or 16 bits a sample) and P2 and P3 (plain text), comments anywhere in the
header and, for the plain kinds, in the pixel data too. Not read: PBM (P1, P4) and PAM (P7). The header
must end within ``limits.MAX_PNM_HEADER_BYTES``; a file too short for the samples its header declares is
"truncated", and a picture over the pixel limit (``limits.check_pixels``) is refused before its samples
are parsed. Binary samples are used in place in the file's bytes. Plain files are parsed token by token,
which costs tens of bytes of memory a sample, so they are limited to ``limits.MAX_PLAIN_PNM_BYTES``.
Errors are ``ValueError`` without the file name (``images`` adds it). Not here: gray conversion (``raster``).
"""

from __future__ import annotations

import re

import numpy as np

from mnist_gui.data.limits import MAX_PLAIN_PNM_BYTES, MAX_PNM_HEADER_BYTES, check_pixels, describe_bytes
from mnist_gui.data.raster import Raster, from_samples

__all__ = ["decode_pnm", "MAGICS"]

MAGICS = (b"P2", b"P3", b"P5", b"P6")
_MAX_DIGITS = 9  # header numbers: sizes up to MAX_SIDE, maxval below 65536; more digits is garbage


def decode_pnm(data: bytes) -> Raster:
    """PGM/PPM file bytes -> ``Raster``."""
    kind = data[:2]
    width, height, maxval, pos = _header(data)
    channels = 3 if kind in (b"P3", b"P6") else 1
    if width == 0 or height == 0 or not 0 < maxval < 65536:
        raise ValueError(f"bad PGM/PPM header (size {width}x{height}, maxval {maxval})")
    count = width * height * channels
    if kind in (b"P5", b"P6"):
        if pos >= len(data) or not data[pos:pos + 1].isspace():
            raise ValueError("malformed PGM/PPM header")
        size = 1 if maxval < 256 else 2
        if len(data) - (pos + 1) < count * size:
            raise ValueError("truncated PGM/PPM pixel data")
        check_pixels(width, height)
        samples = np.frombuffer(data, np.uint8 if size == 1 else ">u2", count, pos + 1)
    else:
        if len(data) - pos < count:  # every sample takes at least one digit
            raise ValueError("truncated PGM/PPM pixel data")
        check_pixels(width, height)
        samples = _plain_samples(data, pos, count)
    if int(samples.max()) > maxval:
        raise ValueError(f"PGM/PPM sample above the declared maximum {maxval}")
    return from_samples(samples.reshape(height, width, channels), maxval)


def _header(data: bytes):
    """(width, height, maxval, position just after maxval), the three numbers after the magic."""
    head = data[:MAX_PNM_HEADER_BYTES]
    fields, pos = [], 2
    while len(fields) < 3:
        while pos < len(head) and (head[pos:pos + 1].isspace() or head[pos] == ord("#")):
            if head[pos] == ord("#"):
                end = head.find(b"\n", pos)
                pos = len(head) if end < 0 else end
            pos += 1
        start = pos
        while pos < len(head) and head[pos:pos + 1].isdigit():
            pos += 1
        if pos >= len(head) and len(data) > len(head):
            raise ValueError(f"PGM/PPM header longer than the {describe_bytes(MAX_PNM_HEADER_BYTES)} limit")
        if start == pos:
            raise ValueError("truncated or malformed PGM/PPM header")
        if pos - start > _MAX_DIGITS:
            raise ValueError(f"bad PGM/PPM header (a number of {pos - start} digits)")
        fields.append(int(head[start:pos]))
    return fields[0], fields[1], fields[2], pos


def _plain_samples(data: bytes, pos: int, count: int) -> np.ndarray:
    """The first ``count`` numbers of plain (P2/P3) pixel data, int64."""
    if len(data) > MAX_PLAIN_PNM_BYTES:
        raise ValueError(f"plain (text) PGM/PPM files are limited to {describe_bytes(MAX_PLAIN_PNM_BYTES)}, "
                         f"this one is {describe_bytes(len(data))}; save it as binary (P5/P6) or PNG")
    tokens = re.sub(rb"#[^\n]*", b"", data[pos:]).split()  # comments are tolerated in the data too
    if len(tokens) < count:
        raise ValueError("truncated PGM/PPM pixel data")
    if not all(t.isdigit() and len(t) <= 5 for t in tokens[:count]):
        raise ValueError("malformed PGM/PPM pixel data")
    return np.array([int(t) for t in tokens[:count]], dtype=np.int64)
