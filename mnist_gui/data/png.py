"""PNG decoding and (8-bit grayscale) encoding with zlib + struct + NumPy.

``decode_png(data)`` returns the pixels as integer samples (H, W, C) and their maximum value: C is 1 (gray),
2 (gray + alpha), 3 (RGB) or 4 (RGBA); palette images come back as RGB(A) and a tRNS colour key as an
alpha channel. All colour types and bit depths of the PNG spec are read, except interlaced (Adam7) files,
which get a clear ``ValueError``. Chunk CRCs are checked, and the inflated size is compared with the
header's before anything of that size is allocated. Errors are ``ValueError`` without the file name
(``mnist_gui.data.images`` adds it). Not here: conversion to gray (``images``).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_MAX_DEFLATE_RATIO = 1032  # deflate cannot expand data by more than this


def decode_png(data: bytes):
    """PNG file bytes -> (samples (H, W, C) uint8 or uint16, maxval)."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    header, palette, trns, idat = None, None, None, []
    pos, ended = len(SIGNATURE), False
    while pos < len(data):
        if pos + 12 > len(data):
            raise ValueError("truncated PNG chunk header")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if length > 2**31 - 1 or pos + 12 + length > len(data):
            raise ValueError(f"truncated PNG chunk {kind!r}")
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"PNG chunk {kind!r} fails its CRC check (corrupt file)")
        pos += 12 + length
        if header is None and kind != b"IHDR":
            raise ValueError("PNG does not start with an IHDR chunk")
        if kind == b"IHDR":
            header = _header(body)
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            trns = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            ended = True
            break
        elif not kind[0] & 0x20:  # uppercase first letter: a critical chunk we do not know
            raise ValueError(f"unknown critical PNG chunk {kind!r}")
    if not ended:
        raise ValueError("truncated PNG (no IEND chunk)")
    if not idat:
        raise ValueError("PNG has no image data (IDAT)")
    width, height, depth, color = header
    channels = _CHANNELS[color]
    bits = channels * depth
    row_bytes = (width * bits + 7) // 8
    raw = _inflate(b"".join(idat), height * (row_bytes + 1))
    rows = _unfilter(raw, height, row_bytes, max(1, bits // 8))
    if depth == 16:
        samples = rows.view(">u2").reshape(height, width, channels).astype(np.uint16)
    elif depth == 8:
        samples = rows.reshape(height, width, channels)
    else:  # 1, 2 or 4 bits per pixel, one channel: unpack the bit groups, drop each row's padding
        groups = np.unpackbits(rows, axis=1).reshape(height, -1, depth)
        samples = (groups @ (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8))[:, :width, None]
    if color == 3:
        return _expand_palette(samples[..., 0], palette, trns), 255
    maxval = (1 << depth) - 1
    if trns is not None and color in (0, 2) and len(trns) == 2 * channels:  # one colour is transparent
        key = np.frombuffer(trns, ">u2")
        alpha = np.where((samples == key).all(axis=-1), 0, maxval).astype(samples.dtype)
        samples = np.concatenate([samples, alpha[..., None]], axis=-1)
    return samples, maxval


def _header(body: bytes):
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


def _inflate(stream: bytes, expected: int) -> np.ndarray:
    if expected > _MAX_DEFLATE_RATIO * len(stream) + 1024:
        raise ValueError(f"truncated PNG image data ({len(stream)} compressed bytes cannot hold "
                         f"the {expected} the header needs)")
    d = zlib.decompressobj()
    raw = d.decompress(stream, expected + 1)
    if len(raw) != expected or d.decompress(d.unconsumed_tail, 1):
        raise ValueError(f"PNG image data has the wrong size ({len(raw)} bytes, expected {expected})")
    if not d.eof:
        raise ValueError("truncated PNG image data")
    return np.frombuffer(raw, np.uint8)


def _unfilter(raw: np.ndarray, height: int, row_bytes: int, bpp: int) -> np.ndarray:
    """Undo the per-row filters; (height, row_bytes) uint8. ``bpp``: bytes per complete pixel (>= 1)."""
    table = raw.reshape(height, row_bytes + 1)
    kinds, rows = table[:, 0], table[:, 1:]
    if kinds.max() > 4:
        raise ValueError(f"bad PNG filter type {kinds.max()}")
    if not kinds.any():
        return np.ascontiguousarray(rows)
    if kinds.max() <= 2:  # None, Sub, Up only: one vectorised step per row
        out = np.empty_like(rows)
        prev = np.zeros(row_bytes, np.uint8)
        for y in range(height):
            if kinds[y] == 1:
                out[y] = np.cumsum(rows[y].reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
            elif kinds[y] == 2:
                out[y] = rows[y] + prev
            else:
                out[y] = rows[y]
            prev = out[y]
        return out
    return _unfilter_wavefront(rows, kinds, bpp)


def _unfilter_wavefront(rows: np.ndarray, kinds: np.ndarray, bpp: int) -> np.ndarray:
    """Average and Paeth need the left, upper and upper-left pixels, which all lie on earlier
    anti-diagonals, so each anti-diagonal is decoded in one vectorised step."""
    height, row_bytes = rows.shape
    groups = row_bytes // bpp
    raw = rows.reshape(height, groups, bpp).astype(np.int16)
    out = np.zeros((height + 1, groups + 1, bpp), np.int16)  # zero row above, zero column on the left
    kinds = kinds.astype(np.int16)
    for d in range(height + groups - 1):
        ys = np.arange(max(0, d - groups + 1), min(height, d + 1))
        xs = d - ys
        a, b, c = out[ys + 1, xs], out[ys, xs + 1], out[ys, xs]  # left, up, upper-left
        k = kinds[ys, None]
        pa, pb, pc = np.abs(b - c), np.abs(a - c), np.abs(a + b - 2 * c)
        paeth = np.where((pa <= pb) & (pa <= pc), a, np.where(pb <= pc, b, c))
        pred = np.select([k == 1, k == 2, k == 3, k == 4], [a, b, (a + b) >> 1, paeth], 0)
        out[ys + 1, xs + 1] = (raw[ys, xs] + pred) & 255
    return out[1:, 1:].astype(np.uint8).reshape(height, row_bytes)


def _expand_palette(index: np.ndarray, palette, trns) -> np.ndarray:
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
    return colours[index]


def encode_png(gray: np.ndarray) -> bytes:
    """uint8 (H, W) -> bytes of an 8-bit grayscale PNG (filter None, zlib level 6)."""
    height, width = gray.shape
    scanlines = np.zeros((height, width + 1), np.uint8)  # filter byte 0 in front of each row
    scanlines[:, 1:] = gray
    return (SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(scanlines.tobytes(), 6)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
