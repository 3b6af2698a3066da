"""Classify pictures of digits with a trained model: the one path from any image to probabilities.

``to_mnist`` turns a picture into a 28x28 float image in [0, 1]. Models built by the app's presets start
with ``Rescaling(1/255)`` and take 0-255 pixel values (like MNIST's own uint8 files), while a model built
the tutorial's way takes [0, 1]; ``model_input`` looks at the first layer and scales accordingly.
No Qt here.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.data.preprocess import to_mnist


def expects_raw_pixels(model) -> bool:
    """True when the model's first layer rescales 0-255 pixels itself."""
    layers = getattr(model, "layers", None) or []
    return bool(layers) and type(layers[0]).__name__ == "Rescaling"


def model_input(model, images01: np.ndarray) -> np.ndarray:
    """Images in [0, 1], shape (N, 28, 28) -> float32 input on the scale the model was trained on."""
    x = np.asarray(images01, dtype=np.float32)
    return x * np.float32(255.0) if expects_raw_pixels(model) else x


def classify(model, image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Any grayscale picture of one digit -> (the 28x28 network input in [0, 1], probabilities (10,)).

    A blank picture gives all-zero input and probabilities of NaN-free but meaningless values, so
    callers that care (the drawing pad) check for ink first.
    """
    x = to_mnist(image)
    probs = model.predict(model_input(model, x[None]))[0]
    return x, probs
