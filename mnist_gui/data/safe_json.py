"""Parse small JSON documents safely: ``loads_limited`` (text or bytes) and ``load_json_file`` (a file).

``json.loads`` recurses once per nesting level, so ``[[[[...]]]]`` a hundred thousand levels deep raises
``RecursionError``, which nobody catches, and a huge file is read whole. Here the size is checked first,
then the nesting depth is measured without recursion (strings are skipped, brackets counted), and only a
document within both limits is handed to ``json``. Every problem is a ``ValueError`` with a plain message.
For the app's own small files (the dataset cache's manifest, a data folder's ``classes.json``) and for
anything else that reads JSON it did not write. Standard library only. Not here: what the document must
contain (the caller checks that).
"""

from __future__ import annotations

import itertools
import json
import re

from mnist_gui.data.limits import MAX_JSON_BYTES, MAX_JSON_DEPTH, describe_bytes
from mnist_gui.data.regular_files import read_regular

__all__ = ["loads_limited", "load_json_file", "json_depth"]

# a JSON string: quote, then runs of ordinary characters and escape pairs, then quote (the unrolled
# form, so a long string is matched without backtracking)
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def loads_limited(text, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH):
    """``json.loads(text)`` for a document of at most ``max_bytes`` (UTF-8) nested at most ``max_depth``
    levels (``[]`` is one level, ``[{}]`` two). ``text``: str, or bytes in UTF-8."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        size = len(text)
        if size <= max_bytes:
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ValueError(f"not valid JSON (not UTF-8 text: {exc})") from None
    elif isinstance(text, str):
        # each character is at least one byte, so a long string is refused without encoding it
        size = len(text) if len(text) > max_bytes else len(text.encode("utf-8", "surrogatepass"))
    else:
        raise TypeError(f"loads_limited expects str or bytes, got {type(text).__name__}")
    if size > max_bytes:
        raise ValueError(f"the JSON document is {describe_bytes(size)}, larger than the "
                         f"{describe_bytes(max_bytes)} limit")
    depth = json_depth(text)
    if depth > max_depth:
        raise ValueError(f"the JSON document is nested {depth} levels deep, more than the {max_depth} allowed")
    try:
        return json.loads(text)
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise ValueError(f"not valid JSON ({exc})") from None


def json_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a bare value), without recursion.
    Exact for valid JSON; for broken JSON some number, which json.loads then refuses anyway."""
    brackets = _BRACKET.findall(_STRING.sub("", text))
    return max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)


def load_json_file(path, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH,
                   what: str = "a JSON file"):
    """``loads_limited`` on the bytes of a regular file (see ``regular_files``); errors name the file."""
    data = read_regular(path, max_bytes, what)
    try:
        return loads_limited(data, max_bytes, max_depth)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
