"""Pictures as people take them, through the one pipeline (Qt's decoder, the core's paper and digits):
phone photos of MNIST digits and numbers saved as JPEG read within two points of the same digits clean;
every format a phone or a browser hands over is read; bad pictures give a clear message or a sensible
reading, never a freeze; the Draw tab and ``mnist-gui predict`` give the same answers for the same files.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageWriter, QPainter, QPen

from mnist_gui import cli
from mnist_gui.core.paths import resource_path
from mnist_gui.core.reading import read_picture
from mnist_gui.nn import load_model
from mnist_gui.ui.decode import decode_bytes, decode_file
from mnist_gui.ui.draw.tab import DrawTab

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
import photo_set  # noqa: E402

MODEL = resource_path("models", "default.npz")


@pytest.fixture(scope="module")
def model():
    return load_model(MODEL)


def rgb_qimage(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb)
    return QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format_RGB888).copy()


def jpeg_bytes(rgb: np.ndarray, quality: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    assert rgb_qimage(rgb).save(buffer, "JPG", quality)
    return bytes(data)


def read_bytes(model, data: bytes):
    return read_picture(model, *decode_bytes(data))


def test_phone_photos_as_jpeg_read_within_two_points_of_the_clean_digits(dataset, model):
    rng = np.random.default_rng(2024)
    picks = rng.choice(len(dataset.x_test), 200, replace=False)
    clean = photo = 0
    for i in picks:
        ink = np.pad(dataset.x_test[i].astype(np.float32) / 255, 4)
        label = str(dataset.y_test[i])
        clean += read_picture(model, photo_set.clean_picture(ink)).text() == label
        photo += read_bytes(model, jpeg_bytes(photo_set.photo(ink, rng), int(rng.integers(60, 91)))).text() == label
    print(f"\nsingle digits: clean {clean / 200:.1%}, photos {photo / 200:.1%}")
    assert clean >= 190, "the clean pictures read as the network reads MNIST"
    assert photo >= clean - 4, f"photos {photo} of 200 against {clean} clean"


def test_numbers_photographed_read_almost_as_well_as_clean(dataset, model):
    rng = np.random.default_rng(77)
    clean = photo = 0
    for _ in range(50):
        ids = rng.choice(len(dataset.x_test), int(rng.integers(2, 6)), replace=False)
        text = "".join(str(dataset.y_test[i]) for i in ids)
        ink = photo_set.number_ink([dataset.x_test[i] for i in ids], rng)
        clean += read_picture(model, photo_set.clean_picture(ink)).text() == text
        photo += read_bytes(model, jpeg_bytes(photo_set.photo(ink, rng), int(rng.integers(60, 91)))).text() == text
    print(f"\nnumbers: clean {clean / 50:.0%}, photos {photo / 50:.0%}")
    assert clean >= 45 and photo >= clean - 6


def one_on_white(width=300, height=400, colour="black") -> QImage:
    image = QImage(width, height, QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor(colour), 24, Qt.SolidLine, Qt.RoundCap))
    painter.drawLine(width // 2, 60, width // 2, height - 60)
    painter.end()
    return image


def test_an_exif_turned_photo_is_read_upright(tmp_path, model):
    seven = QImage(400, 300, QImage.Format_RGB32)  # a 7 lying on its side, as the camera stored it
    seven.fill(QColor("white"))
    painter = QPainter(seven)
    painter.setPen(QPen(QColor("black"), 22, Qt.SolidLine, Qt.RoundCap))
    painter.drawLine(80, 60, 80, 240)  # the 7's bar, turned a quarter anticlockwise
    painter.drawLine(80, 60, 330, 150)  # its stem, from the bar's right end (at the top here)
    painter.end()
    path = tmp_path / "turned.jpg"
    writer = QImageWriter(str(path), b"jpg")
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(seven)
    pixels, size = decode_file(path)
    assert size == (300, 400) and pixels.shape[:2] == (400, 300), "upright: taller than wide"
    assert read_picture(model, pixels, size).text() == "7"


def gif_bytes(frames: list[np.ndarray]) -> bytes:
    """An animated GIF of 0/1 frames (1 = black), LZW with a clear code before every pixel so codes stay 3 bits."""
    h, w = frames[0].shape
    out = bytearray(b"GIF89a" + struct.pack("<HHBBB", w, h, 0x80, 0, 0) + b"\xff\xff\xff\x00\x00\x00")
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    for frame in frames:
        out += b"\x21\xf9\x04\x00\x0a\x00\x00\x00" + b"\x2c" + struct.pack("<HHHHB", 0, 0, w, h, 0)
        bits, n = 0, 0
        codes = [c for p in frame.ravel() for c in (4, int(p))] + [5]
        data = bytearray()
        for code in codes:
            bits |= code << n
            n += 3
            while n >= 8:
                data.append(bits & 0xFF)
                bits >>= 8
                n -= 8
        if n:
            data.append(bits)
        out += b"\x02" + b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255] for i in range(0, len(data), 255))
        out += b"\x00"
    return bytes(out + b"\x3b")


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data)


def test_every_kind_of_picture_people_have_is_read(model):
    one = np.zeros((60, 40), int)
    one[10:50, 17:23] = 1
    zero = np.zeros((60, 40), int)
    zero[10:50, 8:32], zero[16:44, 14:26] = 1, 0
    assert read_bytes(model, gif_bytes([one, zero])).text() == "1", "an animated GIF: its first frame"
    cmyk = one_on_white().convertToFormat(QImage.Format_CMYK8888)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    assert cmyk.save(buffer, "JPG", 90)
    assert read_bytes(model, bytes(data)).text() == "1", "a CMYK JPEG"
    for fmt in (QImage.Format_Grayscale16, QImage.Format_RGBA64, QImage.Format_Indexed8, QImage.Format_Mono):
        assert read_bytes(model, png_bytes(one_on_white().convertToFormat(fmt))).text() == "1", fmt
    clear = QImage(240, 300, QImage.Format_ARGB32)
    clear.fill(Qt.transparent)
    painter = QPainter(clear)
    painter.setPen(QPen(QColor("black"), 22, Qt.SolidLine, Qt.RoundCap))
    painter.drawLine(120, 50, 120, 250)
    painter.end()
    assert read_bytes(model, png_bytes(clear)).text() == "1", "a transparent PNG: paper is white"
    for fmt in ("BMP", "TIFF", "PPM", "WEBP"):
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        if one_on_white().convertToFormat(QImage.Format_RGB32).save(buffer, fmt):
            assert read_bytes(model, bytes(data)).text() == "1", fmt


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                  + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((c, c - 1) + (c - 1,) * 7)
                             for c in range(ord("c"), ord("k")))
                  + b']><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text>&j;</text></svg>')


def test_bad_pictures_give_a_clear_message_never_a_freeze(tmp_path, model, qtbot):
    svg = tmp_path / "laughs.svg"
    svg.write_bytes(BILLION_LAUGHS)
    with pytest.raises(ValueError, match="SVG"):
        decode_file(svg)
    tab = DrawTab()
    qtbot.addWidget(tab)
    assert not tab.open_file(svg) and "export it as PNG" in tab.status.text()
    strip = tmp_path / "strip.png"
    assert QImage(20000, 100, QImage.Format_Grayscale8).save(str(strip))
    with pytest.raises(ValueError, match="16384"):
        decode_file(strip)
    huge = tmp_path / "huge.png"  # 8000 x 6000: 48 megapixels, refused from the header
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", 8000, 6000, 8, 0, 0, 0, 0)
    idat = b"IDAT" + zlib.compress(b"\x00" * 8001)
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + b"".join(struct.pack(">I", len(c) - 4) + c + struct.pack(">I", zlib.crc32(c))
                                                    for c in (ihdr, idat, b"IEND")))
    with pytest.raises(ValueError, match="megapixel"):
        decode_file(huge)
    dot = QImage(1, 1, QImage.Format_RGB32)
    dot.fill(QColor("black"))
    assert read_bytes(model, png_bytes(dot)).blank, "a 1 x 1 picture is blank"
    black = QImage(300, 200, QImage.Format_RGB32)
    black.fill(QColor("black"))
    assert read_bytes(model, png_bytes(black)).blank, "a picture all ink has no digit on it"
    (tmp_path / "words.png").write_bytes(b"not a picture at all")
    with pytest.raises(ValueError, match="not a picture"):
        decode_file(tmp_path / "words.png")


def test_the_draw_tab_and_predict_agree_on_the_same_files(dataset, model, tmp_path, qtbot, capsys):
    rng = np.random.default_rng(5)
    paths = []
    for k in range(12):
        ids = rng.choice(len(dataset.x_test), 1 if k < 8 else int(rng.integers(2, 5)), replace=False)
        ink = photo_set.number_ink([dataset.x_test[i] for i in ids], rng)
        paths.append(tmp_path / f"photo-{k}.jpg")
        paths[-1].write_bytes(jpeg_bytes(photo_set.photo(ink, rng), 80))
    capsys.readouterr()
    assert cli.main(["predict", str(MODEL), *map(str, paths), "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)["predictions"]
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.set_model(model)
    agree = 0
    for path, answer in zip(paths, answers):
        assert tab.open_file(path)
        tab.update_prediction()
        agree += tab.reading().text() == answer["text"]
    assert agree >= 11, f"{agree} of 12 read the same in the tab and from the command line"


def test_a_twelve_megapixel_photo_of_a_number_is_read_from_a_small_decode(dataset, model):
    rng = np.random.default_rng(5)
    ids = [int(np.flatnonzero(dataset.y_test == d)[0]) for d in (2, 0, 7, 4)]
    ink = photo_set.number_ink([dataset.x_test[i] for i in ids], rng)
    pixels, size = decode_bytes(jpeg_bytes(photo_set.photo(ink, rng, size=(3024, 4032)), 85))
    assert size == (4032, 3024), "the photo's own size is reported"
    assert max(pixels.shape[:2]) <= 400, "a phone photo is decoded small: most of its time is the decode"
    reading = read_picture(model, pixels, size)
    assert reading.text() == "2074"
    assert all(d.box[0] + d.box[2] <= 4032 and d.box[1] + d.box[3] <= 3024 for d in reading.digits)
    assert max(d.box[3] for d in reading.digits) > 300, "boxes are in the photo's pixels"
