"""Small rules of English that user-facing messages share: plurals, "a" or "an", an error as words.

``count(n, "digit")`` is "1 digit" or "2 digits" (``count(3, "entry", "entries")`` for an irregular plural),
``a_or_an(8)`` is "an" (an 8, an 11, an 18, an 80; a 1, a 7), ``with_article("8")`` is "an 8", and
``error_text(exc)`` is what an exception says, without its class name ("ModelFileError: ..." is a
programmer's word; the user reads only the message).

These are rules of English, for the command line and other English-only text. Text shown in the window
goes through ``core.i18n.tr`` instead, with a count in the message itself so that each language gives its
own plural forms: ``tr("{n:,} image(s)", None, n).format(n=n)`` (or ``tr("%n epoch(s)", None, n)`` where
no thousands separator is needed), never ``count(...)`` glued into a translated sentence; where English
needs "a" or "an" before a number, keep two whole sentences and pick one with ``a_or_an``
(``core.inside_explain`` does). ``error_text`` is for any language: it only takes the class name away.

No Qt, no I/O. Not here: the form's labels and hints (``core.train_fields``).
"""

from __future__ import annotations

import re

# numbers spoken with a leading vowel sound: 8, 11, 18, 8x, 8xx, 11,xxx, 18,xxx, 8x,xxx ...
_VOWEL_NUMBER = re.compile(r"^(8|11|18)(\d{3})*$|^8\d(\d{3})*$|^8\d\d(\d{3})*$")
_VOWEL_WORD = re.compile(r"^[aei]|^o(?!ne)|^u(?!ni|se|su|ti|ro)|^hour|^honest", re.IGNORECASE)


def count(n: int, word: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number: "1 epoch", "0 epochs", "1,200 images"."""
    noun = word if n == 1 else (plural if plural is not None else word + "s")
    return f"{n:,} {noun}" if isinstance(n, int) and not isinstance(n, bool) else f"{n} {noun}"


def a_or_an(thing) -> str:
    """The indefinite article for ``thing`` as it is read aloud: a number (an 8, a 7) or a word."""
    text = str(thing).strip().replace(",", "")
    if text.isdigit():
        return "an" if _VOWEL_NUMBER.match(text.lstrip("0") or "0") else "a"
    return "an" if _VOWEL_WORD.match(text) else "a"


def with_article(thing) -> str:
    """"an 8", "a 7", "an image"."""
    return f"{a_or_an(thing)} {thing}"


def error_text(exc: BaseException) -> str:
    """The exception's message as a user reads it: no class name in front (also when the message itself
    starts with one, as ``str()`` of a wrapped error does), the class's name only when there is nothing else."""
    text = str(exc).strip()
    text = re.sub(r"^(?:[A-Za-z_][\w.]*(?:Error|Exception|Warning)):\s*", "", text)
    return text or type(exc).__name__
