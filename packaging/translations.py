"""Keep the app's translation catalogs: extract the strings, build the ``.qm`` files, check both.

    python packaging/translations.py update AREA [AREA ...]   # app, train, dataset, inside, draw, core or all
    python packaging/translations.py build
    python packaging/translations.py check

``update`` writes ``resources/i18n/de_<area>.ts`` from the area's sources (keeping what is translated) and
regenerates the English plurals ``resources/i18n/en.ts``; translate with Qt Linguist (``pyside6-linguist``) or
any editor, removing ``type="unfinished"``; then ``build`` writes ``de.qm`` and ``en.qm``, which are committed.
How: ``packaging/catalogs.py``.

``check`` exits 1 and lists, area by area: a catalog missing, a source string not in its catalog, a
translation unfinished or empty, a translation that drops or invents a ``{placeholder}``, ``%n``, an ``&``
accelerator or an HTML tag, a plural with too few forms, two areas translating one string differently (the
app has one context), an English plural missing, and a ``.qm`` that is not what ``build`` would write.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import catalogs

_FIELD = re.compile(r"{[^{}]*}")                 # str.format fields: "{epochs}", "{n:,}"
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")   # HTML tags, by name
_ACCELERATOR = re.compile(r"&(?![A-Za-z]+;|#\d+;)(?=\S)")   # "&Open" (not "&&", a literal "&", nor "&amp;")
PLURAL_FORMS = {"de": 2, "en": 2}                 # numerus forms each language needs


def _marks(text: str) -> tuple:
    return (sorted(_FIELD.findall(text)), "%n" in text, sorted(t.lower() for t in _TAG.findall(text)),
            len(_ACCELERATOR.findall(text.replace("&&", ""))))


def _differences(source: str, translation: str) -> list[str]:
    """What ``translation`` drops or invents of the source's placeholders, %n, HTML tags and accelerator."""
    (fields, percent_n, tags, keys), (t_fields, t_percent_n, t_tags, t_keys) = _marks(source), _marks(translation)
    found = []
    if fields != t_fields:
        found.append(f"placeholders {' '.join(fields) or 'none'} became {' '.join(t_fields) or 'none'}")
    if percent_n != t_percent_n:
        found.append("%n dropped" if percent_n else "%n invented")
    if tags != t_tags:
        found.append("HTML tags differ")
    if min(keys, 1) != min(t_keys, 1):
        found.append("the & accelerator is missing" if keys else "an & accelerator was invented")
    return found


def _area_problems(language: str, area: str, tmp: Path) -> list[str]:
    committed = catalogs.catalog(language, area)
    name = committed.relative_to(catalogs.ROOT)
    if not committed.is_file():
        return [f"{name} is missing: run packaging/translations.py update {area}"]
    fresh = tmp / committed.name
    shutil.copy(committed, fresh)
    catalogs.lupdate(catalogs.sources(area), fresh, "-target-language", language)
    known, current = catalogs.messages(committed), catalogs.messages(fresh)
    problems = []
    for key, message in current.items():
        label = repr(key[0]) + (f" ({key[1]})" if key[1] else "") + (f" at {message['where']}" if message["where"]
                                                                     else "")
        if key not in known:
            problems.append(f"not in {name} (run update {area}): {label}")
        elif not message["finished"]:
            problems.append(f"not translated: {label}")
        elif message["numerus"] and len(message["forms"]) < PLURAL_FORMS.get(language, 1):
            problems.append(f"needs {PLURAL_FORMS[language]} plural forms: {label}")
        else:
            for form in message["forms"]:
                problems += [f"{why}: {label} -> {form!r}" for why in _differences(key[0], form)]
    return problems


def _conflicts(language: str) -> list[str]:
    """One string translated differently in two areas' catalogs (only one can win: the app has one context)."""
    seen = defaultdict(dict)
    for area in catalogs.AREAS:
        path = catalogs.catalog(language, area)
        if path.is_file():
            for key, message in catalogs.messages(path).items():
                if message["finished"]:
                    seen[key][area] = tuple(message["forms"])
    return [f"{key[0]!r} is translated differently in " + ", ".join(f"{a} {f[0]!r}" for a, f in areas.items())
            for key, areas in seen.items() if len(set(areas.values())) > 1]


def _english_problems(tmp: Path) -> list[str]:
    name = catalogs.ENGLISH.relative_to(catalogs.ROOT)
    if not catalogs.ENGLISH.is_file():
        return [f"{name} is missing: run packaging/translations.py update app"]
    fresh = tmp / "en.ts"
    shutil.copy(catalogs.ENGLISH, fresh)
    catalogs.lupdate(catalogs.all_sources(), fresh, "-target-language", "en", "-pluralonly", "-locations", "none")
    known = catalogs.messages(catalogs.ENGLISH)
    problems = []
    for key, message in catalogs.messages(fresh).items():
        if key not in known or not known[key]["finished"]:
            problems.append(f"no English plural forms in {name} (run update): {key[0]!r}")
        elif len(known[key]["forms"]) != 2:
            problems.append(f"the English plural needs 2 forms in {name}: {key[0]!r}")
        else:
            problems += [f"{why} in {name}: {key[0]!r} -> {form!r}"
                         for form in known[key]["forms"] for why in _differences(key[0], form)]
    return problems


def _stale_binaries(tmp: Path) -> list[str]:
    out = tmp / "qm"
    out.mkdir()
    problems = []
    for fresh in catalogs.build(out):
        committed = catalogs.CATALOGS / fresh.name
        if not committed.is_file() or committed.read_bytes() != fresh.read_bytes():
            problems.append(f"{committed.relative_to(catalogs.ROOT)} is not built from the .ts files: run "
                            "packaging/translations.py build")
    return problems


def check() -> dict[str, list[str]]:
    """Problems by area ("app", ..., plus "English", "catalogs" and "built files"); empty when all is well."""
    problems: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for language in catalogs.LANGUAGES:
            suffix = "" if len(catalogs.LANGUAGES) == 1 else f" ({language})"
            for area in catalogs.AREAS:
                problems[area + suffix] = _area_problems(language, area, tmp)
            problems["catalogs" + suffix] = _conflicts(language)
        problems["English"] = _english_problems(tmp)
        problems["built files"] = _stale_binaries(tmp)
    return {area: found for area, found in problems.items() if found}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="translations.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    update = commands.add_parser("update", help="extract an area's strings into its catalogs")
    update.add_argument("areas", nargs="+", choices=[*catalogs.AREAS, "all"], metavar="AREA",
                        help=f"one of {', '.join(catalogs.AREAS)}, or all")
    commands.add_parser("build", help="write the .qm files from the .ts files")
    commands.add_parser("check", help="exit 1 if any string is untranslated or any .qm is stale")
    args = parser.parse_args(argv)
    if args.command == "update":
        catalogs.update(list(catalogs.AREAS) if "all" in args.areas else list(dict.fromkeys(args.areas)))
    elif args.command == "build":
        for path in catalogs.build():
            print(f"wrote {path.relative_to(catalogs.ROOT)}")
    else:
        problems = check()
        for area, found in problems.items():
            print(f"{area}: {len(found)} problem(s)")
            for problem in found:
                print(f"  {problem}")
        if problems:
            print(f"translations check failed: {sum(map(len, problems.values()))} problem(s): "
                  + ", ".join(f"{area} {len(found)}" for area, found in problems.items()))
            return 1
        print("translations check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
