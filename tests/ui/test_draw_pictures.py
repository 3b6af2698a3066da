"""A picture reads the same in the Draw tab as from ``mnist-gui predict``: one decoder, one paper -> ink rule.

The pictures are MNIST test digits turned into dark ink on grey paper (light, a mid-grey gradient, noisy),
enlarged and saved as PNG files. The Draw tab must show them as bright ink on black paper (the paper's
shade subtracted, as for a drawing) and give the command line's answer, the true label. A blank picture
(paper only) must say "Draw a digit", never name one.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage, QPainter, QPen

from mnist_gui import cli
from mnist_gui.core.paths import resource_path
from mnist_gui.core.reading import read_picture
from mnist_gui.data.images import save_png
from mnist_gui.nn import load_model
from mnist_gui.ui.draw.prediction_view import EMPTY_TEXT
from mnist_gui.ui.decode import decode_file
from mnist_gui.ui.draw.tab import BLANK_TEXT, DrawTab
from mnist_gui.ui.widgets.qimages import gray_to_qimage, qimage_to_array

MODEL = resource_path("models", "default.npz")
SIDE = 200


@pytest.fixture(scope="module")
def model():
    return load_model(MODEL)


@pytest.fixture
def tab(qtbot, model):
    tab = DrawTab()
    qtbot.addWidget(tab)
    tab.set_model(model)
    return tab


def paper(kind: str, shape: tuple[int, int], rng) -> np.ndarray:
    h, w = shape
    if kind == "light grey":
        return np.full(shape, 0.8, np.float32)
    if kind == "mid-grey gradient":  # uneven lighting, left to right (the border's spread read it as blank)
        return np.broadcast_to(np.linspace(0.5, 0.7, w, dtype=np.float32), shape).copy()
    if kind == "noisy":
        return np.clip(0.75 + rng.normal(0, 0.04, shape), 0, 1).astype(np.float32)
    raise ValueError(kind)


def on_paper(digit: np.ndarray, kind: str, shape: tuple[int, int], rng) -> np.ndarray:
    """An MNIST digit enlarged to SIDE x SIDE, as dark ink (0.1) on ``kind`` paper of ``shape``."""
    big = qimage_to_array(gray_to_qimage(digit).scaled(SIDE, SIDE, Qt.IgnoreAspectRatio,
                                                        Qt.SmoothTransformation))  # ink 0..1
    picture = paper(kind, shape, rng)
    top, left = (shape[0] - SIDE) // 2, (shape[1] - SIDE) // 2
    area = picture[top:top + SIDE, left:left + SIDE]
    picture[top:top + SIDE, left:left + SIDE] = area * (1 - big) + 0.1 * big
    return picture


def cli_answers(capsys, paths) -> list[dict]:
    capsys.readouterr()
    assert cli.main(["predict", str(MODEL), *map(str, paths), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["predictions"]


def tab_answer(tab) -> int | None:
    tab.update_prediction()
    top = tab.prediction.top()
    return None if top is None else top[0]


def border(image: np.ndarray) -> np.ndarray:
    return np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])


# square, wide and tall pictures: the pad's black margins beside a non-square picture must match its paper
@pytest.mark.parametrize("kind, shape", [("light grey", (SIDE, SIDE)), ("mid-grey gradient", (SIDE, 260)),
                                         ("noisy", (240, SIDE))])
def test_a_dark_digit_on_grey_paper_reads_the_same_as_from_the_command_line(tab, dataset, capsys, tmp_path,
                                                                            model, kind, shape):
    rng = np.random.default_rng(0)
    picks = [int(np.flatnonzero(dataset.y_test == d)[3]) for d in range(10)]
    paths = []
    for i in picks:
        paths.append(tmp_path / f"digit-{i}.png")
        save_png(paths[-1], on_paper(dataset.x_test[i], kind, shape, rng))
    answers = cli_answers(capsys, paths)
    differences = []
    for i, path, answer in zip(picks, paths, answers):
        label = int(dataset.y_test[i])
        assert answer["digit"] == label and not answer["blank"], f"the command line reads {path.name}"
        assert tab.open_file(path)
        assert tab_answer(tab) == answer["digit"] == label, f"{kind} {path.name}: the tab disagrees"
        shown = tab.pad.image()
        assert np.median(border(shown)) == 0 and border(shown).mean() < 0.02, "paper shows as black"
        assert shown.max() > 0.95, "the ink is bright"
        cli_input = read_picture(model, *decode_file(path)).digits[0].input
        differences.append(float(np.abs(tab.network_input() - cli_input).mean()))
    # the same input up to resampling (the pad holds the picture at its own size; noise makes the edges of
    # the ink differ a little more); now and then a crop box one pixel wider or a centre one pixel over
    assert np.median(differences) < 0.025 and max(differences) < 0.1, differences


def test_what_is_drawn_on_an_opened_white_picture_shows_and_is_read(tab, tmp_path):
    save_png(tmp_path / "white.png", np.ones((SIDE, 260), np.float32))
    assert tab.open_file(tmp_path / "white.png")
    assert tab.pad.image().max() == 0, "white paper shows black"
    tab.pad.draw_stroke([(140, 30), (142, 140), (144, 250)])
    image = tab.pad.image()
    k = image.shape[0] / 280
    assert image[int(140 * k), int(142 * k)] == 1.0 and image[int(140 * k), int(40 * k)] == 0.0, \
        "white ink on black paper, not white on white"
    assert tab_answer(tab) == 1


def test_a_transparent_picture_reads_as_paper_like_the_command_line(tab, tmp_path, capsys):
    image = QImage(240, 300, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setPen(QPen(QColor("black"), 22, Qt.SolidLine, Qt.RoundCap))
    painter.drawLine(120, 50, 120, 250)
    painter.end()
    path = tmp_path / "transparent-one.png"
    assert image.save(str(path))
    (answer,) = cli_answers(capsys, [path])
    assert tab.open_file(path)
    assert tab_answer(tab) == answer["digit"] == 1
    assert tab.pad.image()[0, 0] == 0 and tab.pad.image().max() > 0.95


def test_a_pasted_grey_paper_picture_reads_like_the_file(tab, dataset, tmp_path, capsys):
    i = int(np.flatnonzero(dataset.y_test == 4)[0])
    picture = on_paper(dataset.x_test[i], "light grey", (SIDE, 300), np.random.default_rng(1))
    save_png(tmp_path / "four.png", picture)
    (answer,) = cli_answers(capsys, [tmp_path / "four.png"])
    QGuiApplication.clipboard().setImage(gray_to_qimage(picture))
    assert tab.paste()
    assert tab_answer(tab) == answer["digit"] == 4
    assert np.median(border(tab.pad.image())) == 0


@pytest.mark.parametrize("level", [0.0, 0.5, 0.8, 1.0])
def test_a_blank_picture_says_draw_a_digit_not_a_digit(tab, tmp_path, capsys, level):
    path = tmp_path / "paper.png"
    save_png(path, np.full((SIDE, 260), level, np.float32))
    assert cli_answers(capsys, [path])[0]["blank"]
    assert tab.open_file(path)
    assert tab_answer(tab) is None and tab.prediction.message() == EMPTY_TEXT
    assert BLANK_TEXT in tab.status.text()
    assert tab.pad.image().max() == 0, "paper only: nothing on the pad"


def test_blank_noisy_paper_and_a_blank_dataset_picture_say_draw_a_digit(tab, tmp_path):
    noisy = np.clip(0.8 + np.random.default_rng(2).normal(0, 0.03, (SIDE, SIDE)), 0, 1)
    save_png(tmp_path / "noisy.png", noisy)
    assert tab.open_file(tmp_path / "noisy.png")
    assert tab_answer(tab) is None and tab.prediction.message() == EMPTY_TEXT
    tab.show_image(np.full((28, 28), 200, np.uint8))
    assert tab_answer(tab) is None and BLANK_TEXT in tab.status.text()


def test_a_drop_of_grey_paper_mime_data_is_read_by_the_same_rule(tab, dataset, model):
    i = int(np.flatnonzero(dataset.y_test == 7)[0])
    picture = on_paper(dataset.x_test[i], "light grey", (300, SIDE), np.random.default_rng(3))
    mime = QMimeData()
    mime.setImageData(gray_to_qimage(picture))
    event = QDropEvent(QPointF(100, 100), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    tab.dropEvent(event)
    assert event.isAccepted()
    expected = read_picture(model, picture).digits[0].input
    assert tab_answer(tab) == 7
    assert np.abs(tab.network_input() - expected).mean() < 0.03
