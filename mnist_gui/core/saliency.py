"""Which pixels drove the decision: an occlusion map for a 28x28 input, NumPy only (no Qt).

Occlusion (Zeiler & Fergus, 2014) asks the model directly: blank out a small square of the input, and see
how much the probability of the predicted class drops. Squares whose removal hurts are evidence *for* the
class; squares whose removal helps were evidence *against* it. Unlike gradients it needs nothing but
``model.predict``, so it works for any model, and all patches go through the network in one batch
(169 images for 4x4 patches with stride 2: a few milliseconds for an MLP).

Each pixel gets the average change over the patches covering it, weighted by its own ink, so the map
lives on the strokes: blanking empty background changes nothing, and it is the ink that is being judged.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.core.inference import classify_batch

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
