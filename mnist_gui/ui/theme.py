"""Light and dark palettes, the user's choice between them, and the colours the plots use in each.

The app uses Qt's Fusion style, which draws well with any palette (through ``_Style``, which outlines check
boxes so they show on a dark one). ``THEMES`` are the choices of View →
Theme: "system" follows the system's colour scheme (``QStyleHints.colorScheme``, Qt 6.5+, re-applied when it
changes), "light" and "dark" fix it. ``MNIST_GUI_COLOR_SCHEME=light|dark`` stands in for the system's scheme
(what "system" means: for screenshots and for desktops that do not report one); a choice of Light or Dark
in the menu still wins. ``apply_theme`` sets the application palette, so every widget gets a
``QEvent.PaletteChange``: widgets that paint with their own colours (pyqtgraph plots, thumbnails, bar charts)
ask :func:`plot_colors` or their palette for colours that suit it and restyle themselves. Not here: where
the choice is kept (``mnist_gui.core.settings``, key ``view/theme``) and the menu (``ui/main_menus.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from mnist_gui.core.i18n import QT_TR_NOOP

ERROR_COLOR = "#d64545"


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    disabled = QColor(130, 130, 130)
    for role, color in [
        (QPalette.Window, window), (QPalette.WindowText, text), (QPalette.Base, base),
        (QPalette.AlternateBase, QColor(40, 40, 43)), (QPalette.ToolTipBase, QColor(60, 60, 64)),
        (QPalette.ToolTipText, text), (QPalette.PlaceholderText, QColor(150, 150, 150)),
        (QPalette.Text, text), (QPalette.Button, QColor(55, 55, 58)), (QPalette.ButtonText, text),
        (QPalette.BrightText, QColor(255, 90, 90)), (QPalette.Light, QColor(75, 75, 78)),
        (QPalette.Midlight, QColor(62, 62, 65)), (QPalette.Mid, QColor(40, 40, 42)),
        (QPalette.Dark, QColor(25, 25, 27)), (QPalette.Shadow, QColor(10, 10, 10)),
        (QPalette.Highlight, QColor(42, 130, 218)), (QPalette.HighlightedText, QColor(255, 255, 255)),
        (QPalette.Link, QColor(100, 170, 255)), (QPalette.LinkVisited, QColor(170, 140, 255)),
    ]:
        p.setColor(role, color)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, disabled)
    return p


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette draws light text on a dark window."""
    if palette is None:
        palette = QGuiApplication.palette()
    return palette.color(QPalette.Window).lightness() < 128


def check_outline(palette: QPalette) -> QColor:
    """The outline of a check box on a dark palette: halfway between the field and the text, so an empty box
    shows (Fusion draws it a little darker than the window: invisible on dark grey)."""
    base, text = palette.color(QPalette.Base), palette.color(QPalette.WindowText)
    return QColor((base.red() + text.red()) // 2, (base.green() + text.green()) // 2, (base.blue() + text.blue()) // 2)


class _Style(QProxyStyle):
    """Fusion, with check boxes (the runs table's Show and ★ columns, the plots' options) outlined so they show
    on a dark palette (``apply_theme`` uses it for the dark theme only)."""

    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt override
        super().drawPrimitive(element, option, painter, widget)
        # Fusion draws an item view's check box through PE_IndicatorCheckBox too (via this proxy)
        if element != QStyle.PE_IndicatorCheckBox or not is_dark(option.palette):
            return
        if option.state & QStyle.State_HasFocus and option.state & QStyle.State_KeyboardFocusChange:
            return                                # Fusion's highlighted outline shows the keyboard focus
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing, True)
        painter.translate(0.5, 0.5)               # the rectangle Fusion draws, on the same pixels
        painter.setPen(QPen(check_outline(option.palette)))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()


# View → Theme, in menu order (the menu translates the names)
THEMES = {"system": QT_TR_NOOP("&System"), "light": QT_TR_NOOP("&Light"), "dark": QT_TR_NOOP("&Dark")}
_CHOICE = "mnist_gui_theme"   # the application property holding the current choice


def requested_scheme() -> str:
    """'dark' or 'light' as the system asks: the environment override, else the system's colour scheme."""
    forced = os.environ.get("MNIST_GUI_COLOR_SCHEME", "").strip().lower()
    if forced in ("dark", "light"):
        return forced
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def current_theme(app: QApplication | None = None) -> str:
    """The choice last given to :func:`apply_theme`: 'system', 'light' or 'dark'."""
    app = app or QApplication.instance()
    choice = app.property(_CHOICE) if app is not None else None
    return choice if choice in THEMES else "system"


def apply_theme(app: QApplication, theme: str | None = None) -> None:
    """Use Fusion and the palette of ``theme``: 'light', 'dark', or 'system'/None for the system's."""
    if theme not in (None, *THEMES):
        raise ValueError(f"unknown theme: {theme!r} (expected one of {', '.join(THEMES)})")
    theme = theme or "system"
    app.setProperty(_CHOICE, theme)
    scheme = requested_scheme() if theme == "system" else theme
    # the outlining style only where it is needed: its Python drawPrimitive makes a table's repaint ~2x slower
    if scheme == "dark" and not isinstance(app.style(), _Style):
        app.setStyle(_Style())
    elif scheme != "dark" and (isinstance(app.style(), _Style) or app.style().name().lower() != "fusion"):
        app.setStyle("Fusion")
    if scheme == "dark":
        # a platform theme may already hand Fusion a dark palette; keep it if so
        palette = app.palette() if is_dark(app.palette()) else _dark_palette()
    else:
        palette = app.style().standardPalette()
        if is_dark(palette):   # some platforms hand Fusion the system's dark palette as its standard one
            palette = QPalette(QColor(239, 239, 239))
    app.setPalette(palette)


def follow_system_scheme(app: QApplication) -> None:
    """Re-apply the theme whenever the system switches between light and dark, if the choice is 'system'."""
    if os.environ.get("MNIST_GUI_COLOR_SCHEME"):
        return
    app.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(app, "system") if current_theme(app) == "system" else None)


@dataclass(frozen=True)
class PlotColors:
    """Colours for pyqtgraph items, chosen to be readable on the current palette."""

    background: QColor
    foreground: QColor
    batch: QColor      # raw per-batch values (drawn faint)
    smoothed: QColor   # smoothed per-batch curve
    train: QColor      # per-epoch training values
    val: QColor        # per-epoch validation values
    earlier: QColor    # runs from before the current one
    crosshair: QColor


def plot_colors(palette: QPalette | None = None) -> PlotColors:
    if palette is None:
        palette = QGuiApplication.palette()
    dark = is_dark(palette)
    fg = palette.color(QPalette.WindowText)
    if dark:
        smoothed, train, val = QColor("#5fa8ff"), QColor("#ffa24c"), QColor("#5ad17a")
        batch, earlier = QColor(140, 170, 210, 90), QColor(205, 160, 235, 120)
    else:
        smoothed, train, val = QColor("#1f63c6"), QColor("#e06c00"), QColor("#1b8a3a")
        batch, earlier = QColor(70, 110, 170, 70), QColor(140, 70, 170, 120)
    return PlotColors(
        background=palette.color(QPalette.Base), foreground=fg,
        batch=batch, smoothed=smoothed, train=train, val=val, earlier=earlier,
        crosshair=QColor(fg.red(), fg.green(), fg.blue(), 110),
    )
