"""Picture -> answer: the time from a 12-megapixel JPEG to its reading, and how well photos read.

Prints (1) the time of each stage for a 4032 x 3024 phone photo of a digit saved as JPEG (quality 90):
reading the file and decoding it with Qt at the codec's reduced scale (``mnist_gui.ui.decode``), the
paper taken away (``core.pictures.picture_to_ink``), the digits cut and read (``core.reading.read_ink``);
target: at most 30 ms in all. (2) Accuracy of single MNIST test digits, clean (dark on white, 3x) and as
synthetic phone photos (uneven grey or cream paper, shadows, ruled lines, blur, noise, JPEG quality
60-90; ``tests/core/photo_set.py``); target: photos within two points of clean. (3) The same for numbers
of 2-5 digits side by side (the whole string exact); target: clean at least 90%.

Usage: python benchmarks/picture_pipeline.py [--digits 500] [--numbers 200] [--repeats 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

import photo_set  # noqa: E402

from benchmarks._common import load_data, machine_line  # noqa: E402


def jpeg_bytes(rgb: np.ndarray, quality: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    rgb = np.ascontiguousarray(rgb)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    QImage(rgb.data, rgb.shape[1], rgb.shape[0], 3 * rgb.shape[1], QImage.Format_RGB888).save(buffer, "JPG", quality)
    return bytes(data)


def timed(fn, repeats: int):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def big_jpeg(model, x_test, y_test, repeats: int) -> None:
    from mnist_gui.core.pictures import picture_to_ink
    from mnist_gui.core.reading import read_ink, read_picture
    from mnist_gui.ui.decode import decode_file

    rng = np.random.default_rng(12)
    i = int(np.flatnonzero(y_test == 4)[0])
    rgb = photo_set.photo(np.pad(x_test[i] / 255, 4).astype(np.float32), rng, lines=True, size=(3024, 4032))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "phone.jpg"
        path.write_bytes(jpeg_bytes(rgb, 90))
        size_mb = path.stat().st_size / 1e6
        decode_file(path)  # Qt loads its JPEG plugin on first use
        decode_ms, (pixels, size) = timed(lambda: decode_file(path), repeats)
        ink_ms, ink = timed(lambda: picture_to_ink(pixels), repeats)
        read_ms, reading = timed(lambda: read_ink(model, ink), repeats)
        total_ms, reading = timed(lambda: read_picture(model, *decode_file(path)), repeats)
    print(f"12-megapixel JPEG ({size[0]} x {size[1]}, {size_mb:.1f} MB, quality 90), median of {repeats}:")
    print(f"  read + decode at {pixels.shape[1]} x {pixels.shape[0]}:  {decode_ms:6.1f} ms")
    print(f"  paper taken away:               {ink_ms:6.1f} ms")
    print(f"  digits cut and read:            {read_ms:6.1f} ms")
    print(f"  picture -> answer, in all:      {total_ms:6.1f} ms   (target <= 30 ms)   answer: {reading.text()!r}")


def accuracy(model, x_test, y_test, digits: int, numbers: int) -> None:
    from mnist_gui.core.reading import read_picture
    from mnist_gui.ui.decode import decode_bytes

    rng = np.random.default_rng(2024)
    clean = photo = 0
    for i in rng.choice(len(x_test), digits, replace=False):
        ink = np.pad(x_test[i].astype(np.float32) / 255, 4)
        label = str(y_test[i])
        clean += read_picture(model, photo_set.clean_picture(ink)).text() == label
        data = jpeg_bytes(photo_set.photo(ink, rng), int(rng.integers(60, 91)))
        photo += read_picture(model, *decode_bytes(data)).text() == label
    print(f"single digits ({digits}): clean {clean / digits:.1%}, photos {photo / digits:.1%} "
          f"({(photo - clean) / digits * 100:+.1f} points; target within 2)")
    for name, gap in (("spaced", (0.15, 0.45)), ("touching", (-0.15, -0.05))):
        clean = photo = 0
        for _ in range(numbers):
            ids = rng.choice(len(x_test), int(rng.integers(2, 6)), replace=False)
            text = "".join(str(y_test[i]) for i in ids)
            ink = photo_set.number_ink([x_test[i] for i in ids], rng, gap)
            clean += read_picture(model, photo_set.clean_picture(ink)).text() == text
            data = jpeg_bytes(photo_set.photo(ink, rng), int(rng.integers(60, 91)))
            photo += read_picture(model, *decode_bytes(data)).text() == text
        print(f"numbers of 2-5 digits, {name} ({numbers}), read exactly: clean {clean / numbers:.1%}, "
              f"photos {photo / numbers:.1%}" + ("   (target: clean >= 90%)" if name == "spaced" else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=500)
    parser.add_argument("--numbers", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    import mnist_gui.ui  # noqa: F401 - the PySide6 guard, before any Qt call
    from mnist_gui.core.paths import resource_path
    from mnist_gui.nn import load_model

    print(machine_line())
    model = load_model(resource_path("models", "default.npz"))
    (_, _), (x_test, y_test) = load_data()
    big_jpeg(model, x_test, y_test, args.repeats)
    accuracy(model, x_test, y_test, args.digits, args.numbers)


if __name__ == "__main__":
    main()
