"""Read PNG, BMP and PGM/PPM files into grayscale arrays, and write grayscale PNGs, with NumPy + stdlib.

``load_image(path)`` returns float32 (H, W) in [0, 1]; colour is converted with luminance weights and
transparent parts are composited on white (a transparent drawing canvas reads as paper). Supported:

* PNG (``png``): every colour type and bit depth, tRNS transparency; not interlaced (an interlaced file
  gets a clear ``ValueError``). Chunk CRCs are checked.
* BMP (``bmp``): 24- and 32-bit (plain or bit-field masks), 1/4/8-bit palette; not RLE-compressed.
* PGM/PPM (``pnm``): P2, P5 (8- or 16-bit), P3, P6.

Limits (``limits``): only a regular file is read (a FIFO, a device such as ``/dev/zero`` or a folder is
refused, see ``regular_files``), of at most ``MAX_PICTURE_FILE_BYTES``; a picture of more than
``MAX_PIXELS`` pixels, or with a side longer than ``MAX_SIDE``, is refused from its header before its
pixels are allocated. The Qt decoder in the UI applies the same two numbers. Decoding holds the file,
the decoded samples and the float32 result, little more: the gray conversion goes a band of rows at a
time (``raster``).

A corrupt, truncated, oversized or unsupported file raises ``ValueError`` naming the file; a missing one
the usual ``FileNotFoundError``. JPEG and other formats are left to the GUI (Qt decodes them).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np

from mnist_gui.core.files import atomic_write
from mnist_gui.data import png
from mnist_gui.data.bmp import decode_bmp
from mnist_gui.data.limits import MAX_PICTURE_FILE_BYTES, MAX_PIXELS, MAX_SIDE
from mnist_gui.data.pnm import MAGICS as PNM_MAGICS, decode_pnm
from mnist_gui.data.raster import to_gray
from mnist_gui.data.regular_files import read_regular

__all__ = ["load_image", "save_png", "MAX_PIXELS", "MAX_SIDE", "MAX_PICTURE_FILE_BYTES"]


def load_image(path) -> np.ndarray:
    """Decode an image file into a float32 (H, W) grayscale array in [0, 1]."""
    path = Path(path)
    data = read_regular(path, MAX_PICTURE_FILE_BYTES, "a picture")
    try:
        if data.startswith(png.SIGNATURE):
            raster = png.decode_png(data)
        elif data.startswith(b"BM"):
            raster = decode_bmp(data)
        elif data[:2] in PNM_MAGICS:
            raster = decode_pnm(data)
        elif data.startswith(b"\xff\xd8\xff"):
            raise ValueError("JPEG is not supported by the built-in decoder (use PNG, BMP, PGM or PPM)")
        elif not data:
            raise ValueError("empty file")
        else:
            raise ValueError("not a PNG, BMP, PGM or PPM image")
        return to_gray(raster)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    except (struct.error, zlib.error, IndexError) as exc:
        raise ValueError(f"{path}: corrupt image ({exc})") from None


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
