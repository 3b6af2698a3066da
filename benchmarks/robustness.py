"""How well models read digits that were not written by MNIST's writers: printed digits in every font.

Renders the digits 0-9 in every font family and style Qt finds on the machine (fontconfig, the same list
as ``fc-list``; symbol fonts and faces whose digits look like another face's are skipped, see faces())
at random sizes, positions and stroke weights (the font's own regular and bold, plus an outline pen of
random width that makes strokes bolder), dark ink on a light canvas, offscreen with QPainter into a QImage. Every rendering goes through
``mnist_gui.data.preprocess.to_mnist`` as a drawing on the pad would, then each model classifies them.
Prints, per model: MNIST test accuracy, font-digit accuracy (overall, regular/bold/italic faces, and the
worst digits) and the latency of one single-image prediction.

Usage: python benchmarks/robustness.py --models a.npz b.npz [--per-face 3] [--seed 0] [--save-samples out.npz]
Models are read from files, so trained models are reused rather than retrained (``mnist-gui train ... --out``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._common import load_data, machine_line, median  # noqa: E402
from mnist_gui.data.preprocess import to_mnist  # noqa: E402
from mnist_gui.nn import load_model  # noqa: E402

CANVAS = 160
DIGITS = "0123456789"


def faces():
    """[(family, style, bold, italic)] for every installed Latin face that has all ten digits, keeping one of
    each set of faces whose digits look the same (the same font installed twice, aliases such as "Sans
    Serif", and the many Noto script families that share Noto Sans's digits)."""
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    found, seen = [], set()
    for family in QFontDatabase.families():
        systems = QFontDatabase.writingSystems(family)
        if QFontDatabase.isPrivateFamily(family) or QFontDatabase.WritingSystem.Latin not in systems \
                or QFontDatabase.WritingSystem.Symbol in systems:
            continue
        for style in QFontDatabase.styles(family):
            face = (family, style, QFontDatabase.weight(family, style) >= 600, QFontDatabase.italic(family, style))
            metrics = QFontMetrics(QFontDatabase.font(family, style, 48))
            if not all(metrics.inFontUcs4(ord(d)) for d in DIGITS):
                continue
            look = hash(b"".join(render(face, d, None).tobytes() for d in DIGITS))
            if look not in seen:
                seen.add(look)
                found.append(face)
    return found


def render(face, digit: str, rng) -> np.ndarray:
    """One digit, dark on light, (CANVAS, CANVAS) uint8, at a random size, position and stroke weight
    (rng None: at a fixed size and place, unchanged)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QBrush, QColor, QFontDatabase, QImage, QPainter, QPainterPath, QPen

    family, style, _, _ = face
    size = int(rng.integers(36, 110)) if rng is not None else 64
    font = QFontDatabase.font(family, style, 12)
    font.setPixelSize(size)
    image = QImage(CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, digit)
    box = path.boundingRect()
    # a random place where the whole glyph fits (to_mnist recentres; this tests that it does)
    if rng is None:  # the fixed rendering faces() compares
        path.translate(10 - box.left(), 10 - box.top())
        pen_width = 0.0
    else:
        x = rng.uniform(4 - box.left(), max(5 - box.left(), CANVAS - 4 - box.right()))
        y = rng.uniform(4 - box.top(), max(5 - box.top(), CANVAS - 4 - box.bottom()))
        path.translate(x, y)
        pen_width = float(rng.choice([0.0, 0.0, rng.uniform(1.0, size / 12)]))  # a third get a bolder outline
    painter.setPen(QPen(QColor(0, 0, 0), pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin) if pen_width else Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(0, 0, 0)))
    painter.drawPath(path)
    painter.end()
    ptr = image.constBits()
    arr = np.frombuffer(ptr, np.uint8, count=image.bytesPerLine() * CANVAS).reshape(CANVAS, image.bytesPerLine())
    return arr[:, :CANVAS].copy()


def font_digits(per_face: int, seed: int):
    """(images (N, 28, 28) float32 0-255, labels (N,), face index (N,), faces)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        font_digits.app = QGuiApplication(["robustness"])  # fonts need one, kept alive on the function
    rng = np.random.default_rng(seed)
    found = faces()
    images, labels, which = [], [], []
    for f, face in enumerate(found):
        for digit in DIGITS:
            for _ in range(per_face):
                images.append(to_mnist(render(face, digit, rng)) * 255)
                labels.append(int(digit))
                which.append(f)
    return np.array(images, np.float32), np.array(labels), np.array(which), found


def latency_ms(model, image) -> float:
    """Median wall time of predict() on one image, over 50 calls after a warm-up."""
    batch = image[None]
    model.predict(batch, verbose=0)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        model.predict(batch, verbose=0)
        times.append(time.perf_counter() - start)
    return median(times) * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", required=True, help="model files (.npz) to compare")
    parser.add_argument("--per-face", type=int, default=3, help="renderings of each digit in each font face")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save-samples", help="also save the rendered 28x28 digits to this .npz")
    args = parser.parse_args(argv)
    print(machine_line())
    start = time.perf_counter()
    x, y, which, found = font_digits(args.per_face, args.seed)
    families = sorted({face[0] for face in found})
    print(f"{len(x)} font digits from {len(found)} distinct faces of {len(families)} families "
          f"({time.perf_counter() - start:.1f} s to render): {', '.join(families)}")
    if args.save_samples:
        np.savez_compressed(args.save_samples, x=x.astype(np.uint8), y=y, face=which)
    bold = np.array([found[i][2] for i in which])
    italic = np.array([found[i][3] for i in which])
    (_, _), (x_test, y_test) = load_data()
    print(f"\n{'model':28} {'params':>9} {'MNIST':>7} {'fonts':>7} {'regular':>8} {'bold':>7} {'italic':>7} "
          f"{'1 image':>8}  worst digits")
    for path in args.models:
        model = load_model(path)
        mnist = float(np.mean(model.predict(x_test, 1000, verbose=0).argmax(1) == y_test))
        hits = model.predict(x, 1000, verbose=0).argmax(1) == y
        per_digit = [hits[y == d].mean() for d in range(10)]
        worst = ", ".join(f"{d}: {per_digit[d]:.0%}" for d in np.argsort(per_digit)[:3])
        regular = hits[~bold & ~italic].mean()
        print(f"{os.path.basename(path):28} {model.count_params():9,} {mnist:7.2%} {hits.mean():7.2%} "
              f"{regular:8.2%} {hits[bold].mean():7.2%} {hits[italic].mean():7.2%} "
              f"{latency_ms(model, x[0]):6.2f}ms  {worst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
