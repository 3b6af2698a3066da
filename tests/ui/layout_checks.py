"""The layout checks, in plain words, one a problem: what a user would see as broken in a window as it is
shown now -- two visible sibling widgets overlapping, a widget cut by its parent, a label, button, check
box or closed combo box whose text does not fit, a scroll area hiding part of its content sideways with no bar to reach it, a
plot legend over the curves or cut off, a table heading that does not fit. Used by ``test_layouts.py``;
the states the window is put in are ``layout_scenes.py``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QComboBox, QLabel, QLayout, QPushButton, QRadioButton,
                               QScrollArea, QStyle, QStyleOptionButton, QStyleOptionComboBox, QToolButton, QWidget)


def _managed(layout: QLayout):
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from _managed(item.layout())


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = f" {widget.text()[:40]!r}"
    return f"{type(widget).__name__}{text}"


def _button_text_room(button: QAbstractButton) -> tuple[int, int]:
    """(room the style gives the text, width the text needs) for a push button, check box or radio."""
    opt = QStyleOptionButton()
    opt.initFrom(button)
    opt.text = button.text()
    opt.icon = button.icon()
    opt.iconSize = button.iconSize()
    style = button.style()
    need = button.fontMetrics().horizontalAdvance(button.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
    if isinstance(button, QPushButton):
        room = style.subElementRect(QStyle.SE_PushButtonContents, opt, button).width()
        room -= 2 * style.pixelMetric(QStyle.PM_ButtonMargin, opt, button) // 2
        if not button.icon().isNull():
            need += button.iconSize().width() + 4
        return room, need
    element = QStyle.SE_CheckBoxContents if isinstance(button, QCheckBox) else QStyle.SE_RadioButtonContents
    opt.rect = button.rect()
    return style.subElementRect(element, opt, button).width(), need


def _text_problem(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        if not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        margins = widget.contentsMargins()
        inner = widget.width() - margins.left() - margins.right() - 2 * widget.margin()
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"{_name(widget)} needs {needed} px of height, has {widget.height()}"
            return None
        if widget.textFormat() == Qt.PlainText or (widget.textFormat() == Qt.AutoText
                                                  and not GuiQt.mightBeRichText(widget.text())):
            lines = widget.text().split("\n")
            need = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
        else:
            need = widget.minimumSizeHint().width() - margins.left() - margins.right() - 2 * widget.margin()
        if need > inner + 1:
            return f"{_name(widget)} needs {need} px, has {inner}"
        return None
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton)) and widget.text():
        room, need = _button_text_room(widget)
        if need > room + 1:
            return f"{_name(widget)} needs {need} px for its text, has {room}"
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        # the chosen item as the closed box shows it: cut short when its field is narrower than the text
        opt = QStyleOptionComboBox()
        opt.initFrom(widget)
        room = widget.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField, widget).width()
        need = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            need += widget.iconSize().width() + 4
        if need > room + 1:
            return f"QComboBox {widget.currentText()[:40]!r} needs {need} px for its text, has {room}"
    if isinstance(widget, QToolButton) and widget.text() and widget.toolButtonStyle() != Qt.ToolButtonIconOnly:
        if widget.width() < widget.sizeHint().width() - 1:
            return f"{_name(widget)} is {widget.width()} px wide, its text needs {widget.sizeHint().width()}"
    return None


def layout_problems(window: QWidget) -> list[str]:
    """What a user would see as broken in ``window`` as it is shown now: overlapping or cut widgets, text
    that does not fit."""
    problems = []
    for parent in [window, *window.findChildren(QWidget)]:
        if not parent.isVisible() or parent.window() is not window:
            continue
        layout = parent.layout()
        if layout is not None:
            children = [w for w in _managed(layout) if w.isVisible() and not w.isWindow() and not _blank(w)]
            for i, a in enumerate(children):
                if not parent.rect().adjusted(-1, -1, 1, 1).contains(a.geometry()):
                    problems.append(f"{_name(a)} at {_rect(a.geometry())} is cut by its {_name(parent)} "
                                    f"of {parent.width()}×{parent.height()}")
                for b in children[i + 1:]:
                    shared = a.geometry().intersected(b.geometry())
                    if shared.width() > 1 and shared.height() > 1:
                        problems.append(f"{_name(a)} and {_name(b)} overlap in {_name(parent)}")
        problem = _text_problem(parent) or _hidden_sideways(parent)
        if problem:
            problems.append(problem)
    return problems


def _hidden_sideways(widget: QWidget) -> str | None:
    """A scroll area whose content is wider than what it shows, with no sideways scroll bar to reach the
    rest: the content's edges are cut and nothing tells the user."""
    if not isinstance(widget, QScrollArea) or widget.widget() is None or widget.horizontalScrollBar().isVisible():
        return None
    content, shown = widget.widget().geometry(), widget.viewport().width()
    if content.width() > shown + 1 or content.x() < -1:
        return (f"{_name(widget)} shows {shown} px of a {content.width()} px wide {_name(widget.widget())} "
                f"(from x={content.x()}) with no sideways scroll bar")
    return None


def _blank(widget: QWidget) -> bool:
    """An empty label shows nothing, so nothing of it can be hidden under a neighbour."""
    return (isinstance(widget, QLabel) and not widget.text()
            and (widget.pixmap() is None or widget.pixmap().isNull()))


def _rect(r: QRect) -> str:
    return f"{r.x()},{r.y()} {r.width()}×{r.height()}"


def plot_problems(plots) -> list[str]:
    """The training plots' words: a legend entry over a plot's curves or cut off by the widget's edge, an
    axis label cut off (drawn where the readout line is)."""
    view = plots.graphics
    inside = view.viewport().rect().adjusted(-1, -1, 1, 1)
    found = []
    legends = {id(p.legend): p.legend for p in (plots.loss_plot, plots.acc_plot) if p.legend is not None}
    for legend in legends.values():
        for _sample, label in legend.items:
            if not inside.contains(view.mapFromScene(label.sceneBoundingRect()).boundingRect()):
                found.append(f"the legend entry {label.text!r} is cut off")
            for plot in (plots.loss_plot, plots.acc_plot):
                if label.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect()):
                    found.append(f"the legend entry {label.text!r} covers the {plot.titleLabel.text} curves")
    for plot in (plots.loss_plot, plots.acc_plot):
        words = plot.getAxis("bottom").label
        if not inside.contains(view.mapFromScene(words.sceneBoundingRect()).boundingRect()):
            found.append(f"the {plot.titleLabel.text} plot's axis label {words.toPlainText()!r} is cut off")
    return found


def header_problems(table) -> list[str]:
    """Column headings of ``table`` whose words do not fit their column."""
    header = table.horizontalHeader()
    found = []
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        need = header.fontMetrics().horizontalAdvance(text) + 2 * header.style().pixelMetric(QStyle.PM_HeaderMargin)
        if need > header.sectionSize(column) + 1:
            found.append(f"the heading {text[:40]!r} needs {need} px, its column is {header.sectionSize(column)}")
    return found
