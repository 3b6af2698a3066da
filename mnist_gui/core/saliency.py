"""Which pixels drove the decision: an occlusion map for a 28x28 input, NumPy only (no Qt).

Occlusion (Zeiler & Fergus, 2014) asks the model directly: blank out a small square of the input, and see
how much the probability of the predicted class drops. Squares whose removal hurts are evidence *for* the
class; squares whose removal helps were evidence *against* it. Unlike gradients it needs nothing but
``model.predict``, so it works for any model, and all patches go through the network in one batch
(169 images for 4x4 patches with stride 2: a few milliseconds for an MLP).

Each pixel gets the average change over the patches covering it, weighted by its own ink, so the map
lives on the strokes: blanking empty background changes nothing, and it is the ink that is being judged.
``heat_on_ink`` carries such a map back from the 28x28 input to the ink it was made from (the Draw tab
shows it over the big pad).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.core.inference import classify_batch
from mnist_gui.data.preprocess import INK_THRESHOLD, as_gray, extract_ink, resample_weights

PATCH = 4
STRIDE = 2


def _patch_masks(size: int, patch: int, stride: int) -> np.ndarray:
    """(P, size) float32: row ``p`` is 1 on the pixels that patch position ``p`` covers along one axis."""
    starts = np.arange(0, size - patch + 1, stride)
    pixels = np.arange(size)
    return ((pixels >= starts[:, None]) & (pixels < starts[:, None] + patch)).astype(np.float32)


def occlusion_map(model, x: np.ndarray, target: int | None = None, patch: int = PATCH,
                  stride: int = STRIDE) -> np.ndarray:
    """Evidence map for class ``target`` (default: the predicted class) of one input ``x`` (28, 28) in [0, 1].

    Returns float32 (28, 28): positive where the ink supports the class, negative where it speaks
    against it, scaled so the largest magnitude is 1 (all zeros if nothing matters).
    """
    x = np.asarray(x, dtype=np.float32)
    h, w = x.shape
    rows, cols = _patch_masks(h, patch, stride), _patch_masks(w, patch, stride)  # (R, h), (C, w)
    covered = rows[:, None, :, None] * cols[None, :, None, :]  # (R, C, h, w)
    occluded = (x * (1 - covered)).reshape(-1, h, w)  # (R*C, h, w)
    batch = np.concatenate([x[None], occluded])
    probs = classify_batch(model, batch)
    if target is None:
        target = int(np.argmax(probs[0]))
    drop = (probs[0, target] - probs[1:, target]).reshape(len(rows), len(cols))  # (R, C)
    total = np.einsum("ab,ah,bw->hw", drop, rows, cols)
    count = np.einsum("ah,bw->hw", rows, cols)
    heat = total / np.maximum(count, 1) * x
    peak = float(np.abs(heat).max())
    return (heat / peak).astype(np.float32) if peak > 0 else np.zeros_like(x)


def heat_on_ink(heat: np.ndarray, x: np.ndarray, ink: np.ndarray):
    """Carry a map of the network input back onto the ink it was made from.

    ``heat`` (28, 28) is a map of ``x``, the input ``to_mnist`` made of one digit's ``ink`` (float32 (H, W),
    bright, black around it, as ``core.numbers`` cuts digits; the pad's drawing of a single digit). ``to_mnist``
    cropped the ink to its box, scaled that box to ``x``'s inked rectangle and shifted it; this undoes the
    three. Returns ``(map, box)``: the map over the crop box at the ink's resolution (float32 (h, w) in
    [-1, 1], bilinear between the input's pixels, kept on the ink's strokes) and the box ``(x, y, w, h)`` in
    the ink's pixels; None when there is no ink to carry it to.
    """
    gray = extract_ink(as_gray(ink))
    placed = np.argwhere(np.asarray(x) > 0)
    if gray is None or not len(placed):
        return None
    rows = np.flatnonzero((gray > INK_THRESHOLD).any(axis=1))
    cols = np.flatnonzero((gray > INK_THRESHOLD).any(axis=0))
    y0, x0, h, w = rows[0], cols[0], rows[-1] + 1 - rows[0], cols[-1] + 1 - cols[0]
    (top, left), (bottom, right) = placed.min(axis=0), placed.max(axis=0) + 1
    small = np.asarray(heat, np.float32)[top:bottom, left:right]  # the input's inked rectangle
    big = resample_weights(small.shape[0], h) @ small @ resample_weights(small.shape[1], w).T  # (h, w)
    big *= gray[y0:y0 + h, x0:x0 + w]
    peak = float(np.abs(big).max())
    if peak > 0:
        big /= peak
    return big.astype(np.float32), (int(x0), int(y0), int(w), int(h))
