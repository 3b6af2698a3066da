"""The F1 list of keyboard shortcuts, made from the window's own actions and shortcuts so it cannot drift.

``shortcut_rows(window)`` walks the window's ``QAction``s and ``QShortcut``s that have keys, in the order
they were made (the menus first, then the tabs' own), and the keys widgets handle themselves, which a
widget class declares in ``KEY_HINTS`` (e.g. the drawing pad's digit keys). An action that belongs to a
tab says so ("Undo the last stroke (Draw tab)"). Rows with the same description are merged ("Ctrl+1 ...").

Not here: the dialog that shows the rows (``main_menus.show_shortcuts``).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

MOUSE_HINTS = [
    ("Mouse wheel, drag", "Zoom and pan a plot; right-click for its menu, the small A button resets the view"),
]


def key_text(keys) -> str:
    """Key sequences as the platform writes them, joined by "or": "Ctrl+Shift+Z or Ctrl+Y"."""
    return " or ".join(k.toString(QKeySequence.NativeText) for k in keys if not k.isEmpty())


def _describe(action: QAction, keys: str) -> str:
    text = action.statusTip() or action.toolTip() or action.text()
    text = text.replace("&", "").rstrip("…").strip()
    # a tooltip that ends with its own keys ("Undo the last stroke (Ctrl+Z)") need not say them twice
    return re.sub(r"\s*\((?:[^()]*\+[^()]*|Esc[^()]*)\)$", "", text) if keys else text


def _tab_of(window, obj) -> tuple[int, str]:
    """(index, name) of the tab ``obj`` lives in; (-1, "") for the window's own."""
    tabs = getattr(window, "tabs", None)
    widget = obj if isinstance(obj, QWidget) else obj.parent()
    while isinstance(widget, QWidget) and tabs is not None:
        index = tabs.indexOf(widget)
        if index >= 0:
            return index, tabs.tabText(index).replace("&", "")
        widget = widget.parentWidget()
    return -1, ""


def shortcut_rows(window) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut of ``window``: the window's own first, then each tab's in
    tab order, then the mouse hints."""
    rows: list[tuple[int, str, str]] = []
    for action in window.findChildren(QAction):
        keys = key_text(action.shortcuts())
        if keys:
            index, tab = _tab_of(window, action)
            rows.append((index, keys, _where(_describe(action, keys), tab)))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text([shortcut.key()])
        if keys:
            index, tab = _tab_of(window, shortcut)
            rows.append((index, keys, _where(shortcut.whatsThis() or "(no description)", tab)))
    seen_classes = set()
    for widget in window.findChildren(QWidget):
        hints = getattr(type(widget), "KEY_HINTS", ())
        if hints and type(widget) not in seen_classes:
            seen_classes.add(type(widget))
            index, tab = _tab_of(window, widget)
            rows.extend((index, keys, _where(text, tab)) for keys, text in hints)
    rows.sort(key=lambda row: row[0])      # stable: within a tab, in the order they were made
    return _merged([(keys, text) for _, keys, text in rows]) + MOUSE_HINTS


def _where(text: str, tab: str) -> str:
    """"Clear the pad (on the pad)" -> "Clear the pad (on the pad, Draw tab)"; the window's own as they are."""
    if not tab:
        return text
    return f"{text[:-1]}, {tab} tab)" if text.endswith(")") else f"{text} ({tab} tab)"


def _merged(rows):
    """One row per description: the keys of equal descriptions joined (Ctrl+1 / Ctrl+2 are different)."""
    merged: dict[str, list[str]] = {}
    for keys, text in rows:
        merged.setdefault(text, [])
        if keys not in merged[text]:
            merged[text].append(keys)
    return [(" or ".join(keys), text) for text, keys in merged.items()]


def shortcut_table_html(rows) -> str:
    """The rows as the rich-text table the dialog shows (and a screen reader reads row by row)."""
    body = "".join(f"<tr><td style='padding-right:16px'><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>"
                   for k, v in rows)
    return f"<table cellspacing='4'>{body}</table>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
