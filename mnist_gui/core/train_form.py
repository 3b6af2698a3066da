"""The Train tab's number fields as text: what the user typed -> a value, or the reason it is refused. No Qt.

Every number field of the settings form keeps exactly what was typed; this module reads it. The ranges and
their messages are ``mnist_gui.nn.presets.LIMITS``, the table ``TrainConfig.validate()`` (and so the command
line) uses, so the form and the CLI refuse the same values with the same words. ``read`` never changes a
value to make it fit: ``"1e6"`` as a learning rate is 1000000.0, refused, not 10.

Here too: how a value is written back into a field (``show``) and what an arrow key does (``step``), which
moves towards the allowed range and stops at its ends. Not here: the widgets (``ui/train/log_spinbox.py``),
rules between fields (the batch size against the training images: ``validate()``).
"""

from __future__ import annotations

import math
import re

from mnist_gui.core.i18n import tr
from mnist_gui.nn.presets import LIMITS

NUMBER_FIELDS = ("dropout", "learning_rate", "l2", "batch_size", "epochs", "train_size", "validation_split", "seed")
# what one arrow press adds; PageUp/PageDown are ten of them. The learning rate steps along 1-2-5 instead.
STEPS = {"dropout": 0.05, "l2": 1e-4, "validation_split": 0.05, "batch_size": 1, "epochs": 1,
         "train_size": 1000, "seed": 1, "learning_rate": None}
# the largest batch size the form lets through before validate() compares it with the training images
BATCH_CEILING = LIMITS["train_size"].high
_SEPARATORS = re.compile(r"[,_\s\u00a0\u202f]")     # 60,000 / 60_000 / 60 000 are all sixty thousand
_LADDER = [m * 10.0 ** e for e in range(-8, 4) for m in (1.0, 2.0, 5.0)]


def _limit(name: str):
    return LIMITS[name]


def _high(name: str) -> float:
    high = _limit(name).high
    return BATCH_CEILING if high is None else high


def read(name: str, text: str):
    """The number in field ``name``'s ``text`` (an int for whole-number fields), whether or not it is in range;
    ValueError("<name>: the ... must be ..., got '<text>'") when it is not a number of that kind."""
    limit = _limit(name)
    stripped = str(text).strip()
    if limit.whole:
        digits = _SEPARATORS.sub("", stripped)
        if re.fullmatch(r"[+-]?\d{1,30}", digits):
            return int(digits)
        try:
            number = float(digits)
        except ValueError:
            number = None
        if number is not None and math.isfinite(number) and number == int(number):
            return int(number)       # "1e3" epochs is a thousand
        # a fraction or letters: the table's own message, quoting what was typed
        raise ValueError(f"{name}: {limit.problem(name, number if number is not None else stripped, _high(name), tr)}")
    try:
        number = float(stripped)
    except ValueError:
        raise ValueError(f"{name}: {limit.problem(name, stripped, _high(name), tr)}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name}: {limit.problem(name, number, _high(name), tr)}")
    return number


def problem(name: str, text: str) -> str | None:
    """Why field ``name`` cannot hold ``text`` on its own ("learning_rate: the learning rate must be ...,
    got 1000000.0"), or None. The batch size is checked against the training images by validate()."""
    try:
        value = read(name, text)
    except ValueError as exc:
        return str(exc)
    reason = _limit(name).problem(name, value, _high(name), tr)
    return f"{name}: {reason}" if reason else None


def show(name: str, value) -> str:
    """How field ``name`` writes ``value``: whole numbers with thousands separators, others the shortest way
    that reads back exactly (0.001, 1e-05)."""
    if _limit(name).whole:
        return f"{int(value):,}"
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def step(name: str, value, steps: int):
    """``value`` moved ``steps`` arrow presses: by STEPS[name] (the learning rate along 1, 2, 5, 10, ...),
    never past the ends of the allowed range; a value outside the range comes back to its nearest end."""
    limit, high = _limit(name), _high(name)
    if name == "learning_rate":
        moved = nice_step(value, steps)
    else:
        moved = value + steps * STEPS[name]
    if limit.whole:
        return int(min(max(round(moved), limit.low), high))
    low = limit.low + (STEPS[name] or _LADDER[0]) if limit.low_open else limit.low
    top = high - STEPS[name] if limit.high_open else high
    return round(min(max(moved, low), top), 10)


def nice_step(value: float, steps: int) -> float:
    """The value ``steps`` places away from ``value`` along 1, 2, 5, 10, 20, 50, ..."""
    ladder = _LADDER
    # start from the nearest rung below (or at) the value, so 0.003 + 1 step -> 0.005
    i = max(k for k, v in enumerate(ladder) if v <= value * (1 + 1e-9)) if value >= ladder[0] else 0
    if steps < 0 and ladder[i] < value * (1 - 1e-9):
        i += 1
    return ladder[min(max(i + steps, 0), len(ladder) - 1)]
