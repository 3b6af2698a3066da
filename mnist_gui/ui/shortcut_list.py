"""The F1 list of keyboard shortcuts, made from the window's own actions and shortcuts so it cannot drift.

``shortcut_groups(window)`` walks the window's ``QAction``s and ``QShortcut``s that have keys, in the order
they were made, and the keys widgets handle themselves, which a widget class declares in ``KEY_HINTS``
(e.g. the drawing pad's digit keys), and sorts them under headings: the whole window, then each tab, then
the mouse. Within a heading each key has one line: what it does in each place of that tab is joined
("Ctrl+Z: Undo the last stroke; undo the last delete (in the My digits list)"), a description whose words
all appear in another one for that key is left out ("Undo delete" beside "Undo the last delete"), and keys
with the same description are merged ("Ctrl+Shift+Z or Ctrl+Y"). ``shortcut_rows`` gives the same as flat
rows, each saying its tab ("Undo the last stroke (Draw tab)").

Not here: the dialog that shows the table (``main_menus.show_shortcuts``).
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


WINDOW_HEADING = "Anywhere in the window"
MOUSE_HEADING = "With the mouse"


def shortcut_groups(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what they do), ...]) for every shortcut of ``window``: the window's own first, then
    each tab's in tab order ("Train tab", ...), then the mouse hints; one line per key under each heading."""
    found: dict[int, tuple[str, list]] = {}

    def add(obj, keys: str, text: str) -> None:
        index, tab = _tab_of(window, obj)
        found.setdefault(index, (f"{tab} tab" if tab else WINDOW_HEADING, []))[1].append((keys, text))

    for action in window.findChildren(QAction):
        keys = key_text(action.shortcuts())
        if keys:
            add(action, keys, _describe(action, keys))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text([shortcut.key()])
        if keys:
            add(shortcut, keys, shortcut.whatsThis() or "(no description)")
    seen_classes = set()
    for widget in window.findChildren(QWidget):
        hints = getattr(type(widget), "KEY_HINTS", ())
        if hints and type(widget) not in seen_classes:
            seen_classes.add(type(widget))
            for keys, text in hints:
                add(widget, keys, text)
    groups = [(heading, _merged(_one_line_per_key(rows))) for _, (heading, rows) in sorted(found.items())]
    return groups + [(MOUSE_HEADING, list(MOUSE_HINTS))]


def shortcut_rows(window) -> list[tuple[str, str]]:
    """The groups as flat (keys, what they do) rows, a tab's saying so ("Clear the pad (on the pad, Draw tab)")."""
    rows = []
    for heading, group in shortcut_groups(window):
        tab = heading[:-len(" tab")] if heading.endswith(" tab") else ""
        rows.extend((keys, _where(text, tab)) for keys, text in group)
    return rows


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _one_line_per_key(rows):
    """Rows with the same keys (under one heading) as one row, their distinct descriptions joined by "; "."""
    by_keys: dict[str, list[str]] = {}
    for keys, text in rows:
        by_keys.setdefault(keys, [])
        if text not in by_keys[keys]:
            by_keys[keys].append(text)
    out = []
    for keys, texts in by_keys.items():
        # "Undo delete" says nothing that "Undo the last delete (My digits split)" does not
        kept = [t for i, t in enumerate(texts)
                if not any(j != i and _words(t) <= _words(o) and (_words(t) < _words(o) or j < i)
                           for j, o in enumerate(texts))]
        out.append((keys, "; ".join(t if n == 0 else t[:1].lower() + t[1:] for n, t in enumerate(kept))))
    return out


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


def shortcut_table_html(groups) -> str:
    """The groups as the rich-text table the dialog shows, a heading row above each group (a screen reader
    reads it row by row)."""
    body = ""
    for heading, rows in groups:
        body += (f"<tr><td colspan='2' style='padding-top:10px'><b><u>{_escape(heading)}</u></b></td></tr>"
                 + "".join(f"<tr><td style='padding-right:16px'><b>{_escape(k)}</b></td><td>{_escape(v)}</td></tr>"
                           for k, v in rows))
    return f"<table cellspacing='4'>{body}</table>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
