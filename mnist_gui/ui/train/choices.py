"""The Train tab's combo boxes of names: each item shows its name in the chosen language and keeps the name
itself (``tutorial``, ``cosine``, ``strong``, as ``TrainConfig``, the command line and the run store spell it)
as its item data, which is what the form reads and sets.

A name from an older or damaged record that the box does not list is added, shown as it came, so the form can
say why it is refused. Not here: the names' words and the descriptions (``mnist_gui.core.train_choices``),
which names exist and what they mean (``mnist_gui.nn.presets``, ``mnist_gui.data.augment``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from mnist_gui.core.train_choices import shown_name


def fill(combo: QComboBox, names) -> None:
    """Add ``names`` to ``combo``, each shown in words, the name kept as the item's data."""
    for name in names:
        combo.addItem(shown_name(name), name)


def choose(combo: QComboBox, name: str) -> None:
    """Select ``name`` in ``combo``, adding it first (shown as it is) if the box does not list it."""
    if combo.findData(name) < 0:
        combo.addItem(shown_name(str(name)), name)
    combo.setCurrentIndex(combo.findData(name))
