"""The one rule for turning colour into gray and transparency into paper, shared by the image decoders
(``images``), ``to_mnist`` (``preprocess``) and, through ``mnist_gui.core.pictures``, the Draw tab.

Colour -> gray uses the ITU-R BT.601 luma weights, as most image libraries do. Transparent parts are
composited onto white paper, so a black digit drawn on a transparent canvas is not lost on black.
NumPy only; every function takes and returns float32 in [0, 1].
"""

from __future__ import annotations

import numpy as np

LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def luma(rgb: np.ndarray) -> np.ndarray:
    """(..., 3) colour in [0, 1] -> (...) gray, float32."""
    return np.asarray(rgb, dtype=np.float32) @ LUMA


def on_white(gray: np.ndarray, alpha: np.ndarray | None) -> np.ndarray:
    """Composite gray with an alpha channel (both in [0, 1]) onto white paper; no alpha returns gray."""
    if alpha is None:
        return gray
    return gray * alpha + (1 - alpha)


def channels_to_gray(pixels: np.ndarray) -> np.ndarray:
    """(H, W, C) in [0, 1], C = 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA) -> (H, W) gray on white."""
    n = pixels.shape[2]
    alpha = pixels[..., -1] if n in (2, 4) else None
    gray = pixels[..., 0] if n <= 2 else luma(pixels[..., :3])
    return np.ascontiguousarray(on_white(gray, alpha), dtype=np.float32)
