"""What a model says about the person's digits, remembered by each digit's pixels. No Qt here.

My digits changes one digit at a time (a keep, a relabel, a delete, an undo), and a label does not change
what the network sees, so after the first look only new pictures are run through the model: keeping a
digit costs one forward pass, not one per digit kept (0.5 ms each for the default CNN on the development
machine, 5 s for 10,000). The answers are for one model at a time; another model starts afresh.
"""

from __future__ import annotations

import numpy as np

from mnist_gui.core.inference import classify_uint8


class DigitAnswers:
    """``probabilities(model, images)``: (N, C) float32 for uint8 images (N, 28, 28)."""

    def __init__(self):
        self._model = None
        self._known: dict[bytes, np.ndarray] = {}

    def missing(self, model, images: np.ndarray) -> np.ndarray:
        """The distinct pictures among ``images`` the model has not answered yet, (M, 28, 28) uint8."""
        self._use(model)
        missing = list(dict.fromkeys(k for k in (image.tobytes() for image in images) if k not in self._known))
        return np.frombuffer(b"".join(missing), np.uint8).reshape(len(missing), *images.shape[1:])

    def remember(self, model, images: np.ndarray, probs: np.ndarray) -> None:
        """Answers worked out elsewhere (off the GUI thread) for ``images`` by ``model``."""
        if model is self._model and len(probs) == len(images):
            self._known.update(zip((image.tobytes() for image in images), np.asarray(probs, np.float32)))

    def _use(self, model) -> None:
        if model is not self._model:
            self._model, self._known = model, {}

    def probabilities(self, model, images: np.ndarray) -> np.ndarray:
        self._use(model)
        keys = [image.tobytes() for image in images]
        missing = list(dict.fromkeys(k for k in keys if k not in self._known))
        if missing:
            fresh = np.frombuffer(b"".join(missing), np.uint8).reshape(len(missing), *images.shape[1:])
            probs = classify_uint8(model, fresh)
            if probs.ndim != 2 or len(probs) != len(missing):
                raise ValueError(f"the model answered with shape {probs.shape} for {len(missing)} digits")
            self._known.update(zip(missing, probs))
        if len(self._known) > 2 * len(keys) + 100:  # many deleted digits remembered: forget them
            wanted = set(keys)
            self._known = {k: v for k, v in self._known.items() if k in wanted}
        if not keys:
            return np.zeros((0, 10), np.float32)
        return np.stack([self._known[k] for k in keys]).astype(np.float32, copy=False)
