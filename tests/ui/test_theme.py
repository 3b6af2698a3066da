"""View → Theme: System, Light and Dark change the palette and the plots at once, are kept in the settings
(across a restart, i.e. a new window on the same settings file), and a damaged value falls back to System."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from mnist_gui.ui.main_window import MainWindow
from mnist_gui.ui.theme import apply_theme, current_theme, is_dark


@pytest.fixture(autouse=True)
def back_to_system(qapp, monkeypatch):
    monkeypatch.delenv("MNIST_GUI_COLOR_SCHEME", raising=False)
    yield
    apply_theme(qapp, "system")


def _plot_background(window) -> tuple:
    return window.training_tab.plots.graphics.backgroundBrush().color().getRgb()[:3]


def _curve_colour(window) -> tuple:
    return window.training_tab.plots.curves["loss_smooth"].opts["pen"].color().getRgb()[:3]


def _window(qtbot, dataset, settings) -> MainWindow:
    window = MainWindow(dataset, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()      # the palette reaches the widgets through posted events
    return window


def _choose(window, theme: str) -> None:
    window.actions[f"theme_{theme}"].trigger()
    QApplication.processEvents()


def test_choosing_dark_then_light_repaints_the_app_and_the_plots(qtbot, small_dataset, settings):
    window = _window(qtbot, small_dataset, settings)
    assert window.actions["theme_system"].isChecked()
    _choose(window, "dark")
    assert is_dark(QApplication.palette()) and is_dark(window.palette())
    dark_plot, dark_curve = _plot_background(window), _curve_colour(window)
    assert sum(dark_plot) < 3 * 100, dark_plot
    assert window.actions["theme_dark"].isChecked() and not window.actions["theme_light"].isChecked()
    text = window.palette().color(QPalette.WindowText).name()
    legend = window.training_tab.plots.loss_plot.legend
    assert all(text in label.item.toHtml().lower() for _sample, label in legend.items)   # readable on dark
    _choose(window, "light")
    assert not is_dark(window.palette())
    light_plot = _plot_background(window)
    assert sum(light_plot) > 3 * 180, light_plot
    assert _curve_colour(window) != dark_curve          # the curves are drawn in colours for a light background


def test_the_theme_is_kept_across_a_restart(qtbot, small_dataset, settings):
    window = _window(qtbot, small_dataset, settings)
    _choose(window, "dark")
    window.close()
    apply_theme(QApplication.instance(), "light")        # a new start begins with the app's default look
    again = _window(qtbot, small_dataset, settings)
    assert current_theme() == "dark" and is_dark(again.palette())
    assert again.actions["theme_dark"].isChecked()
    assert sum(_plot_background(again)) < 3 * 100


def test_a_damaged_theme_falls_back_to_system_and_says_so(qtbot, small_dataset, settings):
    settings.setValue("view/theme", "purple")
    settings.sync()
    window = _window(qtbot, small_dataset, settings)
    assert current_theme() == "system" and window.actions["theme_system"].isChecked()
    assert any("colour theme" in problem for problem in window.recovered)
    assert settings.value("view/theme") == "system"


def test_the_environment_stands_in_for_the_system_scheme(qtbot, small_dataset, settings, monkeypatch):
    monkeypatch.setenv("MNIST_GUI_COLOR_SCHEME", "dark")
    window = _window(qtbot, small_dataset, settings)
    assert current_theme() == "system" and is_dark(window.palette())
    _choose(window, "light")                                # a choice in the menu still wins
    assert not is_dark(window.palette())


def _indicator_contrast(qtbot, checked: bool) -> int:
    """How much lighter than the box's inside the lightest pixel of an empty check box's outline is, or
    (light theme) how much darker: what tells the eye a box is there."""
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton

    box = QCheckBox("Log loss", checked=checked)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    rect = box.style().subElementRect(QStyle.SE_CheckBoxIndicator, option, box)
    image = box.grab().toImage()
    inside = image.pixelColor(rect.center().x() - 3, rect.center().y() + 3).lightness()
    edge = [image.pixelColor(rect.left() + dx, rect.top() + dy).lightness()
            for dx in range(-1, 3) for dy in range(-1, 3)]
    return max(abs(v - inside) for v in edge)


def test_check_boxes_show_their_outline_in_both_themes(qtbot, qapp):
    apply_theme(qapp, "dark")
    assert _indicator_contrast(qtbot, checked=False) >= 60        # an empty box on dark grey still shows
    assert _indicator_contrast(qtbot, checked=True) >= 60
    apply_theme(qapp, "light")
    assert _indicator_contrast(qtbot, checked=False) >= 60
