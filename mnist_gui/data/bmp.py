"""BMP decoding with struct + NumPy: ``decode_bmp(data)`` -> ``raster.Raster``.

Read: 24- and 32-bit (plain, or bit-field masks with or without alpha), 1/4/8-bit palette; core (OS/2,
12-byte) and Windows (40 to 124-byte) headers; bottom-up and top-down rows. Not read: RLE compression and
16-bit pixels (a clear ``ValueError``). The pixel rows are used in place in the file's bytes; a header
whose rows do not fit in the file is "truncated", and a picture over the pixel limit
(``limits.check_pixels``) is refused before anything of its size is allocated. Errors are ``ValueError``
without the file name (``images`` adds it). Not here: reading the file, gray conversion (``raster``).
"""

from __future__ import annotations

import struct

import numpy as np

from mnist_gui.data.gray import channels_to_gray
from mnist_gui.data.limits import check_pixels
from mnist_gui.data.raster import Raster, bands, from_palette, from_samples, unpack_bits

__all__ = ["decode_bmp"]


def decode_bmp(data: bytes) -> Raster:
    """BMP file bytes -> ``Raster``."""
    if len(data) < 26:
        raise ValueError("truncated BMP header")
    (offset,) = struct.unpack("<I", data[10:14])
    (dib,) = struct.unpack("<I", data[14:18])
    if dib == 12:
        width, height, _, bits = struct.unpack("<HHHH", data[18:26])
        compression, colours_used, entry = 0, 0, 3
    elif dib in (40, 52, 56, 64, 108, 124) and len(data) >= 14 + dib:
        width, height, _, bits, compression = struct.unpack("<iiHHI", data[18:34])
        (colours_used,) = struct.unpack("<I", data[46:50])
        entry = 4
    else:
        raise ValueError(f"unsupported or truncated BMP header (size {dib})")
    top_down, height = height < 0, abs(height)
    if width <= 0 or height == 0:
        raise ValueError(f"bad BMP size {width}x{height}")
    if compression not in (0, 3, 6) or (compression and bits != 32):
        raise ValueError(f"compressed BMP (method {compression}, {bits}-bit) is not supported")
    if bits not in (1, 4, 8, 24, 32):
        raise ValueError(f"{bits}-bit BMP is not supported (use 1/4/8-bit palette, 24 or 32-bit)")
    stride = (width * bits + 31) // 32 * 4
    if offset + stride * (height - 1) + (width * bits + 7) // 8 > len(data):
        raise ValueError("truncated BMP pixel data")
    check_pixels(width, height)
    rows = _pixel_rows(data, offset, stride, height)
    if not top_down:
        rows = rows[::-1]
    if bits == 24:
        return from_samples(rows[:, :width * 3].reshape(height, width, 3)[..., ::-1], 255)
    if bits == 32:
        return _bit_fields(data, rows[:, :width * 4], dib, compression, height, width)
    colours = _colour_table(data, dib, entry, colours_used, bits, offset)
    index = unpack_bits(rows, bits, width)
    if int(index.max()) >= len(colours):
        raise ValueError("BMP colour index out of range")
    return from_palette(index, colours)


def _pixel_rows(data: bytes, offset: int, stride: int, height: int) -> np.ndarray:
    """(height, stride) uint8, file order; a view of ``data`` unless the last row's padding is missing."""
    if offset + stride * height <= len(data):
        return np.frombuffer(data, np.uint8, stride * height, offset).reshape(height, stride)
    padded = bytearray(stride * height)
    padded[:len(data) - offset] = data[offset:]
    return np.frombuffer(padded, np.uint8).reshape(height, stride)


def _colour_table(data: bytes, dib: int, entry: int, colours_used: int, bits: int, offset: int) -> np.ndarray:
    """The palette as (N, 3) uint8 RGB (the file stores BGR, plus an unused byte after a Windows header)."""
    table_at = 14 + dib
    count = colours_used or (1 << bits)
    table = data[table_at:table_at + count * entry]
    if count > 1 << bits or len(table) < count * entry or table_at + len(table) > offset:
        raise ValueError("bad BMP colour table")
    return np.frombuffer(table, np.uint8).reshape(count, entry)[:, 2::-1]


def _bit_fields(data: bytes, rows: np.ndarray, dib: int, compression: int, height: int, width: int) -> Raster:
    pixels = rows.reshape(height, width, 4).view("<u4")[..., 0]
    if compression == 0:
        masks = (0xFF0000, 0xFF00, 0xFF, 0)
    else:
        # the masks follow a 40-byte header, or are part of a longer one: at byte 54 either way
        count = 4 if dib >= 56 or compression == 6 else 3
        masks = struct.unpack(f"<{count}I", data[54:54 + 4 * count]) + (0,) * (4 - count)
    if not all(masks[:3]):
        raise ValueError("BMP bit-field masks are missing a colour")
    alpha = masks[3]
    if alpha and not any((pixels[lo:hi] & alpha).any() for lo, hi in bands(height, width)):
        alpha = 0  # an all-zero alpha channel means "no alpha"
    used = [(mask, (mask & -mask).bit_length() - 1) for mask in masks[:3] + ((alpha,) if alpha else ())]

    def band(lo: int, hi: int) -> np.ndarray:
        p = pixels[lo:hi]
        channels = [((p & mask) >> shift).astype(np.float32) / np.float32(mask >> shift) for mask, shift in used]
        return channels_to_gray(np.stack(channels, axis=-1))

    return Raster(height, width, band)
