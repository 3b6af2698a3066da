"""The core layer's words in German: with the German catalog as ``tr``'s hook (read here without Qt, as the
window's translator would give it), the texts the window takes from the core read in German, counts in
their German plural, numbers in their places; without a hook the same calls give the English the command
line prints."""

from __future__ import annotations

import errno
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest

from mnist_gui.core import i18n, settings, training_text
from mnist_gui.core.digit_folders import FolderRead
from mnist_gui.core.finetune_report import advice
from mnist_gui.core.paths import resource_path
from mnist_gui.core.train_diagnostics import layer_labels
from mnist_gui.nn.presets import PRESETS


def _catalog(path: Path) -> dict:
    found = {}
    for message in ElementTree.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        found[(message.findtext("source"), message.findtext("comment") or "")] = forms
    return found


@pytest.fixture
def german():
    catalog = _catalog(resource_path("i18n", "de_core.ts"))

    def hook(text, disambiguation, n):
        forms = catalog.get((text, disambiguation or ""), [text])
        return (forms[0] if n == 1 else forms[-1]).replace("%n", str(n))

    i18n.set_hook(hook)
    yield
    i18n.set_hook(None)


from test_finetune import _Answers  # noqa: E402  (a model that gives fixed answers)


def test_the_train_tab_lines_read_in_german(german):
    cfg = PRESETS["tutorial"]
    assert training_text.summary_line(cfg) == ("784 → 128 relu → 10 softmax · 101,770 Parameter · 5 Epochen × "
                                               "1,875 Stapel zu 32")
    line = training_text.epoch_line({"epoch": 1, "epochs": 1, "loss": 0.5, "accuracy": 0.9, "seconds": 2.0})
    assert line == "Epoche 1/1 · Verlust 0.5000 · Genauigkeit 90.00% · 2.0 s"
    # the command line's Keras-style line stays English whatever the window's language
    assert training_text.epoch_line({"epoch": 1, "epochs": 1, "loss": 0.5}, style="keras") == "Epoch 1/1 - loss: 0.5000"
    assert training_text.label("batch_size") == "Stapelgröße"
    problem = training_text.file_error("Die Kurven konnten nicht exportiert werden", "/x/a.csv",
                                       OSError(errno.ENOSPC, "No space left on device"))
    assert problem.startswith("Die Kurven konnten nicht exportiert werden (/x/a.csv): der Datenträger ist voll.")


def test_counts_take_the_german_plural(german):
    assert layer_labels([{"kind": "conv", "units": 1}, {"units": 1}, {"units": 10}]) == [
        "Faltung 1 (1 Filter)", "Dense 1 (1 Einheit)", "Ausgabe (10 Klassen)"]
    read = FolderRead(Path("/tmp/mine"), "images", np.zeros((1200, 28, 28), np.uint8), np.zeros(1200, np.uint8),
                      duplicates=1, not_pictures=2)
    assert read.message() == ("1,200 Ziffern aus /tmp/mine gelesen. 1 Duplikat nur einmal behalten; 2 Dateien, die "
                              "keine Bilder sind, ignoriert.")
    assert settings.check("recent_models", '["a", 3]')[1] == ("die Liste der zuletzt verwendeten Modelldateien: "
                                                              "1 unbrauchbarer Eintrag entfernt")


def test_the_fine_tuning_advice_reads_in_german(german):
    labels = np.repeat(np.arange(10), 6)
    answers = labels.copy()
    answers[labels == 7] = [7, 1, 1, 7, 7, 7]  # two 7s misread
    answers[np.flatnonzero(labels == 9)[0]] = 4  # one 9
    assert advice(_Answers(answers), np.zeros((60, 28, 28), np.uint8), labels) == (
        "Zeichnen Sie 6 weitere 7er und 3 weitere 9er: es liest Ihre 7er und 9er falsch.")
    labels = np.concatenate([np.repeat(np.arange(1, 10), 5), [0, 0, 0, 0]])
    assert advice(_Answers(labels), np.zeros((49, 28, 28), np.uint8), labels) == (
        "Zeichnen Sie 1 weitere 0: es gibt zu wenige Ihrer 0er, um daraus zu lernen.")


def test_without_a_hook_the_same_calls_are_english():
    read = FolderRead(Path("/tmp/mine"), "images", np.zeros((1, 28, 28), np.uint8), np.zeros(1, np.uint8),
                      not_pictures=1)
    assert read.message() == "Read 1 digit from /tmp/mine. 1 file that is not a picture ignored."
    assert layer_labels([{"kind": "conv", "units": 1}, {"units": 10}]) == ["Convolution 1 (1 filter)",
                                                                           "Output (10 classes)"]


def test_the_generated_keras_code_stays_english_in_a_german_window(german):
    from mnist_gui.core.keras_code import keras_code
    cfg = PRESETS["best-mlp"]
    code = keras_code(cfg)
    i18n.set_hook(None)
    assert code == keras_code(cfg)                       # the same program as in an English window
    words = " ".join(code.split())
    assert "parameters · 20 epochs × 469 batches of 128 · standard augmentation" in words
    assert not any(german in words for german in ("Parameter ·", "Epoche", "Stapel", "Augmentierung"))


def test_names_log_lines_and_tips_say_the_names_the_form_shows(german):
    from mnist_gui.core.train_choices import shown_name
    assert [shown_name(n) for n in ("constant", "step", "cosine")] == ["konstant", "stufenweise", "Kosinus"]
    assert [shown_name(n) for n in ("none", "light", "standard", "strong")] == ["keine", "leicht", "Standard",
                                                                                "stark"]
    assert shown_name("adam") == "adam"
    header = training_text.run_header(3, PRESETS["best-mlp"])
    assert "Kosinus" in header and "cosine" not in header
    assert training_text.summary_line(PRESETS["best-mlp"]).endswith("Augmentierung „Standard“")
    assert f"„{shown_name('custom')}“" in training_text.tip("preset")
    assert f"„{shown_name('strong')}“" in training_text.tip("augmentation")
    assert all(shown_name(n) in training_text.tip("schedule") for n in ("constant", "step", "cosine"))


def test_a_setting_out_of_range_is_refused_in_german_and_in_english(german):
    from mnist_gui.core import train_form
    from mnist_gui.core.train_fields import plain

    message = plain(train_form.problem("learning_rate", "1e6"))
    assert message.startswith("Lernrate: „Lernrate“ muss größer als 0 und höchstens 10 sein"), message
    assert "1000000.0" in message
    assert "muss eine ganze Zahl von 1 bis 1000 sein" in plain(train_form.problem("epochs", "2.5"))
    i18n.set_hook(None)
    assert plain(train_form.problem("learning_rate", "1e6")) == (
        "Learning rate: the learning rate must be greater than 0 and at most 10, got 1000000.0")


def test_the_epoch_line_writes_german_numbers(german):
    hook = i18n._hook
    i18n.set_hook(hook, "de")          # as the window sets it for German: numbers the German way too
    line = training_text.epoch_line({"epoch": 1, "epochs": 3, "loss": 0.26201, "accuracy": 0.92434, "seconds": 0.6})
    assert line == "Epoche 1/3 · Verlust 0,2620 · Genauigkeit 92,43\u00a0% · 0,6 s", line
