"""Makers of hostile files for the tests and for benchmarks/hostile_files.py: small files that claim, or
inflate to, gigabytes. Everything is written streamingly, so making a file never holds its claimed size.

Deflate streams of long runs of one repeated block are made by compressing the block once after a full
flush (which makes every later copy of the block compress to the same bytes) and writing those bytes
again, so a 2.4 GB gzip bomb takes a second to write rather than ten. Only the standard library.
"""

from __future__ import annotations

import os
import struct
import zlib

_BLOCK = 1 << 20  # uncompressed bytes per repeated block


def deflate_runs(runs):
    """Raw deflate pieces of the concatenation of ``runs``: (bytes, repeat count) pairs."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    for block, count in runs:
        if count == 0:
            continue
        first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
        yield first
        if count > 1:
            again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
            yield again
            for _ in range(count - 2):
                yield again  # after a full flush the compressor starts afresh: same input, same output
    yield c.flush(zlib.Z_FINISH)


def checksum(runs, fn, value):
    for block, count in runs:
        for _ in range(count):
            value = fn(block, value)
    return value


def row_runs(row: bytes, rows: int):
    """``rows`` copies of ``row`` as (block, count) runs of about a megabyte."""
    per_block = max(1, _BLOCK // len(row))
    return [(row * per_block, rows // per_block), (row * (rows % per_block), 1 if rows % per_block else 0)]


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def write_png(path, width: int, height: int, filter_type: int = 0, color: int = 0, depth: int = 8,
              row: bytes | None = None) -> int:
    """A PNG whose every row is ``row`` (default: zeros) behind ``filter_type``; returns the file size."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    row_bytes = (width * channels * depth + 7) // 8
    scanline = bytes([filter_type]) + (row if row is not None else bytes(row_bytes))
    runs = row_runs(scanline, height)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color,
                                                                         0, 0, 0)))
        pending = bytearray(b"\x78\xda")  # zlib header: deflate, 32 KB window, best compression
        for piece in deflate_runs(runs):
            pending += piece
            if len(pending) >= _BLOCK:
                f.write(_png_chunk(b"IDAT", bytes(pending)))
                pending.clear()
        pending += struct.pack(">I", checksum(runs, zlib.adler32, 1))
        f.write(_png_chunk(b"IDAT", bytes(pending)) + _png_chunk(b"IEND", b""))
        return f.tell()


def write_gzip_idx(path, shape, zero_bytes: int, code: int = 0x08) -> int:
    """A gzip file: an IDX header declaring ``shape``, then ``zero_bytes`` zeros; returns the file size."""
    header = bytes([0, 0, code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape)
    runs = [(header, 1), (bytes(_BLOCK), zero_bytes // _BLOCK), (bytes(zero_bytes % _BLOCK), 1)]
    with open(path, "wb") as f:
        f.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip member header, no name, mtime 0
        for piece in deflate_runs(runs):
            f.write(piece)
        size = len(header) + zero_bytes
        f.write(struct.pack("<II", checksum(runs, zlib.crc32, 0), size % 2**32))
        return f.tell()


def write_bmp_1bit(path, width: int, height: int) -> int:
    """A 1-bit palette BMP of ``width`` x ``height`` pixels, all of colour 0, pixel data present."""
    stride = (width + 31) // 32 * 4
    offset = 14 + 40 + 8
    with open(path, "wb") as f:
        f.write(b"BM" + struct.pack("<IHHI", offset + stride * height, 0, 0, offset))
        f.write(struct.pack("<IiiHHIIiiII", 40, width, height, 1, 1, 0, stride * height, 2835, 2835, 2, 0))
        f.write(bytes([0, 0, 0, 0, 255, 255, 255, 0]))
        for lo in range(0, height, 4096):
            f.write(bytes(stride * min(4096, height - lo)))
        return f.tell()


def nested_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def make_fifo(path) -> None:
    os.mkfifo(path)
