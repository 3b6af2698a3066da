"""Turn any picture of a digit into what an MNIST network expects: ``to_mnist``.

MNIST was made like this (LeCun et al., the MNIST page): the ink was scaled to fit a 20x20 box keeping its
aspect ratio, with anti-aliasing, then placed in a 28x28 field so that its centre of mass sits at the
centre. ``to_mnist`` repeats those steps for a grayscale array of any size and either polarity, so a digit
drawn small in a corner of the pad looks to the network like the digits it was trained on.

Conventions, checked against the dataset in the tests:

* Output: float32 (28, 28) in [0, 1], light ink on black, brightest pixel exactly 1.0; blank -> zeros.
* Centre: pixel ``i`` sits at coordinate ``i``; the centre of mass is moved to (14.0, 14.0) by a whole-pixel
  shift, which leaves it within 0.5 px of the centre. MNIST's own digits have their centre of mass in
  [13.5, 14.5] (mean 14.0) in these coordinates, because they were made the same way.
* Polarity: the median of the outermost rows and columns is the background. If it is nearer the brightest
  than the darkest value, the picture is dark ink on light paper and is inverted. (So a digit that
  covers more than half of the image's border can be read the wrong way round.)
* Crop: the background level is subtracted, and ink weaker than ``NOISE_FLOOR`` times the border's noise
  (its median absolute deviation) is removed, which changes nothing in a clean image. The box is that of
  the pixels above ``INK_THRESHOLD`` times the brightest ink, so faint anti-aliasing does not widen it.
  An isolated bright speck far from the digit does widen it.
* Scaling: area averaging when shrinking, bilinear when enlarging a small input, as one weight matrix per
  axis: ``out = Ry @ img @ Rx.T``.

Not here: decoding image files (``mnist_gui.data.images``; ``load_image`` is re-exported for convenience).
"""

from __future__ import annotations

import functools

import numpy as np

from mnist_gui.data.gray import channels_to_gray
from mnist_gui.data.images import load_image

__all__ = ["to_mnist", "as_gray", "extract_ink", "to_unit", "resample_weights", "load_image", "FIELD", "BOX", "INK_THRESHOLD"]

FIELD = 28  # side of the output image
BOX = 20  # side of the square the ink is scaled to fit
CENTRE = FIELD / 2  # where the centre of mass goes, in pixel-index coordinates (see the module docstring)
INK_THRESHOLD = 0.1  # fraction of the brightest ink below which a pixel does not widen the crop box
NOISE_FLOOR = 4.0  # ink weaker than this many noise sigmas (estimated on the border) is background
BLANK_CONTRAST = 0.02  # an image whose ink is fainter than this (0..1 scale) is blank


def to_mnist(image, return_steps: bool = False):
    """Crop, scale and centre a picture of a digit the way MNIST was made.

    ``image``: 2-D grayscale array of any size (uint8 0-255, other integers over their full range, float
    in [0, 1] (floats above 1 are read as 0-255), or bool), either polarity. (H, W, 3) RGB and (H, W, 4)
    RGBA are converted with luminance weights, transparent parts counting as white.

    Returns float32 (28, 28) in [0, 1], light ink on black. With ``return_steps=True`` returns
    ``(result, steps)``, ``steps`` a dict of float32 images, ink bright: ``"cropped"`` (the ink's bounding
    box, full resolution), ``"scaled"`` (fits 20x20) and ``"centred"`` (the result). For a blank image
    they are zeros of shape (20, 20), (20, 20) and (28, 28).
    """
    ink = extract_ink(as_gray(image))
    if ink is None:
        result = np.zeros((FIELD, FIELD), np.float32)
        steps = {"cropped": np.zeros((BOX, BOX), np.float32), "scaled": np.zeros((BOX, BOX), np.float32)}
    else:
        cropped = _crop(ink)
        scaled = _resize(cropped)
        result = _centre(scaled)
        steps = {"cropped": cropped, "scaled": scaled}
    if not return_steps:
        return result
    steps["centred"] = result
    return result, steps


def as_gray(image) -> np.ndarray:
    """Any picture array (see ``to_mnist``) -> float32 (H, W) gray in [0, 1], colour and alpha resolved."""
    a = np.asarray(image)
    if a.ndim == 3 and a.shape[2] in (1, 2, 3, 4):
        a = channels_to_gray(to_unit(a))
    elif a.ndim == 2:
        a = to_unit(a)
    else:
        raise ValueError(f"to_mnist expects a 2-D grayscale image or (H, W, 3|4) colour image, "
                         f"got shape {a.shape}")
    return a


def to_unit(a: np.ndarray) -> np.ndarray:
    """Any dtype -> float32 in [0, 1] (the one rule: uint8 over 255, other integers over their range, floats
    above 1 read as 0-255 samples)."""
    if a.dtype == np.uint8:
        return a.astype(np.float32) * np.float32(1 / 255)
    if a.dtype == np.bool_:
        return a.astype(np.float32)
    if np.issubdtype(a.dtype, np.integer):
        info = np.iinfo(a.dtype)
        return np.clip(a.astype(np.float32) / np.float32(info.max), 0, 1)
    if not np.issubdtype(a.dtype, np.floating):
        raise ValueError(f"to_mnist expects a numeric image, got dtype {a.dtype}")
    a = a.astype(np.float32, copy=False)
    if a.size == 0:
        return a
    if not np.isfinite(a).all():
        raise ValueError("to_mnist got an image containing NaN or infinity")
    top = float(a.max())
    if top > 1.0:
        a = a * np.float32(1 / 255 if top <= 255 else 1 / top)
    return np.clip(a, 0, 1)


def extract_ink(gray: np.ndarray):
    """Gray -> ink bright on zero background, brightest ink 1.0; None if blank. The one polarity rule: the
    command line, ``to_mnist`` and the Draw tab all decide which is ink and which is paper here.

    The background level and its noise come from the border: its median, and its median absolute
    deviation as a robust noise estimate. Ink weaker than NOISE_FLOOR noise sigmas is removed (a soft
    threshold, so clean images are unchanged) so that paper grain neither widens the crop box nor
    leaves a haze that pulls the centre of mass.
    """
    if gray.size == 0:
        return None
    lo, hi = float(gray.min()), float(gray.max())
    if hi - lo < BLANK_CONTRAST:
        return None
    border = np.concatenate([gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1]])
    background = float(np.median(border))
    sigma = 1.4826 * float(np.median(np.abs(border - background)))
    if background - lo > hi - background:  # background nearer white: dark ink on light paper
        ink = background - gray
    else:
        ink = gray - background
    floor = NOISE_FLOOR * sigma
    peak = float(ink.max()) - floor
    if peak < BLANK_CONTRAST:  # nothing stands out from the background and its noise
        return None
    if floor > 0:
        ink -= np.float32(floor)
    ink *= np.float32(1 / peak)
    return np.clip(ink, 0, 1, out=ink)


def _crop(ink: np.ndarray) -> np.ndarray:
    mask = ink > INK_THRESHOLD
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def _resize(img: np.ndarray) -> np.ndarray:
    """Scale so the longer side is BOX pixels, keeping the aspect ratio; brightest pixel 1.0."""
    h, w = img.shape
    scale = BOX / max(h, w)
    out_h, out_w = max(1, round(h * scale)), max(1, round(w * scale))
    out = resample_weights(h, out_h) @ img @ resample_weights(w, out_w).T  # (out_h, h) @ (h, w) @ (w, out_w)
    peak = out.max()
    if peak > 0:
        out *= np.float32(1 / peak)
    return out


@functools.lru_cache(maxsize=256)
def resample_weights(n: int, m: int) -> np.ndarray:
    """(m, n) matrix resampling a length-n signal to length m: area averaging down, bilinear up."""
    if m == n:
        w = np.eye(n, dtype=np.float32)
    elif m < n:
        # output pixel i covers input interval [i*s, (i+1)*s); weight = overlap with pixel j, over s
        s = n / m
        edges = np.arange(m + 1) * s
        j = np.arange(n)
        overlap = np.minimum(edges[1:, None], j + 1) - np.maximum(edges[:-1, None], j)
        w = (np.clip(overlap, 0, None) / s).astype(np.float32)
    else:
        src = np.clip((np.arange(m) + 0.5) * (n / m) - 0.5, 0, n - 1)
        i0 = np.floor(src).astype(int)
        i1 = np.minimum(i0 + 1, n - 1)
        frac = (src - i0).astype(np.float32)
        w = np.zeros((m, n), np.float32)
        w[np.arange(m), i0] += 1 - frac
        w[np.arange(m), i1] += frac
    w.flags.writeable = False
    return w


def _centre(img: np.ndarray) -> np.ndarray:
    """Paste into a FIELD x FIELD canvas with the centre of mass at CENTRE (whole-pixel shift).

    The shift is clamped so the whole box stays inside the field: losing ink would be worse than a
    lopsided digit being up to a few pixels off-centre.
    """
    h, w = img.shape
    mass = float(img.sum())
    cy = float(img.sum(axis=1) @ np.arange(h)) / mass
    cx = float(img.sum(axis=0) @ np.arange(w)) / mass
    top = min(max(int(np.floor(CENTRE - cy + 0.5)), 0), FIELD - h)
    left = min(max(int(np.floor(CENTRE - cx + 0.5)), 0), FIELD - w)
    out = np.zeros((FIELD, FIELD), np.float32)
    out[top:top + h, left:left + w] = img
    return out
