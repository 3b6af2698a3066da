"""Every text a window shows, and where: for the check that none is left untranslated
(``tests/ui/test_translations.py``).

``shown_texts(root)`` walks ``root``'s widgets (hidden ones too: a collapsed panel is shown one day) and
returns ``(path, what, text)`` for each text a user can read or hear: labels, buttons, group titles, tab
texts, combo items, item views' headers, placeholders, spin box prefixes and suffixes, read-only text
views, tooltips, status tips, What's This, accessible names and descriptions, window titles, actions
(menus included), and the plots' axis labels, titles, legends and text items. ``untranslated(texts)``
keeps those a pseudo-translation did not reach. ``visit_pages(qtbot, root, look)`` shows every page of
every tab widget, stacked widget and tool box under ``root`` in turn, calling ``look()`` on each.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDoubleSpinBox,
                               QGroupBox, QLabel, QLineEdit, QMenu, QPlainTextEdit, QSpinBox, QStackedWidget,
                               QTableView, QTabBar, QTabWidget, QTextEdit, QToolBox, QTreeView, QWidget)

MARK = "⟦"
# what needs no translation: proper names, language names (each in itself), function and layer names as Keras
# spells them, file names, numbers with their units, keys
_KEPT_WORDS = {"MNIST", "Keras", "ONNX", "PyTorch", "NumPy", "mnist-gui", "Qt", "PySide6", "pyqtgraph",
               "English", "Deutsch", "relu", "tanh", "sigmoid", "softmax", "ReLU", "Adam", "SGD", "RMSprop",
               "Dense", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "BatchNormalization", "IDX", "CSV",
               "PNG", "SVG", "JPEG", "CNN", "MLP", "PCA", "px", "ms", "s", "x", "Ctrl", "Shift", "Alt",
               "Esc", "F1", "PgUp", "PgDown", "Del", "Space", "Enter", "Return", "Tab", "sgd", "adam", "adamw",
               "rmsprop", "linear", "dense", "conv2d"}
_FILE = re.compile(r"[\w.-]*\.(?:npz|onnx|png|csv|svg|json|gz|py|idx\w*|ini)\b")
_NUMBER = re.compile(r"\b\d[\d.,]*(?:e[-+]?\d+)?(?:px|ms|s|x|k|M)?\b")
_TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
_LETTER = re.compile(r"[^\W\d_]")
# names as code spells them, which a translation keeps: layer names ("dense_1", "conv2_d"), presets ("quick-mlp")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+|[a-z]+\d+[a-z0-9]*")


def needs_translation(text: str) -> bool:
    """False for text a translation leaves as it is: no letters, or only kept words, numbers and file names."""
    text = _TAG.sub(" ", text).replace("&", "")
    text = _NUMBER.sub(" ", _FILE.sub(" ", text))
    words = re.findall(r"[\w+-]+", text)
    rest = " ".join(w for w in words if w.strip("+-") not in _KEPT_WORDS and not _IDENTIFIER.fullmatch(w))
    return bool(_LETTER.search(rest))


def untranslated(texts):
    return [(path, what, text) for path, what, text in texts if MARK not in text and needs_translation(text)]


def widget_path(widget: QWidget) -> str:
    """The widget's classes from the window down ("MainWindow › ... › TrainingTab › ... › QPushButton")."""
    parts = []
    while widget is not None:
        name = widget.objectName()
        parts.append(type(widget).__name__ + (f"#{name}" if name and not name.startswith("qt_") else ""))
        widget = widget.parentWidget()
    return " › ".join(reversed(parts))


def _common(widget: QWidget) -> list[tuple[str, str]]:
    found = [("toolTip", widget.toolTip()), ("statusTip", widget.statusTip()), ("whatsThis", widget.whatsThis()),
             ("accessibleName", widget.accessibleName()),
             ("accessibleDescription", widget.accessibleDescription())]
    if widget.isWindow():
        found.append(("windowTitle", widget.windowTitle()))
    return found


def _own(widget: QWidget) -> list[tuple[str, str]]:
    found = []
    if isinstance(widget, QLabel):
        found.append(("text", widget.text()))
    elif isinstance(widget, QAbstractButton):
        found.append(("text", widget.text()))
    elif isinstance(widget, QGroupBox):
        found.append(("title", widget.title()))
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            found += [(f"tab {i}", widget.tabText(i)), (f"tab {i} toolTip", widget.tabToolTip(i))]
    elif isinstance(widget, QToolBox):
        found += [(f"page {i}", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QComboBox):
        found += [(f"item {i}", widget.itemText(i)) for i in range(widget.count())]
        found += [(f"item {i} toolTip", str(widget.itemData(i, Qt.ToolTipRole) or "")) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        found.append(("placeholderText", widget.placeholderText()))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        found.append(("placeholderText", widget.placeholderText()))
        if widget.isReadOnly():
            found.append(("text", widget.toPlainText()))
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        found += [("prefix", widget.prefix()), ("suffix", widget.suffix()),
                  ("specialValueText", widget.specialValueText())]
    model = QAbstractItemView.model(widget) if isinstance(widget, (QTableView, QTreeView)) else None
    if model is not None:
        columns = model.columnCount(QModelIndex())
        found += [(f"header {c}", str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or ""))
                  for c in range(columns)]
        found += [(f"header {c} toolTip", str(model.headerData(c, Qt.Horizontal, Qt.ToolTipRole) or ""))
                  for c in range(columns)]
        for row in range(min(model.rowCount(QModelIndex()), 20)):      # cells: words such as a run's status
            for c in range(columns):
                index = model.index(row, c)
                found += [(f"cell {row},{c}", _cell(model.data(index, Qt.DisplayRole))),
                          (f"cell {row},{c} toolTip", _cell(model.data(index, Qt.ToolTipRole)))]
    if isinstance(widget, pg.GraphicsView) and widget.scene() is not None:
        found += _plot_texts(widget)
    return found


def _cell(value) -> str:
    return value if isinstance(value, str) else ""


def _plot_texts(view) -> list[tuple[str, str]]:
    found = []
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible():
            found.append((f"axis {item.orientation}", item.labelText or ""))
        elif isinstance(item, pg.LabelItem):
            found.append(("plot label", item.text or ""))
        elif isinstance(item, pg.TextItem):
            found.append(("plot text", item.textItem.toPlainText()))
    return found


def action_texts(action: QAction) -> list[tuple[str, str]]:
    return [("action text", action.text()), ("action toolTip", action.toolTip()),
            ("action statusTip", action.statusTip()), ("action whatsThis", action.whatsThis())]


def shown_texts(root: QWidget) -> list[tuple[str, str, str]]:
    """(path, what, text) for every text under ``root`` (``root`` included), actions and menus too."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        path = widget_path(widget)
        for what, text in _common(widget) + _own(widget):
            if text and text.strip():
                found.append((path, what, text))
        for action in QWidget.actions(widget):    # the window keeps a dict named actions
            if not action.isSeparator():
                found += [(f"{path} › action", what, text) for what, text in action_texts(action) if text.strip()]
        if isinstance(widget, QMenu):
            found.append((path, "menu title", widget.title()))
    return found


def visit_pages(qtbot, root: QWidget, look) -> None:
    """Show every page of every tab widget, stacked widget and tool box under ``root``, nested ones too."""
    done = set()
    for _round in range(4):           # pages shown for the first time may build further stacks
        stacks = [s for kind in (QTabWidget, QStackedWidget, QToolBox) for s in root.findChildren(kind)
                  if id(s) not in done and s.isVisible()]
        if not stacks:
            return
        for stack in stacks:
            done.add(id(stack))
            before = stack.currentIndex()
            for i in range(stack.count()):
                stack.setCurrentIndex(i)
                qtbot.wait(30)
                look()
            stack.setCurrentIndex(before)

