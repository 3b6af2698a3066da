"""NumPy arrays in and out of QImage: the one gray array -> QImage conversion, and the two ways back.

``gray_to_qimage`` is how every tab shows a grayscale array (Dataset thumbnails' detail and mean images,
the Draw tab's canvas, its network view and My digits). ``qimage_to_array`` reads a gray QImage back
(the drawing pad's own canvas). ``qimage_to_rgba`` reads a decoded picture as its RGBA samples, with no
gray conversion and no compositing by Qt, so that colour, transparency and ink are decided by the rule
the command line uses too (``mnist_gui.core.pictures.picture_to_ink``).

Not here: which pixels are ink (``mnist_gui.core.pictures``) and reading files (``ui.draw.image_import``).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def gray_to_qimage(array) -> QImage:
    """2-D array (uint8 0-255, or float in [0, 1]) -> a Grayscale8 QImage owning a copy of the pixels."""
    a = np.asarray(array)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"expected a 2-D grayscale image, got shape {a.shape}")
    if a.dtype != np.uint8:
        a = np.clip(np.nan_to_num(a.astype(np.float32)) * 255 + 0.5, 0, 255).astype(np.uint8)
    a = np.ascontiguousarray(a)
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format_Grayscale8).copy()


def _rows(image: QImage, channels: int) -> np.ndarray:
    """The pixel bytes of a 1-byte-per-channel QImage, (H, W * channels), without the row padding."""
    h, w = image.height(), image.width()
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return rows.reshape(h, image.bytesPerLine())[:, :w * channels]


def qimage_to_array(image: QImage) -> np.ndarray:
    """A gray QImage (the pad's canvas: Grayscale8, or RGB32 with equal channels) -> float32 (H, W) in
    [0, 1]. Pictures from outside go through ``qimage_to_rgba`` instead, so Qt decides nothing."""
    if image.format() != QImage.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format_Grayscale8)
    if image.height() == 0 or image.width() == 0:
        return np.zeros((image.height(), image.width()), np.float32)
    return _rows(image, 1).astype(np.float32) * np.float32(1 / 255)


def qimage_to_rgba(image: QImage) -> np.ndarray:
    """Any decoded QImage -> uint8 (H, W, 4) RGBA samples, alpha not premultiplied (a copy)."""
    if image.format() != QImage.Format_RGBA8888:
        image = image.convertToFormat(QImage.Format_RGBA8888)
    h, w = image.height(), image.width()
    if h == 0 or w == 0:
        return np.zeros((h, w, 4), np.uint8)
    return _rows(image, 4).reshape(h, w, 4).copy()
