"""From a picture or a drawing to what the network sees, without Qt: where is the ink, is there any, the input.

``picture_to_ink`` is the one picture -> ink rule of the Draw tab (files, drops, pastes, digits sent from
the Dataset tab), and it takes the very steps ``to_mnist`` takes for ``mnist-gui predict``: colour and
transparency -> gray by ``mnist_gui.data.gray``, then ``mnist_gui.data.preprocess.extract_ink`` reads the
polarity from the border (its median is the paper), subtracts the paper to 0 and makes the brightest ink
1.0. So a dark digit on grey paper shows on the pad as bright ink on black, like a drawing, and the window
and the command line give it the same answer. ``has_ink`` and ``network_input`` turn the pad's drawing
into the 28x28 input, or into nothing for an empty one.

Not here: the model's input scale and the answer (``mnist_gui.core.inference``), the Qt widgets
(``mnist_gui.ui.draw``) and the saliency map (``mnist_gui.core.saliency``).
"""

from __future__ import annotations

import numpy as np

from mnist_gui.data.preprocess import as_gray, extract_ink, to_mnist

INK_LEVEL = 0.3  # a pixel at least this bright is ink (anti-aliased fringes left by the eraser are not)
MIN_INK_FRACTION = 2e-4  # a canvas with less ink than this (8 pixels of 200 x 200) counts as empty


def picture_to_ink(picture) -> np.ndarray:
    """Any picture array (gray, RGB or RGBA; uint8 or float in [0, 1]; either polarity) -> float32 (H, W)
    in [0, 1], ink bright on black paper, its brightest ink 1.0; all zeros for a blank picture."""
    gray = as_gray(picture)
    ink = extract_ink(gray)
    return np.zeros(gray.shape, np.float32) if ink is None else ink.astype(np.float32, copy=False)


def has_ink(image: np.ndarray) -> bool:
    """Whether a drawing (ink bright, [0, 1]) holds enough ink to be worth classifying.

    ``to_mnist`` would blow up a few stray anti-aliased pixels into a full-size blob and the network would
    then name a digit with confidence; an empty canvas must instead say "draw a digit".
    """
    if image.size == 0:
        return False
    count = int(np.count_nonzero(image >= INK_LEVEL))
    return count >= max(3, MIN_INK_FRACTION * image.size)


def network_input(image: np.ndarray, with_steps: bool = False):
    """Drawing -> (the 28x28 network input, the dict of ``to_mnist`` steps or None).

    Both are None for an empty drawing, and for one whose ink ``to_mnist`` finds too faint to be a digit
    (the network would name a digit for an all-black input, and with confidence). The steps are only
    computed when ``with_steps`` is true.
    """
    if not has_ink(image):
        return None, None
    x, steps = to_mnist(image, return_steps=True) if with_steps else (to_mnist(image), None)
    if not x.any():
        return None, None
    return x, steps
