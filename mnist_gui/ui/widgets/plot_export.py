"""Writing the plots out: a picture of a graphics view as PNG or SVG, through the one atomic write
(``mnist_gui.core.files``: a temporary name, then a rename, so a failure never leaves half a file and the
old file stays as it was), and the save dialog of an export.

What is exported (the numbers of the training curves) and how a failure is told to the user are the
plots' business (ui/train/plots.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QWidget

from mnist_gui.core.files import write_bytes_atomic
from mnist_gui.core.i18n import tr
from mnist_gui.ui.widgets.dialog_folders import folders_for


def ask_export_path(parent: QWidget, title: str, kind: str, name: str, folder: str = "") -> str | None:
    """Ask where to save an export of ``kind`` (csv, png, svg), starting from ``name`` in ``folder``; the path
    chosen, with the suffix added if the user left it out, or None if the dialog was cancelled."""
    folders = folders_for(parent)
    # never a bare name: that would start in the working directory (the source folder, run from source)
    start = Path(folder if folder and Path(folder).is_dir() else folders.start("export")) / f"{name}.{kind}"
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start), f"{kind.upper()} (*.{kind})")
    if not path:
        return None
    folders.remember("export", path)
    return path if path.lower().endswith("." + kind) else f"{path}.{kind}"


def save_picture(view: QGraphicsView, path: Path) -> None:
    """Save a graphics view as it looks now; SVG (vector) for a .svg suffix, else a raster format (PNG).

    The picture is made in memory first and written in one go, so a full disk raises ``OSError`` from
    the write and leaves any old file intact.
    """
    path = Path(path)
    write_bytes_atomic(path, render_picture(view, path.suffix))


def render_picture(view: QGraphicsView, suffix: str) -> bytes:
    """The bytes of the picture file: SVG for ".svg", else the raster format the suffix names (PNG)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if suffix.lower() == ".svg":
        _render_svg(view, buffer)
    elif not view.grab().save(buffer, suffix.lstrip(".").upper() or "PNG"):
        raise OSError(tr("Qt cannot write {format} pictures").format(format=suffix or "PNG"))
    buffer.close()
    return bytes(data.data())


def _render_svg(view: QGraphicsView, buffer: QBuffer) -> None:
    # QSvgGenerator rather than pyqtgraph's SVGExporter, which cannot parse Qt 6.12's SVG paths; the scene
    # itself is rendered (the view's own render() misplaces pyqtgraph's axes in SVG)
    from PySide6.QtSvg import QSvgGenerator

    source = view.mapToScene(view.viewport().rect()).boundingRect()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(view.viewport().size())
    generator.setResolution(view.logicalDpiX())   # pyqtgraph sizes axes and text in device pixels
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(tr("mnist-gui training curves"))
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), view.backgroundBrush())
    view.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
