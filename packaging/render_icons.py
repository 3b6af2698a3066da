"""Render the app icon (``resources/icons/mnist-gui.svg``) into the freedesktop hicolor theme layout.

Writes ``resources/desktop/icon-theme/<n>x<n>/apps/<APP_ID>.png`` for the usual sizes: the icons that
``mnist-gui --install-desktop-entry`` and the bundle install into ``hicolor`` (the SVG itself is the scalable
one, copied when installed). Rendering uses Qt's own SVG renderer (QtSvg ships with
PySide6-Essentials), so no other tool is needed. The PNGs are committed; run this again only when the
SVG changes:

    .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_ID = "io.github.mnist_gui.MnistGui"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "mnist-gui.svg"
HICOLOR = ROOT / "resources" / "desktop" / "icon-theme"


def render(svg: Path, out_dir: Path, sizes=SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can render")
    written = []
    for n in sizes:
        image = QImage(n, n, QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp.png")
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"could not write {tmp}")
        os.replace(tmp, target)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render(SVG, HICOLOR):
        print(path.relative_to(ROOT))
    sys.exit(0)
