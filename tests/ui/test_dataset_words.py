"""The Dataset tab's words fit: the numbers over the bars never overlap (in English and German, narrow or
wide), the detail's title wraps instead of losing its end, and the count of images shown has its plural."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from mnist_gui.core import i18n
from mnist_gui.ui.dataset.controls import DatasetControls
from mnist_gui.ui.dataset.detail import ImageDetail
from mnist_gui.ui.widgets.bar_chart import BarChart

COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]     # the training split's


@pytest.fixture(params=["en", "de"])
def language(request):
    if request.param == "de":   # German numbers ("5.923"): the catalog is not needed for them
        i18n.set_hook(lambda text, disambiguation, n: text.replace("%n", str(n)), "de")
    yield request.param
    i18n.set_hook(None)


@pytest.mark.parametrize("width", [170, 250, 330, 600])
def test_the_numbers_over_the_bars_never_overlap(qtbot, language, width):
    chart = BarChart("Images per class")
    qtbot.addWidget(chart)
    chart.resize(width, 180)
    chart.set_data(COUNTS)
    chart.show()
    QApplication.processEvents()
    font, placed = chart.value_labels()
    assert placed, "no number at all"
    for (a, _), (b, _) in itertools.combinations(placed, 2):
        assert not a.intersects(b), (a, b)
    for box, _text in placed:
        assert 0 <= box.left() and box.right() <= chart.width()
    if width >= 600:   # room for all of them, at a readable size
        assert [text for _box, text in placed] == [i18n.local("{:,.0f}").format(v) for v in COUNTS]
        assert font.pointSizeF() >= 0.8 * chart.font().pointSizeF()
    chart.grab()       # and it paints


def test_the_detail_title_wraps_rather_than_losing_its_end(qtbot):
    detail = ImageDetail()
    qtbot.addWidget(detail)
    detail.resize(300, 600)
    detail.show()
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    detail.show_image(12345, "a rather long split name", np.zeros((28, 28), np.uint8), 4, names, None)
    QApplication.processEvents()
    title = detail.title
    assert title.fontMetrics().horizontalAdvance(title.text()) > title.width()   # too long for one line
    assert title.heightForWidth(title.width()) <= title.height()                   # all of it shown


def test_the_count_of_images_shown_has_a_plural(qtbot):
    controls = DatasetControls({"train": 60000, "test": 1}, ["zero", "one"])
    qtbot.addWidget(controls)
    controls.set_count(62, 60000)
    assert controls.count_label.text() == "Showing 62 of 60,000 images"
    controls.set_count(1, 1)
    assert controls.count_label.text() == "Showing 1 of 1 image"
