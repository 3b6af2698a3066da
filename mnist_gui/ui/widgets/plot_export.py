"""Writing the plots out: a picture of a graphics view as PNG or SVG, and bytes to a file, both atomically
(a temporary name, then a rename, so a failure never leaves half a file).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def save_picture(view: QGraphicsView, path: Path) -> None:
    """Save a graphics view as it looks now; SVG (vector) for a .svg suffix, else a raster format (PNG)."""
    tmp = path.with_name(f".{path.name}.tmp{path.suffix}")
    if path.suffix.lower() == ".svg":
        # QSvgGenerator rather than pyqtgraph's SVGExporter, which cannot parse Qt 6.12's SVG paths;
        # the scene itself is rendered (the view's own render() misplaces pyqtgraph's axes in SVG)
        from PySide6.QtSvg import QSvgGenerator

        source = view.mapToScene(view.viewport().rect()).boundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(view.viewport().size())
        generator.setResolution(view.logicalDpiX())   # pyqtgraph sizes axes and text in device pixels
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle("mnist-gui training curves")
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, source.width(), source.height()), view.backgroundBrush())
        view.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        painter.end()
    elif not view.grab().save(str(tmp), path.suffix.lstrip(".").upper() or "PNG"):
        raise OSError(f"could not write the picture to {path}")
    os.replace(tmp, path)
