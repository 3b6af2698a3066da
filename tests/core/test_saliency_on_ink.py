"""The occlusion map carried back from the 28x28 input to the ink it was made from (``heat_on_ink``)."""

from __future__ import annotations

import numpy as np

from mnist_gui.core.saliency import heat_on_ink
from mnist_gui.data.preprocess import to_mnist


def bar_ink() -> np.ndarray:
    ink = np.zeros((200, 240), np.float32)
    ink[40:160, 100:140] = 1.0  # a tall bar, 40 wide and 120 high, at x=100, y=40
    return ink


def test_the_map_lands_on_the_box_the_ink_was_cropped_to():
    ink = bar_ink()
    x = to_mnist(ink)
    heat = np.where(x > 0, 1.0, 0.0).astype(np.float32)
    big, box = heat_on_ink(heat, x, ink)
    assert box == (100, 40, 40, 120)
    assert big.shape == (120, 40) and big.min() > 0.9, "all of the bar's ink carries the map"


def test_the_top_of_the_input_comes_back_to_the_top_of_the_ink():
    ink = bar_ink()
    x = to_mnist(ink)
    rows = np.flatnonzero(x.any(axis=1))
    heat = np.zeros_like(x)
    heat[rows[0]:rows[0] + 3][x[rows[0]:rows[0] + 3] > 0] = -1.0  # evidence against, at the top only
    big, _ = heat_on_ink(heat, x, ink)
    assert big[:10].min() == -1.0 and np.all(big[-40:] == 0), "top stays top, the sign is kept"


def test_off_the_ink_nothing_is_coloured_and_blank_ink_gives_none():
    ink = np.zeros((100, 100), np.float32)
    ink[20:80, 45:55] = 1.0
    ink[20:80, 50] = 0.0  # a gap inside the stroke
    x = to_mnist(ink)
    big, (bx, by, w, h) = heat_on_ink(np.ones_like(x), x, ink)
    assert np.all(big[:, 50 - bx] == 0)
    assert heat_on_ink(np.ones((28, 28), np.float32), np.zeros((28, 28), np.float32), np.zeros((50, 50))) is None
