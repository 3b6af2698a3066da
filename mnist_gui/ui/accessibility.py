"""Right and wrong for every eye and every screen reader: the one palette for verdicts, the marks that say
the same in shape, and the check of what a screen reader hears for each control.

``verdict_colors(palette)`` gives the (right, wrong) colours of the Okabe–Ito palette, which people with
red-green colour blindness (about 1 in 12 men) tell apart: blue for right, vermillion/orange for wrong,
the darker pair on light backgrounds and the lighter one on dark backgrounds. Every view that marks
answers right or wrong (thumbnails, the confusion matrix, the image detail, My digits) takes its colours
from here and adds ``RIGHT_MARK`` / ``WRONG_MARK`` or an outline, so colour is never the only sign. Under
the person's own digits the mark reads "label ✓/✗ answer" everywhere (``verdict_short``, ``verdict_tip``,
``VERDICT_KEY``).

``spoken_name(widget)`` is what Qt's accessibility interface announces as the control's name (for a
combo box on Linux that is its current value, so its label counts too), and ``unnamed_controls(root)``
lists the interactive controls under ``root`` a screen reader could only call by their class;
``name_corner_button(table)`` names the one control of a table Qt leaves nameless.

Not here: the palettes of the light and dark looks (``ui/theme.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
                               QGraphicsView, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QScrollBar,
                               QAbstractScrollArea, QScrollArea, QStackedWidget, QTabBar, QTableView, QTabWidget,
                               QTextEdit, QWidget)

from mnist_gui.core.i18n import QT_TR_NOOP, number, tr

RIGHT_MARK = "✓"
WRONG_MARK = "✗"

# Okabe & Ito (2008), "Color Universal Design": blue / vermillion on light, sky blue / orange on dark
_ON_LIGHT = ("#0072B2", "#D55E00")
_ON_DARK = ("#56B4E9", "#E69F00")

INTERACTIVE = (QAbstractButton, QAbstractSpinBox, QAbstractSlider, QComboBox, QAbstractItemView, QLineEdit,
               QPlainTextEdit, QTextEdit, QTabBar, QGraphicsView)


def verdict_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(right, wrong) readable on the palette's base colour, light or dark, and told apart without red-green."""
    pair = _ON_DARK if palette.color(QPalette.Base).lightness() < 128 else _ON_LIGHT
    return QColor(pair[0]), QColor(pair[1])


def verdict_word(right: bool) -> str:
    """"✓ right" or "✗ wrong": the verdict in shape and in words."""
    return tr("{mark} right").format(mark=RIGHT_MARK) if right else tr("{mark} wrong").format(mark=WRONG_MARK)


# shown translated: tr(VERDICT_KEY)
VERDICT_KEY = QT_TR_NOOP("Under each digit: your label, then ✓ or ✗, then what the network reads.")


def verdict_short(label: int, answer: int) -> str:
    """The mark under one of the person's digits: their label, ✓ or ✗, the network's answer ("6 ✗ 5",
    "3 ✓ 3"), in the order the Dataset grid paints them (``dataset.thumbnails``); ``VERDICT_KEY`` says so."""
    return f"{label} {RIGHT_MARK if int(label) == int(answer) else WRONG_MARK} {answer}"


def verdict_tip(label: int, answer: int) -> str:
    """The same in words, for a tooltip or a screen reader: "Yours: 6; the network reads 5 (✗ wrong)"."""
    return tr("Yours: {label}; the network reads {answer} ({verdict})").format(
        label=label, answer=answer, verdict=verdict_word(int(label) == int(answer)))


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gives ``widget``: Qt's accessible Name, and for a combo box (whose Name is
    its current value on Linux) the accessible name or the label that is its buddy."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Name).strip() if iface is not None and iface.isValid() else ""
    if isinstance(widget, QComboBox):
        label = widget.accessibleName() or _buddy_text(widget)
        return f"{label}: {name}" if label else ""
    return name


def _buddy_text(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip()
    return ""


def is_interactive(widget: QWidget) -> bool:
    """A control a user operates (not a scroll bar, header or a widget's inner part named qt_...)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, (QScrollBar, QHeaderView, QScrollArea,
                                                                     QTabWidget, QStackedWidget)):
        return False      # inner parts and containers: what they hold is named, not the box
    parent = widget.parentWidget()
    if parent is not None and (parent.objectName().startswith("qt_") or isinstance(parent, QComboBox)
                               or parent.inherits("QComboBoxPrivateContainer")
                               or (isinstance(parent, QAbstractScrollArea) and widget is parent.viewport())):
        return False
    return isinstance(widget, INTERACTIVE) or (widget.focusPolicy() != 0 and not isinstance(widget, QLabel))


def name_corner_button(table: QTableView) -> None:
    """Give the button in a table's top-left corner (a click selects every cell) a spoken name: Qt gives
    it none, and before 6.11 not even the object name (``qt_...``) that marks it as an inner part."""
    for child in table.children():  # its own child; the cells' widgets are the viewport's
        if isinstance(child, QAbstractButton):
            child.setAccessibleName(tr("Select all"))


def unnamed_controls(root: QWidget) -> list[tuple[QWidget, str]]:
    """(control, what it is called) for each interactive control under ``root`` whose spoken name is empty
    or only its class name: what a screen reader user could not tell apart."""
    found = []
    for widget in root.findChildren(QWidget):
        if not is_interactive(widget):
            continue
        name = spoken_name(widget)
        if not name or name in (type(widget).__name__, widget.metaObject().className()):
            found.append((widget, name))
    return found


_CURVE_WORDS = (("loss", QT_TR_NOOP("training loss {value:.4f}")),
                ("accuracy", QT_TR_NOOP("training accuracy {value:.1%}")),
                ("val_loss", QT_TR_NOOP("validation loss {value:.4f}")),
                ("val_accuracy", QT_TR_NOOP("validation accuracy {value:.1%}")),
                ("test_loss", QT_TR_NOOP("test loss {value:.4f}")),
                ("test_accuracy", QT_TR_NOOP("test accuracy {value:.1%}")))


def curves_description(run) -> str:
    """The training curves' last values in words, for a screen reader: "After epoch 3: training loss
    0.2100, training accuracy 94.0%, validation loss ..."; before the first epoch, the smoothed batch
    values. ``run``: a ``core.run_data.RunData``."""
    epochs = list(getattr(run, "epochs", []))
    if epochs:
        parts = []
        for key, words in _CURVE_WORDS:
            values = run.epoch_logs.get(key, [])
            if values and values[-1] == values[-1]:        # NaN: this run has no such number
                parts.append(tr(words).format(value=values[-1]))
        return tr("After epoch {epoch}: {values}.").format(epoch=number(epochs[-1], "g"), values=", ".join(parts))
    n = getattr(run, "n", 0)
    if n:
        return tr("During the first epoch, batch {n:,}: loss {loss:.4f}, accuracy {accuracy:.1%} (smoothed).").format(
            n=n, loss=run.loss_smooth[n - 1], accuracy=run.accuracy_smooth[n - 1])
    return tr("No run yet: start one to see the loss and accuracy curves.")


def focus_page(page: QWidget) -> None:
    """Put the keyboard on a page just shown by a shortcut (Ctrl+1 ...): its focus proxy (the pad, the
    grid) if it has one, else the control last used there, else its first control in the Tab order."""
    if page.focusProxy() is not None:
        page.setFocus(Qt.ShortcutFocusReason)
        return
    last = page.focusWidget()
    if last is not None and last.isVisible():
        last.setFocus(Qt.ShortcutFocusReason)
        return
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                and widget.focusPolicy() & Qt.TabFocus:
            widget.setFocus(Qt.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()
