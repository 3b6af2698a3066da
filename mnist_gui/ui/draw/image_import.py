"""Pictures into the Draw tab: image files, dropped or pasted pictures, each turned into ink for the pad.

Qt decodes (PNG, JPEG, BMP, GIF, PGM, TIFF, WebP, ... whatever its plugins read, a photo turned upright by
its EXIF orientation), falling back to the data layer's NumPy decoder. What Qt hands over is read as raw
RGBA samples (``qimage_to_rgba``): Qt neither converts to gray nor composites transparency, because which
part is paper and which is ink is decided once, for the window and the command line alike, by
``mnist_gui.core.pictures.picture_to_ink`` (gray by ``data.gray``, then ``data.preprocess.extract_ink``).
The pad therefore shows every picture as bright ink on black paper, the paper's own shade subtracted.

Not here: cropping and centring (``mnist_gui.data.preprocess.to_mnist``), gray <-> QImage
(``mnist_gui.ui.widgets.qimages``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage, QImageReader

from mnist_gui.core.pictures import picture_to_ink
from mnist_gui.ui.widgets.qimages import qimage_to_rgba

MAX_SIDE = 1024  # larger pictures are scaled down on arrival: the network only ever sees 28 x 28


def picture_from_qimage(image: QImage) -> np.ndarray:
    """A decoded picture -> float32 (H, W) ink in [0, 1] on black paper, at most MAX_SIDE a side."""
    if image.width() > MAX_SIDE or image.height() > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    return picture_to_ink(qimage_to_rgba(image))


def read_picture(path) -> np.ndarray:
    """Decode an image file into ink for the pad. Raises ValueError with a message a person can act on."""
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
    return picture_to_ink(gray)  # the canvas scales it to MAX_SIDE


def picture_from_mime(mime: QMimeData) -> np.ndarray | None:
    """A dropped or pasted picture as ink: image data first, else the first local file. None if neither.

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
