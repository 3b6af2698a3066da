"""Translation without Qt: English plural forms for the command line and the core, the hook the window
installs, which language is chosen, the setting that keeps the choice."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest

from mnist_gui.core import i18n
from mnist_gui.core import settings as stored
from mnist_gui.core.i18n import pick_language, tr
from mnist_gui.core.paths import resource_path

CATALOG = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en"><context><name></name>
<message numerus="yes"><source>%n digit(s) kept</source>
  <translation><numerusform>%n digit kept</numerusform><numerusform>%n digits kept</numerusform></translation>
</message>
<message numerus="yes"><source>%n run(s)</source><comment>in the table</comment>
  <translation><numerusform>%n run</numerusform><numerusform>%n runs</numerusform></translation></message>
</context></TS>
"""


@pytest.fixture
def english(tmp_path, monkeypatch):
    """A small English catalog in place of the shipped one (read again, not from the cache)."""
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "en.ts").write_text(CATALOG, encoding="utf-8")
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(i18n, "_english", None)
    monkeypatch.setattr(i18n, "_hook", None)
    yield
    i18n._english = None


def test_a_count_takes_its_english_singular_and_plural(english):
    assert tr("%n digit(s) kept", None, 1) == "1 digit kept"
    assert tr("%n digit(s) kept", None, 0) == "0 digits kept"
    assert tr("%n digit(s) kept", None, 1200) == "1200 digits kept"
    assert tr("%n run(s)", "in the table", 1) == "1 run"
    # the same words with another comment are another message: no forms, so only %n is filled in
    assert tr("%n run(s)", "elsewhere", 1) == "1 run(s)"


def test_text_without_a_count_is_unchanged(english):
    assert tr("Open picture…") == "Open picture…"
    assert tr("Open", "menu") == "Open"
    assert tr("%n digit(s) kept") == "%n digit(s) kept"      # no n: nothing to count


def test_the_hook_gets_every_string_and_none_puts_english_back(english):
    seen = []
    i18n.set_hook(lambda text, comment, n: seen.append((text, comment, n)) or f"<{text}>")
    try:
        assert tr("Save", "menu") == "<Save>"
        assert tr("%n digit(s) kept", None, 3) == "<%n digit(s) kept>"
    finally:
        i18n.set_hook(None)
    assert seen == [("Save", "menu", -1), ("%n digit(s) kept", None, 3)]
    assert tr("%n digit(s) kept", None, 3) == "3 digits kept"


def test_the_shipped_english_plurals_never_show_a_bracketed_ending():
    """Every count the app words with "(s)" reads "1 digit", "2 digits" in English, in the CLI too."""
    path = resource_path("i18n", "en.ts")
    assert path.is_file(), "resources/i18n/en.ts is missing: run packaging/translations.py update app"
    messages = [(m.findtext("source"), m.findtext("comment") or None)
                for m in ElementTree.parse(path).getroot().iter("message")]
    assert messages, "en.ts has no plural messages"
    for source, comment in messages:
        for n in (1, 2):
            shown = tr(source, comment, n)
            assert not re.search(r"[a-z}]\((s|es|ies)\)|\bis/are\b|\bwas/were\b", shown), (source, n, shown)
            assert "%n" not in shown


@pytest.mark.parametrize("choice, system, expected", [
    ("system", ["de-DE", "en-US"], "de"),
    (None, ["de-AT"], "de"),               # a region the catalogs do not have: its language
    ("system", ["fr-FR", "de-CH"], "de"),  # the first system language there is a catalog for
    ("system", ["fr-FR", "it"], "en"),     # none: English
    ("system", ["C"], "en"),
    ("en", ["de-DE"], "en"),               # the user's choice wins over the system
    ("de", ["en-US"], "de"),
    ("xx", ["de-DE"], "de"),               # a choice with no catalog: the system's
])
def test_the_language_is_the_choice_else_the_systems_else_english(choice, system, expected):
    assert pick_language(choice, system, ("en", "de")) == expected


def test_english_is_always_shipped_and_the_setting_takes_only_shipped_languages():
    shipped = i18n.shipped_languages()
    assert shipped[0] == "en"
    assert stored.check("view/language", None) == ("system", None)
    for code in shipped:
        assert stored.check("view/language", code) == (code, None)
    value, problem = stored.check("view/language", "klingon")
    assert value == "system" and "the language" in problem and "klingon" in problem


def test_the_german_catalog_is_shipped_and_named_in_german():
    assert "de" in i18n.shipped_languages(), "resources/i18n/de.qm is missing: run packaging/translations.py build"
    assert i18n.language_name("de") == "Deutsch" and i18n.language_name("en") == "English"


@pytest.fixture
def german_numbers():
    """The hook the window installs for German (the text itself left as it is), numbers written German's way."""
    i18n.set_hook(lambda text, comment, n: text, "de")
    yield
    i18n.set_hook(None)


def test_german_sentences_write_numbers_the_german_way(german_numbers):
    assert tr("{params:,} parameters").format(params=1200) == "1.200 parameters"
    assert tr("{params:,} parameters").format(params=101770) == "101.770 parameters"
    assert tr("test accuracy {accuracy:.2%}").format(accuracy=0.9525) == "test accuracy 95,25\u00a0%"
    assert tr("learning rate {rate:g}").format(rate=0.001) == "learning rate 0,001"
    assert tr("{seconds:.1f} s, {n:,} of {total:,}").format(seconds=1234.5, n=1200, total=60000) == \
        "1234,5 s, 1.200 of 60.000"
    assert tr("loss {0:.4f} after {1}").format(np.float32(0.25), np.int64(3)) == "loss 0,2500 after 3"
    # what is no number keeps its commas and points
    assert tr("{name}: {flag}").format(name="adam 0.001, step", flag=True) == "adam 0.001, step: True"
    assert i18n.number(0.9525, ".2%") == "95,25\u00a0%" and i18n.number(1200, ",") == "1.200"
    assert i18n.local("{:.0%}").format(0.13) == "13\u00a0%"


def test_english_numbers_are_exactly_what_str_format_writes(english):
    template = "{params:,} parameters, {accuracy:.2%}, rate {rate:g}, {x:.1f}, {0}"
    values = dict(params=101770, accuracy=0.9525, rate=0.001, x=1234.5)
    expected = str.format(template, 7, **values)
    for language in (None, "en"):
        i18n.set_hook(lambda text, comment, n: text, language)
        try:
            shown = tr(template).format(7, **values)
            assert shown == expected == "101,770 parameters, 95.25%, rate 0.001, 1234.5, 7"
            assert type(tr(template)) is str and i18n.number(0.9525, ".2%") == "95.25%"
        finally:
            i18n.set_hook(None)
    assert tr(template).format(7, **values) == expected      # no hook (the command line): English too


def test_a_formatted_german_sentence_is_a_plain_string(german_numbers):
    text = tr("{n:,} images")
    assert isinstance(text, str) and type(text.format(n=5)) is str
    assert text + "!" == "{n:,} images!" and text.upper() == "{N:,} IMAGES"
    with pytest.raises(KeyError):       # a placeholder missing is the same error as str.format's
        text.format(m=5)
