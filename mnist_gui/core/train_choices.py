"""The names the Train form offers, in words: presets, learning-rate schedules and augmentations shown in the
chosen language ("cosine" -> "Kosinus" in German), and the presets' and augmentations' descriptions. No Qt.

A name itself (``tutorial``, ``cosine``, ``strong``) is what ``TrainConfig``, the command line, the run store
and the generated Keras code spell; ``shown_name`` is what the form's boxes, the log and the tooltips show.
Names without a word of their own (``relu``, ``adam``) are shown as they are.

The descriptions are English copies of the ones the engine and the data layer keep
(``nn.presets.PRESET_DESCRIPTIONS``, ``data.augment.AUGMENTATION_DESCRIPTIONS``), which may not import
``core.i18n``; ``tests/core/test_train_choices.py`` fails when the two drift apart. Not here: which names
exist and what they do (``mnist_gui.nn.presets``, ``mnist_gui.data.augment``), the combo boxes
(``ui/train/choices.py``).
"""

from __future__ import annotations

from mnist_gui.core.i18n import QT_TR_NOOP, tr

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

PRESET_DESCRIPTIONS = {
    "tutorial": QT_TR_NOOP("The TensorFlow beginner tutorial: 784-128-10, Adam, batch 32, 5 epochs (about 97.5%)."),
    "fast": QT_TR_NOOP("784-128-10 with larger batches, a higher learning rate and a cosine decay: about 97% in "
                       "three quick epochs."),
    "quick-mlp": QT_TR_NOOP("A fully connected network tuned to be quick: 784-384-384-10 with dropout 0.15, Adam and "
                            "a cosine learning-rate decay over 9 epochs of batch 256 (98.5-98.7% in about half a "
                            "minute)."),
    "best-mlp": QT_TR_NOOP("The app's best fully connected network: 784-512-512-10 with dropout 0.2, trained on "
                           "randomly distorted digits (standard augmentation) for 20 epochs with a cosine decay "
                           "(about 99%)."),
    "cnn": QT_TR_NOOP("A small convolutional network (two 3x3 convolutions of 32 and 64 filters, each with 2x2 max "
                      "pooling, then 128 units): on distorted digits for 12 epochs, the most accurate and the best on "
                      "handwriting unlike MNIST's; a few minutes to train."),
}
AUGMENTATION_DESCRIPTIONS = {
    "none": QT_TR_NOOP("No distortion: the network sees the training images as they are."),
    "light": QT_TR_NOOP("Small rotations, slants, size changes and shifts."),
    "standard": QT_TR_NOOP("Rotations up to 12 degrees, slants up to 11 degrees, sizes 0.92-1.08x, shifts up to 1 "
                           "pixel and bolder or thinner strokes: MNIST accuracy up, and closer to real handwriting."),
    "strong": QT_TR_NOOP("Larger distortions than standard plus elastic (rubber-sheet) distortion: for convolutional "
                         "networks and long runs; about twice as slow."),
}


def shown_name(name, words=None) -> str:
    """``name`` as the form shows it ("cosine" -> "Kosinus" in German; "adam" stays "adam"); ``words``:
    ``i18n.english`` for text that stays English (the name itself), by default ``tr``."""
    return (words or tr)(WORDS[name]) if isinstance(name, str) and name in WORDS else str(name)


def described(descriptions: dict, name: str, otherwise: str) -> str:
    """``descriptions[name]`` (one of the dicts above) in the chosen language, else ``otherwise``."""
    return tr(descriptions[name]) if name in descriptions else otherwise
