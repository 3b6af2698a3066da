"""Layouts that fit: every tab at 1024×640, 1280×720 and 1366×768 (and at 200 % in a subprocess) has no
two visible sibling widgets overlapping, no widget cut by its parent, no label, button or check box whose
text does not fit, and the window keeps the size it was given whatever the tabs show (the Draw tab's steps
and saliency, a long crosshair readout, a trained run in the table).

``layout_problems(window)`` is the check, in plain words, one a problem; the 200 % test runs this file's
``_check_at_scale`` in a fresh interpreter, because ``QT_SCALE_FACTOR`` is read when the QApplication is made.
The offscreen platform is given a screen of the size wanted through its ``configfile`` option.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QLabel, QLayout, QPushButton,
                               QRadioButton, QStyle, QStyleOptionButton, QToolButton, QWidget)

from mnist_gui.ui.window_settings import MIN_SIZE

SIZES = [MIN_SIZE, (1024, 640), (1280, 720), (1366, 768)]      # the first is the window's minimum size
TAB_NAMES = ["Train", "Dataset", "Draw", "Inside"]


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
        problem = _text_problem(parent)
        if problem:
            problems.append(problem)
    return problems


def _blank(widget: QWidget) -> bool:
    """An empty label shows nothing, so nothing of it can be hidden under a neighbour."""
    return (isinstance(widget, QLabel) and not widget.text()
            and (widget.pixmap() is None or widget.pixmap().isNull()))


def _rect(r: QRect) -> str:
    return f"{r.x()},{r.y()} {r.width()}×{r.height()}"


def _settle(qapp, rounds: int = 3) -> None:
    for _ in range(rounds):
        qapp.processEvents()


def _draw_a_digit(window) -> None:
    pad = window.draw_tab.pad
    pad.draw_stroke([(140.0, 45.0 + 19.0 * i) for i in range(11)])
    window.draw_tab.update_prediction()


def _fake_training(plots) -> None:
    """Two epochs of made-up numbers on the plots, and the crosshair's line of words for the middle."""
    x = [i / 50 for i in range(1, 101)]
    plots.begin_run(100, epochs=2, steps=50, validation=False)
    plots.add_batches({"x": x, "loss": [2.3 / (1 + v) for v in x], "accuracy": [0.5 + v / 5 for v in x]})
    for epoch in (1, 2):
        plots.add_epoch({"epoch": epoch, "loss": 0.5 / epoch, "accuracy": 0.9, "test_loss": 0.4 / epoch,
                         "test_accuracy": 0.91})
    plots.readout.set_line(plots.readout_at(1.5))


def every_tab_problems(window, qapp, size) -> list[str]:
    """Show each tab in turn (the Draw tab with its steps and saliency on) and collect what is broken and
    whether the window changed size."""
    found = []
    for index, name in enumerate(TAB_NAMES):
        window.tabs.setCurrentIndex(index)
        _settle(qapp)
        if name == "Draw":
            _draw_a_digit(window)
            view = window.draw_tab.network_view
            view.steps_box.setChecked(True)
            view.overlay_box.setChecked(True)
            _settle(qapp)
        if name == "Train":
            _fake_training(window.training_tab.plots)
            _settle(qapp)
        found += [f"{name} tab: {p}" for p in layout_problems(window)]
        if (window.width(), window.height()) != size:
            found.append(f"{name} tab: the window became {window.width()}×{window.height()}, was {size[0]}×{size[1]}")
    return found


@pytest.fixture
def default_model():
    from mnist_gui.ui.app import load_default_model

    model = load_default_model()
    if model is None:
        pytest.skip("no bundled default model")
    return model


def make_window(qtbot, dataset, settings, model, size):
    from mnist_gui.ui.main_window import MainWindow

    window = MainWindow(dataset, model, settings=settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_tab_fits_and_the_window_keeps_its_size(qtbot, qapp, small_dataset, settings, default_model, size):
    window = make_window(qtbot, small_dataset, settings, default_model, size)
    assert (window.width(), window.height()) == size
    problems = every_tab_problems(window, qapp, size)
    assert not problems, "\n".join(problems)


def test_a_page_that_grows_never_grows_the_window(qtbot, qapp, small_dataset, settings, default_model):
    """Whatever a tab comes to need (steps shown, a longer text), it scrolls; the window keeps its size."""
    window = make_window(qtbot, small_dataset, settings, default_model, (1024, 640))
    window.tabs.setCurrentIndex(2)
    window.draw_tab.network_view.setMinimumSize(1500, 1200)
    window.training_tab.plots.readout.setMinimumWidth(1500)
    _settle(qapp)
    assert (window.width(), window.height()) == (1024, 640)
    assert window.minimumSize().width() <= 960 and window.minimumSize().height() <= 520


def test_a_window_kept_from_a_bigger_screen_opens_inside_this_one(qtbot, small_dataset, settings, default_model):
    from mnist_gui.ui.main_window import MainWindow

    free = make_window(qtbot, small_dataset, settings, default_model, (1024, 640)).screen().availableGeometry()
    big = MainWindow(small_dataset, default_model, settings=settings)
    qtbot.addWidget(big)
    big.setGeometry(free.right() - 100, free.top() + 50, free.width() + 400, free.height() + 300)
    big.close()
    again = MainWindow(small_dataset, default_model, settings=settings)
    qtbot.addWidget(again)
    assert free.contains(again.frameGeometry()), (again.frameGeometry(), free)


def test_the_dividers_are_where_the_user_left_them(qtbot, small_dataset, settings, default_model):
    from PySide6.QtWidgets import QSplitter

    window = make_window(qtbot, small_dataset, settings, default_model, (1366, 768))
    window.tabs.setCurrentIndex(1)
    splitter = window.dataset_tab.findChildren(QSplitter)[0]
    total = sum(splitter.sizes())
    before = splitter.sizes()
    splitter.setSizes([total - 320, 320])            # the detail panel made narrower
    wanted = splitter.sizes()
    assert wanted != before
    window.close()
    again = make_window(qtbot, small_dataset, settings, default_model, (1366, 768))
    assert again.tabs.currentIndex() == 1
    assert again.dataset_tab.findChildren(QSplitter)[0].sizes() == wanted


def test_damaged_divider_positions_are_reset_and_said(qtbot, small_dataset, settings, default_model):
    settings.setValue("window/splitters", '{"dataset/0": ["wide", -3]}')
    window = make_window(qtbot, small_dataset, settings, default_model, (1366, 768))
    assert any("dividers" in problem for problem in window.recovered)
    assert settings.value("window/splitters") in (None, "{}")
    assert layout_problems(window) == []


def test_the_checks_see_a_cut_button_and_overlapping_widgets(qtbot):
    """The checks themselves: a squeezed button and two widgets placed on top of each other are found."""
    from PySide6.QtWidgets import QHBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    button = QPushButton("Open picture")
    button.setMaximumWidth(40)
    row.addWidget(button)
    row.addWidget(QLabel("a label"))
    box.resize(300, 60)
    box.show()
    qtbot.waitExposed(box)
    problems = layout_problems(box)
    assert any("Open picture" in p and "needs" in p for p in problems)
    second = row.itemAt(1).widget()
    second.setGeometry(button.geometry())
    assert any("overlap" in p for p in layout_problems(box))


def test_the_window_is_never_smaller_than_usable(qtbot, small_dataset, settings, default_model):
    window = make_window(qtbot, small_dataset, settings, default_model, (1024, 640))
    window.resize(300, 200)
    minimum = window.minimumSize()
    assert 600 <= minimum.width() <= 960 and 400 <= minimum.height() <= 520
    assert window.width() >= minimum.width() and window.height() >= minimum.height()


def _check_at_scale(screen_w: int, screen_h: int, out: str) -> None:
    """Run in a subprocess with QT_SCALE_FACTOR set: open the app window on a screen of this size, as the
    app does, and write what is wrong (and the sizes) as JSON to ``out``."""
    import dataclasses
    import tempfile

    from PySide6.QtCore import QSettings

    from mnist_gui.data.mnist import load_dataset
    from mnist_gui.ui.app import load_default_model, make_application
    from mnist_gui.ui.main_window import MainWindow

    app = make_application(["layout-test"])
    data = load_dataset()
    data = dataclasses.replace(data, x_train=data.x_train[:2000], y_train=data.y_train[:2000],
                               x_test=data.x_test[:500], y_test=data.y_test[:500])
    folder = tempfile.mkdtemp()
    window = MainWindow(data, load_default_model(), settings=QSettings(f"{folder}/s.ini", QSettings.IniFormat))
    window.show()
    for _ in range(5):
        app.processEvents()
    screen = window.screen().availableGeometry()
    size = (window.width(), window.height())
    frame = window.frameGeometry()
    problems = every_tab_problems(window, app, size)
    sideways = [TAB_NAMES[i] for i in range(window.tabs.count())
                if window.tabs.widget(i).minimumSizeHint().width() > window.tabs.width()]
    result = {"screen": [screen.width(), screen.height()], "window": list(size), "sideways": sideways,
              "fits": screen.contains(frame), "ratio": window.devicePixelRatioF(), "problems": problems}
    Path(out).write_text(json.dumps(result))
    window.close()


@pytest.mark.parametrize("screen,scale", [((1920, 1080), 2), ((1366, 768), 1), ((1280, 720), 1), ((1024, 640), 1)],
                         ids=["1920x1080@200%", "1366x768@100%", "1280x720@100%", "1024x640@100%"])
def test_the_window_opens_to_fit_the_screen(tmp_path, screen, scale):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "dpr": 1}]}))
    out = tmp_path / "result.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale))
    code = (f"import runpy; ns = runpy.run_path({str(Path(__file__))!r}); "
            f"ns['_check_at_scale']({screen[0]}, {screen[1]}, {str(out)!r})")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["ratio"] == scale
    assert result["screen"] == [screen[0] // scale, screen[1] // scale]
    assert result["fits"], f"a {result['window']} window on a {result['screen']} screen"
    assert not result["problems"], "\n".join(result["problems"])
    if scale == 1:     # from 1024 pixels up no tab needs scrolling sideways
        assert result["sideways"] == []
