"""The Layers picture by keyboard: Left/Right choose the layer before or after, Up/Down the unit before or
after in that layer, as a click would (``unit_clicked``), so the detail below explains it.

A mixin of ``NetworkView`` (``ui/inside/network_view.py``), which has ``_columns`` (the painted layers, each
with its ``view``), ``selected``, ``select()`` and the ``unit_clicked`` signal. Not here: painting, the mouse.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from mnist_gui.core.i18n import QT_TR_NOOP


class NetworkKeys:
    """Arrow keys on the Layers picture (see the module docstring)."""

    # for the F1 list (ui/shortcut_list.py)
    KEY_HINTS = ((QT_TR_NOOP("Left or Right"), QT_TR_NOOP("Choose the layer before or after (on the Layers picture)")),
                 (QT_TR_NOOP("Up or Down"),
                  QT_TR_NOOP("Choose the unit before or after in that layer (on the Layers picture)")))

    def step_selection(self, layers: int, units: int) -> tuple[int, int] | None:
        """Move the selection ``layers`` columns right (negative: left) or ``units`` units down, as the arrow
        keys do, and emit ``unit_clicked`` for it; the first unit of the first layer when none is selected."""
        columns = [c for c in self._columns if c.view.shown.size]
        if not columns:
            return None
        indices = [c.view.index for c in columns]
        col, k = 0, 0
        if self.selected is not None and self.selected[0] in indices:
            col = indices.index(self.selected[0])
            where = np.flatnonzero(columns[col].view.shown == self.selected[1])
            k = int(where[0]) if where.size else 0
            col = min(max(col + layers, 0), len(columns) - 1)
            k = k + units if not layers else min(k, columns[col].view.shown.size - 1)
        k = min(max(k, 0), columns[col].view.shown.size - 1)
        hit = (indices[col], int(columns[col].view.shown[k]))
        self.select(*hit)
        self.unit_clicked.emit(*hit)
        return hit

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        step = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}.get(event.key())
        if step is None or self.step_selection(*step) is None:
            super().keyPressEvent(event)
