"""From pictures to a trained model's probabilities: the one place that knows the model's input scale.

Models built by the app's presets start with ``Rescaling(1/255)`` and take 0-255 pixel values, like
MNIST's own uint8 files; a model built the tutorial's way takes [0, 1]. ``to_mnist`` gives [0, 1] and the
dataset gives uint8, so every caller (the command line, the Draw tab, the Dataset tab) converts through
``input_from_unit`` or ``input_from_uint8``, which look at the model's first layer. Nothing else about the
model is assumed beyond ``layers`` and ``predict``. No Qt here.
"""

from __future__ import annotations

import numpy as np


def takes_raw_pixels(model) -> bool:
    """True when the model rescales 0-255 pixels itself (its first layer is a ``Rescaling``)."""
    layers = getattr(model, "layers", None) or []
    return bool(layers) and type(layers[0]).__name__ == "Rescaling"


def input_from_unit(model, images01: np.ndarray) -> np.ndarray:
    """Images in [0, 1], (N, 28, 28) -> float32 input on the scale the model was trained on."""
    x = np.asarray(images01, dtype=np.float32)
    return x * np.float32(255.0) if takes_raw_pixels(model) else x


def input_from_uint8(model, images: np.ndarray) -> np.ndarray:
    """uint8 images (N, 28, 28) -> model input; no copy for models that rescale themselves."""
    if takes_raw_pixels(model):
        return images
    x = images.astype(np.float32)
    x *= np.float32(1.0 / 255.0)
    return x


def _probabilities(model, x, **kwargs):
    """The engine's silent, always-probabilities predict (its ``predict`` gives a linear output's logits,
    as Keras does, and shows a progress bar by default); any other model's ``predict``."""
    predict = getattr(model, "predict_probabilities", None)
    return predict(x, **kwargs) if predict is not None else model.predict(x, **kwargs)


def classify(model, image01: np.ndarray) -> np.ndarray:
    """One 28x28 network input in [0, 1] (what ``to_mnist`` returns) -> probabilities, float32 (classes,)."""
    return np.asarray(_probabilities(model, input_from_unit(model, np.asarray(image01)[None]))[0], dtype=np.float32)


def classify_batch(model, images01: np.ndarray, batch_size: int = 256) -> np.ndarray:
    """(N, 28, 28) inputs in [0, 1] -> probabilities (N, classes)."""
    return np.asarray(_probabilities(model, input_from_unit(model, images01), batch_size=batch_size), dtype=np.float32)


def classify_uint8(model, images: np.ndarray) -> np.ndarray:
    """uint8 images (N, 28, 28) as the dataset holds them -> probabilities (N, classes), float32."""
    return np.asarray(_probabilities(model, input_from_uint8(model, images)), dtype=np.float32)
