"""The Train form's names and descriptions in words (core.train_choices): the engine's and the data layer's
descriptions are in the German catalog, and every preset's description gives its own number of epochs, in
English and in the German catalog."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from mnist_gui.core import train_choices
from mnist_gui.core.paths import resource_path
from mnist_gui.data.augment import AUGMENTATION_DESCRIPTIONS, AUGMENTATION_PRESETS
from mnist_gui.nn.presets import PRESET_DESCRIPTIONS, PRESETS, SCHEDULE_NAMES

NUMBER_WORDS = {3: ("three", "drei")}


def test_the_engines_and_the_data_layers_descriptions_reach_the_german_catalog():
    root = ElementTree.parse(resource_path("i18n", "de_core.ts")).getroot()
    translated = {m.findtext("source"): m.find("translation") for m in root.iter("message")}
    for text in [*PRESET_DESCRIPTIONS.values(), *AUGMENTATION_DESCRIPTIONS.values()]:
        assert text in translated, f"not in the core catalog (packaging/translations.py update core): {text!r}"
        assert translated[text].get("type") != "unfinished" and translated[text].text, text


def test_every_preset_schedule_and_augmentation_has_a_word():
    names = {*PRESETS, train_choices.CUSTOM, *SCHEDULE_NAMES, *AUGMENTATION_PRESETS}
    assert names <= set(train_choices.WORDS)
    assert train_choices.shown_name("relu") == "relu" and train_choices.shown_name(None) == "None"


def test_each_preset_description_says_its_number_of_epochs_in_both_languages():
    german = {}
    for message in ElementTree.parse(resource_path("i18n", "de_core.ts")).getroot().iter("message"):
        german[message.findtext("source")] = message.findtext("translation") or ""
    for name, cfg in PRESETS.items():
        english = train_choices.PRESET_DESCRIPTIONS[name]
        count = "|".join([str(cfg.epochs), *NUMBER_WORDS.get(cfg.epochs, ())])
        for text, epochs in ((english, "epochs"), (german[english], "Epochen")):
            assert re.search(rf"\b({count})( \w+)? {epochs}\b", text), (name, text)
