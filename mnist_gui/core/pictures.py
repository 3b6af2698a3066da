"""From a picture to ink, and from ink to the digits the network is shown, without Qt: the one pipeline of
the Draw tab and ``mnist-gui predict``.

``picture_to_ink`` is the one picture -> ink rule (files, drops, pastes, digits sent from the Dataset tab,
the command line's files): the picture is brought to at most ``WORK_SIDE`` pixels a side (area
averaging), then ``mnist_gui.core.paper.separate_ink`` takes the paper away (uneven light, grey or
coloured paper, noise) and leaves ink bright on black, its strongest ink 1.0, or all zeros when nothing
stands out. A drawing on the pad is already ink. ``has_ink`` is the one test of whether ink is enough to
read (both paths apply it); ``digit_input`` makes a digit's ink MNIST-like (``to_mnist``), ``whole_input``
the whole ink taken as one digit.

Not here: the network's answer (``mnist_gui.core.reading``, over ``core.inference``), decoding files
(``mnist_gui.ui.decode`` with Qt, ``mnist_gui.data.images`` without), the Qt widgets (``mnist_gui.ui.draw``).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.core.paper import block_mean, separate_ink
from mnist_gui.data.preprocess import to_mnist

WORK_SIDE = 768  # pictures are read at most this big: a digit needs 20 x 20, 30 digits in a row ~600
INK_LEVEL = 0.3  # a pixel at least this bright is ink (anti-aliased fringes left by the eraser are not)
MIN_INK_FRACTION = 2e-4  # ink covering less than this (8 pixels of 200 x 200) counts as none


def picture_to_ink(picture) -> np.ndarray:
    """Any picture array (gray, RGB or RGBA; uint8, uint16 or float in [0, 1]; either polarity; any size)
    -> float32 (H, W) in [0, 1], ink bright on black, at most WORK_SIDE a side; zeros when blank."""
    return separate_ink(shrink(picture, WORK_SIDE))


def shrink(picture, side: int) -> np.ndarray:
    """A picture array with the longer side brought to at most about ``side`` by block means of a whole
    factor (float32 on the 0..1 scale when shrunk; otherwise the array itself)."""
    a = np.asarray(picture)
    if a.ndim < 2:
        raise ValueError(f"expected a picture of shape (H, W), (H, W, 3) or (H, W, 4), got {a.shape}")
    k = -(-max(a.shape[:2]) // side)
    if k <= 1:
        return a
    out = block_mean(a, k)
    if np.issubdtype(a.dtype, np.integer):  # the mean of integer samples, on the 0..1 scale
        out *= np.float32(1 / np.iinfo(a.dtype).max)
    return out


def has_ink(image: np.ndarray) -> bool:
    """Whether ink (bright, [0, 1]) holds enough to be worth reading.

    ``to_mnist`` would blow up a few stray anti-aliased pixels into a full-size blob and the network would
    then name a digit with confidence; an empty canvas or a blank picture must instead say so.
    """
    if image.size == 0:
        return False
    count = int(np.count_nonzero(image >= INK_LEVEL))
    return count >= max(3, MIN_INK_FRACTION * image.size)


def digit_input(ink: np.ndarray) -> np.ndarray | None:
    """One digit's ink -> its 28 x 28 network input in [0, 1], or None when too faint to be a digit."""
    x = to_mnist(ink)
    return x if x.any() else None


def whole_input(ink: np.ndarray, with_steps: bool = False):
    """The whole ink as one digit: (its 28 x 28 input, the ``to_mnist`` steps or None); (None, None) when
    there is not enough ink."""
    if not has_ink(ink):
        return None, None
    x, steps = to_mnist(ink, return_steps=True) if with_steps else (to_mnist(ink), None)
    return (x, steps) if x.any() else (None, None)
