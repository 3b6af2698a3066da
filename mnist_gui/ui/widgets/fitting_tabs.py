"""A tab widget whose pages scroll when the window is smaller than a page needs, so no page can make the
window grow or push it off the screen.

Each page added with ``addTab`` goes into a frameless, resizable ``QScrollArea``: while the window is large
enough the page fills it as usual; below the page's minimum size scroll bars appear instead of widgets being
squeezed, cut or pushed over each other, and the window's minimum size no longer depends on what a page
shows (the Draw tab's steps, a long readout). ``currentWidget``, ``setCurrentWidget``, ``widget`` and
``indexOf`` speak of the pages themselves, not of their scroll areas. ``ColumnScroll`` is the up-and-down
only scroll area for a column inside a page (the Draw tab's right side); ``WrappedLabel`` a word-wrapped
label that keeps room for all its lines in such a page. Not here: the window's own size
rules (``ui/window_settings.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget


class _WidthFree(QVBoxLayout):
    """A layout that says its height does not depend on its width. A resizable QScrollArea makes a page whose
    layout depends on width (any word-wrapped label) as tall as its *preferred* height for that width, so
    every such page would scroll; behind this one it is given the viewport, or its minimum size if larger."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False


class _PageScroll(QScrollArea):
    def __init__(self, page: QWidget):
        super().__init__(widgetResizable=True, frameShape=QFrame.NoFrame)
        self.page = page
        holder = QWidget()
        layout = _WidthFree(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        self.setWidget(holder)


class WrappedLabel(QLabel):
    """A word-wrapped label whose minimum height is its lines' height at its width now. A page in these
    tabs is given its minimum height (see ``_WidthFree``), which counts a wrapped label as one line, so
    its other lines would be taken from its neighbours, squeezing them over each other."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setWordWrap(True)
        self._width = 0

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.text() and self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.width() != self._width:     # only a new width changes the lines (no layout loop)
            self._width = self.width()
            self.updateGeometry()


class ColumnScroll(QScrollArea):
    """A scroll area that scrolls only up and down, so a column that grows taller never makes the window
    taller. Its minimum width follows the column's, whenever the column's layout changes: a column that
    comes to need more width widens the page (whose own scroll area then shows a sideways bar) instead of
    sliding sideways under a scroll area with no bar, its edges cut."""

    def __init__(self, column: QWidget):
        super().__init__(widgetResizable=True, frameShape=QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWidget(column)
        column.installEventFilter(self)
        self._follow_width()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self._follow_width()
        return super().eventFilter(watched, event)

    def _follow_width(self) -> None:
        need = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        if need != self.minimumWidth():
            self.setMinimumWidth(need)


class FittingTabs(QTabWidget):
    """A ``QTabWidget`` whose pages scroll rather than grow the window (see the module docstring)."""

    def addTab(self, page: QWidget, label: str) -> int:  # noqa: N802 - Qt override
        return super().addTab(_PageScroll(page), label)

    def page(self, scroll: QWidget | None) -> QWidget | None:
        return scroll.page if isinstance(scroll, _PageScroll) else scroll

    def widget(self, index: int) -> QWidget | None:
        return self.page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt override
        return self.page(super().currentWidget())

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt override
        for index in range(self.count()):
            if self.widget(index) is page:
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt override
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)
