"""The Train tab's words in another language: the form's names shown in words but read as names (the words
and the descriptions themselves: tests/core/test_train_choices.py)."""

from __future__ import annotations

from mnist_gui.core import train_choices
from mnist_gui.ui.train.controls import TrainingControls


def test_the_boxes_show_words_but_the_form_reads_names(qtbot, monkeypatch):
    monkeypatch.setattr(train_choices, "tr", lambda text, *_: text.upper())      # a language that shouts
    controls = TrainingControls()
    qtbot.addWidget(controls)
    controls.apply_preset("best-mlp")
    assert controls.schedule.currentText() == "COSINE" and controls.augmentation.currentText() == "STANDARD"
    assert controls.preset.currentText() == "BEST-MLP"
    assert controls.optimizer.currentText() == "adam"          # a name with no word of its own stays as it is
    cfg = controls.config()
    assert (cfg.schedule, cfg.augmentation, cfg.optimizer) == ("cosine", "standard", "adam")
    controls.augmentation.setCurrentIndex(controls.augmentation.findData("strong"))
    assert controls.config().augmentation == "strong" and controls.preset.currentText() == "CUSTOM"
    assert controls.is_valid()
