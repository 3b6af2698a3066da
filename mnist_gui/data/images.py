"""Read PNG, BMP and PGM/PPM files into grayscale arrays, and write grayscale PNGs, with NumPy + stdlib.

``load_image(path)`` returns float32 (H, W) in [0, 1]; colour is converted with luminance weights and
transparent parts are composited on white (a transparent drawing canvas reads as paper). Supported:

* PNG (``mnist_gui.data.png``): every colour type and bit depth, tRNS transparency; not interlaced (an
  interlaced file gets a clear ``ValueError``). Chunk CRCs are checked.
* BMP: 24- and 32-bit (plain or bit-field masks), 1/4/8-bit palette; not RLE-compressed.
* PGM/PPM: P2, P5 (8- or 16-bit), P3, P6.

A corrupt, truncated or unsupported file raises ``ValueError`` naming the file; a missing one the usual
``FileNotFoundError``. A header cannot make us allocate more than the file's bytes could hold. JPEG and
other formats are left to the GUI (Qt decodes them).
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import numpy as np

from mnist_gui.data import png
from mnist_gui.data.gray import luma, on_white
from mnist_gui.core.files import atomic_write

__all__ = ["load_image", "save_png"]



def load_image(path) -> np.ndarray:
    """Decode an image file into a float32 (H, W) grayscale array in [0, 1]."""
    path = Path(path)
    data = path.read_bytes()
    try:
        if data.startswith(png.SIGNATURE):
            samples, maxval = png.decode_png(data)
            gray, alpha = _to_gray(samples, maxval, samples.shape[2])
        elif data.startswith(b"BM"):
            gray, alpha = _decode_bmp(data)
        elif data[:2] in (b"P2", b"P3", b"P5", b"P6"):
            gray, alpha = _decode_pnm(data)
        elif data.startswith(b"\xff\xd8\xff"):
            raise ValueError("JPEG is not supported by the built-in decoder (use PNG, BMP, PGM or PPM)")
        elif not data:
            raise ValueError("empty file")
        else:
            raise ValueError("not a PNG, BMP, PGM or PPM image")
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    except (struct.error, zlib.error, IndexError) as exc:
        raise ValueError(f"{path}: corrupt image ({exc})") from None
    return np.clip(on_white(gray, alpha), 0, 1).astype(np.float32, copy=False)


def _to_gray(samples: np.ndarray, maxval: int, channels: int):
    """(H, W, C) integer samples -> (gray, alpha or None) as float32 in [0, 1]."""
    x = samples.astype(np.float32) * np.float32(1 / maxval)
    gray = x[..., 0] if channels <= 2 else luma(x[..., :3])
    alpha = x[..., -1] if channels in (2, 4) else None
    return gray, alpha


def _decode_bmp(data: bytes):
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
    padded = data[offset:offset + stride * height].ljust(stride * height, b"\0")
    rows = np.frombuffer(padded, np.uint8).reshape(height, stride)
    if not top_down:
        rows = rows[::-1]
    if bits == 24:
        return _to_gray(rows[:, :width * 3].reshape(height, width, 3)[..., ::-1], 255, 3)
    if bits == 32:
        return _bmp_32(data, rows[:, :width * 4], dib, compression, height, width)
    table_at = 14 + dib
    count = colours_used or (1 << bits)
    table = data[table_at:table_at + count * entry]
    if count > 1 << bits or len(table) < count * entry or table_at + len(table) > offset:
        raise ValueError("bad BMP colour table")
    colours = np.frombuffer(table, np.uint8).reshape(count, entry)[:, 2::-1]
    if bits == 8:
        index = rows[:, :width]
    else:
        index = np.unpackbits(rows, axis=1).reshape(height, -1, bits) @ (1 << np.arange(bits - 1, -1, -1))
        index = index[:, :width]
    if int(index.max()) >= count:
        raise ValueError("BMP colour index out of range")
    gray, _ = _to_gray(colours[None], 255, 3)
    return gray[0][index], None


def _bmp_32(data, rows, dib, compression, height, width):
    pixels = rows.reshape(height, width, 4).view("<u4")[..., 0]
    if compression == 0:
        masks = (0xFF0000, 0xFF00, 0xFF, 0)
    else:
        # the masks follow a 40-byte header, or are part of a longer one: at byte 54 either way
        count = 4 if dib >= 56 or compression == 6 else 3
        masks = struct.unpack(f"<{count}I", data[54:54 + 4 * count]) + (0,) * (4 - count)
    channels = []
    for mask in masks:
        if mask == 0:
            channels.append(None)
            continue
        shift = (mask & -mask).bit_length() - 1
        channels.append(((pixels & mask) >> shift).astype(np.float32) / np.float32(mask >> shift))
    if any(c is None for c in channels[:3]):
        raise ValueError("BMP bit-field masks are missing a colour")
    gray = luma(np.stack(channels[:3], axis=-1))
    alpha = channels[3]
    if alpha is not None and not alpha.any():  # an all-zero alpha channel means "no alpha"
        alpha = None
    return gray, alpha


def _decode_pnm(data: bytes):
    kind = data[:2]
    fields, pos = [], 2
    while len(fields) < 3:
        while pos < len(data) and (data[pos:pos + 1].isspace() or data[pos] == ord("#")):
            if data[pos] == ord("#"):
                end = data.find(b"\n", pos)
                pos = len(data) if end < 0 else end
            pos += 1
        start = pos
        while pos < len(data) and data[pos:pos + 1].isdigit():
            pos += 1
        if start == pos:
            raise ValueError("truncated or malformed PGM/PPM header")
        fields.append(int(data[start:pos]))
    width, height, maxval = fields
    channels = 3 if kind in (b"P3", b"P6") else 1
    if width == 0 or height == 0 or not 0 < maxval < 65536:
        raise ValueError(f"bad PGM/PPM header (size {width}x{height}, maxval {maxval})")
    count = width * height * channels
    if kind in (b"P5", b"P6"):
        if pos >= len(data) or not data[pos:pos + 1].isspace():
            raise ValueError("malformed PGM/PPM header")
        size = 1 if maxval < 256 else 2
        body = data[pos + 1:pos + 1 + count * size]
        if len(body) < count * size:
            raise ValueError("truncated PGM/PPM pixel data")
        samples = np.frombuffer(body, np.uint8 if size == 1 else ">u2")
    else:
        tokens = re.sub(rb"#[^\n]*", b"", data[pos:]).split()  # comments are tolerated in the data too
        if len(tokens) < count:
            raise ValueError("truncated PGM/PPM pixel data")
        if not all(t.isdigit() and len(t) <= 5 for t in tokens[:count]):
            raise ValueError("malformed PGM/PPM pixel data")
        samples = np.array([int(t) for t in tokens[:count]], dtype=np.int64)
    if int(samples.max()) > maxval:
        raise ValueError(f"PGM/PPM sample above the declared maximum {maxval}")
    return _to_gray(samples.reshape(height, width, channels), maxval, channels)


def save_png(path, image) -> None:
    """Write a 2-D grayscale image as an 8-bit PNG (atomically).

    ``image``: uint8 (0-255), bool, or float in [0, 1] (clipped, rounded to 0-255).
    """
    a = np.asarray(image)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"save_png expects a non-empty 2-D grayscale array, got shape {a.shape}")
    if a.dtype == np.bool_:
        a = a.astype(np.uint8) * 255
    elif np.issubdtype(a.dtype, np.floating):
        if not np.isfinite(a).all():
            raise ValueError("save_png got an image containing NaN or infinity")
        a = np.rint(np.clip(a, 0, 1) * 255).astype(np.uint8)
    elif a.dtype != np.uint8:
        if np.issubdtype(a.dtype, np.integer) and a.min() >= 0 and a.max() <= 255:
            a = a.astype(np.uint8)
        else:
            raise ValueError(f"save_png expects uint8, bool or float in [0, 1], got {a.dtype}")
    with atomic_write(path) as f:
        f.write(png.encode_png(a))
