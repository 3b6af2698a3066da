"""The translation catalogs (``packaging/translations.py``, ``packaging/catalogs.py``): every area's strings
translated, placeholders kept and the committed ``.qm`` files built from the ``.ts`` files (the check the
suite runs), and the check itself finding what it must. No Qt in this process (Qt's tools run as programs)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "packaging" / "translations.py"


def _load_check():
    sys.path.insert(0, str(ROOT / "packaging"))      # translations.py imports catalogs.py beside it
    try:
        spec = importlib.util.spec_from_file_location("translations", TOOL)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))


checks = _load_check()
catalogs = checks.catalogs        # the very module the check uses (patched in one test)


def test_the_catalogs_are_complete_consistent_and_built():
    """packaging/translations.py check: every area's strings translated, placeholders kept, .qm up to date."""
    result = subprocess.run([sys.executable, str(TOOL), "check"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr


def test_the_check_finds_dropped_placeholders_counts_and_accelerators():
    assert checks._differences("Trained {epochs} in {seconds:.1f} s", "{epochs} trainiert in {seconds:.1f} s") == []
    assert checks._differences("Trained {epochs}", "{epoch} trainiert")
    assert checks._differences("%n digit(s)", "Ziffern") == ["%n dropped"]
    assert checks._differences("&Open", "Öffnen") == ["the & accelerator is missing"]
    assert checks._differences("<b>Loss</b>", "Verlust")
    assert catalogs.english_forms("%n digit(s) is/are kept") == ("%n digit is kept", "%n digits are kept")


def test_the_check_lists_a_string_missing_from_its_catalog(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text('from mnist_gui.core.i18n import tr\ntr("Hello {name}")\n'
                                           'tr("Old words")\n', encoding="utf-8")
    monkeypatch.setattr(catalogs, "ROOT", tmp_path)
    monkeypatch.setattr(catalogs, "CATALOGS", tmp_path)
    monkeypatch.setattr(catalogs, "ENGLISH", tmp_path / "en.ts")
    monkeypatch.setattr(catalogs, "AREAS", {"x": ["src/*.py"]})
    catalogs.update(["x"])
    ts = tmp_path / "de_x.ts"
    text = ts.read_text(encoding="utf-8").replace('<translation type="unfinished"></translation>',
                                                  "<translation>Hallo {nme}</translation>", 1)
    ts.write_text(text, encoding="utf-8")
    (tmp_path / "src" / "a.py").write_text('from mnist_gui.core.i18n import tr\ntr("Hello {name}")\n'
                                           'tr("New words")\n', encoding="utf-8")
    problems = checks._area_problems("de", "x", tmp_path / "src")
    assert any("placeholders {name} became {nme}" in p for p in problems)
    assert any("not in de_x.ts" in p and "'New words'" in p for p in problems)


def test_a_missing_qt_tool_is_named_with_where_it_was_looked_for(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(SystemExit, match="pyside6-lupdate was found neither next to .* nor on PATH"):
        catalogs.tool("pyside6-lupdate")
