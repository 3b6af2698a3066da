"""Pictures in and out of Qt for the Draw tab: image files, dropped or pasted pictures, NumPy arrays.

Files are decoded by Qt (PNG, JPEG, BMP, GIF, PGM, TIFF, WebP, ... whatever its plugins read), falling
back to the data layer's NumPy decoder. Transparent parts count as white paper, so a black digit on a
transparent background is not lost on black. Every picture is turned *ink bright* (polarity decided by the
border, as ``to_mnist`` does) because that is how the drawing pad shows ink.

Not here: cropping and centring (``mnist_gui.data.preprocess.to_mnist``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

MAX_SIDE = 1024  # larger pictures are scaled down on arrival: the network only ever sees 28 x 28


def qimage_to_array(image: QImage) -> np.ndarray:
    """Any QImage -> float32 (H, W) grayscale in [0, 1] (alpha ignored; see ``flatten_on_white``)."""
    if image.format() != QImage.Format_Grayscale8:
        image = image.convertToFormat(QImage.Format_Grayscale8)
    h, w = image.height(), image.width()
    if h == 0 or w == 0:
        return np.zeros((h, w), np.float32)
    rows = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * h)
    return rows.reshape(h, image.bytesPerLine())[:, :w].astype(np.float32) * np.float32(1 / 255)


def array_to_qimage(array: np.ndarray) -> QImage:
    """2-D array (uint8 0-255, or float in [0, 1]) -> a Grayscale8 QImage owning a copy of the pixels."""
    a = np.asarray(array)
    if a.ndim != 2 or a.size == 0:
        raise ValueError(f"expected a 2-D grayscale image, got shape {a.shape}")
    if a.dtype != np.uint8:
        a = np.clip(np.nan_to_num(a.astype(np.float32)) * 255 + 0.5, 0, 255).astype(np.uint8)
    a = np.ascontiguousarray(a)
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format_Grayscale8).copy()


def flatten_on_white(image: QImage) -> QImage:
    """Composite a picture with transparency onto white paper."""
    if not image.hasAlphaChannel():
        return image
    out = QImage(image.size(), QImage.Format_RGB32)
    out.fill(QColor(255, 255, 255))
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def ink_bright(gray: np.ndarray) -> np.ndarray:
    """Invert a dark-ink-on-light-paper picture so ink is bright; the border's median is the paper."""
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    background = float(np.median(border))
    if background - float(gray.min()) > float(gray.max()) - background:
        return np.float32(1) - gray
    return gray


def picture_from_qimage(image: QImage) -> np.ndarray:
    """A decoded picture -> float32 (H, W) in [0, 1], ink bright, at most MAX_SIDE on its longer side."""
    if image.width() > MAX_SIDE or image.height() > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    return ink_bright(qimage_to_array(flatten_on_white(image)))


def read_picture(path) -> np.ndarray:
    """Decode an image file for the pad. Raises ValueError with a message a person can act on."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path.name}: no such file")
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # honour a photo's EXIF orientation
    image = reader.read()
    if not image.isNull():
        return picture_from_qimage(image)
    qt_reason = reader.errorString()
    try:
        from mnist_gui.data.images import load_image

        gray = np.asarray(load_image(path), dtype=np.float32)
    except (ValueError, OSError):  # Qt's reason is the more useful one to show
        raise ValueError(f"{path.name} is not a picture this app can read ({qt_reason.lower()})") from None
    if gray.ndim != 2 or gray.size == 0:
        raise ValueError(f"{path.name} is not a picture this app can read")
    return picture_from_qimage(array_to_qimage(gray))


def picture_from_mime(mime: QMimeData) -> np.ndarray | None:
    """A dropped or pasted picture: image data first, else the first local file. None if neither.

    Raises ValueError (from ``read_picture``) when the file is not a readable picture.
    """
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return picture_from_qimage(image)
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            return read_picture(url.toLocalFile())
    return None


def mime_has_picture(mime: QMimeData) -> bool:
    return mime.hasImage() or any(url.isLocalFile() for url in (mime.urls() if mime.hasUrls() else []))
