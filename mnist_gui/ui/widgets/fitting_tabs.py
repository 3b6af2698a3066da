"""A tab widget whose pages scroll when the window is smaller than a page needs, so no page can make the
window grow or push it off the screen.

Each page added with ``addTab`` goes into a frameless, resizable ``QScrollArea``: while the window is large
enough the page fills it as usual; below the page's minimum size scroll bars appear instead of widgets being
squeezed, cut or pushed over each other, and the window's minimum size no longer depends on what a page
shows (the Draw tab's steps, a long readout). ``currentWidget``, ``setCurrentWidget``, ``widget`` and
``indexOf`` speak of the pages themselves, not of their scroll areas. Not here: the window's own size rules
(``ui/window_settings.py``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget


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
