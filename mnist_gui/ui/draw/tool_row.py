"""The Draw tab's row of tools above the pad, which wraps onto a second line instead of widening the tab.

``ToolRow`` holds groups of tools (the brush, the edits, the pictures), each kept together on one line;
while the line is wide enough for all of them they sit side by side, left-aligned, as one row, and when it
is not (a narrow window, or a language with longer words) the groups that do not fit go on the next line.
So the row never sets the tab's minimum width beyond its widest group, and no tool is squeezed or cut.
Not here: the tools themselves and what they do (``tab.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QWidget

GROUP_GAP = 20  # between groups: what the single row had (6 px spacing, an 8 px spacer, 6 px spacing)


def tool_group(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side in a widget of their own, to be kept on one line."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class ToolRow(QLayout):
    """Groups side by side, wrapping to further lines when they do not fit the width given."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items = []
        self.setContentsMargins(0, 0, 0, 0)

    # ---- QLayout's interface ----

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The widest group's minimum (each group needs a line of its own at least)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """All groups on one line."""
        items = self._shown()
        width = sum(item.sizeHint().width() for item in items) + GROUP_GAP * max(len(items) - 1, 0)
        height = max((item.sizeHint().height() for item in items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, apply=True)

    # ---- placing ----

    def _shown(self) -> list:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list]:
        """The groups line by line: a group goes on the next line when the line's minimum widths would not fit."""
        lines, used = [[]], 0
        for item in self._shown():
            need = item.minimumSize().width()
            if lines[-1] and used + GROUP_GAP + need > width:
                lines.append([])
                used = 0
            used += (GROUP_GAP if lines[-1] else 0) + need
            lines[-1].append(item)
        return [line for line in lines if line]

    def _place(self, rect: QRect, apply: bool) -> int:
        """Lay the groups out in ``rect`` (only measure without ``apply``); the height the lines take."""
        inner = rect.marginsRemoved(self.contentsMargins())
        spacing = max(self.spacing(), 0)
        y = inner.y()
        for line in self._lines(inner.width()):
            widths = self._widths(line, inner.width())
            height = max(item.sizeHint().height() for item in line)
            x = inner.x()
            for item, width in zip(line, widths):
                if apply:
                    item.setGeometry(QRect(x, y, width, height))
                x += width + GROUP_GAP
            y += height + spacing
        margins = self.contentsMargins()
        return max(y - spacing - inner.y(), 0) + margins.top() + margins.bottom()

    @staticmethod
    def _widths(line: list, width: int) -> list[int]:
        """Each group's preferred width if the line has room for them, else its minimum and a fair share of the rest."""
        room = width - GROUP_GAP * (len(line) - 1)
        hints = [item.sizeHint().width() for item in line]
        if sum(hints) <= room:
            return hints
        mins = [item.minimumSize().width() for item in line]
        spare, wanted = max(room - sum(mins), 0), sum(h - m for h, m in zip(hints, mins)) or 1
        return [m + (h - m) * spare // wanted for h, m in zip(hints, mins)]
