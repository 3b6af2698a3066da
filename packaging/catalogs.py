"""The translation catalogs' files: which sources each area has, reading a ``.ts``, ``update`` and ``build``
(the command line and ``check`` are ``packaging/translations.py``).

``update`` runs Qt's ``pyside6-lupdate`` on one area's sources (``AREAS``) into ``resources/i18n/de_<area>.ts``
(translations already there are kept; strings gone from the sources are dropped), and regenerates the
plural-only English catalog ``resources/i18n/en.ts`` from every area, filling in the English singular and plural
of new ``%n`` strings ("%n digit(s)" -> "%n digit" / "%n digits", "is/are" -> "is" / "are"). ``build`` merges
each language's area catalogs into ``resources/i18n/<lang>.qm`` (only finished translations) and ``en.ts``
into ``en.qm``. The ``.qm`` files are committed, so the app and the wheel need no build step; ``check`` (and
``tests/ui/test_translations.py``, which runs it) fails when they are stale.

Standard library only (and Qt's two tools).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "resources" / "i18n"
UI = "mnist_gui/ui"
# each area's sources (globs below ROOT); each area's catalog is de_<area>.ts, kept by whoever owns the area
AREAS = {
    "app": [f"{UI}/*.py", f"{UI}/widgets/*.py"],
    "train": [f"{UI}/train/*.py"],
    "dataset": [f"{UI}/dataset/*.py"],
    "inside": [f"{UI}/inside/*.py"],
    "draw": [f"{UI}/draw/*.py"],
    # and what the Train form shows of the engine and the data layer: the setting limits and the preset
    # descriptions (nn/presets.py), the augmentations' descriptions (data/augment.py)
    "core": ["mnist_gui/core/*.py", "mnist_gui/nn/presets.py", "mnist_gui/data/augment.py"],
}
LANGUAGES = ("de",)     # the languages `update` writes catalogs for (`build` builds every one it finds)
ENGLISH = CATALOGS / "en.ts"
_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


class ToolMissing(SystemExit):
    pass


def tool(name: str) -> str:
    """Qt's ``name`` (pyside6-lupdate, pyside6-lrelease) next to this Python, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise ToolMissing(f"error: {name} was found neither next to {sys.executable} nor on PATH; it comes with "
                          "PySide6 (pip install PySide6-Essentials in the project's venv)")
    return found


def sources(area: str) -> list[Path]:
    return sorted({p for pattern in AREAS[area] for p in ROOT.glob(pattern)})


def catalog(language: str, area: str) -> Path:
    return CATALOGS / f"{language}_{area}.ts"


def _run(args: list[str]) -> None:
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"error: {' '.join(map(str, args[:1]))} failed:\n{result.stdout}{result.stderr}")


def lupdate(files: list[Path], ts: Path, *options: str) -> None:
    _run([tool("pyside6-lupdate"), *map(str, files), *options, "-no-obsolete", "-ts", str(ts)])


# ---- reading catalogs

def messages(ts: Path) -> dict[tuple[str, str], dict]:
    """(source, comment) -> {"forms": [translations], "finished": bool, "numerus": bool, "where": "file:line"}."""
    found = {}
    for message in ElementTree.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type", "") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        numerus = message.get("numerus") == "yes"
        if translation is None:
            forms = []
        elif numerus:
            forms = [f.text or "" for f in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        location = message.find("location")
        where = ""
        if location is not None:     # the file as lupdate names it: relative to the catalog's folder
            where = f"{_shown(ts.parent / location.get('filename', '?'))}:{location.get('line', '?')}"
        key = (message.findtext("source") or "", message.findtext("comment") or "")
        found[key] = {"forms": forms, "finished": kind != "unfinished" and bool(forms) and all(forms),
                      "numerus": numerus, "where": where}
    return found


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def write_tree(tree: ElementTree.ElementTree, path: Path) -> None:
    ElementTree.indent(tree, "    ")
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text(_HEADER + body + "\n", encoding="utf-8")


# ---- update

_PAIRS = {"is/are": ("is", "are"), "was/were": ("was", "were"), "has/have": ("has", "have"),
          "does/do": ("does", "do"), "this/these": ("this", "these"), "it/they": ("it", "they")}
_SUFFIX = re.compile(r"(?<=[A-Za-z}])\(([a-z]+)\)")     # "digit(s)", "box(es)", "child(ren)"


def english_forms(source: str) -> tuple[str, str]:
    """The English singular and plural of a ``%n`` source: "(s)" dropped or kept, "is/are" chosen."""
    source = re.sub(r"(?<=[A-Za-z])y\((ies|s)\)", "(y|ies)", source)     # "entry(s)", "entry(ies)"
    one, many = _SUFFIX.sub("", source), _SUFFIX.sub(r"\1", source)
    one, many = one.replace("(y|ies)", "y"), many.replace("(y|ies)", "ies")
    for pair, (a, b) in _PAIRS.items():
        one, many = re.sub(rf"\b{pair}\b", a, one), re.sub(rf"\b{pair}\b", b, many)
    return one, many


def fill_english(ts: Path) -> int:
    """Give each unfinished plural message of ``ts`` its English forms; returns how many were filled."""
    tree = ElementTree.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for text in english_forms(message.findtext("source") or ""):
            ElementTree.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled += 1
    write_tree(tree, ts)
    return filled


@contextlib.contextmanager
def _locked(path: Path):
    """Only one `update` at a time rewrites ``path`` (several areas may be updated at once)."""
    with open(Path(tempfile.gettempdir()) / f"mnist-gui-{path.name}.lock", "w") as handle:
        try:
            import fcntl
        except ImportError:   # Windows: one person updates at a time
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def all_sources() -> list[Path]:
    return sorted({p for area in AREAS for p in sources(area)})


def update_english(ts: Path | None = None) -> int:
    ts = ts or ENGLISH
    lupdate(all_sources(), ts, "-target-language", "en", "-pluralonly", "-locations", "none")
    return fill_english(ts)


def update(areas: list[str]) -> None:
    for area in areas:
        for language in LANGUAGES:
            lupdate(sources(area), catalog(language, area), "-target-language", language)
            left = sum(not m["finished"] for m in messages(catalog(language, area)).values())
            print(f"{catalog(language, area).relative_to(ROOT)}: {left} string(s) to translate")
    with _locked(ENGLISH):
        filled = update_english()
    print(f"{ENGLISH.relative_to(ROOT)}: {filled} new English plural(s) filled in (check them)")


# ---- build

def languages_found() -> list[str]:
    names = {p.name[: -len(f"_{area}.ts")] for area in AREAS for p in CATALOGS.glob(f"*_{area}.ts")}
    return sorted(names)


def merged(language: str) -> ElementTree.ElementTree:
    """One catalog of every area's finished translations (the first area's wins; `check` flags conflicts)."""
    root = ElementTree.Element("TS", version="2.1", language=language)
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = ""
    seen = set()
    for area in AREAS:
        path = catalog(language, area)
        if not path.is_file():
            continue
        for key, message in messages(path).items():
            if key in seen or not message["finished"]:
                continue
            seen.add(key)
            element = ElementTree.SubElement(context, "message", numerus="yes") if message["numerus"] else \
                ElementTree.SubElement(context, "message")
            ElementTree.SubElement(element, "source").text = key[0]
            if key[1]:
                ElementTree.SubElement(element, "comment").text = key[1]
            translation = ElementTree.SubElement(element, "translation")
            if message["numerus"]:
                for form in message["forms"]:
                    ElementTree.SubElement(translation, "numerusform").text = form
            else:
                translation.text = message["forms"][0]
    return ElementTree.ElementTree(root)


def build(out: Path | None = None) -> list[Path]:
    """Write ``<lang>.qm`` for every language with area catalogs, and ``en.qm`` (into ``out``, default the
    catalogs' folder); returns them."""
    out = out or CATALOGS
    built = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in languages_found():
            ts = Path(tmp) / f"{language}.ts"
            write_tree(merged(language), ts)
            built.append(_lrelease(ts, out / f"{language}.qm"))
        if ENGLISH.is_file():
            built.append(_lrelease(ENGLISH, out / "en.qm"))
    return built


def _lrelease(ts: Path, qm: Path) -> Path:
    _run([tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)])
    return qm

