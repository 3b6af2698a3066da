"""What the image decoders hand to ``images.load_image``, and its conversion to gray a band of rows at a time.

A ``Raster`` is a decoded picture's size and a function giving gray on white (float32, not yet clipped)
for rows ``lo:hi``. ``from_samples`` makes one from integer samples (gray, gray + alpha, RGB, RGBA, an
optional transparent colour key), ``from_palette`` from colour indices and their table; a decoder with
its own arithmetic (BMP bit fields) passes its own function. ``to_gray`` assembles the float32 (H, W)
result. Converting in bands of about a megapixel keeps the float copies of the channels (16 bytes a
pixel for RGBA) at a few megabytes instead of several times the picture; the colour and transparency
rule itself is ``gray.channels_to_gray``, used for every band. ``unpack_bits`` reads packed 1/2/4-bit
samples (PNG and BMP pack them the same way). Not here: parsing files (``png``, ``bmp``, ``pnm``).
"""

from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np

from mnist_gui.data.gray import channels_to_gray

__all__ = ["Raster", "from_samples", "from_palette", "to_gray", "bands", "unpack_bits"]

_BAND_PIXELS = 1 << 20  # pixels converted per step: temporaries of a few MB, few enough steps to be fast


class Raster(NamedTuple):
    height: int
    width: int
    band: Callable[[int, int], np.ndarray]  # (lo, hi) -> float32 (hi - lo, width) gray on white


def from_samples(samples: np.ndarray, maxval: int, key=None) -> Raster:
    """(H, W, C) integer samples in 0..maxval, C = 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA).
    ``key``: C sample values that mean "transparent" (a PNG tRNS colour key), or None."""
    scale = np.float32(1 / maxval)

    def band(lo: int, hi: int) -> np.ndarray:
        s = samples[lo:hi]
        if key is not None:  # the key becomes an alpha channel: 0 where the colour matches, else opaque
            alpha = np.where((s == key).all(axis=-1), 0, maxval).astype(s.dtype)
            s = np.concatenate([s, alpha[..., None]], axis=-1)
        return channels_to_gray(s.astype(np.float32) * scale)

    return Raster(samples.shape[0], samples.shape[1], band)


def from_palette(index: np.ndarray, colours: np.ndarray) -> Raster:
    """(H, W) indices into ``colours`` (N, 3 or 4) uint8 RGB(A); every index must be < N."""
    lut = channels_to_gray(colours[None].astype(np.float32) * np.float32(1 / 255))[0]  # gray of each colour
    return Raster(index.shape[0], index.shape[1], lambda lo, hi: lut[index[lo:hi]])


def to_gray(raster: Raster) -> np.ndarray:
    """float32 (H, W) gray on white, clipped to [0, 1]."""
    out = np.empty((raster.height, raster.width), np.float32)
    for lo, hi in bands(raster.height, raster.width):
        out[lo:hi] = raster.band(lo, hi)
    return np.clip(out, 0, 1, out=out)


def bands(height: int, width: int):
    """(lo, hi) row ranges of about a megapixel each, covering ``height`` rows of ``width`` pixels."""
    step = max(1, _BAND_PIXELS // max(1, width))
    return [(lo, min(lo + step, height)) for lo in range(0, height, step)]


def unpack_bits(rows: np.ndarray, depth: int, width: int) -> np.ndarray:
    """(H, row_bytes) uint8 of packed ``depth``-bit samples, the first in the high bits -> (H, width) uint8."""
    if depth == 8:
        return rows[:, :width]
    if depth == 1:
        return np.unpackbits(rows, axis=1, count=width)
    shifts = np.arange(8 - depth, -1, -depth, dtype=np.uint8)  # 4, 0 for depth 4; 6, 4, 2, 0 for depth 2
    samples = (rows[:, :, None] >> shifts) & np.uint8((1 << depth) - 1)  # (H, row_bytes, 8 // depth)
    return samples.reshape(len(rows), -1)[:, :width]
