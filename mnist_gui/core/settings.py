"""Every setting the app keeps between sessions, and the one way to read one back.

``SETTINGS`` is the table: each setting's key in the store, its kind, its default, the values it may take
and what to call it when telling the user. ``check(key, raw)`` takes whatever the settings store gave back
(a string from an INI file, a number, bytes, None when missing) and returns ``(value, problem)``: the
value to use and None, or the default and a phrase in plain words saying what was wrong. It never raises,
whatever ``raw`` is. ``encode(key, value)`` is what to store, so reading and writing agree on one format.

JSON values (``parse_json``) are refused above ``MAX_JSON`` characters or ``MAX_DEPTH`` levels of nesting before
``json.loads`` sees them (and a RecursionError from it is caught too), so a damaged file can exhaust
neither memory nor the recursion limit. The training configuration goes through
``TrainConfig.validate()``, the rule the CLI uses as well.

No Qt: the window turns QSettings' types (QByteArray) into Python ones and back, writes repaired values
at once and shows what was recovered. Not here: where the settings live (QSettings, ui/main_window.py).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from mnist_gui.core.i18n import QT_TR_NOOP, SYSTEM, shipped_languages, tr
from mnist_gui.core.train_fields import plain
from mnist_gui.data.safe_json import loads_limited
from mnist_gui.nn.presets import PRESETS, TrainConfig

MAX_RECENT = 8          # recent model files remembered
MAX_PATH = 4096         # characters in a remembered path
MAX_JSON = 64_000       # characters in a JSON value
MAX_DEPTH = 6           # nesting of a JSON value ({"training": {"config": {"hidden": [...]}}} is 3)
TAB_COUNT = 4  # Train, Dataset, Draw, Inside
DEFAULT_PRESET = "tutorial"
THEMES = ("system", "light", "dark")   # View → Theme
MAX_PANES = 8           # panels in one remembered splitter
MAX_PANE_SIZE = 100_000  # pixels


@dataclass(frozen=True)
class Setting:
    """One stored value. ``kind``: int, float, bool, text, bytes, paths (a JSON list of paths), json (a
    JSON object whose entries are the ``<key>.<name>`` settings), train_config (a TrainConfig as a
    dict), choice (one of the words in ``choices``), model_key (the model selector's key of a model) or
    sizes (a JSON object of named lists of sizes, e.g.
    splitter positions). ``low``/``high``: the range of a number; ``max_length``: characters, bytes, list
    items or named entries."""

    key: str
    kind: str
    default: object
    label: str                  # marked for translation; told as tr(label)
    low: float | None = None
    high: float | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()


SETTINGS = {s.key: s for s in (
    Setting("window/geometry", "bytes", None, QT_TR_NOOP("the window's size and position"), max_length=4096),
    Setting("window/tab", "int", 0, QT_TR_NOOP("the tab that was open"), low=0, high=TAB_COUNT - 1),
    Setting("recent_models", "paths", (), QT_TR_NOOP("the list of recent model files"), max_length=MAX_RECENT),
    Setting("last_dir", "text", "", QT_TR_NOOP("the folder of the last model file"), max_length=MAX_PATH),
    Setting("last_export_dir", "text", "", QT_TR_NOOP("the folder of the last exported curves"),
            max_length=MAX_PATH),
    Setting("folders/picture", "text", "", QT_TR_NOOP("the folder of the last opened picture"),
            max_length=MAX_PATH),
    Setting("folders/digits", "text", "", QT_TR_NOOP("the folder of the last My digits import or export"),
            max_length=MAX_PATH),
    Setting("window/splitters", "sizes", {}, QT_TR_NOOP("the positions of the dividers between panels"), max_length=32),
    Setting("view/theme", "choice", "system", QT_TR_NOOP("the colour theme"), choices=THEMES),
    # View → Language: "system" or a language the app ships a catalog for ("en", "de")
    Setting("view/language", "choice", SYSTEM, QT_TR_NOOP("the language"),
            choices=(SYSTEM, *shipped_languages())),
    Setting("model/current", "model_key", "", QT_TR_NOOP("the model every tab used"), max_length=MAX_PATH + 8),
    Setting("training", "json", {}, QT_TR_NOOP("the Train tab's settings")),
    Setting("training.config", "train_config", PRESETS[DEFAULT_PRESET],
            QT_TR_NOOP("the network and training settings")),
    Setting("training.smoothing", "float", 0.9, QT_TR_NOOP("the curves' smoothing"), low=0.0, high=0.999),
    Setting("training.show_earlier", "bool", True, QT_TR_NOOP("whether earlier runs are shown")),
)}


UNREADABLE = object()   # what to pass as ``raw`` when the store has the key but could not give its value


class _Bad(Exception):
    """A stored value that cannot be used; the message says why, in plain words."""


def check(key: str, raw) -> tuple[object, str | None]:
    """(value, None) for a usable or missing (None) ``raw``, else (default, "<label>: <why>"). A json group
    returns its entries, each checked on its own, and the problems of those that were reset, one a line."""
    setting = SETTINGS[key]
    if raw is None:
        return _default(setting), None
    if raw is UNREADABLE:
        return _default(setting), _said(setting, tr("it could not be read"))
    try:
        return _READERS[setting.kind](setting, raw)
    except _Bad as exc:
        return _default(setting), _said(setting, str(exc))
    except (RecursionError, MemoryError, ArithmeticError, ValueError, TypeError):
        return _default(setting), _said(setting, tr("it could not be read"))


def _said(setting: Setting, why: str) -> str:
    return tr("{setting}: {why}").format(setting=tr(setting.label), why=why)


def encode(key: str, value):
    """What to store for ``value`` (None: remove the key): JSON text for paths and json, else the value."""
    setting = SETTINGS[key]
    if setting.kind == "paths":
        return json.dumps([str(p) for p in value][:MAX_RECENT])
    if setting.kind == "sizes":
        return json.dumps({str(name): [int(n) for n in sizes] for name, sizes in value.items()})
    if setting.kind == "json":
        entries = {}
        for name, item in value.items():
            entries[name] = item.to_dict() if isinstance(item, TrainConfig) else item
        return json.dumps(entries)
    return value


def recovery_message(problems: list[str], repaired: bool = True) -> str:
    """The banner text after a start-up that had to reset damaged settings: one line per problem, and
    whether the file could be repaired (``repaired=False``: it could not be written)."""
    items = "\n".join(f"• {p[:1].upper()}{p[1:]}" for problem in problems for p in problem.splitlines())
    end = (tr("The settings file has been repaired; everything else is as you left it.") if repaired else
           tr("The settings file could not be written, so the same will happen next time; everything else is as "
              "you left it."))
    return tr("Some saved settings were damaged, so they were reset to their defaults:\n{items}\n{end}").format(
        items=items, end=end)


def _default(setting: Setting):
    if setting.kind == "json":
        return {k.split(".", 1)[1]: _default(s) for k, s in SETTINGS.items() if k.startswith(setting.key + ".")}
    if setting.kind == "sizes":
        return {}
    return list(setting.default) if setting.kind == "paths" else setting.default


def _show(raw) -> str:
    """A short quotation of a stored value for the message (a Qt object by its type)."""
    if not isinstance(raw, (str, int, float, bytes, list, dict)):
        return tr("a {type}").format(type=type(raw).__name__)
    text = repr(raw[:60] if isinstance(raw, (str, bytes, list)) else raw)
    return text if len(text) <= 40 else text[:37] + "…"


def _in_range(setting: Setting, value, what: str):
    """``value`` when in the setting's range, else _Bad(tr(what)), ``what`` naming {value}, {low} and {high}."""
    if not setting.low <= value <= setting.high:
        raise _Bad(tr(what).format(value=_show(value), low=setting.low, high=setting.high))
    return value


_INT = re.compile(r"[+-]?\d{1,30}")


def _read_int(setting: Setting, raw):
    if isinstance(raw, str) and _INT.fullmatch(raw.strip()):
        raw = int(raw.strip())
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _Bad(tr("{value} is not a whole number").format(value=_show(raw)))
    return _in_range(setting, raw, QT_TR_NOOP("{value} is not a whole number from {low:g} to {high:g}")), None


def _read_float(setting: Setting, raw):
    if isinstance(raw, str) and len(raw) <= 40:
        try:
            raw = float(raw.strip())
        except ValueError:
            raise _Bad(tr("{value} is not a number").format(value=_show(raw))) from None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
        raise _Bad(tr("{value} is not a number").format(value=_show(raw)))
    return _in_range(setting, float(raw), QT_TR_NOOP("{value} is not a number from {low:g} to {high:g}")), None


def _read_bool(setting: Setting, raw):
    # QSettings' INI files store booleans as the words true and false
    words = {"true": True, "false": False}
    if isinstance(raw, str) and raw.strip().lower() in words:
        return words[raw.strip().lower()], None
    if not isinstance(raw, bool):
        raise _Bad(tr("{value} is neither true nor false").format(value=_show(raw)))
    return raw, None


def _read_text(setting: Setting, raw):
    if not isinstance(raw, str):
        raise _Bad(tr("{value} is not text").format(value=_show(raw)))
    if len(raw) > setting.max_length or "\x00" in raw:
        raise _Bad(tr("{value} is not a usable folder name").format(value=_show(raw)))
    return raw, None


def _read_bytes(setting: Setting, raw):
    if not isinstance(raw, (bytes, bytearray)) or len(raw) > setting.max_length:
        raise _Bad(tr("it is not a size and position the window can use"))
    return bytes(raw), None


def parse_json(text, max_length: int = MAX_JSON, max_depth: int = MAX_DEPTH):
    """``json.loads(text)`` for text of at most ``max_length`` bytes nested at most ``max_depth`` deep, by the
    data layer's one limited parser; anything else raises ValueError, never RecursionError."""
    if not isinstance(text, str):
        raise ValueError(tr("{value} is not JSON text").format(value=_show(text)))
    try:
        return loads_limited(text, max_length, max_depth)
    except RecursionError:
        raise ValueError(tr("it is nested too deeply")) from None
    except ValueError as exc:
        raise ValueError(str(exc).replace("the JSON document is", "it is")) from None


def _read_json_text(raw):
    try:
        return parse_json(raw)
    except ValueError as exc:
        raise _Bad(str(exc)) from None


def _read_paths(setting: Setting, raw):
    items = _read_json_text(raw)
    if not isinstance(items, list):
        raise _Bad(tr("{value} is not a list of files").format(value=_show(raw)))
    paths = [p for p in items if isinstance(p, str) and p and len(p) <= MAX_PATH and "\x00" not in p]
    paths = list(dict.fromkeys(paths))[: setting.max_length]
    dropped = len(items) - len(paths)
    if dropped:
        return paths, _said(setting, tr("%n unusable entry(s) removed", None, dropped))
    return paths, None


def _read_group(setting: Setting, raw):
    entries = _read_json_text(raw)
    if not isinstance(entries, dict):
        raise _Bad(tr("{value} is not a set of named values").format(value=_show(raw)))
    value, problems = {}, []
    for key in SETTINGS:
        if key.startswith(setting.key + "."):
            name = key.split(".", 1)[1]
            value[name], problem = check(key, entries.get(name))
            if problem:
                problems.append(problem)
    return value, "\n".join(problems) or None


def _read_train_config(setting: Setting, raw):
    if not isinstance(raw, dict):
        raise _Bad(tr("{value} is not a set of named values").format(value=_show(raw)))
    try:
        cfg = TrainConfig.from_dict(raw)
        cfg.validate()
    except (TypeError, ValueError, OverflowError) as exc:
        message = plain(str(exc))
        message = message if len(message) <= 160 else message[:159] + "…"
        raise _Bad(message[:1].lower() + message[1:]) from None
    return cfg, None


def _read_choice(setting: Setting, raw):
    word = raw.strip().lower() if isinstance(raw, str) and len(raw) <= 40 else None
    if word not in setting.choices:
        raise _Bad(tr("{value} is not one of {choices}").format(value=_show(raw), choices=", ".join(setting.choices)))
    return word, None


MODEL_KEY_KINDS = ("run:", "file:")   # what a remembered model key starts with, besides "default"


def _read_model_key(setting: Setting, raw):
    """The model selector's key of the last current model: "", "default", "run:<id>" or "file:<path>"."""
    if not isinstance(raw, str) or len(raw) > setting.max_length or "\x00" in raw:
        raise _Bad(tr("{value} is not the name of a model").format(value=_show(raw)))
    if raw not in ("", "default") and not (raw.startswith(MODEL_KEY_KINDS) and raw.split(":", 1)[1].strip()):
        raise _Bad(tr("{value} is not the name of a model").format(value=_show(raw)))
    return raw, None


def _read_sizes(setting: Setting, raw):
    entries = _read_json_text(raw)
    if not isinstance(entries, dict) or len(entries) > setting.max_length:
        raise _Bad(tr("{value} is not a set of named sizes").format(value=_show(raw)))
    value = {}
    for name, sizes in entries.items():
        if (len(name) > 200 or not isinstance(sizes, list) or not 1 <= len(sizes) <= MAX_PANES
                or not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_PANE_SIZE
                           for n in sizes)):
            raise _Bad(tr("the entry for {name} is not a list of sizes in pixels").format(name=_show(name)))
        value[name] = sizes
    return value, None


_READERS = {"int": _read_int, "float": _read_float, "bool": _read_bool, "text": _read_text, "bytes": _read_bytes,
            "paths": _read_paths, "json": _read_group, "train_config": _read_train_config, "choice": _read_choice,
            "sizes": _read_sizes, "model_key": _read_model_key}
