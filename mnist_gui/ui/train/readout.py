"""The crosshair over the training plots and the one-line readout under them: the values under the mouse,
in plain words.

It never asks for more width than it has: a long line is cut with "…" at the right (the whole line is its
tooltip), so moving the mouse can never make the window grow. Not here: what the line says
(``mnist_gui.core.run_data.RunData.readout``).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr

PLACEHOLDER = QT_TR_NOOP("Move the mouse over the plots to read the values under it.")


class ReadoutLabel(QLabel):
    """A QLabel whose text is elided to its width and whose size hint does not depend on its text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.setMinimumWidth(10)
        self.set_line("")

    def set_line(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def line(self) -> str:
        """The whole line, as it would read with room enough."""
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(100, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(10, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self._full or tr(PLACEHOLDER)
        self.setText(self.fontMetrics().elidedText(shown, Qt.ElideRight, max(self.width() - 4, 10)))


class Crosshair:
    """A vertical line in each of ``plots`` that follows the mouse, and ``label`` saying ``readout(x)``."""

    def __init__(self, plots, label: ReadoutLabel, readout):
        self.plots, self.label, self.readout = plots, label, readout
        self.lines = [pg.InfiniteLine(angle=90, movable=False) for _ in plots]
        for plot, line in zip(plots, self.lines):
            plot.addItem(line, ignoreBounds=True)
            line.hide()

    def move_to(self, scene_pos) -> None:
        """The mouse is at ``scene_pos``: over a plot, the lines go there and the label reads the values."""
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(scene_pos):
                x = plot.vb.mapSceneToView(scene_pos).x()
                for line in self.lines:
                    line.setPos(x)
                    line.show()
                self.label.set_line(self.readout(x))
                return
        for line in self.lines:
            line.hide()
