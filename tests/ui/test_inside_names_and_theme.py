"""The Inside tab reads as one: the answer's explanation names the classes as the Layers picture does (also in
another language), no connection line runs through a class name, no text of the picture is cut in a small
window, and the map (PCA) follows View → Theme while the app runs."""

from __future__ import annotations

import types

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from mnist_gui.core import i18n
from mnist_gui.core.paths import resource_path
from mnist_gui.core.pca import PcaMap
from mnist_gui.nn import load_model
from mnist_gui.ui.inside import InsideTab
from mnist_gui.ui.inside.network_columns import wrapped_height
from mnist_gui.ui.theme import apply_theme, is_dark

GERMAN_DIGITS = dict(zip(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
                         ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]))


@pytest.fixture(scope="module")
def cnn():
    return load_model(resource_path("models", "default.npz"))


@pytest.fixture
def tab(qtbot, dataset, cnn):
    images = types.SimpleNamespace(x_test=dataset.x_test[:300], y_test=dataset.y_test[:300],
                                   class_names=dataset.class_names)
    w = InsideTab(images)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.set_model(cnn)
    w.set_input(dataset.x_test[0].astype(np.float32) / 255)   # a seven
    w.update_view()
    yield w
    w.shutdown()


@pytest.fixture
def digit_words():
    """The digit names in German (the rest English), as the window's translator would give them."""
    i18n.set_hook(lambda text, disambiguation, n: GERMAN_DIGITS.get(text, text).replace("%n", str(n)))
    yield
    i18n.set_hook(None)


def test_the_answer_is_explained_with_the_class_names_the_picture_shows(digit_words, tab):
    tab.update_view()
    assert tab.network.class_names[7] == "sieben"
    tab.select_unit(tab.trace.answer.index, 7)
    assert "sieben" in tab.detail.title.text() and "seven" not in tab.detail.title.text()
    assert "sieben" in tab.detail.weights_label.text()
    lines = tab.detail.arithmetic.toPlainText().splitlines()
    assert lines[0].startswith("logit z_sieben ")
    table = [line.split()[0] for line in lines if line.split() and line.split()[0] in GERMAN_DIGITS.values()]
    assert table == list(GERMAN_DIGITS.values())       # every row of the softmax table, in the picture's words
    assert not any(word in "\n".join(lines) for word in ("zero", "three", "seven"))


def _colourful(colour: QColor) -> bool:
    return colour.hsvSaturation() > 90 and colour.value() > 60


def test_no_connection_line_runs_through_a_class_name(tab):
    for size in ((1280, 460), (900, 400)):
        tab.network.resize(*size)
        QApplication.processEvents()
        picture = tab.network.grab().toImage()
        ratio = picture.devicePixelRatio()
        answer = next(c for c in tab.network._columns if c.view.kind == "output")
        rows = tab.network._rows(answer)
        assert tab.trace.answer.shown.size == 10
        for k, name in enumerate(rows.names):
            box = rows.name_rect(k).adjusted(1, 1, -1, -1)
            hits = [(x, y) for x in range(int(box.left()), int(box.right()))
                    for y in range(int(box.top()), int(box.bottom()))
                    if _colourful(picture.pixelColor(int(x * ratio), int(y * ratio)))]
            assert not hits, f"a line crosses {name!r} at {hits[:3]} ({size})"


def test_a_small_picture_cuts_no_title_name_or_number(tab):
    tab.network.resize(620, 330)
    QApplication.processEvents()
    net = tab.network
    fm = QFontMetricsF(net._small_font())
    for c in [net._input_column] + net._columns:
        assert wrapped_height(fm, c.rect.width(), net._title(c.view)) <= c.header + 0.5
        assert wrapped_height(fm, c.rect.width(), net._footer_words(c.view)) <= c.footer + 0.5
    answer = net._rows(next(c for c in net._columns if c.view.kind == "output"))
    for k, name in enumerate(answer.names):
        assert answer.name_rect(k).width() >= fm.horizontalAdvance(name)            # the whole name
        assert not answer.name_rect(k).intersects(answer.number_rect(k))             # numbers beside it
        lines = answer.numbers[k].split("\n")
        assert len(lines) * fm.lineSpacing() <= answer.row(k).height() + 0.5        # rows not on each other
        assert max(fm.horizontalAdvance(line) for line in lines) <= answer.number_rect(k).width()


def test_the_map_follows_the_theme_while_the_app_runs(qapp, tab):
    coords = np.random.default_rng(0).normal(size=(50, 2)).astype(np.float32)
    tab.pca_view.show_map(PcaMap(layer="dense", coords=coords, labels=np.arange(50) % 10,
                                 explained=np.array([0.2, 0.1]), mean=np.zeros(4), components=np.zeros((2, 4))),
                          np.zeros((50, 28, 28), np.uint8), None)
    try:
        for theme in ("light", "dark", "light"):
            apply_theme(qapp, theme)
            QApplication.processEvents()
            background = tab.pca_view.plot.backgroundBrush().color()
            assert is_dark(tab.palette()) == (theme == "dark")
            assert (background.lightness() < 100) == (theme == "dark"), (theme, background.name())
            axis = tab.pca_view.plot.getAxis("bottom")
            assert axis.textPen().color().name() == tab.palette().windowText().color().name()
            assert tab.palette().windowText().color().name() in axis.labelString()
    finally:
        apply_theme(qapp, "system")

