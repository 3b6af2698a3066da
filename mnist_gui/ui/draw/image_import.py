"""Pictures into the Draw tab: image files, dropped or pasted pictures, as the pixels the core reads.

Files are decoded by ``mnist_gui.ui.decode`` exactly as ``mnist-gui predict`` decodes them (EXIF
orientation, size checked from the header, big photos decoded small, SVG refused), so the tab and the
command line read the same file the same way. Image data on the clipboard or in a drop is already
decoded by Qt and only brought to the same working size. Which part is paper and which is ink is then
decided once, for the window and the command line alike, by ``mnist_gui.core.pictures.picture_to_ink``.
``PictureInput`` is the tab's side: File > Open, paste, drag and drop.

Not here: decoding (``mnist_gui.ui.decode``), the paper and the digits (``mnist_gui.core``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QImage

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.ui.decode import decode_file, qimage_pixels
from mnist_gui.ui.widgets.dialog_folders import folders_for


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


CROP_HINT = QT_TR_NOOP("Drag a rectangle on it to choose what is read (a click reads it all); "
                       "turn Crop off to draw on it.")
IMAGE_FILTER = QT_TR_NOOP("Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.pbm *.ppm *.tif *.tiff *.webp);;"
                          "All files (*)")


class PictureInput:
    """The Draw tab's doors for pictures: File > Open, paste, drag and drop. A mixin of ``DrawTab``, which
    has ``_show_picture(picture, message)`` and ``_say(text, error)``; what it shows is said there."""

    def open_file(self, path) -> bool:
        """Show the picture in ``path``; on failure say why and leave the canvas unchanged."""
        try:
            picture = read_picture(path)
        except ValueError as exc:
            self._say(tr("Could not open it: {reason}. The canvas is unchanged.").format(reason=exc), error=True)
            return False
        self._show_picture(picture, tr("Showing {name}. {crop_hint} Undo brings back what was there.").format(
            name=Path(path).name, crop_hint=tr(CROP_HINT)))
        return True

    def paste(self) -> bool:
        return self._take_mime(QGuiApplication.clipboard().mimeData(), tr("The clipboard holds no picture."))

    def dragEnterEvent(self, event) -> None:
        if mime_has_picture(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self._take_mime(event.mimeData(), tr("That was not a picture.")):
            event.acceptProposedAction()

    def _take_mime(self, mime, nothing: str) -> bool:
        try:
            picture = picture_from_mime(mime) if mime is not None else None
        except ValueError as exc:
            self._say(tr("Could not open it: {reason}. The canvas is unchanged.").format(reason=exc), error=True)
            return False
        if picture is None:
            self._say(nothing, error=True)
            return False
        self._show_picture(picture, tr("Showing the picture. {crop_hint} Undo brings back what was there.").format(
            crop_hint=tr(CROP_HINT)))
        return True

    def _on_open(self) -> None:
        path = folders_for(self).open_file(self, "picture", tr("Open a picture of a digit"), tr(IMAGE_FILTER))
        if path:
            self.open_file(path)
