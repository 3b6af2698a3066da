"""Pictures into the Draw tab: image files, dropped or pasted pictures, as the pixels the core reads.

Files are decoded by ``mnist_gui.ui.decode`` exactly as ``mnist-gui predict`` decodes them (EXIF
orientation, size checked from the header, big photos decoded small, SVG refused), so the tab and the
command line read the same file the same way. Image data on the clipboard or in a drop is already
decoded by Qt and only brought to the same working size. Which part is paper and which is ink is then
decided once, for the window and the command line alike, by ``mnist_gui.core.pictures.picture_to_ink``.

Not here: decoding (``mnist_gui.ui.decode``), the paper and the digits (``mnist_gui.core``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage

from mnist_gui.ui.decode import decode_file, qimage_pixels


def read_picture(path) -> np.ndarray:
    """Decode an image file into pixels (gray or RGBA). Raises ValueError with a message a person can act on."""
    pixels, _ = decode_file(Path(path))
    return pixels


def picture_from_mime(mime: QMimeData) -> np.ndarray | None:
    """A dropped or pasted picture's pixels: image data first, else the first local file. None if neither.

    Raises ValueError (from ``read_picture``) when the file is not a readable picture.
    """
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return qimage_pixels(image)
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            return read_picture(url.toLocalFile())
    return None


def mime_has_picture(mime: QMimeData) -> bool:
    return mime.hasImage() or any(url.isLocalFile() for url in (mime.urls() if mime.hasUrls() else []))
