"""From a drawing to the network's answer, without Qt: has it ink, what does the network see, what does it say.

The input scale rule (``classify``): models built by ``presets.build_model`` start with a ``Rescaling(1/255)``
layer and so expect 0-255 pixel values, like MNIST's uint8 files; a model built without one (the tutorial's
way) expects [0, 1]. ``to_mnist`` gives [0, 1], so when ``model.layers[0]`` is a ``Rescaling`` layer we
multiply by 255 first; that rule lives in ``mnist_gui.core.inference``, shared with the command line and the
Dataset tab.

Not here: the Qt widgets (``draw_tab`` and friends) and the saliency map (``saliency_math``).
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

    Both are None for an empty drawing; the steps are only computed when ``with_steps`` is true.
    """
    if not has_ink(image):
        return None, None
    if with_steps:
        return to_mnist(image, return_steps=True)
    return to_mnist(image), None
