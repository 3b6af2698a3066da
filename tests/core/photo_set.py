"""A synthetic set of phone photos of MNIST digits and numbers, NumPy only (no Qt: JPEG is added by the
Qt tests and ``benchmarks/picture_pipeline.py`` through ``QImage.save``).

A photo is the digit (or a number of digits side by side) drawn in dark ink on grey, cream or white
paper, under uneven light (a gradient, a vignette, sometimes a soft shadow), with faint ruled lines on
some, a little blur and sensor noise, at a phone-like size (a few hundred to about 1600 pixels a side).
Each photo comes with the clean picture of the same ink (dark on white), for comparison.

Not a test: imported by the tests (``sys.path``) and by the benchmark.
"""

from __future__ import annotations

import numpy as np

PAPERS = {"white": (0.93, 0.93, 0.92), "grey": (0.72, 0.72, 0.72), "cream": (0.95, 0.90, 0.74),
          "blue-grey": (0.70, 0.75, 0.80)}
INKS = {"black": (0.08, 0.08, 0.10), "blue": (0.12, 0.16, 0.45), "pencil": (0.30, 0.30, 0.32)}


def resize(image: np.ndarray, h: int, w: int) -> np.ndarray:
    """Bilinear resize of a 2-D float array (pixel centres aligned)."""
    def weights(n, m):
        src = np.clip((np.arange(m) + 0.5) * (n / m) - 0.5, 0, n - 1)
        i0 = np.floor(src).astype(int)
        i1 = np.minimum(i0 + 1, n - 1)
        f = src - i0
        out = np.zeros((m, n))
        out[np.arange(m), i0] += 1 - f
        out[np.arange(m), i1] += f
        return out
    return (weights(image.shape[0], h) @ image @ weights(image.shape[1], w).T).astype(np.float32)


def blur(image: np.ndarray, sigma: float) -> np.ndarray:
    """About a Gaussian blur of a 2-D array: three box filters a side (edges repeated)."""
    if sigma <= 0.3:
        return image
    r = max(1, int(round(np.sqrt(4 * sigma * sigma + 1) / 2)))  # three boxes of 2r+1 ~ a Gaussian of sigma
    out = image.astype(np.float32)
    for axis in (0, 1):
        for _ in range(3):
            pad = [(0, 0), (0, 0)]
            pad[axis] = (r + 1, r)
            c = np.cumsum(np.pad(out, pad, mode="edge"), axis=axis, dtype=np.float64)
            n = out.shape[axis]
            hi = np.take(c, np.arange(2 * r + 1, 2 * r + 1 + n), axis=axis)
            lo = np.take(c, np.arange(0, n), axis=axis)
            out = ((hi - lo) / (2 * r + 1)).astype(np.float32)
    return out


def crop_to_ink(digit: np.ndarray) -> np.ndarray:
    cols = np.flatnonzero(digit.max(axis=0) > 0)
    rows = np.flatnonzero(digit.max(axis=1) > 0)
    return digit[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def number_ink(digits: list[np.ndarray], rng, gap=(0.15, 0.45)) -> np.ndarray:
    """MNIST digits (uint8 28 x 28) side by side, each cropped to its ink, ``gap`` times 20 px apart (a
    negative gap overlaps the boxes, so the digits may touch), bottoms roughly aligned; float32 ink in
    [0, 1], bright on black, 36 px high."""
    inks = [crop_to_ink(d).astype(np.float32) / 255 for d in digits]
    lefts, x = [], 6
    for ink in inks:
        lefts.append(x)
        x += ink.shape[1] + int(round(20 * rng.uniform(*gap)))
    out = np.zeros((36, max(left + ink.shape[1] for left, ink in zip(lefts, inks)) + 6), np.float32)
    for left, ink in zip(lefts, inks):
        top = min(max((28 - ink.shape[0]) // 2 + int(rng.integers(-1, 2)), 0), 28 - ink.shape[0]) + 4
        region = out[top:top + ink.shape[0], left:left + ink.shape[1]]
        np.maximum(region, ink, out=region)
    return out


def clean_picture(ink: np.ndarray, scale: int = 3) -> np.ndarray:
    """The ink as a clean scan: dark on white, ``scale`` times MNIST's size, uint8 gray."""
    big = resize(ink, ink.shape[0] * scale, ink.shape[1] * scale)
    return np.clip((1 - big) * 255 + 0.5, 0, 255).astype(np.uint8)


def photo(ink: np.ndarray, rng, lines: bool | None = None, size: tuple[int, int] | None = None) -> np.ndarray:
    """The ink (bright on black, any size) as a phone photo: uint8 RGB (H, W, 3), of ``size`` (height,
    width) or a random 4:3 size of 360 to 960 pixels on the short side."""
    portrait = rng.random() < 0.5
    short = int(rng.integers(360, 960))
    h, w = size or ((int(short * 4 / 3), short) if portrait else (short, int(short * 4 / 3)))
    digit_h = rng.uniform(0.18, 0.4) * min(h, w)
    dh = int(digit_h * ink.shape[0] / 20)  # MNIST digits are 20 px high in their 28 px frame
    dw = int(round(dh * ink.shape[1] / ink.shape[0]))
    if dw > 0.9 * w:
        dh, dw = int(dh * 0.9 * w / dw), int(0.9 * w)
    alpha = np.clip(resize(ink, dh, dw), 0, 1)
    top, left = int(rng.integers(0, h - dh + 1)), int(rng.integers(0, w - dw + 1))
    cover = np.zeros((h, w), np.float32)
    cover[top:top + dh, left:left + dw] = alpha
    sharpness = rng.uniform(0.3, 1.2) * max(1.0, min(h, w) / 600)
    m = int(4 * sharpness) + 2  # blur only around the ink: the paper is smooth already
    y0, x0 = max(top - m, 0), max(left - m, 0)
    cover[y0:top + dh + m, x0:left + dw + m] = blur(cover[y0:top + dh + m, x0:left + dw + m], sharpness)

    paper = np.array(PAPERS[rng.choice(list(PAPERS))], np.float32)
    ink_colour = np.array(INKS[rng.choice(list(INKS))], np.float32)
    shade = np.zeros((h, w), np.float32)
    if lines if lines is not None else rng.random() < 0.4:
        spacing = max(8.0, digit_h * rng.uniform(0.5, 0.9))
        tilt = rng.uniform(-0.02, 0.02)
        y = np.arange(h, dtype=np.float32)[:, None] + np.float32(tilt) * np.arange(w, dtype=np.float32)[None]
        distance = np.abs(((y - rng.uniform(0, spacing)) % spacing) - spacing / 2) - spacing / 2
        line = np.clip(1.5 - np.abs(distance) / max(1.0, digit_h / 80), 0, 1) * np.float32(rng.uniform(0.06, 0.14))
        shade = line  # faint blue lines, soft-edged already
    yy = (np.arange(h, dtype=np.float32) / h - 0.5)[:, None]
    xx = (np.arange(w, dtype=np.float32) / w - 0.5)[None]
    angle = rng.uniform(0, 2 * np.pi)
    light = 1 + np.float32(rng.uniform(0.1, 0.3) * 2) * (np.float32(np.cos(angle)) * xx + np.float32(np.sin(angle)) * yy)
    light = light * (1 - np.float32(rng.uniform(0.0, 0.35) * 2) * (xx ** 2 + yy ** 2))
    if rng.random() < 0.3:  # a soft shadow over one side
        edge = rng.uniform(-0.3, 0.3)
        light = light * (1 - np.float32(rng.uniform(0.15, 0.3)) / (1 + np.exp(-(xx - edge) * 25)))
    noise = rng.uniform(0.005, 0.03)
    out = np.empty((h, w, 3), np.uint8)
    for c in range(3):
        plane = (paper[c] - shade * np.float32((0.9, 0.5, 0.1)[c])) * (1 - cover) + ink_colour[c] * cover
        plane = plane * light + rng.standard_normal((h, w), dtype=np.float32) * np.float32(noise)
        out[..., c] = np.clip(plane * 255 + 0.5, 0, 255).astype(np.uint8)
    return out
