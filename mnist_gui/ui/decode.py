"""Decoding picture files with Qt, for the Draw tab and ``mnist-gui predict`` alike: ``decode_file``.

QtGui alone (no QApplication needed) reads what people have: JPEG (turned upright by its EXIF
orientation; CMYK too), PNG (16-bit, palette, transparent, interlaced), GIF (the first frame of an
animation), BMP (RLE too), TIFF, WebP, PGM/PPM. The pipeline after it is the core layer's and Qt-free;
this module hands it an array and the picture's size:

* The file is read whole under the data layer's rules (``read_regular``: a regular file, at most
  ``MAX_PICTURE_FILE_BYTES``), and its format is recognised from its first bytes, not its name. Only
  raster formats are read: an SVG is a program more than a picture (one that expands entities without
  end can hang the reader), so it is refused with a hint to export it as PNG.
* The size is read from the header and checked by ``mnist_gui.data.limits.check_pixels`` before any
  pixel is decoded. A picture over the limit is refused, never handed to another decoder.
* A big picture is decoded at a reduced size (``QImageReader.setScaledSize``): a JPEG is then decoded
  at 1/2, 1/4 or 1/8 scale by the codec itself, which costs a fraction of a full decode. The working
  size is at least ``MIN_SIDE`` and at most ``mnist_gui.core.pictures.WORK_SIDE`` on the long side,
  except for a phone photo (``PHOTO_SIDE``): its JPEG is decoded at 1/8 and brought to ``PHOTO_SIDE``,
  since entropy decoding alone takes ~20 ms of the 30 ms a 12-megapixel picture may take, and the
  paper is then taken away from 2.6 times fewer pixels. 384 px still leaves a row of 20 digits ~19 px
  each, about what ``to_mnist`` makes of them.
* Pixels come back as uint8 RGBA samples (``qimage_to_rgba``), or gray for gray pictures, never
  composited or converted to gray by Qt: paper and ink are the core's business.

Not here: what is ink (``mnist_gui.core.pictures``), the fallback decoders without Qt
(``mnist_gui.data.images``), pictures from the clipboard (``ui.draw.image_import``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.core.pictures import WORK_SIDE
from mnist_gui.data.limits import MAX_PICTURE_FILE_BYTES, check_pixels
from mnist_gui.data.regular_files import read_regular
from mnist_gui.ui.widgets.qimages import qimage_to_array, qimage_to_rgba

MIN_SIDE = 480  # a big JPEG is decoded at the smallest codec scale keeping at least this on the long side
PHOTO_SIDE = 384  # ... but a phone photo (8 x this or more) at this: 19 px a digit for 20 across; decode is the cost
FORMATS = QT_TR_NOOP("PNG, JPEG, GIF, BMP, TIFF, WebP, PGM or PPM")
_GRAY = (QImage.Format_Grayscale8, QImage.Format_Grayscale16, QImage.Format_Mono, QImage.Format_MonoLSB)


def sniff(data: bytes) -> str | None:
    """The raster format of a file from its first bytes (Qt's plugin name), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data.startswith(b"BM"):
        return "bmp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if len(data) > 2 and data[0:1] == b"P" and data[1:2] in b"123456" and data[2:3].isspace():
        return {b"1": "pbm", b"4": "pbm", b"2": "pgm", b"5": "pgm"}.get(data[1:2], "ppm")
    return None


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"\x1f\x8b") or b"<svg" in head or (head.startswith(b"<?xml") and b"svg" in head)


def decode_file(path) -> tuple[np.ndarray, tuple[int, int]]:
    """A picture file -> (its pixels (``qimage_pixels``), at most WORK_SIDE a side; the picture's own
    (width, height), upright). Raises ValueError with a message a person can act on."""
    path = Path(path)
    if not path.exists():
        raise ValueError(tr("{name}: no such file").format(name=path.name))
    try:
        data = read_regular(path, MAX_PICTURE_FILE_BYTES, "a picture")
    except OSError as exc:
        raise ValueError(f"{path.name}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ValueError(str(exc).replace(str(path), path.name)) from None
    return decode_bytes(data, path.name)


def decode_bytes(data: bytes, name: str | None = None) -> tuple[np.ndarray, tuple[int, int]]:
    """The bytes of a picture file -> as ``decode_file``; ``name`` (default "the picture") in the messages."""
    if name is None:
        name = tr("the picture")
    kind = sniff(data)
    if kind is None:
        if not data:
            raise ValueError(tr("{name} is empty").format(name=name))
        if _looks_like_svg(data):
            raise ValueError(tr("{name} is an SVG drawing, which is not read as a picture: export it as PNG").format(
                name=name))
        raise ValueError(tr("{name} is not a picture this app can read ({reason})").format(name=name,
                                                                                          reason=tr(FORMATS)))
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer, kind.encode())
    try:
        return _read(reader, name, kind)
    finally:
        # the reader before its device: Qt's TIFF handler closes its file on the buffer when it goes
        del reader
        buffer.close()


def _read(reader: QImageReader, name: str, kind: str) -> tuple[np.ndarray, tuple[int, int]]:
    reader.setDecideFormatFromContent(False)
    reader.setAutoTransform(True)  # a photo upright by its EXIF orientation
    size = reader.size()  # from the header: nothing decoded yet
    if not size.isValid() or size.isEmpty():
        raise ValueError(tr("{name} is not a picture this app can read ({reason})").format(name=name,
                                                                                          reason=_reason(reader)))
    try:
        check_pixels(size.width(), size.height())
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None
    target = decode_size(size.width(), size.height(), kind)
    if target != (size.width(), size.height()):
        reader.setScaledSize(QSize(*target))
    image = reader.read()
    if image.isNull():
        raise ValueError(tr("{name} is not a picture this app can read ({reason})").format(name=name,
                                                                                          reason=_reason(reader)))
    return qimage_pixels(image), (size.width(), size.height())  # with autoTransform, already upright


def decode_size(width: int, height: int, kind: str) -> tuple[int, int]:
    """The size to decode a ``width`` x ``height`` picture at: at most WORK_SIDE on the long side, and for a
    JPEG the smallest of the codec's own scales (1/2, 1/4, 1/8) keeping MIN_SIDE, which is nearly free."""
    long = max(width, height)
    if long <= WORK_SIDE:
        return width, height
    if kind == "jpeg" and long >= 8 * PHOTO_SIDE:  # the codec's 1/8 scale, then a small smooth scaling
        scale = PHOTO_SIDE / long
        return max(int(round(width * scale)), 1), max(int(round(height * scale)), 1)
    if kind == "jpeg":
        for k in (8, 4, 2):
            if long / k >= MIN_SIDE and long / k <= WORK_SIDE:
                return max(-(-width // k), 1), max(-(-height // k), 1)
    scale = WORK_SIDE / long
    return max(int(round(width * scale)), 1), max(int(round(height * scale)), 1)


def qimage_pixels(image: QImage) -> np.ndarray:
    """A decoded QImage -> gray (H, W) float32 in [0, 1] for gray pictures, else uint8 RGBA (H, W, 4); at
    most WORK_SIDE a side."""
    if max(image.width(), image.height()) > WORK_SIDE:
        image = image.scaled(WORK_SIDE, WORK_SIDE, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    if image.format() in _GRAY:
        return qimage_to_array(image)
    return qimage_to_rgba(image)


def _reason(reader: QImageReader) -> str:
    text = reader.errorString().strip().rstrip(".")
    return text[0].lower() + text[1:] if text else tr("unreadable")
