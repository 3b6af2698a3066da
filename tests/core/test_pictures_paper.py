"""Real paper: the ink of a picture is found whatever the paper's shade, colour and light (``core.paper``),
and a picture of paper alone is blank, for the window and the command line alike (one rule, one threshold).

Each picture here is an MNIST test digit (or a plain stroke) put on paper by hand, so the answer is known.
"""

from __future__ import annotations

import numpy as np
import pytest

from mnist_gui.core.paper import separate_ink
from mnist_gui.core.paths import resource_path
from mnist_gui.core.pictures import has_ink, picture_to_ink
from mnist_gui.core.reading import read_picture
from mnist_gui.nn import load_model


@pytest.fixture(scope="module")
def model():
    return load_model(resource_path("models", "default.npz"))


def enlarged(digit: np.ndarray, k: int = 6) -> np.ndarray:
    """An MNIST digit k times bigger, ink in [0, 1]."""
    return np.kron(digit.astype(np.float32) / 255, np.ones((k, k), np.float32))


def on(paper: np.ndarray, ink: np.ndarray, colour) -> np.ndarray:
    """``ink`` (H, W) in [0, 1] of ``colour`` (gray or RGB) laid on ``paper`` (H, W) or (H, W, 3)."""
    alpha = ink if paper.ndim == 2 else ink[..., None]
    return paper * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def picks(dataset, n_each=3):
    return [int(i) for d in range(10) for i in np.flatnonzero(dataset.y_test == d)[:n_each]]


def test_a_digit_on_a_half_to_seven_tenths_gradient_reads(dataset, model):
    """Issue 14: the border's spread of a 0.5 -> 0.7 gradient used to be taken for noise, so the digit vanished."""
    right = 0
    for i in picks(dataset):
        ink = enlarged(dataset.x_test[i])
        paper = np.broadcast_to(np.linspace(0.5, 0.7, ink.shape[1], dtype=np.float32), ink.shape)
        right += read_picture(model, on(paper, ink, 0.1)).text() == str(dataset.y_test[i])
    assert right >= 28, f"{right} of 30"


def test_uneven_light_and_a_shadow_are_taken_away(dataset, model):
    yy, xx = np.mgrid[0:168, 0:240].astype(np.float32)
    lamp = 0.9 - 0.3 * ((xx - 60) ** 2 + (yy - 40) ** 2) / 240 ** 2  # a lamp up left
    shadow = 1 - 0.3 / (1 + np.exp(-(xx - 185) / 6))  # the phone's soft shadow over the right side
    right = 0
    for i in picks(dataset):
        ink = np.pad(enlarged(dataset.x_test[i]), ((0, 0), (36, 36)))
        picture = on(lamp, ink, 0.15) * shadow
        shown = picture_to_ink(picture)
        assert shown[:, 200:].max() < 0.3, "the shadow's paper is not ink"
        right += read_picture(model, picture).text() == str(dataset.y_test[i])
    assert right >= 28, f"{right} of 30"


def test_coloured_ink_on_coloured_paper_of_the_same_lightness(dataset, model):
    paper = np.array([0.85, 0.75, 0.25], np.float32)  # yellow
    ink_colour = np.array([0.55, 0.70, 1.00], np.float32)  # light blue, almost as light
    lum = np.array([0.299, 0.587, 0.114])
    assert abs(paper @ lum - ink_colour @ lum) < 0.05, "a test of colour, not of lightness"
    right = 0
    for i in picks(dataset):
        ink = enlarged(dataset.x_test[i])
        picture = on(np.broadcast_to(paper, ink.shape + (3,)), ink, ink_colour)
        right += read_picture(model, (picture * 255).astype(np.uint8)).text() == str(dataset.y_test[i])
    assert right >= 28, f"{right} of 30"


def test_light_ink_on_dark_paper_and_a_transparent_canvas(dataset, model):
    i = int(np.flatnonzero(dataset.y_test == 3)[0])
    ink = enlarged(dataset.x_test[i])
    assert read_picture(model, on(np.full(ink.shape, 0.2, np.float32), ink, 0.9)).text() == "3", "chalk on a board"
    rgba = np.zeros(ink.shape + (4,), np.uint8)
    rgba[..., 3] = (ink * 255).astype(np.uint8)  # black ink on a transparent canvas: paper is white
    assert read_picture(model, rgba).text() == "3"


def test_a_glare_spot_on_paper_with_dark_ink_is_not_ink():
    paper = np.full((200, 200), 0.7, np.float32)
    paper[150:180, 20:60] = 1.0  # a reflection
    paper[40:140, 95:105] = 0.1  # a stroke
    ink = separate_ink(paper)
    assert ink[150:180, 20:60].max() == 0 and ink[60:120, 98:102].min() > 0.9


@pytest.mark.parametrize("picture", [
    np.full((120, 160), 0.8, np.float32),
    np.broadcast_to(np.linspace(0.5, 0.7, 160, dtype=np.float32), (120, 160)),
    np.clip(0.75 + np.random.default_rng(0).normal(0, 0.04, (120, 160)), 0, 1),
    np.full((1, 1), 0.3, np.float32),
    np.zeros((0, 5), np.float32),
    np.full((60, 80, 3), (0.9, 0.85, 0.6), np.float32),  # cream
], ids=["grey", "gradient", "noisy", "1x1", "empty", "cream"])
def test_paper_alone_is_blank(picture, model):
    assert not picture_to_ink(picture).any()
    reading = read_picture(model, picture)
    assert reading.blank and reading.text() == "" and reading.digits == []


def test_all_ink_and_hostile_arrays_give_a_sensible_reading_or_a_clear_error(model):
    assert read_picture(model, np.zeros((300, 400), np.float32)).blank, "all ink, nothing on it: blank"
    frame = np.zeros((300, 400), np.float32)
    frame[:10], frame[-10:], frame[:, :10], frame[:, -10:] = 1, 1, 1, 1  # a black picture with a white frame
    assert len(read_picture(model, frame).digits) == 1
    rng = np.random.default_rng(1)
    assert not has_ink(picture_to_ink(rng.random((300, 400)).astype(np.float32))), "pure noise is no ink"
    with pytest.raises(ValueError, match="NaN"):
        picture_to_ink(np.full((10, 10), np.nan, np.float32))
    with pytest.raises(ValueError, match="shape"):
        picture_to_ink(np.zeros((4, 4, 5), np.float32))
    strip = np.ones((100, 20000), np.float32)
    strip[20:80, 10000:10040] = 0
    assert picture_to_ink(strip).shape[1] <= 768, "a strip is read small, not at 20000 pixels"
