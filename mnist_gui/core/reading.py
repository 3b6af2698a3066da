"""What the network reads in a picture or a drawing: the digits, left to right, and the whole number.

``read_ink`` takes ink (from ``mnist_gui.core.pictures.picture_to_ink``, or the pad's drawing), cuts it
into digits (``core.numbers``) and classifies them all in one batch; ``read_picture`` does the same for a
decoded picture, with the boxes in the picture's own pixels. A ``Reading`` holds each digit's box, input
and ten probabilities, and ``single``: the best single-digit reading of the picture, that is its one
digit, or the whole ink read as one digit when there are several (what ``mnist-gui predict`` has always
answered as ``digit``). A blank picture reads as no digits, never as a digit. No Qt here.

Not here: the model's input scale (``core.inference``), finding the ink (``core.pictures``, ``core.paper``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mnist_gui.core.inference import classify_batch
from mnist_gui.core.numbers import split_digits
from mnist_gui.core.pictures import digit_input, has_ink, picture_to_ink, whole_input
from mnist_gui.data.preprocess import to_mnist


@dataclass
class Digit:
    box: tuple[int, int, int, int]  # x, y, width, height
    input: np.ndarray  # (28, 28) in [0, 1]: what the network is shown
    probabilities: np.ndarray | None = None  # (classes,), None without a model

    def label(self) -> int | None:
        return None if self.probabilities is None else int(np.argmax(self.probabilities))


@dataclass
class Reading:
    digits: list[Digit] = field(default_factory=list)  # left to right
    single: Digit | None = None  # the picture read as one digit (None when blank)
    steps: dict | None = None  # to_mnist's steps for the digit shown large (``focus``)
    problem: str = ""  # why nothing was read although there is ink (too many marks)

    @property
    def blank(self) -> bool:
        return self.single is None

    def text(self, names=None) -> str:
        """The digits left to right ("2024"; "" when blank or without a model). Classes are written as
        their ``names`` when every name is one character (letters, say), else as their numbers: MNIST's
        names are the words "zero" to "nine"."""
        labels = [d.label() for d in self.digits]
        if not labels or None in labels:
            return ""
        short = names is not None and all(len(str(n)) == 1 for n in names)
        return "".join(str(names[k]) if short else str(k) for k in labels)

    def focus(self) -> int | None:
        """The digit to show large: the only one, or of several the one the network is least sure of."""
        if not self.digits:
            return None
        if len(self.digits) == 1 or self.digits[0].probabilities is None:
            return 0
        return int(np.argmin([float(d.probabilities.max()) for d in self.digits]))


def read_ink(model, ink: np.ndarray, with_steps: bool = False) -> Reading:
    """Ink (float32 (H, W) in [0, 1], bright) -> its Reading; ``model`` None gives the inputs only."""
    if not has_ink(ink):
        return Reading()
    try:
        found = split_digits(ink)
    except ValueError as exc:
        return Reading(problem=str(exc))
    # every candidate (each digit, and the parts of each way to cut one that may be touching digits)
    candidates = [c for d in found for c in (d, *(p for way in d.cuts for p in way))]
    inputs = {id(c): digit_input(c.ink) for c in candidates}
    candidates = [c for c in candidates if inputs[id(c)] is not None]
    if not candidates:
        return Reading()
    batch = np.stack([inputs[id(c)] for c in candidates])
    probs = classify_batch(model, batch) if model is not None else [None] * len(batch)
    known = {id(c): (c, Digit(c.box, inputs[id(c)], p)) for c, p in zip(candidates, probs)}
    chosen = [c for d in found for c in _choose(d, known)]
    digits = [known[id(c)][1] for c in chosen]
    if len(digits) == 1:
        single = digits[0]
    else:  # the whole ink as one digit, as the command line has always answered
        whole, _ = whole_input(ink)
        single = Digit((0, 0, ink.shape[1], ink.shape[0]), whole,
                       None if model is None else classify_batch(model, whole[None])[0])
    reading = Reading(digits, single)
    if with_steps:
        _, reading.steps = to_mnist(chosen[reading.focus()].ink, return_steps=True)
    return reading


def _choose(digit, known: dict) -> tuple:
    """A digit, or the way of cutting it into touching digits that the network finds likeliest (the product
    of the parts' confidences against the whole's); without a network to ask, the digit whole."""
    ways = [way for way in digit.cuts if all(id(p) in known for p in way)]
    whole = (digit,) if id(digit) in known else ()
    if not ways:
        return whole
    if known[id(ways[0][0])][1].probabilities is None:
        return whole or ways[0]
    options = ([whole] if whole else []) + ways
    likelihood = [np.prod([float(known[id(p)][1].probabilities.max()) for p in way]) for way in options]
    return options[int(np.argmax(likelihood))]


def read_picture(model, picture, size: tuple[int, int] | None = None, with_steps: bool = False) -> Reading:
    """A decoded picture array -> its Reading, boxes in the pixels of a picture of ``size`` (width, height):
    the decoder may hand over a smaller copy of a big photo; by default the array's own size."""
    ink = picture_to_ink(picture)
    reading = read_ink(model, ink, with_steps)
    if size is not None and ink.size:
        sx, sy = size[0] / ink.shape[1], size[1] / ink.shape[0]
        for digit in {id(d): d for d in reading.digits + [reading.single] if d is not None}.values():
            x, y, w, h = digit.box
            digit.box = (int(round(x * sx)), int(round(y * sy)), max(int(round(w * sx)), 1),
                         max(int(round(h * sy)), 1))
    return reading
