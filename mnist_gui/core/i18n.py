"""Translation of the text a user reads, for code on both sides of the Qt line.

Every user-visible string goes through ``tr(text)`` (``tr(text, disambiguation, n)`` for a count: the
source says "%n digit(s)" and each language gives its plural forms). ``QT_TR_NOOP(text)`` marks a string
kept in a module-level constant, translated where it is shown (``tr(CONSTANT)``): nothing is translated at
import time, before the language is chosen. Qt's ``pyside6-lupdate`` finds both names in the sources (one
empty context for the whole app), and ``packaging/translations.py`` builds the ``.qm`` files from the
``.ts`` files in ``resources/i18n/``.

The window installs Qt's translator as the hook (``set_hook``, from ``ui``); with no hook (the command
line, scripts, tests of the core) the text is English, and a count takes its English plural form from
the plural-only English catalog ``resources/i18n/en.ts``. No Qt here.

Which language the window speaks is decided here too, without Qt: ``shipped_languages()`` lists the
catalogs built into ``resources/i18n/`` (``<code>.qm``; English always), ``pick_language`` turns the user's
choice (``MNIST_GUI_LANGUAGE``, the ``view/language`` setting, the system's languages) into one of them.
Loading the catalog into Qt is ``mnist_gui/ui/translation.py``.

Numbers in a translated sentence are written the language's way, here and nowhere else: ``tr`` gives a
``Text`` whose ``format`` writes each number field with its English spec ("{n:,}", "{acc:.2%}") and then,
for the language set with ``set_hook(hook, language)``, puts that language's separators in ("1.200",
"95,25 %" in German). English text is ``str.format``'s, byte for byte. So a sentence takes the raw number,
its spec inside the translated string, never a number formatted beforehand.
"""

from __future__ import annotations

import numbers
import re
import string
import threading
import xml.etree.ElementTree as ElementTree
from typing import Callable, Iterable

from mnist_gui.core.paths import resource_path

Hook = Callable[[str, "str | None", int], str]

_hook: Hook | None = None
_style: "NumberStyle | None" = None
_english: dict | None = None
_lock = threading.Lock()

SOURCE_LANGUAGE = "en"
SYSTEM = "system"       # the ``view/language`` choice that follows the system's languages
# each language named in itself, as a menu of languages shows it (not translated)
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}
_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


def QT_TR_NOOP(text: str) -> str:  # noqa: N802  (the name lupdate looks for)
    """Mark ``text`` for translation without translating it (translate it with ``tr`` where it is shown)."""
    return text


class NumberStyle:
    """How a language writes the numbers English writes "1,200.5" and "95.25%"."""

    def __init__(self, thousands: str, decimal: str, percent: str):
        self.thousands, self.decimal, self.percent = thousands, decimal, percent

    def write(self, english: str) -> str:
        """``english`` (a number as ``format`` wrote it) with this language's separators."""
        swapped = english.translate({ord(","): "\0", ord("."): self.decimal}).replace("\0", self.thousands)
        return swapped[:-1] + self.percent if swapped.endswith("%") else swapped


# the languages that write numbers otherwise than English (German: "1.200", "0,001", "95,25 %")
NUMBER_STYLES = {"de": NumberStyle(".", ",", "\u00a0%")}


class _NumberFormatter(string.Formatter):
    def __init__(self, style: NumberStyle):
        super().__init__()
        self.style = style

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            return self.style.write(text)
        return text


class Text(str):
    """A translated string whose ``format`` writes numbers the language's way (a plain ``str`` comes out)."""

    __slots__ = ("_style",)

    def format(self, *args, **kwargs) -> str:  # noqa: A003 - str's own name
        style = getattr(self, "_style", None)
        if style is None:
            return str.format(self, *args, **kwargs)
        return _NumberFormatter(style).vformat(str(self), args, kwargs)


def set_hook(hook: Hook | None, language: str | None = None) -> None:
    """Route ``tr`` through ``hook(text, disambiguation, n)`` (the window's Qt translator); None: English.
    ``language`` (a code, "de") says how the translated sentences write numbers; None or English: English."""
    global _hook, _style
    _hook = hook
    _style = NUMBER_STYLES.get(language or "") if hook is not None else None


def _styled(text: str) -> str:
    style = _style
    if style is None:
        return text
    styled = Text(text)
    styled._style = style
    return styled


def local(template: str) -> str:
    """``template`` (a format string that is no sentence, "{:.0%}") whose ``format`` writes numbers the
    window's language's way, as ``tr``'s do."""
    return _styled(template)


def number(value, spec: str = "") -> str:
    """``format(value, spec)`` the window's language's way: "95.25%" in English is "95,25 %" in German
    (for a number shown on its own: a table cell, a value beside a slider)."""
    text = format(value, spec)
    style = _style
    if style is None or not isinstance(value, numbers.Number) or isinstance(value, bool):
        return text
    return style.write(text)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the chosen language; with ``n >= 0``, "%n" becomes n in the plural form it needs. Its
    ``format`` writes number fields as the language writes numbers (``NUMBER_STYLES``)."""
    hook = _hook
    if hook is not None:
        return _styled(hook(text, disambiguation, n))
    return english(text, disambiguation, n)


def english(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``tr`` in English whatever the window's language: for text that is English in every language (the
    program "Show as Keras code" writes). A count takes its English plural form."""
    if n < 0:
        return text
    forms = _english_plurals().get((text, disambiguation or ""))
    if forms:
        text = forms[0] if n == 1 else forms[-1]
    return text.replace("%n", str(n))


def _english_plurals() -> dict:
    """(source, comment) -> [singular, plural] from the plural-only English catalog, read once."""
    global _english
    with _lock:
        if _english is None:
            _english = {}
            path = resource_path("i18n", "en.ts")
            if path.is_file():
                root = ElementTree.parse(path).getroot()
                for message in root.iter("message"):
                    forms = [f.text or "" for f in message.iter("numerusform")]
                    if forms and all(forms):
                        key = (message.findtext("source") or "", message.findtext("comment") or "")
                        _english[key] = forms
        return _english


def shipped_languages() -> tuple[str, ...]:
    """The codes of the languages the app ships a catalog for ("en" first, then e.g. "de"), from the
    ``<code>.qm`` files in ``resources/i18n/``; English is always there (it is the source text)."""
    folder = resource_path("i18n")
    try:
        found = sorted(p.stem for p in folder.iterdir() if p.suffix == ".qm" and _CODE.fullmatch(p.stem))
    except OSError:
        found = []
    return (SOURCE_LANGUAGE, *[code for code in found if code != SOURCE_LANGUAGE])


def language_name(code: str) -> str:
    """A language's name in that language ("Deutsch"), or its code if the table does not know it."""
    return LANGUAGE_NAMES.get(code, code)


def pick_language(choice: str | None, system_languages: Iterable[str], shipped: Iterable[str]) -> str:
    """The shipped language to use: ``choice`` (a code, or "system"/None/"" for the system's) if shipped,
    else the first of ``system_languages`` (BCP 47 tags in order of preference, "de-CH", "en-US") that is
    shipped, by its full code or its language alone, else English."""
    shipped = tuple(shipped)
    wanted = [] if choice in (None, "", SYSTEM) else [choice]
    for tag in [*wanted, *system_languages]:
        tag = str(tag).replace("-", "_")
        language, _, region = tag.partition("_")
        for code in (f"{language.lower()}_{region.upper()}" if region else "", language.lower()):
            if code and code in shipped:
                return code
    return SOURCE_LANGUAGE
