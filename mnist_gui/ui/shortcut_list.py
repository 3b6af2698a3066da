"""The F1 list of keyboard shortcuts, made from the window's own actions and shortcuts so it cannot drift.

``shortcut_groups(window)`` walks the window's ``QAction``s and ``QShortcut``s that have keys, in the order
they were made, and the keys widgets handle themselves, which a widget class declares in ``KEY_HINTS``
(e.g. the drawing pad's digit keys; both texts of a hint marked with ``QT_TR_NOOP``; each key of a hint,
"Delete or Backspace", written in Qt's own words as the actions' keys are, "Entf oder Rücktaste" in German,
the rest, "double-click", translated), and sorts them under headings:
the whole window, then each tab, then the mouse. Within a heading each key has one line: what it does in each
place of that tab is joined ("Ctrl+Z: Undo the last stroke; undo the last delete (in the My digits list)";
German keeps each a sentence: "Den letzten Strich rückgängig machen. Das letzte Löschen …"),
a description whose words all appear in another one for that key is left out ("Undo delete" beside "Undo the
last delete"), and keys with the same description are merged ("Ctrl+Shift+Z or Ctrl+Y"). ``shortcut_rows``
gives the same as flat rows, each saying its tab ("Undo the last stroke (Draw tab)"). Headings, "or" and the
tab names come in the user's language.

Not here: the dialog that shows the table (``main_menus.show_shortcuts``).
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from mnist_gui.core.i18n import QT_TR_NOOP, tr

# (keys, what they do), both shown translated; a widget class's KEY_HINTS are marked the same way
MOUSE_HINTS = [
    (QT_TR_NOOP("Mouse wheel, drag"),
     QT_TR_NOOP("Zoom and pan a plot; right-click for its menu, the small A button resets the view")),
]


def key_text(keys) -> str:
    """Key sequences as the platform writes them, joined by "or": "Ctrl+Shift+Z or Ctrl+Y"."""
    return _either([k.toString(QKeySequence.NativeText) for k in keys if not k.isEmpty()])


# the words of a ``KEY_HINTS`` key that are no key, translated where shown ("Enter or double-click")
HINT_WORDS = (QT_TR_NOOP("Arrow keys"), QT_TR_NOOP("double-click"))
_HINT_PARTS = re.compile(r"( or |, )")


def _native(key: str) -> str | None:
    """One key ("Delete", "Ctrl+Z", "Page Up") as the platform writes the actions' keys ("Entf", "Strg+Z"
    in German; "Del" in English), or None if ``key`` is no Qt key sequence ("double-click", "0 to 9")."""
    sequence = QKeySequence(key, QKeySequence.PortableText)
    if sequence.count() == 1 and sequence.toString(QKeySequence.PortableText):
        return sequence.toString(QKeySequence.NativeText)
    return None


def _hint_keys(keys: str) -> str:
    """A ``KEY_HINTS`` key in the words the actions' keys use: each key Qt knows in Qt's own name, whatever
    is no key ("double-click", "Arrow keys") translated, joined by "or" (or ", ") in the user's language;
    a hint that is one phrase ("0 to 9") translated as a whole."""
    parts = _HINT_PARTS.split(keys)
    words, separators = parts[::2], parts[1::2]
    if len(words) == 1:
        return _native(keys) or tr(keys)
    shown = [_native(word) or tr(word) for word in words]
    text = shown[0]
    for separator, word in zip(separators, shown[1:]):
        text = (tr("{keys} or {key}", "keyboard shortcuts").format(keys=text, key=word) if separator == " or "
                else f"{text}, {word}")
    return text


def _either(keys: list[str]) -> str:
    """"A or B or C", in the user's language."""
    text = ""
    for key in keys:
        text = tr("{keys} or {key}", "keyboard shortcuts").format(keys=text, key=key) if text else key
    return text


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


WINDOW_HEADING = QT_TR_NOOP("Anywhere in the window")
MOUSE_HEADING = QT_TR_NOOP("With the mouse")


def shortcut_groups(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what they do), ...]) for every shortcut of ``window``: the window's own first, then
    each tab's in tab order ("Train tab", ...), then the mouse hints; one line per key under each heading."""
    return [(heading, rows) for heading, _tab, rows in _groups(window)]


def _groups(window) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(heading, tab name or "", rows) for ``shortcut_groups`` and ``shortcut_rows``."""
    found: dict[int, tuple[str, str, list]] = {}

    def add(obj, keys: str, text: str) -> None:
        index, tab = _tab_of(window, obj)
        heading = tr("{tab} tab").format(tab=tab) if tab else tr(WINDOW_HEADING)
        found.setdefault(index, (heading, tab, []))[2].append((keys, text))

    for action in window.findChildren(QAction):
        keys = key_text(action.shortcuts())
        if keys:
            add(action, keys, _describe(action, keys))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text([shortcut.key()])
        if keys:
            add(shortcut, keys, shortcut.whatsThis() or tr("(no description)"))
    seen_classes = set()
    for widget in window.findChildren(QWidget):
        hints = getattr(type(widget), "KEY_HINTS", ())
        if hints and type(widget) not in seen_classes:
            seen_classes.add(type(widget))
            for keys, text in hints:
                add(widget, _hint_keys(keys), tr(text))
    groups = [(heading, tab, _merged(_one_line_per_key(rows))) for _, (heading, tab, rows) in sorted(found.items())]
    return groups + [(tr(MOUSE_HEADING), "", [(tr(keys), tr(text)) for keys, text in MOUSE_HINTS])]


def shortcut_rows(window) -> list[tuple[str, str]]:
    """The groups as flat (keys, what they do) rows, a tab's saying so ("Clear the pad (on the pad, Draw tab)")."""
    rows = []
    for _heading, tab, group in _groups(window):
        rows.extend((keys, _where(text, tab)) for keys, text in group)
    return rows


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.lower()))


def _one_line_per_key(rows):
    """Rows with the same keys (under one heading) as one row, their distinct descriptions joined by "; "."""
    by_keys: dict[str, list[str]] = {}
    for keys, text in rows:
        by_keys.setdefault(keys, [])
        if text not in by_keys[keys]:
            by_keys[keys].append(text)
    # English writes "Undo the last stroke; undo the last delete"; German keeps its nouns' capitals, so its
    # descriptions stay sentences of their own ("… rückgängig machen. Das letzte Löschen …")
    lower = "lower" == tr("lower", "shortcut list: 'lower' if a description after '; ' starts in lower case, "
                             "else 'keep'")
    out = []
    for keys, texts in by_keys.items():
        # "Undo delete" says nothing that "Undo the last delete (My digits split)" does not
        kept = [t for i, t in enumerate(texts)
                if not any(j != i and _words(t) <= _words(o) and (_words(t) < _words(o) or j < i)
                           for j, o in enumerate(texts))]
        out.append((keys, _joined(kept, lower)))
    return out


def _joined(texts: list[str], lower: bool) -> str:
    """"Undo the last stroke; undo the last delete" (``lower``), else "Den … machen. Das letzte …"."""
    if lower:
        return "; ".join(t if n == 0 else t[:1].lower() + t[1:] for n, t in enumerate(texts))
    return " ".join(t if n == len(texts) - 1 or t.endswith((".", "!", "?")) else t + "."
                    for n, t in enumerate(texts))


def _where(text: str, tab: str) -> str:
    """"Clear the pad (on the pad)" -> "Clear the pad (on the pad, Draw tab)"; the window's own as they are."""
    if not tab:
        return text
    if text.endswith(")"):
        return tr("{text}, {tab} tab)").format(text=text[:-1], tab=tab)
    return tr("{text} ({tab} tab)").format(text=text, tab=tab)


def _merged(rows):
    """One row per description: the keys of equal descriptions joined (Ctrl+1 / Ctrl+2 are different)."""
    merged: dict[str, list[str]] = {}
    for keys, text in rows:
        merged.setdefault(text, [])
        if keys not in merged[text]:
            merged[text].append(keys)
    return [(_either(keys), text) for text, keys in merged.items()]


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
