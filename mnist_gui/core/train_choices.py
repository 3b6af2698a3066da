"""The names the Train form offers, in words: presets, learning-rate schedules and augmentations shown in the
chosen language ("cosine" -> "Kosinus" in German), and the presets' and augmentations' descriptions. No Qt.

A name itself (``tutorial``, ``cosine``, ``strong``) is what ``TrainConfig``, the command line, the run store
and the generated Keras code spell; ``shown_name`` is what the form's boxes, the log and the tooltips show.
Names without a word of their own (``relu``, ``adam``) are shown as they are.

The descriptions are the engine's and the data layer's own (``nn.presets.PRESET_DESCRIPTIONS``,
``data.augment.AUGMENTATION_DESCRIPTIONS``), marked there for the catalog and translated here. Not here: which names
exist and what they do (``mnist_gui.nn.presets``, ``mnist_gui.data.augment``), the combo boxes
(``ui/train/choices.py``).
"""

from __future__ import annotations

from mnist_gui.core.i18n import QT_TR_NOOP, tr
from mnist_gui.data.augment import AUGMENTATION_DESCRIPTIONS
from mnist_gui.nn.presets import PRESET_DESCRIPTIONS

__all__ = ["AUGMENTATION_DESCRIPTIONS", "CUSTOM", "PRESET_DESCRIPTIONS", "WORDS", "described", "shown_name"]

CUSTOM = "custom"    # the preset box's entry for settings that match no preset

# the names that are words, shown translated: presets, architectures, learning-rate schedules, augmentations
WORDS = {
    "tutorial": QT_TR_NOOP("tutorial"), "fast": QT_TR_NOOP("fast"), "quick-mlp": QT_TR_NOOP("quick-mlp"),
    "best-mlp": QT_TR_NOOP("best-mlp"), "cnn": QT_TR_NOOP("cnn"), "mlp": QT_TR_NOOP("mlp"),
    CUSTOM: QT_TR_NOOP("custom"),
    "constant": QT_TR_NOOP("constant"), "step": QT_TR_NOOP("step"), "cosine": QT_TR_NOOP("cosine"),
    "none": QT_TR_NOOP("none"), "light": QT_TR_NOOP("light"), "standard": QT_TR_NOOP("standard"),
    "strong": QT_TR_NOOP("strong"),
}



def shown_name(name, words=None) -> str:
    """``name`` as the form shows it ("cosine" -> "Kosinus" in German; "adam" stays "adam"); ``words``:
    ``i18n.english`` for text that stays English (the name itself), by default ``tr``."""
    return (words or tr)(WORDS[name]) if isinstance(name, str) and name in WORDS else str(name)


def described(descriptions: dict, name: str, otherwise: str) -> str:
    """``descriptions[name]`` (one of the dicts above) in the chosen language, else ``otherwise``."""
    return tr(descriptions[name]) if name in descriptions else otherwise
