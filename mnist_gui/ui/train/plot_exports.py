"""Exporting the training curves: the numbers of every run on show as CSV, a picture of the plots as PNG or
SVG (without the crosshair), through the one atomic write, and the user's choice of file. A mixin of
:class:`~mnist_gui.ui.train.plots.TrainingPlots` (which has ``graphics``, ``crosshairs``, ``run``, ``_kept``,
``export_dir`` and the ``exported`` / ``export_failed`` signals).
"""

from __future__ import annotations

import os
from pathlib import Path

from mnist_gui.core.files import write_bytes_atomic
from mnist_gui.core.i18n import tr
from mnist_gui.core.run_data import runs_to_csv
from mnist_gui.core.training_text import file_error
from mnist_gui.ui.train.plot_toolbar import EXPORTS
from mnist_gui.ui.widgets.plot_export import ask_export_path, save_picture


class PlotExports:
    """export_csv, export_image, export_to and ask_export for the training plots."""

    def export_csv(self, path: str | os.PathLike) -> None:
        """Write the numbers of every run on show (kept ones first) to ``path`` as CSV, atomically (OSError
        on failure)."""
        kept = self._kept.shown()
        runs = [*kept, self.run] if self.run.has_data() else kept
        write_bytes_atomic(Path(path), runs_to_csv(runs).encode())

    def export_image(self, path: str | os.PathLike) -> None:
        """Save a picture of both plots, without the crosshair; the format follows the suffix (.png or .svg).
        OSError on failure."""
        shown = [line.isVisible() for line in self.crosshairs]
        for line in self.crosshairs:
            line.hide()
        try:
            save_picture(self.graphics, Path(path))
        finally:
            for line, visible in zip(self.crosshairs, shown):
                line.setVisible(visible)

    def export_to(self, kind: str, path: str | os.PathLike) -> bool:
        """Export ``kind`` (csv, png or svg) to ``path``: True and ``exported``, or, if the file cannot be
        written (read-only or missing folder, full disk), False and ``export_failed`` with the reason;
        the file that was there stays as it was."""
        try:
            if kind == "csv":
                self.export_csv(path)
            else:
                self.export_image(path)
        except OSError as exc:  # a boundary: the user asked for this file, so the user hears why not
            self.export_failed.emit(file_error(tr("The curves could not be exported"), path, exc))
            return False
        self.export_dir = str(Path(path).resolve().parent)
        self.exported.emit(str(path))
        return True

    def ask_export(self, kind: str) -> bool:
        """Ask where to export ``kind`` (csv, png or svg), then export there; False if cancelled or failed."""
        if kind not in EXPORTS:
            raise ValueError(f"unknown export: {kind!r} (expected one of {', '.join(EXPORTS)})")
        title = tr("Export curves as CSV") if kind == "csv" else tr("Export plots as {format}").format(
            format=kind.upper())
        path = ask_export_path(self, title, kind, "training-curves", self.export_dir)
        return path is not None and self.export_to(kind, path)
