"""PNG decoding and (8-bit grayscale) encoding with zlib + struct + NumPy.

``decode_png(data)`` returns a ``raster.Raster``: every colour type and bit depth of the PNG spec, palette
images with their tRNS alpha, a tRNS colour key as transparency; interlaced (Adam7) files get a clear
``ValueError``. Chunk CRCs are checked. Before anything of the picture's size is allocated, the size in
the header is checked against what the compressed data can hold (``limits.MAX_DEFLATE_RATIO``: a lying
header is "truncated") and against the pixel limit (``limits.check_pixels``). The data is inflated in
steps straight into one buffer, where the row filters are undone in place (``png_filters``), so
decoding needs little more than the file and the decoded samples. Errors are ``ValueError`` without the
file name (``mnist_gui.data.images`` adds it). Not here: reading the file, conversion to gray
(``images``, ``raster``).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from mnist_gui.data.limits import MAX_DEFLATE_RATIO, check_pixels
from mnist_gui.data.png_filters import unfilter
from mnist_gui.data.raster import Raster, from_palette, from_samples, unpack_bits

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_INFLATE_INPUT_BYTES = 1 << 20  # compressed bytes fed per call, so zlib's leftover-input copies stay small
_INFLATE_STEP_BYTES = 1 << 24  # inflated bytes per call, so the temporary output stays small


def decode_png(data) -> Raster:
    """PNG file bytes -> ``Raster`` (see ``raster``)."""
    (width, height, depth, color), palette, trns, idat = _read_chunks(memoryview(data))
    channels = _CHANNELS[color]
    bits = channels * depth
    row_bytes = (width * bits + 7) // 8
    expected = height * (row_bytes + 1)
    compressed = sum(len(chunk) for chunk in idat)
    if expected > MAX_DEFLATE_RATIO * compressed + 1024:
        raise ValueError(f"truncated PNG image data ({compressed} compressed bytes cannot hold "
                         f"the {expected} the header needs)")
    check_pixels(width, height)
    table = _inflate(idat, expected).reshape(height, row_bytes + 1)
    rows = unfilter(table, max(1, bits // 8))
    if depth == 16:
        samples = rows.view(">u2").reshape(height, width, channels)
    elif depth == 8:
        samples = rows.reshape(height, width, channels)
    else:  # 1, 2 or 4 bits per pixel, one channel
        samples = unpack_bits(rows, depth, width)[..., None]
    if color == 3:
        return from_palette(samples[..., 0], _palette(samples, palette, trns))
    key = None
    if trns is not None and color in (0, 2) and len(trns) == 2 * channels:  # one colour is transparent
        key = np.frombuffer(trns, ">u2")
    return from_samples(samples, (1 << depth) - 1, key)


def _read_chunks(data: memoryview):
    """Walk the chunks: (IHDR fields, PLTE bytes or None, tRNS bytes or None, [IDAT bodies as views])."""
    if data[:len(SIGNATURE)] != SIGNATURE:
        raise ValueError("not a PNG file")
    header, palette, trns, idat = None, None, None, []
    pos = len(SIGNATURE)
    while pos < len(data):
        if pos + 12 > len(data):
            raise ValueError("truncated PNG chunk header")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if length > 2**31 - 1 or pos + 12 + length > len(data):
            raise ValueError(f"truncated PNG chunk {kind!r}")
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(body, zlib.crc32(kind)) != crc:
            raise ValueError(f"PNG chunk {kind!r} fails its CRC check (corrupt file)")
        pos += 12 + length
        if header is None and kind != b"IHDR":
            raise ValueError("PNG does not start with an IHDR chunk")
        if kind == b"IHDR":
            header = _header(body)
        elif kind == b"PLTE":
            palette = bytes(body)
        elif kind == b"tRNS":
            trns = bytes(body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        elif not kind[0] & 0x20:  # uppercase first letter: a critical chunk we do not know
            raise ValueError(f"unknown critical PNG chunk {kind!r}")
    else:
        raise ValueError("truncated PNG (no IEND chunk)")
    if not idat:
        raise ValueError("PNG has no image data (IDAT)")
    return header, palette, trns, idat


def _header(body) -> tuple[int, int, int, int]:
    if len(body) != 13:
        raise ValueError("bad PNG IHDR chunk")
    width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
    if not (0 < width < 2**31 and 0 < height < 2**31):
        raise ValueError(f"bad PNG size {width}x{height}")
    if depth not in _DEPTHS.get(color, ()):
        raise ValueError(f"bad PNG colour type {color} with bit depth {depth}")
    if compression != 0 or filtering != 0:
        raise ValueError("unknown PNG compression or filter method")
    if interlace == 1:
        raise ValueError("interlaced (Adam7) PNG is not supported; save it without interlacing")
    if interlace != 0:
        raise ValueError(f"unknown PNG interlace method {interlace}")
    return width, height, depth, color


def _inflate(idat: list, expected: int) -> np.ndarray:
    """The concatenated IDAT bodies inflated into a writable uint8 array of exactly ``expected`` bytes."""
    out = np.empty(expected, np.uint8)
    d = zlib.decompressobj()
    filled = 0
    for body in idat:
        for lo in range(0, len(body), _INFLATE_INPUT_BYTES):
            pending = body[lo:lo + _INFLATE_INPUT_BYTES]
            while pending:
                piece = d.decompress(pending, min(_INFLATE_STEP_BYTES, expected + 1 - filled))
                if filled + len(piece) > expected:
                    raise ValueError(f"PNG image data has the wrong size (more than the {expected} bytes "
                                     "the header needs)")
                out[filled:filled + len(piece)] = np.frombuffer(piece, np.uint8)
                filled += len(piece)
                pending = d.unconsumed_tail
    if filled != expected:
        raise ValueError(f"PNG image data has the wrong size ({filled} bytes, expected {expected})")
    if not d.eof:
        raise ValueError("truncated PNG image data")
    return out


def _palette(index: np.ndarray, palette, trns) -> np.ndarray:
    """The colour table (N, 3) or, with tRNS, (N, 4) uint8, checked against the indices used."""
    if not palette or len(palette) % 3 or len(palette) > 3 * 256:
        raise ValueError("palette PNG without a valid PLTE chunk")
    colours = np.frombuffer(palette, np.uint8).reshape(-1, 3)
    if int(index.max()) >= len(colours):
        raise ValueError("PNG palette index out of range")
    if trns:
        alpha = np.full((len(colours), 1), 255, np.uint8)
        given = np.frombuffer(trns, np.uint8)[:len(colours)]
        alpha[:len(given), 0] = given
        colours = np.concatenate([colours, alpha], axis=1)
    return colours


def encode_png(gray: np.ndarray) -> bytes:
    """uint8 (H, W) -> bytes of an 8-bit grayscale PNG (filter None, zlib level 6)."""
    height, width = gray.shape
    scanlines = np.zeros((height, width + 1), np.uint8)  # filter byte 0 in front of each row
    scanlines[:, 1:] = gray
    return (SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(scanlines.tobytes(), 6)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
